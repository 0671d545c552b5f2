import { DiagnosticTag, type CodeAction, type Diagnostic } from 'vscode-languageserver';
import { describe, expect, it } from 'vitest';
import { buildWorkspace, type TestWorkspace } from '../support/workspace.js';
import { applyWorkspaceEdit, ENGLISH, HOTLINE, hotline, textDocument } from './support.js';

/** The code actions the editor gets for the diagnostics of `rule` starting on the line that holds `line`. */
async function actionsFor(ws: TestWorkspace, file: string, rule: string, line?: string): Promise<{ diagnostics: Diagnostic[]; actions: CodeAction[] }> {
    const doc = ws.documents.get(file)!;
    const lineNo = line === undefined ? undefined : doc.textDocument.positionAt(doc.textDocument.getText().indexOf(line)).line;
    const diagnostics = ws.diagnostics(file).filter(d => d.code === rule && (lineNo === undefined || d.range.start.line === lineNo));
    expect(diagnostics.length, `${rule} in ${file}`).toBeGreaterThan(0);
    const actions = await ws.services.lsp.CodeActionProvider!.getCodeActions(doc, {
        textDocument: textDocument(file), range: diagnostics[0]!.range, context: { diagnostics },
    }) as CodeAction[];
    return { diagnostics, actions };
}

/** Applies the action titled `title` through the workspace (as the editor would) and returns the new texts. */
async function apply(ws: TestWorkspace, actions: CodeAction[], title: string): Promise<Record<string, string>> {
    const action = actions.find(a => a.title === title);
    expect(action, `no action «${title}» among ${JSON.stringify(actions.map(a => a.title))}`).toBeDefined();
    const texts = applyWorkspaceEdit(ws, action!.edit);
    for (const [file, text] of Object.entries(texts)) await ws.edit(file, text);
    return texts;
}

const rules = (ws: TestWorkspace, file: string) => ws.diagnostics(file).map(d => String(d.code));

/** The preferred quick fix of the first `code` diagnostic in a file, and the text it makes, which has no syntax error left. */
async function preferredSyntaxFix(text: string, code: 'syntax/lexing' | 'syntax/parsing'): Promise<{ title: string; fixed: string }> {
    const ws = await buildWorkspace({ 'p.kpi': text });
    const d = ws.diagnostics('p.kpi').find(x => x.code === code)!;
    const actions = await ws.services.lsp.CodeActionProvider!.getCodeActions(ws.documents.get('p.kpi')!, { textDocument: textDocument('p.kpi'), range: d.range, context: { diagnostics: [d] } }) as CodeAction[];
    const fix = actions.find(a => a.isPreferred);
    expect(fix, `no preferred fix among ${JSON.stringify(actions.map(a => a.title))}`).toBeDefined();
    const fixed = applyWorkspaceEdit(ws, fix!.edit)['p.kpi']!;
    const mended = await buildWorkspace({ 'p.kpi': fixed });
    expect(mended.diagnostics('p.kpi').filter(x => String(x.code).startsWith('syntax/'))).toEqual([]);
    return { title: fix!.title, fixed };
}

