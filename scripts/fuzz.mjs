#!/usr/bin/env node
// `npm run fuzz -- [--seed N] [--cases C] [--minutes M] [--call-timeout-ms T] [--max-call-ms L]`:
// the fuzzer of test/fuzz/ with any seed (default: a new one each run), any number of cases, and
// the strict limit of 2 s CPU per call. Every run is appended to test-results/fuzz/runs.jsonl
// with its seed (a run stopped by Ctrl-C or SIGTERM with the cases done so far), so that runs add
// up to a total and a failure can be replayed with --seed. It prints its progress every 1,000 cases.
import { appendFileSync, mkdirSync } from 'node:fs';
import { register } from 'node:module';
import { join } from 'node:path';
import { parseCommandLine, usageError } from '../bench/lib/command-line.mjs';

const options = {
    seed: { type: 'string', default: process.env.FUZZ_SEED ?? String(Date.now() % 2 ** 31) },
    cases: { type: 'string', default: '100000' },
    minutes: { type: 'string', default: '10' },
    // A hang: one call that uses this much CPU time, or waits five times as long (a failure
    // beyond --max-call-ms, which the worker measures once the call returns).
    'call-timeout-ms': { type: 'string', default: '20000' },
    'max-call-ms': { type: 'string', default: '2000' },
};
const USAGE = 'usage: npm run fuzz -- [--seed N] [--cases C] [--minutes M] [--call-timeout-ms T] [--max-call-ms L] (positive numbers)';
const { values } = parseCommandLine(USAGE, { options });
const [seed, cases, minutes, callTimeoutMs, maxCallMs] = ['seed', 'cases', 'minutes', 'call-timeout-ms', 'max-call-ms'].map(k => Number(values[k]));
if (!Number.isInteger(seed) || !(cases > 0) || !(minutes > 0) || !(callTimeoutMs > 0) || !(maxCallMs > 0)) usageError(USAGE);

register('../test/fuzz/ts-loader.mjs', import.meta.url);
const { runFuzz, FAILED_INPUTS } = await import('../test/fuzz/watchdog.ts');
const { describeReport } = await import('../test/fuzz/report.ts');

console.log(`fuzzing ${cases} cases or ${minutes} min with seed ${seed} (replay: npm run fuzz -- --seed ${seed} --cases ${cases})`);
const started = Date.now();
/** Appends the run, finished or not, to runs.jsonl: the cases before an interruption count too. */
const record = (report, interrupted) => {
    mkdirSync(FAILED_INPUTS, { recursive: true });
    appendFileSync(join(FAILED_INPUTS, 'runs.jsonl'), `${JSON.stringify({
        date: new Date(started).toISOString(), seconds: Math.round((Date.now() - started) / 1000), seed: report.seed, cases: report.cases,
        hangs: report.hangs, crashes: report.crashes, failures: report.failures.length, maxCallMs: Math.round(report.maxCallMs),
        maxCallFeature: report.maxCallFeature, sessions: report.sessions, maxCallLimitMs: maxCallMs, ...(interrupted ? { interrupted } : {}),
    })}\n`);
};
let latest;
const PROGRESS_EVERY = 1000;
for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
        if (latest) record(latest, signal);
        console.log(`\n${signal} after ${latest?.cases ?? 0} cases: recorded in ${join(FAILED_INPUTS, 'runs.jsonl')}`);
        process.exit(130);
    });
}
const report = await runFuzz({
    seed, cases, budgetMs: minutes * 60_000, callTimeoutMs, maxCallMs,
    onCase: report => {
        latest = report;
        if (report.cases > 0 && report.cases % PROGRESS_EVERY === 0) {
            console.log(`${report.cases} cases, ${Math.round((Date.now() - started) / 1000)} s: ${report.hangs} hangs, ${report.crashes} crashes, ${report.failures.length} failures, longest call ${Math.round(report.maxCallMs)} ms (${report.maxCallFeature})`);
        }
    },
});
console.log(describeReport(report));
for (const f of report.failures) console.log(`#${f.case} ${f.kind} in ${f.feature} after ${f.mutation} in ${f.file}: ${f.message}\n  input: ${f.input}`);
record(report);
process.exit(report.failures.length > 0 ? 1 : 0);
