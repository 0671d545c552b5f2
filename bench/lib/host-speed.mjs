// How fast each vCPU runs a fixed loop, pinned to it (`taskset`, Linux), first one vCPU at a time
// and then all at once. On the development machine each ran it in about 35 ms alone; at times,
// with both busy, the second took twice as long, and a cold lint's main thread runs at the speed of
// the vCPU the kernel gives it. Recorded before and after the measurements, so that a run's numbers
// say which host they had. The loop does not see everything: a cold lint's CPU time has varied by
// half between runs minutes apart while the loop kept its time (bench/RESULTS.md, issue 17).
// memoryProbe measures two things the loop does not: how long a load from memory takes, and how
// long a page of new memory takes the first time it is written (a page fault, 11–15 µs there).
import { execFile, execFileSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Prints the median time of a fixed integer loop, in ms, after two rounds to warm up. */
const LOOP = `
const times = [];
for (let r = 0; r < 11; r++) {
    const start = performance.now();
    let h = 0;
    for (let i = 0; i < 3e7; i++) h = (h * 31 + i) | 0;
    times.push(performance.now() - start);
    if (h === 42) console.log('');
}
const sorted = times.slice(2).sort((a, b) => a - b);
console.log(sorted[sorted.length >> 1].toFixed(1));
`;

/** Milliseconds per round on each vCPU, alone and all at once; undefined where `taskset` is missing. */
export async function hostSpeed() {
    if (process.platform !== 'linux') return undefined;
    try {
        execFileSync('taskset', ['-c', '0', 'true']);
    } catch {
        return undefined;
    }
    const cpus = Array.from({ length: availableParallelism() }, (_, i) => i);
    const pinned = async cpu => Number((await run('taskset', ['-c', String(cpu), process.execPath, '-e', LOOP])).stdout);
    const alone = [];
    for (const cpu of cpus) alone.push(await pinned(cpu));
    const together = await Promise.all(cpus.map(pinned));
    return { aloneMs: alone, togetherMs: together };
}

/** `36 / 36 ms alone, 37 / 70 ms at once`. */
export function describeHostSpeed(speed) {
    if (!speed?.aloneMs) return 'not measured (needs taskset)';
    return `${speed.aloneMs.join(' / ')} ms alone, ${speed.togetherMs.join(' / ')} ms at once`;
}

/**
 * Writes 64 MB of new memory, a byte per 4 KB page, then follows a chain of random links through
 * 32 MB (a single cycle, Sattolo's shuffle), and prints both times as JSON.
 */
const MEMORY = `
const PAGE = 4096;
const pages = 16384;
let start = performance.now();
const fresh = new Uint8Array(pages * PAGE);
for (let i = 0; i < fresh.length; i += PAGE) fresh[i] = 1;
const freshPageUs = (performance.now() - start) * 1000 / pages;
const n = 8 * 1024 * 1024;
const next = new Int32Array(n);
for (let i = 0; i < n; i++) next[i] = i;
let seed = 1;
for (let i = n - 1; i > 0; i--) {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    const j = seed % i;
    const t = next[i]; next[i] = next[j]; next[j] = t;
}
const loads = 2_000_000;
let at = 0;
start = performance.now();
for (let i = 0; i < loads; i++) at = next[at];
const memoryNs = (performance.now() - start) * 1e6 / loads;
console.log(JSON.stringify({ memoryNs: Number(memoryNs.toFixed(0)), freshPageUs: Number(freshPageUs.toFixed(1)), at }));
`;

/**
 * The time of one load from memory that no cache holds (ns), and of the first write to a page of
 * new memory (µs per 4 KB page). On the development machine the load took 139–220 ns from one
 * minute to the next, and a cold lint's time followed it; a page fault took 11–15 µs, a lint
 * takes some 40,000 (bench/RESULTS.md).
 */
export async function memoryProbe() {
    const { memoryNs, freshPageUs } = JSON.parse((await run(process.execPath, ['-e', MEMORY])).stdout);
    return { memoryNs, freshPageUs };
}

/** `load 160 ns, new page 11.8 µs`. */
export function describeMemory(probe) {
    return `load ${probe.memoryNs} ns, new page ${probe.freshPageUs} µs`;
}