describe('quick fixes', () => {
    it('raise a target to the contract value', async () => {
        const ws = await hotline();
        const { actions } = await actionsFor(ws, 'targets.kpi', 'target/below-contract');
        const texts = await apply(ws, actions, '将目标改为 >= 95%（依据 热线服务合同.接通率）');
        expect(texts['targets.kpi']).toContain('接通率 "15秒内接通率" >= 95% 依据 热线服务合同.接通率, 广东两建办.即时接通率');
        expect(rules(ws, 'targets.kpi')).not.toContain('target/below-contract');
        // ≥95% is stronger than the standard's ≥90% too.
        expect(rules(ws, 'targets.kpi')).not.toContain('target/below-standard');
    });

    it('raise a target to the standard value, from the data or, without it, from the reference', async () => {
        const ws = await hotline();
        const { diagnostics, actions } = await actionsFor(ws, 'targets.kpi', 'target/below-standard');
        expect(actions.map(a => a.title)).toContain('将目标改为 >= 90%（依据 广东两建办.即时接通率）');
        const withoutSuggestion = { ...diagnostics[0]!, data: { code: 'target/below-standard', reference: '广东两建办.即时接通率' } };
        const doc = ws.documents.get('targets.kpi')!;
        const fallback = await ws.services.lsp.CodeActionProvider!.getCodeActions(doc, { textDocument: textDocument('targets.kpi'), range: withoutSuggestion.range, context: { diagnostics: [withoutSuggestion] } }) as CodeAction[];
        expect(applyWorkspaceEdit(ws, fallback[0]!.edit)['targets.kpi']).toContain('接通率 "15秒内接通率" >= 90% 依据');
    });

    it('write the comparator, the unit or the exact target a wording rule suggests, and lower a target to a baseline', async () => {
        const ws = await buildWorkspace({
            'c.kpi': '合同 C "c" 对象 P {\n    条款 N "n" >= 5 个 违约 "p"\n}\n标准 S "s" {\n    基准 B "b" 9.93 元/通\n}\n',
            'p.kpi': '项目 P "p" {\n    绩效指标 {\n        产出指标 {\n            数量指标 {\n                A "a" 95 个 来源 "s"\n                N "n" >= 10 依据 C.N 来源 "s"\n                R "r" >= 100% 来源 "s"\n                U "u" <= 12.52 元/通 依据 S.B 来源 "s"\n            }\n        }\n    }\n}\n',
        });
        const comparator = await actionsFor(ws, 'p.kpi', 'target/no-comparator');
        expect((await apply(ws, comparator.actions, '添加比较符 >='))['p.kpi']).toContain('A "a" >= 95 个 来源');
        const unit = await actionsFor(ws, 'p.kpi', 'target/no-unit');
        expect((await apply(ws, unit.actions, '添加单位 个'))['p.kpi']).toContain('N "n" >= 10 个 依据 C.N');
        const vague = await actionsFor(ws, 'p.kpi', 'target/vague', 'R "r"');
        expect((await apply(ws, vague.actions, '将目标改为 = 100%'))['p.kpi']).toContain('R "r" = 100% 来源');
        const baseline = await actionsFor(ws, 'p.kpi', 'target/above-baseline');
        expect((await apply(ws, baseline.actions, '将目标改为 <= 9.93 元/通（依据 S.B）'))['p.kpi']).toContain('U "u" <= 9.93 元/通 依据 S.B');
        expect(rules(ws, 'p.kpi').filter(r => r !== 'target/missing-benefit' && r !== 'target/missing-satisfaction')).toEqual([]);
    });

    it('add the missing 数量指标 group with a row to fill in', async () => {
        const ws = await hotline();
        const { actions } = await actionsFor(ws, 'targets.kpi', 'target/missing-quantity');
        const texts = await apply(ws, actions, '添加数量指标');
        expect(texts['targets.kpi']).toContain([
            '        产出指标 {',
            '            数量指标 {',
            '                新指标 "请填写指标名称" >= 1 个',
            '            }',
            '            质量指标 {',
        ].join('\n'));
        expect(rules(ws, 'targets.kpi')).not.toContain('target/missing-quantity');
        expect(rules(ws, 'targets.kpi').filter(r => r.startsWith('syntax/'))).toEqual([]);
    });

    it('add 产出指标 and 绩效指标 when they are missing too', async () => {
        const ws = await buildWorkspace({
            'a.kpi': '项目 A "a" {\n    绩效指标 {\n        满意度指标 {\n            服务对象满意度 {\n                S "s" >= 90%\n            }\n        }\n    }\n}\n',
            'b.kpi': '项目 B "b" {\n    预算 100 万元\n}\n',
        });
        const a = await actionsFor(ws, 'a.kpi', 'target/missing-quantity');
        expect((await apply(ws, a.actions, '添加数量指标'))['a.kpi']).toBe([
            '项目 A "a" {', '    绩效指标 {',
            '        产出指标 {', '            数量指标 {', '                新指标 "请填写指标名称" >= 1 个', '            }', '        }',
            '        满意度指标 {', '            服务对象满意度 {', '                S "s" >= 90%', '            }', '        }', '    }', '}', '',
        ].join('\n'));
        const b = await actionsFor(ws, 'b.kpi', 'target/missing-quantity');
        expect((await apply(ws, b.actions, '添加数量指标'))['b.kpi']).toBe([
            '项目 B "b" {', '    预算 100 万元',
            '    绩效指标 {', '        产出指标 {', '            数量指标 {', '                新指标 "请填写指标名称" >= 1 个', '            }', '        }', '    }', '}', '',
        ].join('\n'));
        expect(rules(ws, 'a.kpi')).not.toContain('target/missing-quantity');
        expect(rules(ws, 'b.kpi')).not.toContain('target/missing-quantity');
    });

    it('add 绩效指标 after a project\'s header lines, and new lines after a comment that ends a line, not before it', async () => {
        const ws = await buildWorkspace({
            'p.kpi': '项目 P "p" { // 新项目\n    主管部门 "某局"\n    实施单位 "某中心"\n}\n',
            // The suppression belongs to the clause's line: moved onto the new 违约 line it would suppress there.
            'c.kpi': '合同 C "c" 对象 P {\n    条款 甲 "甲" >= 1 个 // kpispec-disable-line contract/untracked-clause -- 省厅已批准\n}\n',
        });
        const p = await actionsFor(ws, 'p.kpi', 'target/missing-quantity');
        expect((await apply(ws, p.actions, '添加数量指标'))['p.kpi']).toBe([
            '项目 P "p" { // 新项目', '    主管部门 "某局"', '    实施单位 "某中心"',
            '    绩效指标 {', '        产出指标 {', '            数量指标 {', '                新指标 "请填写指标名称" >= 1 个', '            }', '        }', '    }', '}', '',
        ].join('\n'));
        expect(rules(ws, 'p.kpi').filter(r => r.startsWith('syntax/') || r === 'target/missing-quantity')).toEqual([]);
        const c = await actionsFor(ws, 'c.kpi', 'contract/no-penalty');
        expect((await apply(ws, c.actions, '为条款「甲」添加违约责任'))['c.kpi']).toBe(
            '合同 C "c" 对象 P {\n    条款 甲 "甲" >= 1 个 // kpispec-disable-line contract/untracked-clause -- 省厅已批准\n        违约 "请填写违约责任"\n}\n');
        expect(rules(ws, 'c.kpi')).toEqual([]);
        // A block's first row goes after the comment on its { line.
        const goals = await buildWorkspace({
            'p.kpi': '项目 P "p" {\n    总体目标 {\n        甲 "甲"\n    }\n}\n',
            'a.kpi': '自评 A "a" 对象 P { // 年度自评\n}\n',
        });
        const g = await actionsFor(goals, 'a.kpi', 'assessment/goal-not-covered');
        expect((await apply(goals, g.actions, '添加总体目标「甲」的自评'))['a.kpi']).toBe('自评 A "a" 对象 P { // 年度自评\n    总体目标 甲 "请填写完成情况（目标：甲）"\n}\n');
    });

    it('add a required indicator row linked with 依据, in the suggested family', async () => {
        const ws = await hotline();
        const { actions } = await actionsFor(ws, 'targets.kpi', 'target/required-indicator');
        expect(actions.filter(a => a.title.startsWith('添加必设指标'))).toHaveLength(8);
        const texts = await apply(ws, actions, '添加必设指标「回复率」（依据 广东两建办.回复率）');
        expect(texts['targets.kpi']).toContain([
            '                接通率 "15秒内接通率" >= 80% 依据 热线服务合同.接通率, 广东两建办.即时接通率',
            '                    来源 "热线话务系统统计报表"',
            '                回复率 "各市12345平台回复率" = 100% 依据 广东两建办.回复率',
            '            }',
        ].join('\n'));
        expect(ws.diagnostics('targets.kpi').filter(d => d.code === 'target/required-indicator')).toHaveLength(7);
        // A survey's sending rate is a 质量指标, as target/misfiled reads it too: the row added there is not misfiled.
        const survey = await actionsFor(ws, 'targets.kpi', 'target/required-indicator');
        const surveyed = await apply(ws, survey.actions, '添加必设指标「满意度发送率」（依据 热线运营规范.满意度发送率）');
        expect(surveyed['targets.kpi']).toContain('                满意度发送率 "满意度调查发送率" 定性 "请填写目标值" 依据 热线运营规范.满意度发送率\n            }');
        expect(rules(ws, 'targets.kpi')).not.toContain('target/misfiled');
    });

    it('writes English keywords into an English file', async () => {
        const ws = await buildWorkspace(ENGLISH);
        const { actions } = await actionsFor(ws, 'hotline.kpi', 'target/required-indicator');
        const texts = await apply(ws, actions, '添加必设指标「OnTimeRate」（依据 GuangdongRules.OnTimeRate）');
        expect(texts['hotline.kpi']).toContain('OnTimeRate "Tickets closed on time" = 100% per GuangdongRules.OnTimeRate');
        expect(rules(ws, 'hotline.kpi')).not.toContain('target/required-indicator');
        const quantity = await actionsFor(ws, 'hotline.kpi', 'target/missing-quantity');
        const after = (await apply(ws, quantity.actions, '添加数量指标'))['hotline.kpi'];
        expect(after).toContain('        output {\n            quantity {\n                NewIndicator "Describe the indicator" >= 1 个\n            }\n            quality {');
    });

    it('add a 违约 line to a clause', async () => {
        const ws = await hotline();
        const { actions } = await actionsFor(ws, 'contract.kpi', 'contract/no-penalty');
        const texts = await apply(ws, actions, '为条款「质检率」添加违约责任');
        expect(texts['contract.kpi']).toContain('    条款 质检率 "录音质检率" >= 5%\n        违约 "请填写违约责任"\n}');
        expect(rules(ws, 'contract.kpi')).not.toContain('contract/no-penalty');
        expect(rules(ws, 'compliance.kpi')).not.toContain('compliance/unmet-no-penalty');
    });

    it('set a score to the rule score, a total to the sum and a grade to the band of the total', async () => {
        const ws = await buildWorkspace({
            'p.kpi': '项目 P "p" {\n    绩效指标 {\n        产出指标 {\n            质量指标 {\n                A "a" >= 95% 来源 "s"\n            }\n        }\n    }\n}\n',
            'a.kpi': '自评 S "s" 对象 P {\n    指标 A 实际 80% 分值 5 得分 2 偏差 "原因"\n    合计 分值 5 得分 3\n    等级 优\n}\n',
        });
        const off = await actionsFor(ws, 'a.kpi', 'score/off-rule');
        expect((await apply(ws, off.actions, '将得分改为规则得分 4.21'))['a.kpi']).toContain('指标 A 实际 80% 分值 5 得分 4.21 偏差 "原因"');
        expect(rules(ws, 'a.kpi')).not.toContain('score/off-rule');
        const total = await actionsFor(ws, 'a.kpi', 'score/total-mismatch');
        expect((await apply(ws, total.actions, '将合计得分改为 4.21'))['a.kpi']).toContain('合计 分值 5 得分 4.21');
        const grade = await actionsFor(ws, 'a.kpi', 'score/grade-mismatch');
        expect((await apply(ws, grade.actions, '将等级改为 差'))['a.kpi']).toContain('等级 差');
        expect(rules(ws, 'a.kpi').filter(r => ['score/off-rule', 'score/total-mismatch', 'score/grade-mismatch'].includes(r))).toEqual([]);
    });

    it('rewrite the value that counts where a row gives the clause twice', async () => {
        const ws = await buildWorkspace({
            'p.kpi': '项目 P "p" {\n    绩效指标 {\n        产出指标 {\n            质量指标 {\n                A "a" >= 95% 来源 "s"\n            }\n        }\n    }\n}\n',
            'a.kpi': '自评 S "s" 对象 P {\n    预算执行 全年预算 100 万元 全年执行 80 万元 执行率 80% 分值 10 得分 8 执行率 75%\n    指标 A 实际 80% 分值 5 得分 5 得分 2 偏差 "原因"\n}\n',
        });
        const off = await actionsFor(ws, 'a.kpi', 'score/off-rule');
        expect((await apply(ws, off.actions, '将得分改为规则得分 4.21'))['a.kpi']).toContain('指标 A 实际 80% 分值 5 得分 5 得分 4.21 偏差 "原因"');
        const rate = await actionsFor(ws, 'a.kpi', 'funds/rate-mismatch');
        expect((await apply(ws, rate.actions, '将执行率改为 80%'))['a.kpi']).toContain('执行率 80% 分值 10 得分 8 执行率 80%\n');
        expect(rules(ws, 'a.kpi').filter(r => r === 'score/off-rule' || r === 'funds/rate-mismatch')).toEqual([]);
    });

    it('write the rule score where a 得分 is missing: a row, the execution line, then the total as the sum', async () => {
        const ws = await buildWorkspace({
            'p.kpi': '项目 P "p" {\n    绩效指标 {\n        产出指标 {\n            质量指标 {\n                A "a" >= 95% 来源 "s"\n            }\n        }\n    }\n}\n',
            'a.kpi': '自评 S "s" 对象 P {\n    预算执行 全年预算 100 万元 全年执行 80 万元 分值 10\n    指标 A 实际 80% 分值 5 偏差 "原因"\n    合计 分值 15\n}\n',
        });
        const row = await actionsFor(ws, 'a.kpi', 'score/missing', '指标 A');
        expect((await apply(ws, row.actions, '将得分改为规则得分 4.21'))['a.kpi']).toContain('指标 A 实际 80% 分值 5 得分 4.21 偏差 "原因"');
        const execution = await actionsFor(ws, 'a.kpi', 'score/missing', '预算执行');
        expect((await apply(ws, execution.actions, '将得分改为规则得分 8'))['a.kpi']).toContain('预算执行 全年预算 100 万元 全年执行 80 万元 分值 10 得分 8\n');
        const total = await actionsFor(ws, 'a.kpi', 'score/missing', '合计');
        expect((await apply(ws, total.actions, '将合计得分改为 12.21'))['a.kpi']).toContain('合计 分值 15 得分 12.21');
        expect(rules(ws, 'a.kpi').filter(r => r === 'score/missing' || r === 'score/total-mismatch')).toEqual([]);
    });

    it('suggest the comparator the row calls for: = for 100% and 0, <= for costs and money, else >=', async () => {
        const ws = await buildWorkspace({
            'p.kpi': '项目 P "p" {\n    绩效指标 {\n        产出指标 {\n            数量指标 {\n                R "r" 100% 来源 "s"\n                Z "z" 0 起 来源 "s"\n                M "m" 50 元/人 来源 "s"\n                N "n" 20 个 来源 "s"\n            }\n            成本指标 {\n                T "t" 30 分钟 来源 "s"\n            }\n        }\n    }\n}\n',
        });
        const cases: Array<[string, string, string]> = [
            ['R "r"', '添加比较符 =', 'R "r" = 100% 来源'],
            ['Z "z"', '添加比较符 =', 'Z "z" = 0 起 来源'],
            ['M "m"', '添加比较符 <=', 'M "m" <= 50 元/人 来源'],
            ['N "n"', '添加比较符 >=', 'N "n" >= 20 个 来源'],
            ['T "t"', '添加比较符 <=', 'T "t" <= 30 分钟 来源'],
        ];
        for (const [line, title, written] of cases) {
            const { actions } = await actionsFor(ws, 'p.kpi', 'target/no-comparator', line);
            expect((await apply(ws, actions, title))['p.kpi']).toContain(written);
        }
        expect(rules(ws, 'p.kpi')).not.toContain('target/no-comparator');
    });

    it('add the missing 总体目标 lines to an assessment, one or all', async () => {
        const ws = await hotline();
        const { actions } = await actionsFor(ws, 'assessment.kpi', 'assessment/goal-not-covered');
        expect(actions.map(a => a.title)).toEqual(expect.arrayContaining([
            '添加总体目标「全面性」的自评', '添加总体目标「便捷性」的自评', '添加总体目标「互联互通」的自评', '添加全部 3 个未自评的总体目标',
        ]));
        const texts = await apply(ws, actions, '添加全部 3 个未自评的总体目标');
        expect(texts['assessment.kpi']).toContain([
            '    总体目标 接通能力 "接听能力大幅提升，项目总体接通率89.19%"',
            '    总体目标 全面性 "请填写完成情况（目标：整合16条政府热线，实现“一号接入”）"',
            '    总体目标 便捷性 "请填写完成情况（目标：提供全天候、一站式热线服务）"',
            '    总体目标 互联互通 "请填写完成情况（目标：建成统一热线信息系统平台，实现热线系统互联互通）"',
        ].join('\n'));
        expect(rules(ws, 'assessment.kpi')).not.toContain('assessment/goal-not-covered');
    });

    it('add a row for each contract clause a compliance review leaves out, one or all', async () => {
        const contract = '合同 C "c" 对象 P {\n    条款 接通率 "15秒接通率" >= 95% 违约 "p"\n    条款 质检率 "录音质检率" >= 5% 违约 "p"\n    条款 整改 "问题整改" 定性 "按期完成" 违约 "p"\n}\n';
        const review = '履约考核 R "r" 对象 C {\n    条款 接通率 实际 89.19% 结论 未达标\n}\n';
        const ws = await buildWorkspace({ 'c.kpi': contract, 'r.kpi': review });
        const { actions } = await actionsFor(ws, 'r.kpi', 'compliance/clause-not-reviewed');
        expect(actions.filter(a => a.isPreferred).map(a => a.title)).toEqual(['添加全部 2 个未考核条款的考核行']);
        expect(actions.map(a => a.title)).toEqual(expect.arrayContaining(['添加条款「质检率」的考核行', '添加条款「整改」的考核行']));
        const one = applyWorkspaceEdit(ws, actions.find(a => a.title === '添加条款「整改」的考核行')!.edit)['r.kpi'];
        expect(one).toBe('履约考核 R "r" 对象 C {\n    条款 接通率 实际 89.19% 结论 未达标\n    条款 整改 未考核 结论 未考核\n}\n');
        const texts = await apply(ws, actions, '添加全部 2 个未考核条款的考核行');
        expect(texts['r.kpi']).toContain('    条款 质检率 未考核 结论 未考核\n    条款 整改 未考核 结论 未考核\n}');
        expect(ws.diagnostics('r.kpi').filter(d => d.severity === 1 || d.code === 'compliance/clause-not-reviewed')).toEqual([]);
        // An empty review in English keywords gets English rows, inside its braces.
        const english = await buildWorkspace({ 'c.kpi': contract, 'r.kpi': 'compliance R "r" for C {\n}\n' });
        const all = await actionsFor(english, 'r.kpi', 'compliance/clause-not-reviewed');
        expect((await apply(english, all.actions, '添加全部 3 个未考核条款的考核行'))['r.kpi']).toBe(
            'compliance R "r" for C {\n    clause 接通率 unassessed verdict unassessed\n    clause 质检率 unassessed verdict unassessed\n    clause 整改 unassessed verdict unassessed\n}\n');
        expect(rules(english, 'r.kpi')).toEqual([]);
    });

    it('write " for a string typed with Chinese quotation marks, from either mark', async () => {
        const ws = await buildWorkspace({ 'p.kpi': '项目 P “热线项目” {\n    总体目标 {\n        G “实现“一号接入””\n    }\n}\n' });
        const marks = ws.diagnostics('p.kpi').filter(d => d.code === 'syntax/lexing');
        expect(marks.length).toBeGreaterThanOrEqual(2);
        const doc = ws.documents.get('p.kpi')!;
        const fixesOf = async (d: Diagnostic) => await ws.services.lsp.CodeActionProvider!.getCodeActions(doc, { textDocument: textDocument('p.kpi'), range: d.range, context: { diagnostics: [d] } }) as CodeAction[];
        const [open, close] = [marks.find(d => d.range.start.line === 0 && d.range.start.character === 5)!, marks.find(d => d.range.start.line === 0 && d.range.start.character === 10)!];
        for (const d of [open, close]) {
            const fix = (await fixesOf(d)).find(a => a.title === '将中文引号改为字符串的引号 "')!;
            expect(fix.isPreferred).toBe(true);
            expect(applyWorkspaceEdit(ws, fix.edit)['p.kpi']!.split('\n')[0]).toBe('项目 P "热线项目" {');
        }
    });

    it('delete a bound that contradicts the comparator, and write 月底前 for 前 after a printed month', async () => {
        const project = '项目 P "p" {\n    绩效指标 {\n        产出指标 {\n            质量指标 {\n                A "接通率" <= 95%以上 来源 "s"\n                B "上线" 2023年6月前 来源 "s"\n            }\n        }\n    }\n}\n';
        const ws = await buildWorkspace({ 'p.kpi': project });
        const fixes = async (line: number) => {
            const d = ws.diagnostics('p.kpi').find(x => x.code === 'syntax/lexing' && x.range.start.line === line)!;
            return await ws.services.lsp.CodeActionProvider!.getCodeActions(ws.documents.get('p.kpi')!, { textDocument: textDocument('p.kpi'), range: d.range, context: { diagnostics: [d] } }) as CodeAction[];
        };
        const [drop] = await fixes(4);
        expect(drop).toMatchObject({ title: '删除「以上」，保留值前的比较符', isPreferred: true });
        const dropped = applyWorkspaceEdit(ws, drop!.edit)['p.kpi']!;
        expect(dropped).toContain('A "接通率" <= 95% 来源 "s"');
        const [end] = await fixes(5);
        expect(end).toMatchObject({ title: '写作「6月底前」（该月最后一天）', isPreferred: true });
        const ended = applyWorkspaceEdit(ws, end!.edit)['p.kpi']!;
        expect(ended).toContain('B "上线" 2023年6月底前 来源 "s"');
        // Each fix leaves the other line's error alone, and the two together leave none.
        const mended = await buildWorkspace({ 'p.kpi': dropped.replace('2023年6月前', '2023年6月底前') });
        expect(mended.diagnostics('p.kpi').filter(d => String(d.code).startsWith('syntax/'))).toEqual([]);
        // A note after the value that the comparator contradicts is deleted the same way.
        const noted = await buildWorkspace({ 'p.kpi': project.replace('95%以上', '95%（不含）').replace('2023年6月前', '2023年6月底前') });
        const d = noted.diagnostics('p.kpi').find(x => x.code === 'syntax/lexing')!;
        const [note] = await noted.services.lsp.CodeActionProvider!.getCodeActions(noted.documents.get('p.kpi')!, { textDocument: textDocument('p.kpi'), range: d.range, context: { diagnostics: [d] } }) as CodeAction[];
        expect(note).toMatchObject({ title: '删除「（不含）」，保留值前的比较符', isPreferred: true });
        expect(applyWorkspaceEdit(noted, note!.edit)['p.kpi']).toContain('A "接通率" <= 95% 来源 "s"');
    });

    it('write a printed range as one value, its upper end kept as a remark after it', async () => {
        // A keyword after the range is no unit of it (E's 来源).
        // C: an amount of money is a cost, its upper end the target; F: the end a comparator before it points to.
        const rows = ['A "a" 95%-100% 来源 "s"', 'B "b" >= 3～5 个 来源 "s"', 'C "c" 10 至 20 万元 来源 "s"', 'D "d" 3 - 5 个', 'E "e" 10-20 来源 "s"', 'F "f" <= 3～5 天'];
        const project = `项目 P "p" {\n    绩效指标 {\n        产出指标 {\n            数量指标 {\n${rows.map(r => `                ${r}\n`).join('')}            }\n        }\n    }\n}\n`;
        const ws = await buildWorkspace({ 'p.kpi': project });
        const written: string[] = [];
        let fixed = project;
        for (const [i, row] of rows.entries()) {
            const d = ws.diagnostics('p.kpi').find(x => String(x.code).startsWith('syntax/') && x.range.start.line === 4 + i)!;
            expect(d, row).toBeDefined();
            const fixes = await ws.services.lsp.CodeActionProvider!.getCodeActions(ws.documents.get('p.kpi')!, { textDocument: textDocument('p.kpi'), range: d.range, context: { diagnostics: [d] } }) as CodeAction[];
            const fix = fixes.find(a => a.isPreferred)!;
            written.push(fix.title);
            const line = applyWorkspaceEdit(ws, fix.edit)['p.kpi']!.split('\n')[4 + i]!;
            fixed = fixed.replace(`                ${row}\n`, `${line}\n`);
        }
        expect(written).toEqual(['写作「>= 95%」', '写作「3 个（上限 5 个）」', '写作「<= 20 万元（下限 10 万元）」', '写作「>= 3 个（上限 5 个）」', '写作「>= 10（上限 20）」', '写作「5 天（下限 3 天）」']);
        expect(fixed).toContain('B "b" >= 3 个（上限 5 个） 来源 "s"');
        expect(fixed).toContain('E "e" >= 10（上限 20） 来源 "s"');
        // What the fixes write parses, and its targets are what the message said.
        const mended = await buildWorkspace({ 'p.kpi': fixed });
        expect(mended.diagnostics('p.kpi').filter(x => String(x.code).startsWith('syntax/'))).toEqual([]);
        // In an English file the remark is English.
        const english = await buildWorkspace({ 'e.kpi': 'project P "p" {\n    indicators {\n        output {\n            quantity {\n                A "a" 3-5 items source "s"\n            }\n        }\n    }\n}\n' });
        const d = english.diagnostics('e.kpi').find(x => String(x.code).startsWith('syntax/'))!;
        const [en] = await english.services.lsp.CodeActionProvider!.getCodeActions(english.documents.get('e.kpi')!, { textDocument: textDocument('e.kpi'), range: d.range, context: { diagnostics: [d] } }) as CodeAction[];
        expect(applyWorkspaceEdit(english, en!.edit)['e.kpi']).toContain('A "a" >= 3 items (upper limit 5 items) source "s"');
    });

    it('write a range under 成本指标 as its upper end, whatever its unit, and one under 时效指标 as its lower end', async () => {
        const group = (family: string, row: string) => `项目 P "p" {\n    绩效指标 {\n        产出指标 {\n            ${family} {\n                ${row}\n            }\n        }\n    }\n}\n`;
        const cost = await preferredSyntaxFix(group('成本指标', 'A "单位成本" 3～5 元/人次 来源 "s"'), 'syntax/lexing');
        expect(cost.fixed).toContain('A "单位成本" <= 5 元/人次（下限 3 元/人次） 来源 "s"');
        // A group inside 成本指标 is a cost too, whatever its own keyword.
        const economic = await preferredSyntaxFix('项目 P "p" {\n    绩效指标 {\n        成本指标 {\n            经济成本指标 {\n                A "工期" 3～5 天\n            }\n        }\n    }\n}\n', 'syntax/lexing');
        expect(economic.title).toBe('写作「<= 5 天（下限 3 天）」');
        const timely = await preferredSyntaxFix(group('时效指标', 'A "办结时间" 3～5 天'), 'syntax/lexing');
        expect(timely.title).toBe('写作「>= 3 天（上限 5 天）」');
    });

    it('write the year of a period\'s second date where it was printed once', async () => {
        const { title, fixed } = await preferredSyntaxFix('项目 P "p" {\n    实施期 2023年1月至12月\n    预算 10 万元\n}\n', 'syntax/lexing');
        expect(title).toBe('写作「2023年1月至2023年12月」');
        expect(fixed).toContain('实施期 2023年1月至2023年12月\n');
    });

    it('quote a keyword written where a name stands, a printed label such as 总分 among them', async () => {
        const { title, fixed } = await preferredSyntaxFix('标准 S "s" {\n    要求 总分 "总分" >= 90%\n}\n', 'syntax/parsing');
        expect(title).toBe('写作 "总分"');
        expect(fixed).toContain('要求 "总分" "总分" >= 90%\n');
        // A row of indicators named by a keyword, at the head of its line; an assessment's line naming one.
        const row = await preferredSyntaxFix('项目 P "p" {\n    绩效指标 {\n        产出指标 {\n            数量指标 {\n                合计 "合计数" >= 1 个\n            }\n        }\n    }\n}\n', 'syntax/parsing');
        expect(row.fixed).toContain('                "合计" "合计数" >= 1 个\n');
        const line = await preferredSyntaxFix('自评 A "a" 对象 P {\n    指标 指标\n}\n', 'syntax/parsing');
        expect(line.fixed).toContain('    指标 "指标"\n');
    });

    it('write a quarter\'s end before 前, which after the quarter alone does not say which day', async () => {
        const project = (target: string) => `项目 P "p" {\n    绩效指标 {\n        产出指标 {\n            时效指标 {\n                A "完成时间" ${target} 来源 "s"\n            }\n        }\n    }\n}\n`;
        const { title, fixed } = await preferredSyntaxFix(project('2023年第四季度前'), 'syntax/lexing');
        expect(title).toBe('写作「第四季度末前」（该季度最后一天）');
        expect(fixed).toContain('A "完成时间" 2023年第四季度末前 来源');
    });

    it('write a value printed in Chinese numerals in digits, as the message says, after a comparator and with its unit apart too', async () => {
        const project = (target: string) => `项目 P "p" {\n    绩效指标 {\n        产出指标 {\n            质量指标 {\n                A "准确率" ${target} 来源 "s"\n            }\n        }\n    }\n}\n`;
        const cases: Array<[string, string, string]> = [
            ['百分之九十五以上', '写作「>= 95%」', 'A "准确率" >= 95% 来源'],
            ['>= 百分之九十五', '写作「95%」', 'A "准确率" >= 95% 来源'],
            // Its own bound after a comparator: the comparator stays, as where a bound contradicts it.
            ['>= 百分之九十五以上', '写作「95%」', 'A "准确率" >= 95% 来源'],
            ['不低于 九成', '写作「90%」', 'A "准确率" 不低于 90% 来源'],
            ['3万5千 人', '写作「35000 人」', 'A "准确率" 35000 人 来源'],
            ['>= 3万 人', '写作「30000 人」', 'A "准确率" >= 30000 人 来源'],
        ];
        for (const [target, title, written] of cases) {
            const fix = await preferredSyntaxFix(project(target), 'syntax/lexing');
            expect([target, fix.title]).toEqual([target, title]);
            expect(fix.fixed).toContain(written);
        }
    });

    it('put a word glued to a percentage in brackets, as a remark', async () => {
        const project = '项目 P "p" {\n    绩效指标 {\n        产出指标 {\n            质量指标 {\n                A "覆盖率" >= 100%覆盖 来源 "s"\n            }\n        }\n    }\n}\n';
        const { title, fixed } = await preferredSyntaxFix(project, 'syntax/lexing');
        expect(title).toBe('写作备注「100%（覆盖）」');
        expect(fixed).toContain('A "覆盖率" >= 100%（覆盖） 来源 "s"');
    });

    it('write full-width signs half-width', async () => {
        const project = '项目 P "p" ｛\n    绩效指标 {\n        产出指标 {\n            质量指标 {\n                A "接通率" >= ９５．５％ 来源 "s"\n            }\n        }\n    }\n}\n';
        const ws = await buildWorkspace({ 'p.kpi': project });
        const d = ws.diagnostics('p.kpi').find(x => x.code === 'syntax/lexing')!;
        const fixes = await ws.services.lsp.CodeActionProvider!.getCodeActions(ws.documents.get('p.kpi')!, { textDocument: textDocument('p.kpi'), range: d.range, context: { diagnostics: [d] } }) as CodeAction[];
        const half = fixes.find(a => a.title === '改为半角「{」')!;
        expect(half.isPreferred).toBe(true);
        const fixed = applyWorkspaceEdit(ws, half.edit)['p.kpi']!;
        expect(fixed).toContain('项目 P "p" {\n');
        const mended = await buildWorkspace({ 'p.kpi': fixed });
        expect(mended.diagnostics('p.kpi').filter(x => String(x.code).startsWith('syntax/'))).toEqual([]);
    });

    // A form's empty 实际完成值 cell, typed as printed (`实际 —`, `实际 /`), is no actual (assessment/no-actual).
    it('write an actual printed as an empty cell as 未统计 or 不适用', async () => {
        const project = '项目 P "p" {\n    绩效指标 {\n        产出指标 {\n            质量指标 {\n                A "接通率" >= 95% 来源 "s"\n            }\n        }\n    }\n}\n';
        for (const mark of ['—', '/', '／']) {
            const ws = await buildWorkspace({ 'p.kpi': project, 'a.kpi': `自评 Z "z" 对象 P {\n    指标 A 实际 ${mark} 分值 20 得分 20\n}\n` });
            expect(ws.diagnostics('a.kpi').filter(d => String(d.code).startsWith('syntax/')), mark).toEqual([]);
            const { actions } = await actionsFor(ws, 'a.kpi', 'assessment/no-actual');
            const writes = actions.filter(a => a.title.startsWith('写作'));
            expect(writes.map(a => a.title), mark).toEqual(['写作 未统计（应统计而未统计）', '写作 不适用（无须统计）']);
            expect(applyWorkspaceEdit(ws, writes[0]!.edit)['a.kpi']).toContain('    指标 A 实际 未统计 分值 20 得分 20\n');
            expect(applyWorkspaceEdit(ws, writes[1]!.edit)['a.kpi']).toContain('    指标 A 实际 不适用 分值 20 得分 20\n');
        }
        // A row with no 实际 at all gets the finding, not these fixes.
        const none = await buildWorkspace({ 'p.kpi': project, 'a.kpi': '自评 Z "z" 对象 P {\n    指标 A 分值 20 得分 20\n}\n' });
        expect((await actionsFor(none, 'a.kpi', 'assessment/no-actual')).actions.filter(a => a.title.startsWith('写作'))).toEqual([]);
    });

    it('write the value achieved in place of an actual written as a comparison', async () => {
        const ws = await buildWorkspace({
            'p.kpi': '项目 P "p" {\n    绩效指标 {\n        产出指标 {\n            数量指标 {\n                A "a" >= 200 米 来源 "s"\n            }\n        }\n    }\n}\n',
            'a.kpi': '自评 Z "z" 对象 P {\n    指标 A 实际 >= 266 米 分值 10 得分 10\n}\n',
        });
        const { actions } = await actionsFor(ws, 'a.kpi', 'assessment/actual-not-value');
        expect(actions[0]).toMatchObject({ title: '将实际值改为 266 米', isPreferred: true });
        expect((await apply(ws, actions, '将实际值改为 266 米'))['a.kpi']).toContain('    指标 A 实际 266 米 分值 10 得分 10\n');
        expect(rules(ws, 'a.kpi')).not.toContain('assessment/actual-not-value');
    });

    it('write the unit of a bare actual whose reading in the target\'s unit is doubtful, as the finding suggests', async () => {
        const ws = await buildWorkspace({
            'p.kpi': '项目 P "p" {\n    绩效指标 {\n        产出指标 {\n            数量指标 {\n                A "a" >= 90% 来源 "s"\n                B "b" >= 1.2 万人 来源 "s"\n            }\n        }\n    }\n}\n',
            'a.kpi': '自评 Z "z" 对象 P {\n    指标 A 实际 0.96 分值 10 得分 10\n    指标 B 实际 12500 分值 10 得分 10\n}\n',
        });
        const { actions } = await actionsFor(ws, 'a.kpi', 'assessment/unit-mismatch');
        expect(actions.filter(a => a.isPreferred).map(a => a.title)).toEqual(['将实际值改为 96%', '将实际值改为 12500 人']);
        const fixed = await apply(ws, actions, '将实际值改为 96%');
        expect(fixed['a.kpi']).toContain('    指标 A 实际 96% 分值 10 得分 10\n');
        // A mismatch of units has no likely value to write.
        const units = await buildWorkspace({ 'p.kpi': ws.documents.get('p.kpi')!.textDocument.getText(), 'a.kpi': '自评 Z "z" 对象 P {\n    指标 A 实际 96 天 分值 10 得分 10\n}\n' });
        expect((await actionsFor(units, 'a.kpi', 'assessment/unit-mismatch')).actions.filter(a => a.title.startsWith('将实际值改为'))).toEqual([]);
    });

    it('add a 偏差 reason to a missed row', async () => {
        const ws = await buildWorkspace({
            'p.kpi': '项目 P "p" {\n    绩效指标 {\n        产出指标 {\n            质量指标 {\n                A "a" >= 95% 来源 "s"\n            }\n        }\n    }\n}\n',
            'a.kpi': '自评 S "s" 对象 P {\n    指标 A 实际 80% 分值 5 得分 4.21\n}\n',
        });
        const { actions } = await actionsFor(ws, 'a.kpi', 'assessment/missing-deviation');
        expect((await apply(ws, actions, '添加偏差原因'))['a.kpi']).toContain('指标 A 实际 80% 分值 5 得分 4.21 偏差 "未达到目标的原因：请填写"');
        expect(rules(ws, 'a.kpi')).not.toContain('assessment/missing-deviation');
    });

    it('suppress any rule on its line with a reason, adding to a comment already there', async () => {
        const ws = await hotline();
        const below = await actionsFor(ws, 'targets.kpi', 'target/below-contract');
        const once = await apply(ws, below.actions, '在此行停用 target/below-contract（需注明理由）');
        expect(once['targets.kpi']).toContain([
            '                // kpispec-disable-next-line target/below-contract -- 请说明理由',
            '                接通率 "15秒内接通率" >= 80%',
        ].join('\n'));
        expect(rules(ws, 'targets.kpi')).not.toContain('target/below-contract');
        const standard = await actionsFor(ws, 'targets.kpi', 'target/below-standard');
        const twice = await apply(ws, standard.actions, '在此行停用 target/below-standard（需注明理由）');
        expect(twice['targets.kpi']).toContain('                // kpispec-disable-next-line target/below-contract, target/below-standard -- 请说明理由\n                接通率');
        expect(rules(ws, 'targets.kpi')).not.toContain('target/below-standard');
    });

    it('offers a suppression for every rule but syntax errors', async () => {
        const ws = await hotline();
        for (const [file, rule] of [['contract.kpi', 'contract/untracked-clause'], ['assessment.kpi', 'milestone/overdue'], ['compliance.kpi', 'compliance/no-data']] as const) {
            const { actions } = await actionsFor(ws, file, rule);
            expect(actions.map(a => a.title)).toContain(`在此行停用 ${rule}（需注明理由）`);
        }
        await ws.edit('contract.kpi', HOTLINE['contract.kpi']!.replace('条款 质检率 "录音质检率"', '条款 质检率 "录音质检率'));
        const syntax = ws.diagnostics('contract.kpi').filter(d => String(d.code).startsWith('syntax/'));
        const doc = ws.documents.get('contract.kpi')!;
        const actions = await ws.services.lsp.CodeActionProvider!.getCodeActions(doc, { textDocument: textDocument('contract.kpi'), range: syntax[0]!.range, context: { diagnostics: syntax } });
        expect(actions).toEqual([]);
    });

    it('remove a suppression that suppresses nothing, and give one a reason', async () => {
        const ws = await buildWorkspace({
            'c.kpi': '合同 C "c" {\n    // kpispec-disable-next-line contract/no-penalty\n    条款 T "t" >= 95% 违约 "p"\n}\n',
        });
        const unused = await actionsFor(ws, 'c.kpi', 'suppression/unused');
        expect((await apply(ws, unused.actions, '删除未起作用的抑制注释'))['c.kpi']).toBe('合同 C "c" {\n    条款 T "t" >= 95% 违约 "p"\n}\n');
        ws.services.kpi.Configuration.overrides.requireSuppressionReason = true;
        await ws.edit('c.kpi', '合同 C "c" {\n    // kpispec-disable-next-line contract/no-penalty\n    条款 T "t" >= 95%\n}\n');
        const reasonless = await actionsFor(ws, 'c.kpi', 'suppression/no-reason');
        expect((await apply(ws, reasonless.actions, '为抑制注释注明理由'))['c.kpi']).toContain('// kpispec-disable-next-line contract/no-penalty -- 请说明理由\n');
        expect(rules(ws, 'c.kpi')).toEqual([]);
    });

    it('prefer, of the targets a row is held to, the one that leaves it weaker than none', async () => {
        // 接通率 >= 80% is held to the contract's >= 95% and the standard's >= 90%: raising it to 90% leaves it below the contract.
        const ws = await hotline();
        const contract = await actionsFor(ws, 'targets.kpi', 'target/below-contract');
        const standard = await actionsFor(ws, 'targets.kpi', 'target/below-standard');
        expect(contract.actions[0]).toMatchObject({ title: '将目标改为 >= 95%（依据 热线服务合同.接通率）', isPreferred: true });
        expect(standard.actions[0]).toMatchObject({ title: '将目标改为 >= 90%（依据 广东两建办.即时接通率）', isPreferred: false });
        expect(contract.diagnostics[0]!.data).toMatchObject({ satisfiesAll: true });
        expect(standard.diagnostics[0]!.data).toMatchObject({ satisfiesAll: false });
    });

    it('fade a suppression comment that does nothing, not one that still suppresses a rule', async () => {
        const ws = await buildWorkspace({
            'c.kpi': '合同 C "c" {\n    // kpispec-disable-next-line contract/no-penalty -- 无\n    条款 T "t" >= 95% 违约 "p"\n'
                + '    // kpispec-disable-next-line contract/no-penalty, target/vague -- 未约定\n    条款 U "u" >= 95%\n}\n',
        });
        const unused = ws.diagnostics('c.kpi').filter(d => d.code === 'suppression/unused');
        expect(unused.map(d => [d.range.start.line, d.tags])).toEqual([[1, [DiagnosticTag.Unnecessary]], [3, undefined]]);
    });

    it('say their titles in English when the editor does', async () => {
        const ws = await buildWorkspace(HOTLINE, 'en');
        const { actions } = await actionsFor(ws, 'targets.kpi', 'target/below-contract');
        expect(actions.map(a => a.title)).toEqual(['Set the target to >= 95% (per 热线服务合同.接通率)', 'Suppress target/below-contract on this line (give a reason)']);
        expect(actions[0]!.isPreferred).toBe(true);
    });
});
