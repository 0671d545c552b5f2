import { describe, expect, it } from 'vitest';
import { isAssessment, isIndicatorAssessment, scoreAssessment, type Assessment, type Model, type RowScore } from '../../packages/language/src/index.js';
import { buildWorkspace, type TestWorkspace } from '../support/workspace.js';

const CONTRACT = '合同 C "服务合同" { 条款 T "接通率" >= 90% }\n';
const project = (target: string) => `项目 P "p" { 绩效指标 { 产出指标 { 质量指标 {\n A "a" >= ${target} 依据 C.T\n} } } }\n`;
const ASSESSMENT = '自评 S "s" 对象 P {\n    指标 A 实际 80% 分值 10 得分 10\n    合计 分值 10 得分 10\n}\n';

const assessmentOf = (ws: TestWorkspace): Assessment =>
    (ws.documents.get('a.kpi')!.parseResult.value as Model).blocks.find(isAssessment)!;

const workspace = () => buildWorkspace({ 'c.kpi': CONTRACT, 'p.kpi': project('95%'), 'a.kpi': ASSESSMENT });

describe('the Scores service', () => {
    it('answers repeated requests with the same result while nothing changes', async () => {
        const ws = await workspace();
        const scores = ws.services.kpi.Scores;
        const first = scores.of(assessmentOf(ws));
        expect(scores.of(assessmentOf(ws))).toBe(first);
        const row = assessmentOf(ws).items.find(isIndicatorAssessment)!;
        expect(scores.row(row)?.row).toBe(first.score.rows[0]);
    });

    it('scores an edited assessment afresh', async () => {
        const ws = await workspace();
        const before = ws.services.kpi.Scores.of(assessmentOf(ws));
        await ws.edit('a.kpi', ASSESSMENT.replace('实际 80%', '实际 96%'));
        const after = ws.services.kpi.Scores.of(assessmentOf(ws));
        expect(after).not.toBe(before);
        expect(before.score.rows[0]!.met).toBe(false);
        expect(after.score.rows[0]!.met).toBe(true);
    });

    it('scores the same assessment afresh when the project it assesses changes in another file', async () => {
        const ws = await workspace();
        const assessment = assessmentOf(ws);
        const before = ws.services.kpi.Scores.of(assessment);
        await ws.edit('p.kpi', project('80%'));
        // The assessment was not re-parsed: the same node, a new score against the new target.
        expect(assessmentOf(ws)).toBe(assessment);
        const after = ws.services.kpi.Scores.of(assessment);
        expect(after).not.toBe(before);
        expect([before.score.rows[0]!.met, after.score.rows[0]!.met]).toEqual([false, true]);
    });

    it('keeps a score when only a file the score does not read changes, and it equals a score computed afresh', async () => {
        const ws = await workspace();
        const assessment = assessmentOf(ws);
        const before = ws.services.kpi.Scores.of(assessment);
        // The contract the project is held to: the project and the assessment are re-validated, the score reads neither.
        await ws.edit('c.kpi', CONTRACT.replace('>= 90%', '>= 85%'));
        const after = ws.services.kpi.Scores.of(assessment);
        expect(after).toBe(before);
        const fresh = scoreAssessment(assessment, after.profile);
        expect(after.score).toEqual(fresh);
        // The texts a row writes when read, too.
        const texts = (rows: RowScore[]) => rows.map(r => [r.target, r.actual, r.explanation]);
        expect(texts(after.score.rows)).toEqual(texts(fresh.rows));
    });

    it('scores afresh when a row is linked to another indicator, though no file it reads was parsed again', async () => {
        const ws = await buildWorkspace({ 'c.kpi': CONTRACT, 'a.kpi': ASSESSMENT });
        const assessment = assessmentOf(ws);
        expect(ws.services.kpi.Scores.of(assessment).score.rows[0]!.indicator).toBeUndefined();
        // The project the row names appears in a new file: the assessment is relinked, not re-parsed.
        await ws.edit('p.kpi', project('80%'));
        expect(assessmentOf(ws)).toBe(assessment);
        const after = ws.services.kpi.Scores.of(assessment);
        expect(after.score.rows[0]!.indicator?.name).toBe('A');
        expect(after.score.rows[0]!.met).toBe(true);
    });

    it('follows a new scoring profile once the workspace is re-validated, as a changed setting does', async () => {
        const ws = await workspace();
        const assessment = assessmentOf(ws);
        expect(ws.services.kpi.Scores.of(assessment).profile.name).toBe('national-2020');
        ws.services.kpi.Configuration.overrides = { profile: 'hubei-2020' };
        await ws.services.shared.workspace.DocumentBuilder.build([...ws.documents.values()], { validation: true });
        expect(ws.services.kpi.Scores.of(assessment).profile.name).toBe('hubei-2020');
    });
});
