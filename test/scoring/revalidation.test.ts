import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildWorkspace, messageOf, readFolder } from '../support/workspace.js';

const examples = join(import.meta.dirname, '..', '..', 'examples');
const GROUPS = /^(score|assessment|milestone|compliance)\//;

const rulesOn = (diagnostics: ReturnType<Awaited<ReturnType<typeof buildWorkspace>>['diagnostics']>, line: number) =>
    diagnostics.filter(d => d.range.start.line + 1 === line && GROUPS.test(String(d.code))).map(d => String(d.code)).sort();

describe('checks follow edits in other files', () => {
    it('re-scores an assessment when its project’s target changes, without re-parsing the assessment', async () => {
        const files = readFolder(join(examples, 'hotline-12345'));
        const ws = await buildWorkspace(files);
        expect(rulesOn(ws.diagnostics('assessment.kpi'), 7)).toEqual(['assessment/below-contract', 'assessment/below-standard', 'score/ignores-problem']);

        // 接通率 ≥80% → ≥95%: 89.19% now misses its own target, with full marks and no reason
        await ws.edit('targets.kpi', files['targets.kpi']!.replace('>= 80%', '>= 95%'));
        expect(rulesOn(ws.diagnostics('assessment.kpi'), 7)).toEqual(['assessment/missing-deviation', 'score/full-despite-shortfall', 'score/ignores-problem']);

        await ws.edit('targets.kpi', files['targets.kpi']!);
        expect(rulesOn(ws.diagnostics('assessment.kpi'), 7)).toEqual(['assessment/below-contract', 'assessment/below-standard', 'score/ignores-problem']);
    });

    it('reviews against the contract as edited', async () => {
        const files = readFolder(join(examples, 'hotline-12345'));
        const ws = await buildWorkspace(files);
        await ws.edit('contract.kpi', files['contract.kpi']!.replace('"录音质检率" >= 5%', '"录音质检率" >= 5%\n        违约 "扣减服务费"'));
        expect(rulesOn(ws.diagnostics('compliance.kpi'), 5)).toEqual(['compliance/no-data']);
    });
});

describe('half-typed input', () => {
    it('never makes a check throw, whatever prefix of the reference case is typed', async () => {
        const files = readFolder(join(examples, 'hotline-12345'));
        const ws = await buildWorkspace(files);
        for (const file of ['assessment.kpi', 'compliance.kpi']) {
            const text = files[file]!;
            // Every cut at a token boundary: before each space and at each line end.
            const cuts = [...text.matchAll(/[ \n]/g)].map(m => m.index!);
            for (const cut of cuts) {
                await ws.edit(file, text.slice(0, cut));
                const crashes = ws.diagnostics(file).filter(d => /error occurred/i.test(messageOf(d)));
                expect(crashes, `${file} cut at ${cut}`).toEqual([]);
            }
            await ws.edit(file, text);
        }
    }, 120_000);
});
