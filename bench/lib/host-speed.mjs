// How fast each vCPU runs a fixed loop, pinned to it (`taskset`, Linux), first one vCPU at a time
// and then all at once. On the development machine each ran it in about 35 ms alone; at times,
// with both busy, the second took twice as long, and a cold lint's main thread runs at the speed of
// the vCPU the kernel gives it. Recorded before and after the measurements, so that a run's numbers
// say which host they had. The loop does not see everything: a cold lint's CPU time has varied by
// half between runs minutes apart while the loop kept its time (bench/RESULTS.md, issue 17).
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
    if (!speed) return 'not measured (needs taskset)';
    return `${speed.aloneMs.join(' / ')} ms alone, ${speed.togetherMs.join(' / ')} ms at once`;
}
