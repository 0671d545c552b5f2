import { setImmediate } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import { UserError } from '../exit-codes.js';
import type { createServices } from '../workspace.js';
import type { Unit } from './discover.js';
import { UnitValidator, type ThreadSetup, type UnitOutcome, type WorkspaceSetup } from './unit-validator.js';

type Reply = { outcome: UnitOutcome } | { error: string; user: boolean };

/** A unit with its files' texts, as a worker is sent it. */
export interface UnitWork {
    readonly unit: Unit;
    readonly texts: readonly string[];
}

/** Young generation of a worker: V8's default lets each thread hold ~100 MB of garbage between collections. */
const YOUNG_GENERATION_MB = 12;

/**
 * This thread and worker threads validating units from one queue. Workers can be started
 * before the units are known: a worker's start (modules, parser, configuration: about a second)
 * then overlaps this thread's scan of the files.
 */
export class UnitPool {
    private readonly workers: Worker[] = [];
    /** A worker that failed before it was given units (a failure to start) fails the run when it is. */
    private readonly failures = new Map<Worker, Error>();

    constructor(private readonly setup: ThreadSetup) {}

    /** Starts workers until there are `count`. */
    start(count: number): void {
        while (this.workers.length < count) {
            const worker = new Worker(new URL('./worker.js', import.meta.url), { workerData: this.setup, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
            worker.once('error', error => this.failures.set(worker, error));
            this.workers.push(worker);
        }
    }

    /**
     * Validates the units in `threads` threads: this one, with the given services, and
     * `threads - 1` workers (workers started beyond those are stopped). `texts` gives a unit's
     * texts as it is taken from the queue (the scan has read them). Each outcome goes to `done`
     * as it comes: the caller sorts.
     */
    async validate(
        units: readonly Unit[], workspace: WorkspaceSetup, threads: number, services: ReturnType<typeof createServices>,
        texts: (unit: Unit) => string[], done: (unit: Unit, outcome: UnitOutcome) => void,
    ): Promise<void> {
        const workerCount = Math.min(threads, units.length) - 1;
        this.start(workerCount);
        await Promise.all(this.workers.splice(workerCount).map(w => w.terminate()));
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
        await Promise.all([here(), ...this.workers.map(worker => {
            const failure = this.failures.get(worker);
            if (failure) return Promise.reject(failure);
            worker.postMessage(workspace);
            return feed(worker, queue, texts, done);
        })]);
    }

    async close(): Promise<void> {
        await Promise.all(this.workers.splice(0).map(w => w.terminate()));
    }
}

/**
 * Units sent to a worker ahead of its replies. This thread answers a worker between its own
 * units, and a unit here takes as long as several there: with two in flight, a worker waited for
 * work a tenth of the time at 10,000 projects (bench/RESULTS.md). The units are the smallest last,
 * so the worker's queue at the end is short.
 */
const IN_FLIGHT = 8;

/** Keeps IN_FLIGHT units in flight in a worker until the queue is empty. */
function feed(worker: Worker, queue: Unit[], texts: (unit: Unit) => string[], done: (unit: Unit, outcome: UnitOutcome) => void): Promise<void> {
    return new Promise((resolve, reject) => {
        const inFlight: Unit[] = [];
        const next = () => {
            const unit = queue.shift();
            if (!unit) return;
            inFlight.push(unit);
            worker.postMessage({ unit, texts: texts(unit) } satisfies UnitWork);
        };
        worker.on('message', (reply: Reply) => {
            const unit = inFlight.shift()!;
            if (!('outcome' in reply)) {
                reject(reply.user ? new UserError(reply.error) : new Error(reply.error));
                return;
            }
            done(unit, reply.outcome);
            next();
            if (inFlight.length === 0) resolve();
        });
        worker.once('error', reject);
        for (let i = 0; i < IN_FLIGHT; i++) next();
        if (inFlight.length === 0) resolve();
    });
}
