import { statSync, type Stats } from 'node:fs';
import { PassedOverError, type PassedOverFile, type Unread } from '../passed-over.js';
import { readUtf8Sync } from '../workspace.js';
import { contentHash } from './cache.js';
import { blockName, scanFile, type FileScan } from './scan.js';

/**
 * What `--cache` keeps of a file, so that a file with the same size and times as in the last
 * run is neither read nor scanned again (as ESLint's cache trusts file metadata): its content
 * hash, its blocks and exports, and the names it mentions that were block names then.
 */
export interface FileState {
    readonly size: number;
    readonly mtimeMs: number;
    readonly ctimeMs: number;
    /** The text's length, which orders the units to validate (largest first). */
    readonly length: number;
    readonly hash: string;
    readonly blocks: readonly string[];
    readonly exports: FileScan['exports'];
    readonly names: readonly string[];
    /** Why it was not read, for a file that cannot be read or is not UTF-8: passed over, told of again. */
    readonly unread?: Unread;
}

/** The files of a run, in its order; `texts` holds the ones read (to hand on to their units). */
export interface ReadFiles {
    readonly scans: FileScan[];
    readonly hashes: string[];
    readonly lengths: number[];
    readonly texts: Map<string, string>;
    /** The files that cannot be read or are not UTF-8, read as empty (see readAndScan), in the files' order. */
    passedOver(): PassedOverFile[];
    /** What the next run may reuse (with `--cache`), by path. */
    states(): Map<string, FileState>;
}

/** A file's text and what scanning it found. */
export interface ScannedText {
    readonly text: string;
    readonly scan: FileScan;
    /** Why the file was not read, when it cannot be or is not UTF-8: then its text is empty, and it is in no unit. */
    readonly unread?: Unread;
}

/**
 * Reads and scans files `indices` of `files`: each with `readHere`, or some elsewhere (in other
 * threads, see UnitPool.read), giving their texts and scans to `store`.
 */
export type ReadMany = (files: readonly string[], indices: readonly number[], readHere: (i: number) => void, store: (i: number, scanned: ScannedText) => void) => Promise<void>;

const readAllHere: ReadMany = async (_files, indices, readHere) => {
    for (const i of indices) readHere(i);
};

/** Reads and scans a file; one that cannot be read or is not UTF-8 is read as empty, and said to be. */
export function readAndScan(file: string, intern: (s: string) => string): ScannedText {
    let text: string;
    try {
        text = readUtf8Sync(file);
    } catch (e) {
        if (!(e instanceof PassedOverError)) throw e;
        const { file: _, ...unread } = e.passedOver;
        return { text: '', scan: scanFile('', intern), unread };
    }
    return { text, scan: scanFile(text, intern) };
}

/**
 * Reads and scans every file, or with `previous` (the last run's states) only those whose size
 * or times changed. Units are found from the names files mention that are block names: a
 * reused file's names are those of the last run, right only while the workspace defines the
 * same block names; otherwise every file is read and scanned after all.
 */
export async function readFiles(
    files: readonly string[], intern: (s: string) => string, hashing: boolean, previous?: ReadonlyMap<string, FileState>, readMany: ReadMany = readAllHere,
): Promise<ReadFiles> {
    const scans: FileScan[] = [];
    const hashes: string[] = [];
    const lengths: number[] = [];
    const texts = new Map<string, string>();
    const stats: Array<Stats | undefined> = [];
    const unreads: Array<Unread | undefined> = [];
    const store = (i: number, { text, scan, unread }: ScannedText) => {
        unreads[i] = unread;
        texts.set(files[i]!, text);
        scans[i] = scan;
        lengths[i] = text.length;
        if (hashing) hashes[i] = contentHash(text);
    };
    /** Reads files `indices`; `taken`: their times, where just taken. */
    const read = (indices: readonly number[], taken: ReadonlyMap<number, Stats | undefined>) => {
        // Times taken before reading: a file written meanwhile is read again next time.
        if (hashing) for (const i of indices) stats[i] = taken.get(i) ?? statSync(files[i]!, { throwIfNoEntry: false });
        // A file scanned in another thread comes with copies of its names: held once here too.
        return readMany(files, indices, i => store(i, readAndScan(files[i]!, intern)), (i, { text, scan, unread }) => store(i, {
            text, unread, scan: { blocks: scan.blocks.map(intern), mentions: scan.mentions.map(intern), exports: scan.exports.map(([name, type]) => [intern(name), type] as const) },
        }));
    };
    const toRead: number[] = [];
    const taken = new Map<number, Stats | undefined>();
    const reused: number[] = [];
    /** The states of files not read again: the same as before, as the same objects (the cache writes them back as read). */
    const kept = new Map<number, FileState>();
    files.forEach((file, i) => {
        const before = previous?.get(file);
        const now = before && statSync(file, { throwIfNoEntry: false });
        if (before && now && now.size === before.size && now.mtimeMs === before.mtimeMs && now.ctimeMs === before.ctimeMs) {
            stats[i] = now;
            scans[i] = { blocks: before.blocks, mentions: before.names, exports: before.exports };
            hashes[i] = before.hash;
            lengths[i] = before.length;
            unreads[i] = before.unread;
            reused.push(i);
            kept.set(i, before);
        } else {
            toRead.push(i);
            if (now) taken.set(i, now);
        }
    });
    await read(toRead, taken);
    if (reused.length > 0 && !sameSet(blockNames(scans), blockNames([...previous!.values()]))) {
        await read(reused, new Map(reused.map(i => [i, stats[i]])));
        kept.clear();
    }
    return {
        scans, hashes, lengths, texts,
        passedOver: () => files.flatMap((file, i) => unreads[i] ? [{ file, ...unreads[i] }] : []),
        states() {
            const names = blockNames(scans);
            return new Map(files.map((file, i) => [file, kept.get(i) ?? {
                size: stats[i]?.size ?? -1,
                mtimeMs: stats[i]?.mtimeMs ?? -1,
                ctimeMs: stats[i]?.ctimeMs ?? -1,
                length: lengths[i]!,
                hash: hashes[i]!,
                blocks: scans[i]!.blocks,
                exports: scans[i]!.exports,
                names: scans[i]!.mentions.filter(m => names.has(m)),
                ...(unreads[i] ? { unread: unreads[i] } : {}),
            }]));
        },
    };
}

function blockNames(scans: ReadonlyArray<Pick<FileScan, 'blocks'>>): Set<string> {
    const names = new Set<string>();
    for (const scan of scans) for (const entry of scan.blocks) names.add(blockName(entry));
    return names;
}

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
    return a.size === b.size && [...a].every(x => b.has(x));
}
