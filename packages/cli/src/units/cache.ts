import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { CLI_VERSION } from '../version.js';
import { writeFileAtomically } from '../write-file.js';
import type { FileState } from './read-files.js';
import type { UnitOutcome } from './unit-validator.js';

/** Bumped when what a cache holds changes shape. */
const FORMAT = 9;

/**
 * `--cache`: unit outcomes by a hash of everything they depend on, and what the last run did.
 * The file is a header line (this, as JSON) and then one line per entry: its kind and key as
 * JSON, a tab, its value as JSON. JSON holds no raw tab or line break, so lines split safely;
 * an entry the run did not change is written back as the very line it was read from (a warm
 * run changes one unit of thousands: serialising them all again took 70 ms).
 */
export interface CacheHeader {
    readonly format: number;
    readonly version: string;
    /** Units validated and units taken from the cache by the run that wrote it. */
    readonly stats: { readonly validated: number; readonly reused: number };
}

/** What a cache file holds: unit outcomes by key, and what the next run needs of a file it does not read again (see readFiles), by path. */
export interface Cached {
    readonly units: Map<string, UnitOutcome>;
    readonly files: Map<string, FileState>;
}

const UNIT = 'u';
const FILE = 'f';

/** The JSON each value was read from, to write back unchanged. */
const lineOf = new WeakMap<object, string>();

/** What a cache file holds; nothing when it is missing, unreadable, or from another version. */
export async function readCache(file: string): Promise<Cached> {
    const cached = empty();
    try {
        const lines = (await readFile(file, 'utf8')).split('\n');
        const header = JSON.parse(lines[0]!) as CacheHeader;
        if (header.format !== FORMAT || header.version !== CLI_VERSION) return empty();
        for (let i = 1; i < lines.length; i++) {
            const line = lines[i]!;
            const tab = line.indexOf('\t');
            if (tab < 0) continue;
            const [kind, key] = JSON.parse(line.slice(0, tab)) as [string, string];
            const json = line.slice(tab + 1);
            const value = JSON.parse(json) as object;
            lineOf.set(value, json);
            if (kind === UNIT) cached.units.set(key, value as UnitOutcome);
            else if (kind === FILE) cached.files.set(key, value as FileState);
        }
        return cached;
    } catch {
        return empty();
    }
}

const empty = (): Cached => ({ units: new Map(), files: new Map() });

export async function writeCache(file: string, cached: Cached, stats: CacheHeader['stats']): Promise<void> {
    const header: CacheHeader = { format: FORMAT, version: CLI_VERSION, stats };
    const lines = [JSON.stringify(header)];
    const add = (kind: string, key: string, value: object) => lines.push(`${JSON.stringify([kind, key])}\t${lineOf.get(value) ?? JSON.stringify(value)}`);
    for (const [key, outcome] of cached.units) add(UNIT, key, outcome);
    for (const [path, state] of cached.files) add(FILE, path, state);
    // Not flushed to disk: a cache lost or cut short by a crash of the system is read as none.
    await writeFileAtomically(file, `${lines.join('\n')}\n`, { flush: false });
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
