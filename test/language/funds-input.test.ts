import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../packages/language/src/config/configuration.js';
import { isAssessment, type Model } from '../../packages/language/src/index.js';
import { BUILTIN_PROFILES, scoreAssessment } from '../../packages/language/src/scoring/index.js';
import { buildWorkspace, messageOf, type TestWorkspace } from '../support/workspace.js';

/*
 * Funds blocks and breakdowns as an officer meets them: half typed, with units the table does
 * not know, a rate printed as 0, a form whose total row was printed empty. Each gets one clear
 * diagnostic and the rest of the file stays checked.
 */
const PROJECT = '项目 P "社区养老" {\n    预算 300 万元\n}\n';

/** `line:rule message` of the syntax and funds diagnostics of a file, in order. */
function findings(ws: TestWorkspace, file: string): string[] {
    return ws.diagnostics(file)
        .filter(d => /^(syntax|funds)\//.test(String(d.code)))
        .map(d => `${d.range.start.line + 1}:${String(d.code)} ${messageOf(d)}`);
}

describe('funds input as typed', () => {
    it('a half-typed 资金 block: one syntax error per unfinished line, no sums over the missing amounts', async () => {
        const ws = await buildWorkspace({
            'p.kpi': '项目 P "p" {\n    预算 300 万元\n    资金 {\n        中期 900 万元\n        年度 300 万元\n        其中 财政拨款 260 万元\n        其中 其他资金\n    }\n}\n',
        });
        const found = findings(ws, 'p.kpi');
        expect(found).toHaveLength(1);
        expect(found[0]).toMatch(/^8:syntax\/parsing /);
    });

    it('a funds block cut off at the end of the file parses and reports only where it stops', async () => {
        const ws = await buildWorkspace({ 'p.kpi': '项目 P "p" {\n    预算 300 万元\n    资金 {\n        年度 300 万元\n        其中' });
        const found = findings(ws, 'p.kpi');
        expect(found).toHaveLength(1);
        expect(found[0]).toMatch(/^5:syntax\/parsing /);
    });

    it('a complete 资金 block before a broken line further down is still checked; one left open before blank lines is not', async () => {
        const block = '    资金 {\n        年度 300 万元\n        其中 财政拨款 200 万元\n    }\n';
        const ws = await buildWorkspace({
            'p.kpi': `项目 P "p" {\n    预算 300 万元\n${block}    测算 {\n        "评估" 30 万元 = 3 次 ×\n    }\n}\n`,
            'q.kpi': `项目 Q "q" {\n    预算 300 万元\n${block.slice(0, -6)}\n\n    ×\n    }\n}\n`,
        });
        expect(findings(ws, 'p.kpi').map(f => f.split(' ')[0]).sort()).toEqual(['4:funds/sources-total', '9:syntax/parsing']);
        expect(findings(ws, 'q.kpi').map(f => f.split(' ')[0])).toEqual(['8:syntax/parsing']);
    });

    it('a product cut off after ×: the syntax error only, no product or total finding', async () => {
        const ws = await buildWorkspace({
            'p.kpi': '项目 P "p" {\n    预算 300 万元\n    测算 {\n        "助餐补贴" 120 万元 = 2000 人 ×\n        "评估" 30 万元\n    }\n}\n',
        });
        const found = findings(ws, 'p.kpi');
        expect(found).toHaveLength(1);
        expect(found[0]).toMatch(/^5:syntax\/parsing /);
    });

    it('a 其中 row of the execution table cut off after a column keyword: no sums over it', async () => {
        const ws = await buildWorkspace({
            'p.kpi': PROJECT,
            'a.kpi': [
                '自评 S "s" 对象 P {',
                '    预算执行 年初预算 300 万元 全年预算 300 万元 全年执行 290 万元',
                '        其中 财政拨款 全年预算',
                '        其中 其他资金 全年预算 40 万元 全年执行 30 万元',
                '}',
                '',
            ].join('\n'),
        });
        const found = findings(ws, 'a.kpi');
        expect(found).toHaveLength(1);
        expect(found[0]).toMatch(/^3:syntax\/parsing 「全年预算」后没有写值；此处应写：数字/);
    });

    it('a product whose units do not cancel, an unknown one among them: one funds/breakdown-formula each', async () => {
        const ws = await buildWorkspace({
            'p.kpi': '项目 P "p" {\n    测算 {\n        "喂养" 5 万元 = 100 只 × 500 元\n        "人月" 24 万元 = 2000 人 × 12 月\n        "按天" 10 万元 = 100 人 × 1000 元/人*月 × 1 天\n    }\n}\n',
        }, 'en');
        expect(findings(ws, 'p.kpi')).toEqual([
            "3:funds/breakdown-formula The units of 100 只 × 500 元 come to '只*元', not money; unknown units left: '只'",
            "4:funds/breakdown-formula The units of 2000 人 × 12 月 come to '人*月', not money",
            "5:funds/breakdown-formula The units of 100 人 × 1000 元/人*月 × 1 天 come to '元*天/月', not money",
        ]);
    });

    it('a rate printed as 0 is one funds/rate-mismatch with the computed rate', async () => {
        const ws = await buildWorkspace({
            'p.kpi': PROJECT,
            'a.kpi': '自评 S "s" 对象 P {\n    预算执行 全年预算 300 万元 全年执行 290 万元 执行率 0\n}\n',
        });
        expect(findings(ws, 'a.kpi')).toEqual(['2:funds/rate-mismatch 执行率应为 96.67%（290 万元 ÷ 300 万元），填写为 0%']);
    });
});

describe('execution on a form printed with an empty total row', () => {
    const ASSESSMENT = [
        '自评 S "s" 对象 P {',
        '    预算执行 全年预算 0 全年执行 0 分值 10 得分 10',
        '        其中 财政拨款 全年预算 220 万元 全年执行 170 万元',
        '        其中 其他资金 全年预算 40 万元 全年执行 28 万元',
        '}',
        '',
    ].join('\n');

    it('scores execution on the sums of the 其中 rows, and score/execution uses the same rate', async () => {
        const ws = await buildWorkspace({ 'p.kpi': PROJECT, 'a.kpi': ASSESSMENT });
        const model = ws.documents.get('a.kpi')!.parseResult.value as Model;
        const execution = scoreAssessment(model.blocks.find(isAssessment)!, BUILTIN_PROFILES['national-2020']!).execution!;
        expect(execution.rate).toBe(0.7615);
        expect(execution.ruleScore).toBe(7.62);
        const messages = ws.diagnostics('a.kpi').map(d => `${String(d.code)} ${messageOf(d)}`);
        expect(messages).toContain('score/execution 按规则应得 7.62 分，自评 10 分（执行率 76.15%（198 万元 ÷ 260 万元），按其中各行合计（合计行为 0）：10 × 76.15% = 7.62 分）');
        expect(messages.filter(m => m.startsWith('funds/sources-total'))).toEqual([]);
        expect(messages).toContain('funds/low-execution-no-reason 预算执行率 76.15%，低于 90%，未填写偏差原因');
    });
});

describe('reasonBelow of the profile', () => {
    it('sets where execution and breakdown components need a reason', async () => {
        const files = {
            'p.kpi': '项目 P "p" {\n    预算 300 万元\n    测算 {\n        "助餐补贴" 300 万元\n    }\n}\n',
            'a.kpi': '自评 S "s" 对象 P {\n    预算执行 全年预算 300 万元 全年执行 255 万元\n    测算 "助餐补贴" 实际 255 万元\n}\n',
        };
        const ws = await buildWorkspace(files);
        const due = () => ws.diagnostics('a.kpi').map(d => String(d.code)).filter(c => c.startsWith('funds/')).sort();
        expect(due()).toEqual(['funds/component-shortfall', 'funds/low-execution-no-reason']);

        ws.services.kpi.Configuration.get = () => ({ ...defaultConfig(), profile: 'lenient', profiles: { lenient: { reasonBelow: 0.8 } as never } });
        await ws.edit('a.kpi', files['a.kpi']);
        expect(due()).toEqual([]);
    });
});
