import picomatch from 'picomatch';
import { UriUtils, type FileSystemNode, type FileSystemProvider, type URI } from 'langium';
import { CONFIG_FILE_NAME, type KpiConfiguration } from '../config/configuration.js';

/** What finding files needs: the configuration service (ignore globs) and a file system. */
export interface Discovery {
    configuration: KpiConfiguration;
    fileSystem: FileSystemProvider;
    /** A folder that cannot be listed: the CLI stops with one line, the server logs it and goes on. */
    onUnreadableFolder: (folder: URI, error: unknown) => void;
    /** The extensions looked for (default `.kpi`; lint and the server also read workbooks). */
    extensions?: readonly string[];
}

export const KPI_EXTENSION = '.kpi';

/**
 * The `.kpi` files under a folder, sorted, as `kpispec lint` and the language server both see
 * them: searched recursively, skipping `node_modules`, dot-files and dot-folders and what the
 * `ignore` globs of the kpispec.json that applies to each folder match (relative to that
 * kpispec.json's folder; a pattern without `/` matches a name at any depth).
 */
export async function findKpiFilesIn(folder: URI, discovery: Discovery): Promise<URI[]> {
    let entries;
    try {
        entries = await discovery.fileSystem.readDirectory(folder);
    } catch (e) {
        discovery.onUnreadableFolder(folder, e);
        return [];
    }
    const ignored = await ignoreMatcher(folder, entries, discovery);
    const kpiNames = kpiNamesOf(entries);
    // Subfolders are searched at once (a province's workspace has a thousand), results kept in name order.
    const found: Array<URI | Promise<URI[]>> = [];
    // Each name found once: the sort compares a thousand project folders ten thousand times.
    const named = entries.map(entry => ({ entry, name: UriUtils.basename(entry.uri) })).sort((a, b) => byName.compare(a.name, b.name));
    for (const { entry, name } of named) {
        if (isHiddenName(name) || ignored(entry.uri)) continue;
        if (entry.isDirectory) found.push(findKpiFilesIn(entry.uri, discovery));
        else if (entry.isFile && isSoughtFile(name, kpiNames, discovery)) found.push(entry.uri);
    }
    return (await Promise.all(found)).flat();
}

/** The order of `localeCompare`, without looking up its collator at every comparison. */
const byName = new Intl.Collator();

/**
 * Whether the search would find `file`, one of `entries` (its folder's listing), when it appears
 * after the search (a file watcher's event): it is there, has an extension looked for, is no
 * hidden name, sits beside no text imported from it, and no `ignore` glob matches it (see isIgnoredNow).
 */
export function isFoundAmong(file: URI, entries: readonly FileSystemNode[], discovery: Pick<Discovery, 'configuration' | 'extensions'>): boolean {
    const name = UriUtils.basename(file);
    return entries.some(e => e.isFile && UriUtils.basename(e.uri) === name)
        && !isHiddenName(name) && isSoughtFile(name, kpiNamesOf(entries), discovery) && !isIgnoredNow(file, discovery.configuration);
}

/** Names never searched: dot-files and dot-folders, `node_modules`, and `~$自评表.xlsx`, the lock file Excel keeps beside an open workbook. */
function isHiddenName(name: string): boolean {
    return name.startsWith('.') || name.startsWith('~$') || name === 'node_modules';
}

function isSoughtFile(name: string, kpiNames: ReadonlySet<string>, { extensions }: Pick<Discovery, 'extensions'>): boolean {
    return !isImported(name, kpiNames) && (extensions ?? [KPI_EXTENSION]).some(ext => name.toLowerCase().endsWith(ext));
}

/** The lower-case names of the .kpi files among a folder's entries. */
function kpiNamesOf(entries: readonly FileSystemNode[]): Set<string> {
    return new Set(entries.filter(e => e.isFile).map(e => UriUtils.basename(e.uri).toLowerCase()).filter(n => n.endsWith(KPI_EXTENSION)));
}

/**
 * Whether a file that appeared after the search (a file watcher's event) is left out by the
 * `ignore` globs of the folders above it, as far as their configuration is loaded: the
 * folders the search went through are, and those are the ones whose globs applied.
 */
export function isIgnoredNow(file: URI, configuration: KpiConfiguration): boolean {
    for (let entry = file, folder = UriUtils.dirname(file); ; entry = folder, folder = UriUtils.dirname(folder)) {
        const probe = UriUtils.joinPath(folder, CONFIG_FILE_NAME);
        if (ignoreMatcherOf(configuration.get(probe).ignore, configuration.fileFor(probe) ?? probe)(entry)) return true;
        if (UriUtils.dirname(folder).path === folder.path) return false;
    }
}

/** Whether an entry of `folder` is ignored by the configuration that applies to `folder`. */
async function ignoreMatcher(folder: URI, entries: readonly FileSystemNode[], { configuration, fileSystem }: Pick<Discovery, 'configuration' | 'fileSystem'>): Promise<(uri: URI) => boolean> {
    // Any name inside the folder finds the folder's configuration.
    const probe = UriUtils.joinPath(folder, CONFIG_FILE_NAME);
    // An entry of that name may be a link to a file: only its absence spares the stat.
    const noFileHere = !entries.some(e => UriUtils.basename(e.uri) === CONFIG_FILE_NAME);
    const config = await configuration.loadFor(probe, fileSystem, noFileHere);
    return ignoreMatcherOf(config.ignore, configuration.fileFor(probe) ?? probe);
}

/** `ignore` globs are relative to the folder of the kpispec.json that sets them. */
function ignoreMatcherOf(globs: readonly string[], configFile: URI): (uri: URI) => boolean {
    if (globs.length === 0) return () => false;
    const base = UriUtils.dirname(configFile);
    const matches = picomatch([...globs], { dot: true, basename: true });
    return uri => {
        const rel = UriUtils.relative(base, uri);
        return !rel.startsWith('../') && matches(rel);
    };
}

/**
 * A workbook whose imported text sits beside it (`自评表.xlsx` and `自评表.kpi`, as `kpispec import`
 * writes them) is read from that text, which the officer edits: read both and every name would be
 * defined twice.
 */
function isImported(name: string, kpiNames: ReadonlySet<string>): boolean {
    const lower = name.toLowerCase();
    const dot = lower.lastIndexOf('.');
    return dot > 0 && !lower.endsWith(KPI_EXTENSION) && kpiNames.has(lower.slice(0, dot) + KPI_EXTENSION);
}
