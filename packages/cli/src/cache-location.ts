import { statSync } from 'node:fs';
import { join } from 'node:path';

export const DEFAULT_CACHE_FILE = '.kpispeccache';

/** `--cache-location`: a file, or a folder to hold `.kpispeccache`. */
export function cachePath(location: string): string {
    return statSync(location, { throwIfNoEntry: false })?.isDirectory() ? join(location, DEFAULT_CACHE_FILE) : location;
}
