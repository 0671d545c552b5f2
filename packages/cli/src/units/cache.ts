import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { CLI_VERSION } from '../version.js';
import { writeFileAtomically } from '../write-file.js';
import type { UnitOutcome } from './unit-validator.js';

/** Bumped when what a cache holds changes shape. */
const FORMAT = 1;

export const DEFAULT_CACHE_FILE = '.kpispeccache';

/** `--cache`: unit outcomes by a hash of everything they depend on, and what the last run did. */
export interface CacheFile {
    readonly format: number;
    readonly version: string;
    readonly units: Record<string, UnitOutcome>;
    /** Units validated and units taken from the cache by the run that wrote it. */
    readonly stats: { readonly validated: number; readonly reused: number };
}

/** `--cache-location`: a file, or a folder to hold `.kpispeccache`. */
export async function cachePath(location: string): Promise<string> {
    return (await stat(location).catch(() => undefined))?.isDirectory() ? join(location, DEFAULT_CACHE_FILE) : location;
}

/** The outcomes a cache file holds; none when it is missing, unreadable, or from another version. */
export async function readCache(file: string): Promise<Map<string, UnitOutcome>> {
    try {
        const cache = JSON.parse(await readFile(file, 'utf8')) as CacheFile;
        if (cache.format !== FORMAT || cache.version !== CLI_VERSION || typeof cache.units !== 'object') return new Map();
        return new Map(Object.entries(cache.units));
    } catch {
        return new Map();
    }
}

export async function writeCache(file: string, units: ReadonlyMap<string, UnitOutcome>, stats: CacheFile['stats']): Promise<void> {
    const cache: CacheFile = { format: FORMAT, version: CLI_VERSION, units: Object.fromEntries(units), stats };
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
