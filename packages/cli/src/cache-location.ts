import { statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

export const DEFAULT_CACHE_FILE = '.kpispeccache';

/** `--cache-location`: a file, or a folder to hold `.kpispeccache`. */
export function cachePath(location: string): string {
    return statSync(location, { throwIfNoEntry: false })?.isDirectory() ? join(location, DEFAULT_CACHE_FILE) : location;
}

/**
 * Whether a command line (without node and the script) is `kpispec lint --cache` and its cache
 * file is there: a run that validates only the units changed since. Read before anything loads,
 * so leniently; the command itself reports what is wrong with its options.
 */
export function lintsFromCache(argv: readonly string[], cwd: string): boolean {
    const [command, ...rest] = argv;
    if (command !== 'lint') return false;
    const { values } = parseArgs({
        args: rest, strict: false, allowPositionals: true,
        options: { cache: { type: 'boolean' }, 'cache-location': { type: 'string' } },
    });
    if (values.cache !== true) return false;
    const location = values['cache-location'];
    if (location !== undefined && typeof location !== 'string') return false;
    return statSync(cachePath(resolve(cwd, location ?? DEFAULT_CACHE_FILE)), { throwIfNoEntry: false })?.isFile() ?? false;
}
