import picomatch from 'picomatch';
import { UriUtils, type FileSystemNode, type FileSystemProvider, type URI } from 'langium';
import { CONFIG_FILE_NAME, type KpiConfiguration } from '../config/configuration.js';

/** What finding files needs: the configuration service (ignore globs) and a file system. */
export interface Discovery {
    configuration: KpiConfiguration;
    /** Links are followed where it is a LinkedFileSystem (Node's), and passed over otherwise. */
    fileSystem: FileSystemProvider;
    /** A folder that cannot be listed: the CLI stops with one line, the server logs it and goes on. */
    onUnreadableFolder: (folder: URI, error: unknown) => void;
    /** The extensions looked for (default `.kpi`; lint and the server also read workbooks). */
    extensions?: readonly string[];
    /**
     * Whether a link that leads nowhere is found, by its name, as a file: the CLI and the server
     * then say they cannot read it, as of any unreadable file.
     */
    keepBrokenLinks?: boolean;
}

/** A file system with links: where a path really is. */
export interface LinkedFileSystem {
    /** The path of `uri` with every link resolved, as a URI's path (`/`-separated on every system). */
    realPath(uri: URI): Promise<string>;
    /** Whether `uri` is a link that leads nowhere (the server's, where links come and go after the search). */
    isBrokenLink?(uri: URI): Promise<boolean>;
}

export function linksOf(fileSystem: FileSystemProvider): LinkedFileSystem | undefined {
    return typeof (fileSystem as Partial<LinkedFileSystem>).realPath === 'function' ? fileSystem as unknown as LinkedFileSystem : undefined;
}

/** A file the search found: its path, where it really is, and whether a link led there. */
export interface FoundFile {
    readonly uri: URI;
    /** Its path with links resolved (see LinkedFileSystem.realPath): one file reached by two paths has one. */
    readonly real: string;
    /** Reached through a link (to it, or to a folder on the way) below the folder searched. */
    readonly linked: boolean;
}

/** A folder being searched: where it really is, whether a link led there, and the folder it is in. */
interface Place {
    readonly real: string;
    readonly linked: boolean;
    readonly parent: Place | undefined;
}

export const KPI_EXTENSION = '.kpi';

/**
 * The `.kpi` files under a folder, sorted, as `kpispec lint` and the language server both see
 * them: searched recursively, skipping `node_modules`, dot-files and dot-folders and what the
 * `ignore` globs of the kpispec.json that applies to each folder match (relative to that
 * kpispec.json's folder; a pattern without `/` matches a name at any depth). Links to files and
 * folders are followed (a folder with standards shared by link, see searchFolder); a file
 * reached by several paths is found once (see onePathEach).
 */
export async function findKpiFilesIn(folder: URI, discovery: Discovery): Promise<URI[]> {
    return onePathEach(await searchFolder(folder, discovery));
}

/**
 * Every path to a sought file under a folder, in the order of findKpiFilesIn. A link is followed
 * to the file or folder it leads to, but not into a folder the search is already in (a link to
 * a folder above it would never end).
 */
export async function searchFolder(folder: URI, discovery: Discovery): Promise<FoundFile[]> {
    return search(folder, { real: await realPathOf(folder, discovery.fileSystem), linked: false, parent: undefined }, discovery);
}

/** Where a path really is (FoundFile.real): its own path on a file system without links, or where it cannot be resolved. */
export async function realPathOf(uri: URI, fileSystem: FileSystemProvider): Promise<string> {
    return await linksOf(fileSystem)?.realPath(uri).catch(() => undefined) ?? uri.path;
}

/**
 * The files found, each once: a file reached by several paths (a link beside the file it leads
 * to, a linked folder beside the folder) is read under the path that reaches it without a link,
 * else under the first in path order, so that its names are not defined twice.
 */
export function onePathEach(found: readonly FoundFile[]): URI[] {
    const chosen = new Map<string, FoundFile>();
    for (const file of found) {
        const other = chosen.get(file.real);
        if (!other || (file.linked !== other.linked ? !file.linked : file.uri.path < other.uri.path)) chosen.set(file.real, file);
    }
    return found.filter(f => chosen.get(f.real) === f).map(f => f.uri);
}

async function search(folder: URI, place: Place, discovery: Discovery): Promise<FoundFile[]> {
    let listed;
    try {
        listed = await discovery.fileSystem.readDirectory(folder);
    } catch (e) {
        discovery.onUnreadableFolder(folder, e);
        return [];
    }
    // A link is neither a file nor a folder in a listing: what it leads to is looked up (links are few).
    const entries: Array<FileSystemNode & { real?: string }> = linksOf(discovery.fileSystem) && listed.some(isOther)
        ? (await Promise.all(listed.map(e => (isOther(e) ? followLink(e, discovery) : e)))).filter(e => e !== undefined)
        : listed;
    const ignored = await ignoreMatcher(folder, entries, discovery);
    const kpiNames = kpiNamesOf(entries);
    // Subfolders are searched at once (a province's workspace has a thousand), results kept in name order.
    const found: Array<FoundFile | Promise<FoundFile[]>> = [];
    // Each name found once: the sort compares a thousand project folders ten thousand times.
    const named = entries.map(entry => ({ entry, name: UriUtils.basename(entry.uri) })).sort((a, b) => byName.compare(a.name, b.name));
    for (const { entry, name } of named) {
        if (isHiddenName(name) || ignored(entry.uri)) continue;
        const linked = entry.real !== undefined;
        const real = entry.real ?? `${place.real}/${name}`;
        if (entry.isDirectory) {
            if (!(linked && isWithin(real, place))) found.push(search(entry.uri, { real, linked: linked || place.linked, parent: place }, discovery));
        } else if (entry.isFile && isSoughtFile(name, kpiNames, discovery)) {
            found.push({ uri: entry.uri, real, linked: linked || place.linked });
        }
    }
    return (await Promise.all(found)).flat();
}

/** Neither a file nor a folder: a link, or a device, a pipe, a socket. */
function isOther(entry: FileSystemNode): boolean {
    return !entry.isFile && !entry.isDirectory;
}

/** A link's entry as the file or folder it leads to, with its real path; a link to nothing kept as a file if asked; nothing for anything else. */
async function followLink(entry: FileSystemNode, discovery: Discovery): Promise<(FileSystemNode & { real: string }) | undefined> {
    const target = await discovery.fileSystem.stat(entry.uri).catch(() => undefined);
    if (!target) return discovery.keepBrokenLinks ? { uri: entry.uri, isFile: true, isDirectory: false, real: entry.uri.path } : undefined;
    if (!target.isFile && !target.isDirectory) return undefined;
    return { uri: entry.uri, isFile: target.isFile, isDirectory: target.isDirectory, real: await realPathOf(entry.uri, discovery.fileSystem) };
}

/** Whether the search is already in the folder whose real path is `real`. */
function isWithin(real: string, place: Place | undefined): boolean {
    for (; place; place = place.parent) if (place.real === real) return true;
    return false;
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
