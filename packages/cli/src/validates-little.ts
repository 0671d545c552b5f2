import { opendirSync, statSync, type Dir } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { cachePath, DEFAULT_CACHE_FILE } from './cache-location.js';
import { LINT_OPTIONS } from './commands/lint-options.js';

/**
 * The most files a lint may take for `kpispec` to run it without its restart. The restart
 * (node-args.ts) costs about 0.08 s and makes validating about a tenth faster, so it pays off
 * only past some 0.8 s of validation: about a thousand files. A hundred is far below that.
 */
export const FEW_FILES = 100;

/**
 * Whether a command line (without node and the script) is a `kpispec lint` that validates
 * little: one with `--cache` and its cache file there (it validates only the units changed
 * since), or one of a few files. Read before anything loads, so leniently: the command itself
 * reports what is wrong with its options.
 */
export function validatesLittle(argv: readonly string[], cwd: string): boolean {
    const [command, ...rest] = argv;
    if (command !== 'lint') return false;
    let parsed;
    try {
        parsed = parseArgs({ args: [...rest], options: LINT_OPTIONS, allowPositionals: true, strict: false });
    } catch {
        return false;
    }
    const { values, positionals } = parsed;
    return cacheIsThere(values.cache, values['cache-location'], cwd) || fewFiles(positionals, cwd);
}

function cacheIsThere(cache: unknown, location: unknown, cwd: string): boolean {
    if (cache !== true || (location !== undefined && typeof location !== 'string')) return false;
    return statSync(cachePath(resolve(cwd, location ?? DEFAULT_CACHE_FILE)), { throwIfNoEntry: false })?.isFile() ?? false;
}

/**
 * Whether the paths are a few files: named one by one, as an editor's save hook or lint-staged
 * runs it, or in a small folder, as an officer lints a project's folder (no path: the current
 * folder). Such a run takes 0.3 s, and the restart would add a third. Counted generously (every
 * file but those in dot-folders and node_modules, as the folder walk skips them): a glob, a
 * missing path, or a folder with more than FEW_FILES files or folders is not few.
 */
function fewFiles(positionals: readonly string[], cwd: string): boolean {
    let count = 0;
    for (const path of positionals.length > 0 ? positionals : ['.']) {
        count += filesUpTo(resolve(cwd, path), FEW_FILES + 1 - count);
        if (count > FEW_FILES) return false;
    }
    return true;
}

/**
 * How many files `path` is or holds, counted up to `limit`; more than FEW_FILES if it is neither
 * file nor folder, or holds more than FEW_FILES folders. Entries are read one by one, so that a
 * folder of 10,000 projects costs a few of them, not the whole listing.
 */
function filesUpTo(path: string, limit: number): number {
    const stats = statSync(path, { throwIfNoEntry: false });
    if (stats?.isFile()) return 1;
    if (!stats?.isDirectory()) return Infinity;
    const pending = [path];
    let files = 0;
    let folders = 0;
    while (pending.length > 0) {
        const folder = pending.pop()!;
        let dir: Dir | undefined;
        try {
            dir = opendirSync(folder);
            for (let entry = dir.readSync(); entry; entry = dir.readSync()) {
                if (!entry.isDirectory()) {
                    if (++files >= limit) return files;
                } else if (!entry.name.startsWith('.') && entry.name !== 'node_modules') {
                    if (++folders > FEW_FILES) return Infinity;
                    pending.push(join(folder, entry.name));
                }
            }
        } catch {
            return Infinity;
        } finally {
            dir?.closeSync();
        }
    }
    return files;
}
