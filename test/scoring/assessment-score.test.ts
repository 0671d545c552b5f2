import { describe, expect, it } from 'vitest';
import { isAssessment, type Assessment, type Model } from '../../packages/language/src/generated/ast.js';
import { BUILTIN_PROFILES, scoreAssessment, type ScoringProfile } from '../../packages/language/src/scoring/index.js';
import { buildWorkspace } from '../support/workspace.js';

const national = BUILTIN_PROFILES['national-2020']!;
const hubei = BUILTIN_PROFILES['hubei-2020']!;

const project = `
项目 整改 "整改项目" {
    绩效指标 {
        产出指标 {
            数量指标 {
                受理量 "受理量" >= 90 万件
                回访量 "回访量" >= 30 万件
                转办量 "转办量" >= 30 万件
                宣传量 "宣传量" >= 30 次
            }
            时效指标 { 等待时长 "平均等待时长" <= 20 秒 }
        }
        效益指标 {
            社会效益 {
                制度 "制度建设" 定性 "出台管理办法"
                整改 "问题整改" 定性 "完成全部整改"
            }
        }
        满意度指标 { 服务对象满意度 { 满意度 "满意度" >= 90% } }
    }
}`;

async function assessment(text: string): Promise<Assessment> {
    const ws = await buildWorkspace({ 'project.kpi': project, 'assessment.kpi': text });
    return (ws.documents.get('assessment.kpi')!.parseResult.value as Model).blocks.find(isAssessment)!;
}

const rows = (a: Assessment, profile: ScoringProfile) =>
    scoreAssessment(a, profile).rows.map(r => [r.node.indicator.$refText, r.ruleScore, r.difference]);

