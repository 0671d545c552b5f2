import { describe, expect, it } from 'vitest';
import { runFuzz, type FuzzReport } from './engine.js';

/*
 * Seeded, time-bounded fuzzing of the whole pipeline and every editor feature on mutated
 * examples. A document's validation, and each editor request on it, may take 2 s of CPU time
 * (CPU rather than wall time: the machines running the suite are shared). `npm run fuzz` runs the same test with a longer budget and any seed
 * (FUZZ_SEED, FUZZ_BUDGET_MS); a failure names its seed, case and the saved input.
 */
const SEED = Number(process.env['FUZZ_SEED'] ?? 20240331);
const BUDGET_MS = Number(process.env['FUZZ_BUDGET_MS'] ?? 45_000);
const MAX_DOCUMENT_MS = 2_000;

function describeReport(report: FuzzReport): string {
    const mutations = Object.entries(report.byMutation).length;
    const slowest = report.slowest.map(s => `#${s.case} ${s.mutation} ${s.file} (${s.chars} chars): ${s.ms.toFixed(0)} ms, slowest step ${s.worst}`).join('\n  ');
    return `fuzz seed ${report.seed}: ${report.cases} cases, ${mutations} kinds of mutation, ${report.failures.length} failures\n  slowest:\n  ${slowest}`;
}

describe('fuzzing', () => {
    it('mutated examples never throw, take at most 2 s a document or request, and format without losing a token', async () => {
        const report = await runFuzz({ seed: SEED, budgetMs: BUDGET_MS, maxDocumentMs: MAX_DOCUMENT_MS });
        console.log(describeReport(report));
        const failures = report.failures.map(f => `#${f.case} ${f.feature} after ${f.mutation} in ${f.file}: ${f.message}\n  input: ${f.input}\n  ${f.stack?.split('\n').slice(1, 6).join('\n  ')}`);
        expect(failures).toEqual([]);
        expect(report.cases).toBeGreaterThan(50);
    }, BUDGET_MS + 120_000);
});
