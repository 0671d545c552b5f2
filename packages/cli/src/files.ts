import { stat } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import { URI, type FileSystemProvider } from 'langium';
import { findKpiFilesIn, type KpiConfiguration } from '@kpispec/language';
import { UserError } from './exit-codes.js';

export interface FileSearch {
    configuration: KpiConfiguration;
    fileSystem: FileSystemProvider;
    cwd: string;
}

const posix = (path: string) => path.split(sep).join('/');

/**
<<<<<<< HEAD
 * Expands files, folders and glob patterns to `.kpi` files (and the other `extensions` given:
 * lint also reads workbooks). Folders are searched recursively,
 * skipping `node_modules`, dot-folders and what the configuration's `ignore` globs match
 * (relative to the folder of the kpispec.json that applies; a pattern without `/` matches a
 * name at any depth). A file named explicitly is always included.
 */
export async function findKpiFiles(patterns: readonly string[], discovery: Discovery, extensions: readonly string[] = ['.kpi']): Promise<string[]> {
=======
 * Expands files, folders and glob patterns to `.kpi` files. Folders are searched as the language
 * server searches its workspace (see findKpiFilesIn: `ignore` globs, no dot-folders or
 * node_modules); a file named explicitly is always included.
 */
export async function findKpiFiles(patterns: readonly string[], search: FileSearch): Promise<string[]> {
>>>>>>> main
    const files = new Set<string>();
    for (const pattern of patterns) {
        const abs = resolve(search.cwd, pattern);
        const info = await stat(abs).catch(() => undefined);
        if (info?.isDirectory()) {
<<<<<<< HEAD
            for (const f of await walk(abs, discovery, extensions)) files.add(f);
=======
            for (const f of await walk(abs, search)) files.add(f);
>>>>>>> main
        } else if (info) {
            files.add(abs);
        } else if (picomatch.scan(pattern).isGlob) {
            const { base } = picomatch.scan(pattern);
            const matches = picomatch(posix(pattern).replace(/^\.\//, ''));
<<<<<<< HEAD
            const root = resolve(discovery.cwd, base || '.');
            const found = (await stat(root).catch(() => undefined))?.isDirectory() ? await walk(root, discovery, extensions) : [];
            const matched = found.filter(f => matches(posix(isAbsolute(pattern) ? f : relative(discovery.cwd, f))));
=======
            const root = resolve(search.cwd, base || '.');
            const found = (await stat(root).catch(() => undefined))?.isDirectory() ? await walk(root, search) : [];
            const matched = found.filter(f => matches(posix(isAbsolute(pattern) ? f : relative(search.cwd, f))));
>>>>>>> main
            if (matched.length === 0) throw new UserError(`no .kpi files match '${pattern}'`);
            for (const f of matched) files.add(f);
        } else {
            throw new UserError(`no such file or folder: ${pattern}`);
        }
    }
    return [...files].sort();
}

<<<<<<< HEAD
async function walk(dir: string, discovery: Discovery, extensions: readonly string[]): Promise<string[]> {
    let entries;
    try {
        entries = await readdir(dir, { withFileTypes: true });
    } catch (e) {
        throw new UserError(`cannot read folder ${dir}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
    const ignored = await ignoreMatcher(dir, discovery);
    const out: string[] = [];
    for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
        // `~$自评表.xlsx` is the lock file Excel keeps beside an open workbook.
        if (e.name.startsWith('.') || e.name.startsWith('~$') || e.name === 'node_modules') continue;
        const full = join(dir, e.name);
        if (ignored(full)) continue;
        if (e.isDirectory()) out.push(...await walk(full, discovery, extensions));
        else if (e.isFile() && extensions.includes(extname(e.name).toLowerCase())) out.push(full);
    }
    return out;
}

/** Whether a path inside `dir` is ignored by the configuration that applies to `dir`. */
async function ignoreMatcher(dir: string, { configuration, fileSystem, cwd }: Discovery): Promise<(path: string) => boolean> {
    // Any name inside the folder finds the folder's configuration.
    const probe = URI.file(join(dir, CONFIG_FILE_NAME));
    const config = await configuration.loadFor(probe, fileSystem);
    if (config.ignore.length === 0) return () => false;
    const file = configuration.fileFor(probe);
    const base = file ? dirname(file.fsPath) : cwd;
    const matches = picomatch(config.ignore, { dot: true, basename: true });
    return path => {
        const rel = posix(relative(base, path));
        return !rel.startsWith('../') && matches(rel);
    };
=======
async function walk(dir: string, { configuration, fileSystem }: FileSearch): Promise<string[]> {
    const found = await findKpiFilesIn(URI.file(dir), {
        configuration,
        fileSystem,
        onUnreadableFolder: (folder, e) => {
            throw new UserError(`cannot read folder ${folder.fsPath}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
        },
    });
    return found.map(uri => uri.fsPath);
>>>>>>> main
}