describe('scoreAssessment', () => {
    it('scores the same assessment differently under national-2020 and hubei-2020', async () => {
        const a = await assessment(`
自评 整改自评 "整改自评" 对象 整改 {
    预算执行 全年预算 100 万元 全年执行 90 万元 分值 10 得分 9
    指标 制度 实际 未达成 分值 20 得分 10
    指标 整改 实际 部分达成 分值 20 得分 11
    指标 受理量 实际 100 万件 分值 50 得分 50
    合计 分值 100 得分 80
}`);
        // 未达成: 0–60 % vs 0–50 %; 部分达成: 60–80 % vs 50–80 %; a claim inside the band differs by 0
        expect(rows(a, national)).toEqual([['制度', 12, 0], ['整改', 16, -1], ['受理量', 50, 0]]);
        expect(rows(a, hubei)).toEqual([['制度', 10, 0], ['整改', 16, 0], ['受理量', 50, 0]]);
        expect(scoreAssessment(a, national).total.ruleScore).toBe(87);
        expect(scoreAssessment(a, hubei).total.ruleScore).toBe(85);
        expect(scoreAssessment(a, national).rows[1]!.band).toEqual([12, 16]);
        expect(scoreAssessment(a, hubei).rows[1]!.band).toEqual([10, 16]);
    });

    it('adds rounded row scores, so the total differs from exact arithmetic by rounding only', async () => {
        const a = await assessment(`
自评 舍入 "舍入" 对象 整改 {
    指标 回访量 实际 20 万件 分值 10 得分 6.67
    指标 转办量 实际 20 万件 分值 10 得分 6.67
    指标 宣传量 实际 20 次 分值 10 得分 6.66
    合计 分值 30 得分 20
}`);
        const score = scoreAssessment(a, national);
        expect(score.rows.map(r => r.ruleScore)).toEqual([6.67, 6.67, 6.67]);
        expect(score.total).toEqual({ weight: 30, claimed: 20, ruleScore: 20.01, declaredWeight: 30, declaredScore: 20 });
        expect(score.rows[2]!.difference).toBe(-0.01);
    });

    it('counts rows the rule cannot score with their claimed score, and says why', async () => {
        const a = await assessment(`
自评 缺值 "缺值" 对象 整改 {
    指标 受理量 实际 未统计 分值 40 得分 40
    指标 满意度 实际 20 秒 分值 10 得分 10
    指标 等待时长 实际 30 秒 得分 5
    指标 制度 实际 "已起草" 分值 20 得分 15
    指标 整改 实际 achieved 分值 30 得分 27
}`);
        const score = scoreAssessment(a, national);
        expect(score.rows.map(r => r.ruleScore)).toEqual([undefined, undefined, undefined, undefined, 30]);
        expect(score.rows[0]!.explanation.zh).toBe('实际值未统计，无法计分');
        expect(score.rows[1]).toMatchObject({ mismatch: 'dimension', actual: '20 秒', target: '≥90%' });
        expect(score.rows[2]!.explanation.zh).toContain('未填分值');
        expect(score.rows[2]!.met).toBe(false);
        expect(score.rows[3]!.explanation.zh).toContain('未评级');
        expect(score.total).toMatchObject({ weight: 100, claimed: 97, ruleScore: 100 });
        expect(score.grade).toEqual({ claimed: undefined, computed: 'excellent', ofClaimed: 'excellent' });
    });

    it('does not score an actual of the wrong kind, nor a bare number its target reads implausibly: the claim counts, the reason says why', async () => {
        const a = await assessment(`
自评 错类 "错类" 对象 整改 {
    指标 受理量 实际 达成 分值 20 得分 20
    指标 制度 实际 85% 分值 10 得分 10
    指标 整改 实际 2023-05-01 分值 10 得分 10
    指标 满意度 实际 0.96 分值 10 得分 10
    指标 回访量 实际 30.5万 分值 10 得分 10
    指标 转办量 实际 300000 分值 10 得分 10
}`);
        const score = scoreAssessment(a, national);
        // 30.5万 under >= 30 万件 is 30.5 万件 and met; 300000 under >= 30 万件 is 30 万件 written without its 万… or 300000 万件.
        expect(score.rows.map(r => r.ruleScore)).toEqual([undefined, undefined, undefined, undefined, 10, undefined]);
        expect(score.rows.map(r => r.mismatch)).toEqual([undefined, 'kind', 'kind', 'bare', undefined, 'bare']);
        expect(score.rows[0]!.explanation.zh).toBe('实际值「达成」是评级，目标 ≥90 万件 为定量指标，应填写实际完成的数值，无法计分');
        expect(score.rows[1]!.fault?.zh).toBe('实际 85% 是数值，定性目标「出台管理办法」应评为 达成/部分达成/未达成');
        expect(score.rows[2]!.fault?.zh).toBe('实际 2023-05-01 是日期，定性目标「完成全部整改」应评为 达成/部分达成/未达成');
        expect(score.rows[3]!.fault?.zh).toBe('实际 0.96 没有写单位：按 0.96% 读；若指 96%，请写作 96%');
        expect(score.rows[4]).toMatchObject({ actual: '30.5 万件', met: true });
        expect(score.rows[5]!.fault?.zh).toBe('实际 300000 没有写单位：按目标的单位读作 300000 万件，是目标的 1000000%；若指 300000 件，请写明单位');
        // As with any row the rule cannot score, the claimed score counts in the rule total.
        expect(score.total).toMatchObject({ weight: 70, claimed: 70, ruleScore: 70 });
    });

    it('grades the rule total and the claimed total separately', async () => {
        const a = await assessment(`
自评 偏高 "偏高" 对象 整改 {
    指标 受理量 实际 45 万件 分值 100 得分 95
    等级 优
}`);
        const score = scoreAssessment(a, national);
        expect(score.rows[0]).toMatchObject({ ruleScore: 50, difference: 45, met: false, achievement: 0.5 });
        expect(score.grade).toEqual({ claimed: 'excellent', computed: 'poor', ofClaimed: 'excellent' });
    });

    it('tolerates an assessment without project, rows or lines', async () => {
        const a = await assessment('自评 空 "空" 对象 不存在 { 指标 受理量 实际 分值 }');
        const score = scoreAssessment(a, national);
        expect(score.total).toEqual({ weight: 0, claimed: undefined, ruleScore: 0, declaredWeight: undefined, declaredScore: undefined });
        expect(score.rows[0]?.explanation.zh).toBe('指标引用无法解析，无法计分');
    });
});
