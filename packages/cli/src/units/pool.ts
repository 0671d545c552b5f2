import { setImmediate } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import type { Bilingual } from '@kpispec/language/core';
import { UserError } from '../exit-codes.js';
import type { CliServices } from '../workspace.js';
import type { Unit } from './discover.js';
import type { ScannedText } from './read-files.js';
import { UnitValidator, type ThreadSetup, type UnitOutcome, type WorkspaceSetup } from './unit-validator.js';

/** What a worker answers a unit or a list of files to scan with. */
export type Reply = { outcome: UnitOutcome } | { scanned: ScannedText[] } | { error: Bilingual; user: boolean };

/** A unit with its files' texts, as a worker is sent it. */
export interface UnitWork {
    readonly unit: Unit;
    readonly texts: readonly string[];
}

/** Files for a worker to read and scan, in the order it answers with. */
export interface ScanWork {
    readonly scan: readonly string[];
}

/** Young generation of a worker: V8's default lets each thread hold ~100 MB of garbage between collections. */
const YOUNG_GENERATION_MB = 12;

/**
 * Units sent to a worker ahead of its replies. This thread answers a worker between its own
 * units, and a unit here takes as long as several there: with two in flight, a worker waited for
 * work a tenth of the time at 10,000 projects (bench/RESULTS.md). The units are the smallest last,
 * so the worker's queue at the end is short.
 */
const IN_FLIGHT = 8;

/** Files read and scanned as one piece of work, here or in a worker. */
const SCAN_CHUNK = 200;

/** What a worker sends: once set up, that it is ready, then its replies. */
type Message = Reply | { ready: true };

/** A worker and the replies it owes, in the order asked: it answers in turn. */
class Helper {
    /** Resolved once the worker is set up (modules, parser, configuration); rejected if it fails. */
    readonly ready: Promise<void>;
    private readonly owed: Array<{ resolve(reply: Reply): void; reject(error: Error): void }> = [];
    private failure: Error | undefined;

    constructor(readonly worker: Worker) {
        let setUp!: () => void;
        let failed!: (error: Error) => void;
        this.ready = new Promise<void>((resolve, reject) => {
            setUp = resolve;
            failed = reject;
        });
        // Nobody may be waiting for it (a run whose files were all read here): its failure is reported when the worker is asked.
        this.ready.catch(() => undefined);
        worker.on('message', (message: Message) => ('ready' in message ? setUp() : this.owed.shift()?.resolve(message)));
        // A worker that fails before it is asked anything (a failure to start) fails the run when it is.
        worker.once('error', error => {
            this.failure = error;
            failed(error);
            for (const owed of this.owed.splice(0)) owed.reject(error);
        });
    }

    ask(message: UnitWork | ScanWork): Promise<Reply> {
        if (this.failure) return Promise.reject(this.failure);
        return new Promise((resolve, reject) => {
            this.owed.push({ resolve, reject });
            this.worker.postMessage(message);
        });
    }
}

/** A thread that can read and scan files for this one. */
export interface Reader {
    readonly ready: Promise<void>;
    scan(files: readonly string[]): Promise<ScannedText[]>;
}

/**
 * Reads and scans files `indices` of `files` in chunks, here with `readHere` and in the readers
 * once they are ready (two chunks in flight each), whose texts and scans go to `store`. This
 * thread never waits for a reader to be ready: what is left when it is goes to it.
 */
