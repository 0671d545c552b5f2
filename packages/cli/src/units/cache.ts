import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { CLI_VERSION } from '../version.js';
import { writeFileAtomically } from '../write-file.js';
import type { FileState } from './read-files.js';
import type { UnitOutcome } from './unit-validator.js';

/** Bumped when what a cache holds changes shape. */
const FORMAT = 2;

export const DEFAULT_CACHE_FILE = '.kpispeccache';

/** `--cache`: unit outcomes by a hash of everything they depend on, and what the last run did. */
export interface CacheFile {
    readonly format: number;
    readonly version: string;
    readonly units: Record<string, UnitOutcome>;
    /** What the next run needs of a file it does not read again (see readFiles). */
    readonly files: Record<string, FileState>;
    /** Units validated and units taken from the cache by the run that wrote it. */
    readonly stats: { readonly validated: number; readonly reused: number };
}

/** `--cache-location`: a file, or a folder to hold `.kpispeccache`. */
export async function cachePath(location: string): Promise<string> {
    return (await stat(location).catch(() => undefined))?.isDirectory() ? join(location, DEFAULT_CACHE_FILE) : location;
}

/** What a cache file holds: unit outcomes by key, file states by path. */
export interface Cached {
    readonly units: Map<string, UnitOutcome>;
    readonly files: Map<string, FileState>;
}

/** What a cache file holds; nothing when it is missing, unreadable, or from another version. */
export async function readCache(file: string): Promise<Cached> {
    try {
        const cache = JSON.parse(await readFile(file, 'utf8')) as CacheFile;
        if (cache.format !== FORMAT || cache.version !== CLI_VERSION || typeof cache.units !== 'object' || typeof cache.files !== 'object') return empty();
        return { units: new Map(Object.entries(cache.units)), files: new Map(Object.entries(cache.files)) };
    } catch {
        return empty();
    }
}

const empty = (): Cached => ({ units: new Map(), files: new Map() });

export async function writeCache(file: string, cached: Cached, stats: CacheFile['stats']): Promise<void> {
    const cache: CacheFile = { format: FORMAT, version: CLI_VERSION, units: Object.fromEntries(cached.units), files: Object.fromEntries(cached.files), stats };
    await writeFileAtomically(file, JSON.stringify(cache));
}

/** A unit's key: the tool's version and everything given, hashed. */
export function unitKey(parts: readonly string[]): string {
    const hash = createHash('sha256').update(`${FORMAT}\0${CLI_VERSION}`);
    for (const part of parts) hash.update('\0').update(part);
    return hash.digest('hex');
}

export function contentHash(text: string): string {
    return createHash('sha1').update(text).digest('hex');
}
