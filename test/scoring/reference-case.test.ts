import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isAssessment, type Assessment, type Model } from '../../packages/language/src/generated/ast.js';
import { BUILTIN_PROFILES, scoreAssessment } from '../../packages/language/src/scoring/index.js';
import { buildWorkspace, readFolder, type TestWorkspace } from '../support/workspace.js';

/**
 * The reference case (examples/hotline-12345, a copy of test/fixtures/reference/hotline-12345) through the engine and the checks of the
 * score/assessment/milestone/compliance groups: exactly the diagnostics spec/expected.json lists.
 */
const examples = join(import.meta.dirname, '..', '..', 'examples');
const GROUPS = /^(score|assessment|milestone|compliance)\//;

function assessmentOf(ws: TestWorkspace, file: string): Assessment {
    const model = ws.documents.get(file)!.parseResult.value as Model;
    return model.blocks.find(isAssessment)!;
}

/** `file:line rule` for every diagnostic of the four groups, as expected.json counts them. */
function groupDiagnostics(ws: TestWorkspace): string[] {
    return [...ws.documents.keys()].flatMap(file => ws.diagnostics(file)
        .filter(d => GROUPS.test(String(d.code)))
        .map(d => `${file}:${d.range.start.line + 1} ${String(d.code)}`)).sort();
}

describe('hotline-12345', async () => {
    const ws = await buildWorkspace(readFolder(join(examples, 'hotline-12345')));

    it('reports what expected.json lists for the four groups, and nothing else', () => {
        expect(groupDiagnostics(ws)).toEqual([
            'assessment.kpi:10 score/ignores-problem',
            'assessment.kpi:16 milestone/overdue',
            'assessment.kpi:17 milestone/overdue',
            'assessment.kpi:18 milestone/late',
            'assessment.kpi:2 assessment/goal-not-covered',
            'assessment.kpi:2 assessment/goal-not-covered',
            'assessment.kpi:2 assessment/goal-not-covered',
            'assessment.kpi:7 assessment/below-contract',
            'assessment.kpi:7 assessment/below-standard',
            'assessment.kpi:7 score/ignores-problem',
            'assessment.kpi:9 assessment/above-baseline',
            'compliance.kpi:4 compliance/unassessed-met',
            'compliance.kpi:5 compliance/no-data',
            'compliance.kpi:5 compliance/unmet-no-penalty',
        ]);
    });

    it('scores every row met, 100 in total, grade 优', () => {
        const score = scoreAssessment(assessmentOf(ws, 'assessment.kpi'), BUILTIN_PROFILES['national-2020']!);
        expect(score.rows.map(r => [r.node.indicator.$refText, r.ruleScore, r.met, r.achievement])).toEqual([
            ['接通率', 30, true, 1.1149],
            ['及时转办率', 10, true, 1.0158],
            ['单位成本', 10, true, 1],
            ['即接即办率', 30, true, 1.0286],
            ['受理满意度', 10, true, 1.0622],
        ]);
        expect(score.rows[0]!.explanation.zh).toBe('实际 89.19% 达到目标 ≥80%，得满分 30 分');
        expect(score.execution).toMatchObject({ ruleScore: 10, rate: 1, claimed: 10 });
        expect(score.level1).toEqual([
            { family: 'execution', weight: 10, claimed: 10, ruleScore: 10 },
            { family: 'output', weight: 50, claimed: 50, ruleScore: 50 },
            { family: 'benefit', weight: 30, claimed: 30, ruleScore: 30 },
            { family: 'satisfaction', weight: 10, claimed: 10, ruleScore: 10 },
        ]);
        expect(score.total).toEqual({ weight: 100, claimed: 100, ruleScore: 100, declaredWeight: 100, declaredScore: 100 });
        expect(score.grade).toEqual({ claimed: 'excellent', computed: 'excellent', ofClaimed: 'excellent' });
    });

    it('groups 满意度 under 效益 for hubei-2020', () => {
        const score = scoreAssessment(assessmentOf(ws, 'assessment.kpi'), BUILTIN_PROFILES['hubei-2020']!);
        expect(score.level1.map(l => [l.family, l.weight])).toEqual([['execution', 10], ['output', 50], ['benefit', 40]]);
    });
});

describe('english', async () => {
    const ws = await buildWorkspace(readFolder(join(examples, 'english')), 'en');

    it('reports what expected.json lists for the four groups, in English', () => {
        expect(groupDiagnostics(ws)).toEqual([
            'hotline.kpi:44 assessment/goal-not-covered',
            'hotline.kpi:47 assessment/below-contract',
            'hotline.kpi:47 assessment/below-standard',
            'hotline.kpi:47 score/ignores-problem',
        ]);
        const messages = ws.diagnostics('hotline.kpi').filter(d => GROUPS.test(String(d.code))).map(d => d.message);
        expect(messages).toContain("Actual 89.19% meets the target but misses ≥95% in clause 'AnswerRate' of contract 'HotlineContract'");
        expect(messages).toContain(`Goal 'Coverage' ("One number for all 16 government hotlines") is not assessed`);
    });

    it('weighs execution 10, output 50, benefit 30, satisfaction 10', () => {
        const score = scoreAssessment(assessmentOf(ws, 'hotline.kpi'), BUILTIN_PROFILES['national-2020']!);
        expect(score.level1.map(l => [l.family, l.weight])).toEqual([['execution', 10], ['output', 50], ['benefit', 30], ['satisfaction', 10]]);
        expect(score.total.ruleScore).toBe(100);
    });
});
