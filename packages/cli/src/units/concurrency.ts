import { availableParallelism } from 'node:os';
import { UserError } from '../exit-codes.js';

/** `--concurrency auto|N`. */
export type Concurrency = 'auto' | number;

/** Units below which `auto` validates in the main thread: a worker's start-up would cost more than it saves. */
const UNITS_PER_THREAD = 100;

export function parseConcurrency(flag: string | undefined): Concurrency {
    if (flag === undefined || flag === 'auto') return 'auto';
    if (!/^\d+$/.test(flag) || Number(flag) < 1) throw new UserError(`--concurrency must be auto or a number of threads ≥ 1, not '${flag}'`);
    return Number(flag);
}

/** How many threads validate `units` units: `auto` is one per core, with enough units for each. */
export function threadsFor(concurrency: Concurrency, units: number): number {
    if (concurrency === 'auto') return Math.max(1, Math.min(availableParallelism(), Math.floor(units / UNITS_PER_THREAD)));
    return Math.max(1, Math.min(concurrency, units));
}
