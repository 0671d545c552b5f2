import type { CodeAction, Diagnostic } from 'vscode-languageserver';
import { describe, expect, it } from 'vitest';
import { buildWorkspace, type TestWorkspace } from '../support/workspace.js';
import { applyWorkspaceEdit, textDocument } from './support.js';

const PROJECT = [
    '项目 养老 "社区居家养老服务补贴" {',
    '    预算 300 万元',
    '    测算 {',
    '        "助餐补贴" 120 万元 = 2000 人 × 50 元/人*月 × 12 月',
    '        "上门服务补贴" 150 万元 = 500 人 × 300 元/人*月 × 12 月',
    '        "评估" 3 = 10 次 × 2000 元/次',
    '    }',
    '}',
    '',
].join('\n');

const assessment = (rate: string) => [
    '自评 养老自评 "养老自评" 对象 养老 {',
    `    预算执行 年初预算 300 万元 全年预算 260 万元 全年执行 198 万元 执行率 ${rate} 分值 10 得分 7.62`,
    '        调整 "年中调减40万元用于应急救助"',
    '        偏差 "助餐点建设滞后"',
    '}',
    '',
].join('\n');

async function actionsFor(ws: TestWorkspace, file: string, rule: string): Promise<{ diagnostics: Diagnostic[]; actions: CodeAction[] }> {
    const doc = ws.documents.get(file)!;
    const diagnostics = ws.diagnostics(file).filter(d => d.code === rule);
    expect(diagnostics.length, `${rule} in ${file}`).toBeGreaterThan(0);
    const actions = await ws.services.lsp.CodeActionProvider!.getCodeActions(doc, {
        textDocument: textDocument(file), range: diagnostics[0]!.range, context: { diagnostics: [diagnostics[0]!] },
    }) as CodeAction[];
    return { diagnostics, actions };
}

async function apply(ws: TestWorkspace, actions: CodeAction[], title: string): Promise<Record<string, string>> {
    const action = actions.find(a => a.title === title);
    expect(action, `no action «${title}» among ${JSON.stringify(actions.map(a => a.title))}`).toBeDefined();
    expect(action!.isPreferred).toBe(true);
    const texts = applyWorkspaceEdit(ws, action!.edit);
    for (const [file, text] of Object.entries(texts)) await ws.edit(file, text);
    return texts;
}

const funds = (ws: TestWorkspace, file: string) => ws.diagnostics(file).map(d => String(d.code)).filter(c => c.startsWith('funds/') || c.startsWith('syntax/'));

describe('funds quick fixes', () => {
    it('write the computed execution rate over a wrong one', async () => {
        const ws = await buildWorkspace({ 'p.kpi': PROJECT, 'a.kpi': assessment('78.15%') });
        const { actions } = await actionsFor(ws, 'a.kpi', 'funds/rate-mismatch');
        const texts = await apply(ws, actions, '将执行率改为 76.15%');
        expect(texts['a.kpi']).toContain('全年执行 198 万元 执行率 76.15% 分值 10');
        expect(funds(ws, 'a.kpi')).toEqual([]);
    });

    it('write the computed rate over a rate written as 0, in English too', async () => {
        const ws = await buildWorkspace({ 'p.kpi': PROJECT, 'a.kpi': assessment('0') }, 'en');
        const { diagnostics, actions } = await actionsFor(ws, 'a.kpi', 'funds/rate-mismatch');
        expect(diagnostics).toHaveLength(1);
        expect(diagnostics[0]!.message).toBe('The execution rate is 76.15% (198 万元 ÷ 260 万元), not 0%');
        await apply(ws, actions, 'Set the execution rate to 76.15%');
        expect(funds(ws, 'a.kpi')).toEqual([]);
    });

    it('write the product as the amount of a breakdown component, in the amount\'s unit', async () => {
        const ws = await buildWorkspace({ 'p.kpi': PROJECT });
        const { actions } = await actionsFor(ws, 'p.kpi', 'funds/breakdown-formula');
        const texts = await apply(ws, actions, '将金额改为乘积 180 万元');
        expect(texts['p.kpi']).toContain('"上门服务补贴" 180 万元 = 500 人 × 300 元/人*月 × 12 月');
        // The bare 3, read in the unit of the budget (万元), is next: the product comes to 2 万元.
        const next = await actionsFor(ws, 'p.kpi', 'funds/breakdown-formula');
        const fixed = await apply(ws, next.actions, '将金额改为乘积 2 万元');
        expect(fixed['p.kpi']).toContain('"评估" 2 万元 = 10 次 × 2000 元/次');
        expect(funds(ws, 'p.kpi')).toEqual(['funds/breakdown-total']);
    });

    // The form asks for a reason wherever the budget moved or spending fell short: the fix writes it, to be filled in.
    it('add the adjustment and deviation reasons a form lacks, where the form has them', async () => {
        const bare = assessment('76.15%').replace(/\n {8}调整 .*\n {8}偏差 .*/, '').replace('全年执行 198 万元 执行率 76.15% 分值 10 得分 7.62', '全年执行 198 万元 执行率 76.15% 分值 10 得分 7.62\n    测算 "助餐补贴" 实际 90 万元');
        const ws = await buildWorkspace({ 'p.kpi': PROJECT, 'a.kpi': bare });
        expect(funds(ws, 'a.kpi').sort()).toEqual(['funds/adjusted-no-reason', 'funds/component-shortfall', 'funds/low-execution-no-reason']);
        let texts = await apply(ws, (await actionsFor(ws, 'a.kpi', 'funds/adjusted-no-reason')).actions, '添加调整原因');
        expect(texts['a.kpi']).toContain('执行率 76.15% 分值 10 得分 7.62 调整 "预算调整的原因：请填写"\n');
        texts = await apply(ws, (await actionsFor(ws, 'a.kpi', 'funds/low-execution-no-reason')).actions, '添加偏差原因');
        expect(texts['a.kpi']).toContain('得分 7.62 偏差 "执行偏低的原因：请填写" 调整 "预算调整的原因：请填写"\n');
        texts = await apply(ws, (await actionsFor(ws, 'a.kpi', 'funds/component-shortfall')).actions, '添加偏差原因');
        expect(texts['a.kpi']).toContain('测算 "助餐补贴" 实际 90 万元 偏差 "执行偏低的原因：请填写"\n');
        expect(funds(ws, 'a.kpi')).toEqual([]);
    });

    it('fill a reason written empty, in English in an English file', async () => {
        const ws = await buildWorkspace({
            'p.kpi': 'project P "p" {\n    budget 300 万元\n}\n',
            'a.kpi': 'assessment A "a" for P {\n    execution initial 300 万元 budgeted 260 万元 spent 250 万元 adjustment ""\n}\n',
        }, 'en');
        const texts = await apply(ws, (await actionsFor(ws, 'a.kpi', 'funds/adjusted-no-reason')).actions, 'Add an adjustment reason');
        expect(texts['a.kpi']).toContain('spent 250 万元 adjustment "Why the budget was adjusted: to be filled in"\n');
        expect(funds(ws, 'a.kpi')).toEqual([]);
    });

    it('offer no product fix when the units do not give money', async () => {
        const ws = await buildWorkspace({ 'p.kpi': '项目 P "p" {\n    测算 {\n        "x" 24 万元 = 2000 人 × 12 月\n    }\n}\n' });
        const { actions } = await actionsFor(ws, 'p.kpi', 'funds/breakdown-formula');
        expect(actions.map(a => a.title)).toEqual(['在此行停用 funds/breakdown-formula（需注明理由）']);
    });
});
