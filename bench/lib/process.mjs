// Runs a command to completion and reports its wall time and peak resident memory: through
// GNU time (`/usr/bin/time -v`) when the machine has it, else through a preload that writes
// the process's own `maxRSS` when it exits.
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const GNU_TIME = '/usr/bin/time';
const REPORT_RSS = join(dirname(fileURLToPath(import.meta.url)), 'report-rss.mjs');

/**
 * Runs `node <args>` with stdout sent to `stdoutFile` (or discarded). Resolves with the exit
 * code, wall and CPU milliseconds, peak RSS in MB and the tail of stderr.
 */
export async function timedNode(args, { stdoutFile, env } = {}) {
    const scratch = mkdtempSync(join(tmpdir(), 'kpi-bench-'));
    const rssFile = join(scratch, 'rss');
    const useTime = existsSync(GNU_TIME);
    const node = process.execPath;
    const [command, argv] = useTime
        ? [GNU_TIME, ['-v', '-o', rssFile, node, ...args]]
        : [node, ['--import', REPORT_RSS, ...args]];
    const out = stdoutFile ? createWriteStream(stdoutFile) : 'ignore';
    if (out !== 'ignore') await new Promise(resolve => out.once('open', resolve));
    const started = performance.now();
    const child = spawn(command, argv, {
        stdio: ['ignore', out, 'pipe'],
        env: { ...process.env, ...env, KPI_BENCH_RSS_FILE: rssFile },
    });
    let stderr = '';
    child.stderr.on('data', chunk => { stderr = (stderr + chunk).slice(-4000); });
    const code = await new Promise((resolve, reject) => {
        child.once('error', reject);
        child.once('close', resolve);
    });
    const ms = performance.now() - started;
    if (out !== 'ignore') out.close();
    const report = existsSync(rssFile) ? readFileSync(rssFile, 'utf8') : '';
    rmSync(scratch, { recursive: true, force: true });
    const kb = useTime
        ? Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(report)?.[1])
        : Number(report.trim().split(' ')[0]);
    // CPU time is less disturbed than wall time when other processes share the cores.
    const cpuSeconds = useTime
        ? Number(/User time \(seconds\): ([\d.]+)/.exec(report)?.[1]) + Number(/System time \(seconds\): ([\d.]+)/.exec(report)?.[1])
        : Number(report.trim().split(' ')[1]);
    return {
        code, ms, stderr,
        rssMB: Number.isFinite(kb) && kb > 0 ? kb / 1024 : undefined,
        cpuMs: Number.isFinite(cpuSeconds) ? cpuSeconds * 1000 : undefined,
    };
}

/** Peak resident memory (MB) of a running process, from /proc on Linux. */
export function peakRssOf(pid) {
    try {
        const status = readFileSync(`/proc/${pid}/status`, 'utf8');
        const kb = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1]);
        return Number.isFinite(kb) ? kb / 1024 : undefined;
    } catch {
        return undefined;
    }
}
