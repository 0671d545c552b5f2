import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { describeReport } from './report.js';
import { runFuzz } from './watchdog.js';

/*
 * Seeded fuzzing of the whole pipeline and every editor feature on mutated examples, each case
 * in a worker thread a watchdog terminates when a call does not finish (a hang is a failure
 * with its input saved, not a test run that never ends). Here the count of cases is fixed and
 * the watchdog generous (20 s a call), since the machines running the suite are shared;
 * `npm run fuzz` runs any number of cases with any seed and holds every call to 2 s of CPU time.
 */
const SEED = 20240331;
const CASES = 200;
const CALL_TIMEOUT_MS = 20_000;

describe('fuzzing', () => {
    it('mutated examples never hang, crash or throw, and format without losing a token', async () => {
        const report = await runFuzz({ seed: SEED, cases: CASES, callTimeoutMs: CALL_TIMEOUT_MS });
        console.log(describeReport(report));
        const failures = report.failures.map(f => `#${f.case} ${f.kind} in ${f.feature} after ${f.mutation} in ${f.file}: ${f.message}\n  input: ${f.input}\n  ${f.stack?.split('\n').slice(1, 6).join('\n  ')}`);
        expect(failures).toEqual([]);
        expect(report.cases).toBe(CASES);
    }, 30 * 60_000);

    it('a case whose call outlives its limit is reported as a hang with its input saved, and the next case runs in a fresh worker', async () => {
        // A limit no call can meet stands in for a call that never ends.
        const report = await runFuzz({ seed: SEED, cases: 2, callTimeoutMs: 1 });
        expect(report.hangs).toBe(2);
        expect(report.sessions).toEqual([0, 1]);
        expect(report.failures.map(f => [f.case, f.kind])).toEqual([[1, 'hang'], [2, 'hang']]);
        for (const failure of report.failures) expect(existsSync(failure.input) && readFileSync(failure.input, 'utf8').length).toBeGreaterThan(0);
    }, 5 * 60_000);
});