export async function readShared(
    files: readonly string[], indices: readonly number[], readers: readonly Reader[],
    readHere: (i: number) => void, store: (i: number, scanned: ScannedText) => void,
): Promise<void> {
    const chunks: number[][] = [];
    for (let at = 0; at < indices.length; at += SCAN_CHUNK) chunks.push(indices.slice(at, at + SCAN_CHUNK));
    const sent: Array<Promise<void>> = [];
    const send = (reader: Reader) => {
        const chunk = chunks.shift();
        if (!chunk) return;
        const scanned = reader.scan(chunk.map(i => files[i]!)).then(texts => {
            chunk.forEach((i, k) => store(i, texts[k]!));
            send(reader);
        });
        // Awaited below, once this thread is done: until then its failure must not count as unhandled.
        scanned.catch(() => undefined);
        sent.push(scanned);
    };
    for (const reader of readers) reader.ready.then(() => [send(reader), send(reader)], () => undefined);
    for (let chunk = chunks.shift(); chunk; chunk = chunks.shift()) {
        for (const i of chunk) readHere(i);
        // Let the readers' answers in, and send them more.
        if (readers.length > 0) await setImmediate();
    }
    // Each answer sends the next chunk while there is one: `sent` grows until the last is in.
    for (let i = 0; i < sent.length; i++) await sent[i];
}

/** A worker's reply, or the error it reported. */
function answer<K extends 'outcome' | 'scanned'>(reply: Reply, key: K): Extract<Reply, Record<K, unknown>>[K] {
    if ('error' in reply) throw reply.user ? new UserError(reply.error) : new Error(reply.error.en);
    if (!(key in reply)) throw new Error(`a worker answered without ${key}`);
    return (reply as Extract<Reply, Record<K, unknown>>)[key];
}

/**
 * This thread and worker threads reading files and validating units from one queue. Workers
 * can be started before the files are read: a worker's start (modules, parser, configuration:
 * about a second) then overlaps this thread's reading, and the workers read the rest with it.
 */
export class UnitPool {
    private readonly helpers: Helper[] = [];

    constructor(private readonly setup: ThreadSetup) {}

    /** Starts workers until there are `count`. */
    start(count: number): void {
        while (this.helpers.length < count) {
            this.helpers.push(new Helper(new Worker(new URL('./worker.js', import.meta.url), {
                workerData: this.setup, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
            })));
        }
    }

    /** Reads and scans files `indices` of `files` here and in the workers started (see readShared). */
    read(files: readonly string[], indices: readonly number[], readHere: (i: number) => void, store: (i: number, scanned: ScannedText) => void): Promise<void> {
        const readers = this.helpers.map((helper): Reader => ({
            ready: helper.ready,
            scan: async scan => answer(await helper.ask({ scan }), 'scanned'),
        }));
        return readShared(files, indices, readers, readHere, store);
    }

    /**
     * Validates the units in `threads` threads: this one, with the given services, and
     * `threads - 1` workers (workers started beyond those are stopped). `texts` gives a unit's
     * texts as it is taken from the queue (the scan has read them). Each outcome goes to `done`
     * as it comes: the caller sorts.
     */
    async validate(
        units: readonly Unit[], workspace: WorkspaceSetup, threads: number, services: CliServices,
        texts: (unit: Unit) => string[], done: (unit: Unit, outcome: UnitOutcome) => void,
    ): Promise<void> {
        const workerCount = Math.min(threads, units.length) - 1;
        this.start(workerCount);
        await Promise.all(this.helpers.splice(workerCount).map(h => h.worker.terminate()));
        if (units.length === 0) return;
        const queue = [...units];
        const here = async () => {
            const validator = await UnitValidator.create(workspace, services);
            try {
                for (let unit = queue.shift(); unit; unit = queue.shift()) {
                    done(unit, await validator.validate(unit, texts(unit)));
                    // A unit's validation never waits for the event loop: let the workers' replies in, and send them more.
                    await setImmediate();
                }
            } finally {
                await validator.release();
            }
        };
        for (const helper of this.helpers) helper.worker.postMessage(workspace);
        const lanes = this.helpers.flatMap(helper => Array.from({ length: IN_FLIGHT }, async () => {
            for (let unit = queue.shift(); unit; unit = queue.shift()) {
                done(unit, answer(await helper.ask({ unit, texts: texts(unit) }), 'outcome'));
            }
        }));
        await Promise.all([here(), ...lanes]);
    }

    async close(): Promise<void> {
        await Promise.all(this.helpers.splice(0).map(h => h.worker.terminate()));
    }
}
