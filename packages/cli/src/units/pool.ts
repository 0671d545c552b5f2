import { Worker } from 'node:worker_threads';
import { UserError } from '../exit-codes.js';
import type { createServices } from '../workspace.js';
import type { Unit } from './discover.js';
import { UnitValidator, type UnitOutcome, type UnitSetup } from './unit-validator.js';

type Reply = { outcome: UnitOutcome } | { error: string; user: boolean };

/** Young generation of a worker: V8's default lets each thread hold ~100 MB of garbage between collections. */
const YOUNG_GENERATION_MB = 12;

/**
 * Validates the units in `threads` threads taking them from one queue: this one, with the
 * given services, and `threads - 1` workers. Each outcome goes to `done` as it comes: the
 * caller sorts.
 */
export async function validateUnits(
    units: readonly Unit[], setup: UnitSetup, threads: number, services: ReturnType<typeof createServices>,
    done: (unit: Unit, outcome: UnitOutcome) => void,
): Promise<void> {
    if (units.length === 0) return;
    const queue = [...units];
    const workers: Worker[] = [];
    const here = async () => {
        const validator = await UnitValidator.create(setup, services);
        try {
            for (let unit = queue.shift(); unit; unit = queue.shift()) done(unit, await validator.validate(unit));
        } finally {
            await validator.release();
        }
    };
    try {
        await Promise.all([here(), ...Array.from({ length: Math.min(threads, units.length) - 1 }, () => {
            const worker = new Worker(new URL('./worker.js', import.meta.url), { workerData: setup, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
            workers.push(worker);
            return feed(worker, queue, done);
        })]);
    } finally {
        await Promise.all(workers.map(w => w.terminate()));
    }
}

/** Keeps two units in flight in a worker until the queue is empty. */
function feed(worker: Worker, queue: Unit[], done: (unit: Unit, outcome: UnitOutcome) => void): Promise<void> {
    return new Promise((resolve, reject) => {
        const inFlight: Unit[] = [];
        const next = () => {
            const unit = queue.shift();
            if (!unit) return;
            inFlight.push(unit);
            worker.postMessage(unit);
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
        next();
        next();
        if (inFlight.length === 0) resolve();
    });
}
