// Quick fixes for the findings of complete forms (申报表 and 自评表): last year's level, rows filed
// under the wrong family, empty groups, texts left as the form's instruction, and totals that
// their rows do not make up.
import type { CodeAction, Diagnostic } from 'vscode-languageserver';
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { buildWorkspace, readFolder, type TestWorkspace } from '../support/workspace.js';
import { applyWorkspaceEdit, textDocument } from './support.js';

const FORMS = readFolder(join(import.meta.dirname, '..', 'fixtures', 'reference', 'forms'));

/** The diagnostics of `rule` on the line holding `line`, and the code actions the editor gets for them. */
async function actionsFor(ws: TestWorkspace, file: string, rule: string, line?: string): Promise<{ diagnostics: Diagnostic[]; actions: CodeAction[] }> {
    const doc = ws.documents.get(file)!;
    const lineNo = line === undefined ? undefined : doc.textDocument.positionAt(doc.textDocument.getText().indexOf(line)).line;
    const diagnostics = ws.diagnostics(file).filter(d => d.code === rule && (lineNo === undefined || d.range.start.line === lineNo));
    expect(diagnostics.length, `${rule} in ${file}${line ? ` on «${line}»` : ''}`).toBeGreaterThan(0);
    const actions = await ws.services.lsp.CodeActionProvider!.getCodeActions(doc, {
        textDocument: textDocument(file), range: diagnostics[0]!.range, context: { diagnostics: [diagnostics[0]!] },
    }) as CodeAction[];
    return { diagnostics, actions };
}

/** The titles of the fixes, suppression left out. */
const fixTitles = (actions: CodeAction[]) => actions.map(a => a.title).filter(t => !/停用|Suppress/.test(t));

/** Applies the action titled `title` as the editor would and returns the file's new text. */
async function apply(ws: TestWorkspace, file: string, actions: CodeAction[], title: string): Promise<string> {
    const action = actions.find(a => a.title === title);
    expect(action, `no action «${title}» among ${JSON.stringify(actions.map(a => a.title))}`).toBeDefined();
    const text = applyWorkspaceEdit(ws, action!.edit)[file]!;
    await ws.edit(file, text);
    return text;
}

/** The rules reported on lines holding `line` (every line when not given). */
function rulesOn(ws: TestWorkspace, file: string, line?: string): string[] {
    const lines = ws.documents.get(file)!.textDocument.getText().split('\n');
    return ws.diagnostics(file).filter(d => line === undefined || lines[d.range.start.line]!.includes(line)).map(d => String(d.code));
}

const syntax = (ws: TestWorkspace, file: string) => rulesOn(ws, file).filter(r => r.startsWith('syntax/'));

const project = (body: string[], head: string[] = []) => ['项目 P "p" {', ...head.map(l => `    ${l}`), '    绩效指标 {', ...body.map(l => `        ${l}`), '    }', '}', ''].join('\n');

describe('form quick fixes', () => {
    it('raise a target to last year\'s level, a date to last year\'s day a year on', async () => {
        const ws = await buildWorkspace(FORMS);
        const { actions } = await actionsFor(ws, 'targets.kpi', 'target/below-history', '"助餐服务人数"');
        expect(actions.find(a => a.title === '将目标改为 >= 2000 人（上年实际）')?.isPreferred).toBe(true);
        const text = await apply(ws, 'targets.kpi', actions, '将目标改为 >= 2000 人（上年实际）');
        expect(text).toContain('"助餐服务人数" >= 2000 人 上年 2000 人 来源');
        expect(rulesOn(ws, 'targets.kpi', '"助餐服务人数"')).toEqual([]);
        expect(rulesOn(ws, 'targets.kpi', '"失能老人照护覆盖率"')).toContain('target/below-history');

        const dates = await buildWorkspace({
            'p.kpi': project(['产出指标 {', '    时效指标 {', '        "完工日期" <= 2023-11-30 上年 2022-10-31', '        "拨付月份" = 2024-03 上年 2022-12', '    }', '}']),
        });
        const day = await actionsFor(dates, 'p.kpi', 'target/below-history', '"完工日期"');
        expect(await apply(dates, 'p.kpi', day.actions, '将目标改为 <= 2023-10-31（上年实际）')).toContain('"完工日期" <= 2023-10-31 上年 2022-10-31');
        // `=` on a date reads as "by then": the fix writes the direction it is read in.
        const month = await actionsFor(dates, 'p.kpi', 'target/below-history', '"拨付月份"');
        expect(await apply(dates, 'p.kpi', month.actions, '将目标改为 <= 2023-12（上年实际）')).toContain('"拨付月份" <= 2023-12 上年 2022-12');
        expect(rulesOn(dates, 'p.kpi').filter(r => r === 'target/below-history')).toEqual([]);
    });

    it('move a satisfaction row to 服务对象满意度, and offer two families for a row that is none', async () => {
        const ws = await buildWorkspace(FORMS);
        const satisfied = await actionsFor(ws, 'targets.kpi', 'target/misfiled', '"老年人助餐满意度"');
        expect(fixTitles(satisfied.actions)).toEqual(['移至「满意度指标 › 服务对象满意度」']);
        let text = await apply(ws, 'targets.kpi', satisfied.actions, '移至「满意度指标 › 服务对象满意度」');
        expect(text).toContain([
            '            服务对象满意度 {',
            '                "服务对象满意度" >= 90% 来源 "问卷调查"',
            '                "服务投诉次数" <= 10 次 来源 "投诉台账"',
            '                "老年人助餐满意度" >= 90% 来源 "问卷调查"',
            '            }',
        ].join('\n'));
        expect(text).toContain('            社会效益 {\n                "失能老人照护覆盖率"');

        const complaints = await actionsFor(ws, 'targets.kpi', 'target/misfiled', '"服务投诉次数"');
        expect(complaints.actions.filter(a => a.title.startsWith('移至')).map(a => [a.title, a.isPreferred])).toEqual([
            ['移至「产出指标 › 质量指标」', false], ['移至「效益指标 › 社会效益」', false],
        ]);
        text = await apply(ws, 'targets.kpi', complaints.actions, '移至「产出指标 › 质量指标」');
        expect(text).toContain('            质量指标 {\n                "服务投诉办结率" = 100% 来源 "投诉台账"\n                "服务投诉次数" <= 10 次 来源 "投诉台账"\n            }');
        expect(rulesOn(ws, 'targets.kpi')).not.toContain('target/misfiled');
        expect(syntax(ws, 'targets.kpi')).toEqual([]);
    });

    it('make the 满意度指标 group a satisfaction row is moved to, from a group on one line', async () => {
        const ws = await buildWorkspace({
            'p.kpi': project(['产出指标 { 数量指标 { "助餐人数" >= 10 人 } }', '效益指标 {', '    社会效益 { "老年人助餐满意度" >= 90% }', '}']),
        });
        const { actions } = await actionsFor(ws, 'p.kpi', 'target/misfiled');
        const text = await apply(ws, 'p.kpi', actions, '移至「满意度指标 › 服务对象满意度」');
        expect(text).toContain('    社会效益 { }\n        }\n        满意度指标 {\n            服务对象满意度 {\n                "老年人助餐满意度" >= 90%\n            }\n        }');
        expect(rulesOn(ws, 'p.kpi')).not.toContain('target/misfiled');
        expect(syntax(ws, 'p.kpi')).toEqual([]);
    });

    it('move a row the same way in a file whose lines end in a lone \\r (classic Mac), where each line is the editor\'s line', async () => {
        const lines = project(['产出指标 { 数量指标 { "助餐人数" >= 10 人 } }', '效益指标 {', '    社会效益 { "老年人助餐满意度" >= 90% }', '}']);
        const ws = await buildWorkspace({ 'p.kpi': lines.replaceAll('\n', '\r') });
        const { actions } = await actionsFor(ws, 'p.kpi', 'target/misfiled');
        // Before, the fix read the file as one line: it cut the whole group's line and inserted over its cut.
        const text = await apply(ws, 'p.kpi', actions, '移至「满意度指标 › 服务对象满意度」');
        expect(text.split(/\r\n|\r|\n/).map(l => l.trim())).toEqual(expect.arrayContaining(['社会效益 { }', '满意度指标 {', '服务对象满意度 {', '"老年人助餐满意度" >= 90%']));
        expect(rulesOn(ws, 'p.kpi')).not.toContain('target/misfiled');
        expect(syntax(ws, 'p.kpi')).toEqual([]);
    });

    it('remove an empty group, or add a row to fill in', async () => {
        const ws = await buildWorkspace(FORMS);
        const { actions } = await actionsFor(ws, 'targets.kpi', 'target/empty-group');
        expect(fixTitles(actions)).toEqual(['删除空的指标组「生态效益」', '在「生态效益」下添加一行待填写的指标']);
        const filled = applyWorkspaceEdit(ws, actions[1]!.edit)['targets.kpi']!;
        expect(filled).toContain('            生态效益 {\n                新指标 "请填写指标名称" 定性 "请填写目标值"\n            }');
        const removed = await apply(ws, 'targets.kpi', actions, '删除空的指标组「生态效益」');
        expect(removed).toContain('"失能老人照护覆盖率" >= 60% 上年 65% 来源 "民政统计"\n            }\n        }\n        满意度指标 {');
        expect(rulesOn(ws, 'targets.kpi')).not.toContain('target/empty-group');
        await ws.edit('targets.kpi', filled);
        expect(rulesOn(ws, 'targets.kpi')).not.toContain('target/empty-group');
        expect(syntax(ws, 'targets.kpi')).toEqual([]);
    });

    it('remove a level-1 group with its only empty group, and fill an empty level-1 group', async () => {
        const ws = await buildWorkspace({
            'p.kpi': project([
                '产出指标 { 数量指标 { "助餐人数" >= 10 人 } }', '效益指标 { 社会效益 { "受益人数" >= 10 人 } }', '满意度指标 { "满意度" >= 90% }',
                '项目管理 {', '    资金管理 {', '    }', '}', '项目决策 {', '}',
            ]),
        });
        const management = await actionsFor(ws, 'p.kpi', 'target/empty-group', '资金管理');
        expect(await apply(ws, 'p.kpi', management.actions, '删除空的指标组「项目管理 › 资金管理」')).not.toContain('项目管理');
        const decision = await actionsFor(ws, 'p.kpi', 'target/empty-group', '项目决策');
        expect(await apply(ws, 'p.kpi', decision.actions, '在「项目决策」下添加一行待填写的指标')).toContain('        项目决策 {\n            新指标 "请填写指标名称" 定性 "请填写目标值"\n        }');
        expect(rulesOn(ws, 'p.kpi')).not.toContain('target/empty-group');
        expect(syntax(ws, 'p.kpi')).toEqual([]);
    });

    it('keep what a text says without the instruction in brackets, and delete a text that is only the instruction', async () => {
        const ws = await buildWorkspace(FORMS);
        const summary = await actionsFor(ws, 'assessment.kpi', 'assessment/placeholder-text', '完成情况');
        const text = await apply(ws, 'assessment.kpi', summary.actions, '删除未填写的「完成情况」（仍为填写说明）');
        expect(text).not.toContain('完成情况');
        expect(text).toContain('        其中 其他资金 年初预算 40 万元 全年预算 40 万元 全年执行 28 万元\n\n    总体目标 助餐');
        expect(rulesOn(ws, 'assessment.kpi')).not.toContain('assessment/placeholder-text');

        const assessment = (lines: string[]) => ['自评 A "a" 对象 养老补贴 {', ...lines.map(l => `    ${l}`), '}', ''].join('\n');
        const texts = await buildWorkspace({
            'targets.kpi': FORMS['targets.kpi']!,
            'a.kpi': assessment([
                '完成情况 "全年为1850名老年人提供助餐服务（100字以内）"',
                '指标 "助餐点数量" 实际 16 个 偏差 "如：XXX" 分值 10 得分 8',
                '指标 "服务投诉办结率" 实际 不适用 "请说明原因"',
                '总体目标 助餐 "请填写"',
            ]),
        });
        const kept = await actionsFor(texts, 'a.kpi', 'assessment/placeholder-text', '完成情况');
        expect(kept.actions[0]?.isPreferred).toBe(true);
        expect(await apply(texts, 'a.kpi', kept.actions, '删除填写说明，保留「全年为1850名老年人提供助餐服务」')).toContain('    完成情况 "全年为1850名老年人提供助餐服务"\n');
        const deviation = await actionsFor(texts, 'a.kpi', 'assessment/placeholder-text', '"助餐点数量"');
        expect(await apply(texts, 'a.kpi', deviation.actions, '删除未填写的「偏差」（仍为填写说明）')).toContain('指标 "助餐点数量" 实际 16 个 分值 10 得分 8\n');
        const reason = await actionsFor(texts, 'a.kpi', 'assessment/placeholder-text', '不适用');
        expect(await apply(texts, 'a.kpi', reason.actions, '删除未填写的「不适用」的说明（仍为填写说明）')).toContain('指标 "服务投诉办结率" 实际 不适用\n');
        // A goal's line would go with its text: no fix but suppression.
        const goal = await actionsFor(texts, 'a.kpi', 'assessment/placeholder-text', '总体目标');
        expect(fixTitles(goal.actions)).toEqual([]);
        expect(rulesOn(texts, 'a.kpi').filter(r => r === 'assessment/placeholder-text')).toHaveLength(1);
        expect(syntax(texts, 'a.kpi')).toEqual([]);
    });

    it('add the source the 其中 rows lack, or write their sum as the annual total', async () => {
        const ws = await buildWorkspace(FORMS);
        const { actions } = await actionsFor(ws, 'targets.kpi', 'funds/sources-total');
        expect(fixTitles(actions)).toEqual(['将年度资金总额改为其中各行合计 290 万元', '添加其中一行补足差额 10 万元（来源待填写）']);
        expect(actions.some(a => a.isPreferred)).toBe(false);
        const summed = applyWorkspaceEdit(ws, actions[0]!.edit)['targets.kpi']!;
        expect(summed).toContain('        年度 290 万元\n');
        const text = await apply(ws, 'targets.kpi', actions, '添加其中一行补足差额 10 万元（来源待填写）');
        expect(text).toContain('        其中 其他资金 30 万元\n        其中 "请填写资金来源" 10 万元\n    }');
        expect(rulesOn(ws, 'targets.kpi', '年度')).toEqual([]);
        await ws.edit('targets.kpi', summed);
        expect(rulesOn(ws, 'targets.kpi', '年度')).not.toContain('funds/sources-total');

        // The 其中 rows add up to more than the total: only the total can be what is short.
        const over = await buildWorkspace({ 'p.kpi': '项目 P "p" {\n    资金 {\n        年度 250 万元\n        其中 财政拨款 260 万元\n    }\n}\n' });
        expect(fixTitles((await actionsFor(over, 'p.kpi', 'funds/sources-total')).actions)).toEqual(['将年度资金总额改为其中各行合计 260 万元']);
    });

    it('write the sums of the 其中 rows on a 预算执行 total row, in the columns that differ', async () => {
        const ws = await buildWorkspace({
            'targets.kpi': FORMS['targets.kpi']!,
            'a.kpi': [
                '自评 A "a" 对象 养老补贴 {',
                '    预算执行 年初预算 300 万元 全年预算 250 万元 全年执行 1900000 元 执行率 76%',
                '        其中 财政拨款 年初预算 260 万元 全年预算 220 万元 全年执行 170 万元',
                '        其中 其他资金 年初预算 40 万元 全年预算 40 万元 全年执行 28 万元',
                '}', '',
            ].join('\n'),
        });
        const { actions } = await actionsFor(ws, 'a.kpi', 'funds/sources-total');
        const text = await apply(ws, 'a.kpi', actions, '将合计行改为其中各行合计（全年预算 260 万元，全年执行 1980000 元）');
        expect(text).toContain('预算执行 年初预算 300 万元 全年预算 260 万元 全年执行 1980000 元 执行率 76%');
        expect(rulesOn(ws, 'a.kpi')).not.toContain('funds/sources-total');
    });

    it('write the components\' sum as 合计, or add a component for what they leave out', async () => {
        const ws = await buildWorkspace(FORMS);
        const { actions } = await actionsFor(ws, 'targets.kpi', 'funds/breakdown-total');
        expect(fixTitles(actions)).toEqual(['将合计改为测算各项合计 290 万元', '添加一项测算补足差额 10 万元（名称待填写）']);
        const summed = applyWorkspaceEdit(ws, actions[0]!.edit)['targets.kpi']!;
        expect(summed).toContain('        "服务评估" 20 万元\n        合计 290 万元\n');
        const text = await apply(ws, 'targets.kpi', actions, '添加一项测算补足差额 10 万元（名称待填写）');
        expect(text).toContain('        "服务评估" 20 万元\n        "请填写测算项" 10 万元\n        合计 300 万元\n');
        expect(rulesOn(ws, 'targets.kpi')).not.toContain('funds/breakdown-total');
        await ws.edit('targets.kpi', summed);
        expect(rulesOn(ws, 'targets.kpi')).not.toContain('funds/breakdown-total');

        // Without 合计 the components are read against 预算: only a component can be added; over it, nothing.
        const budget = (amount: string) => `项目 P "p" {\n    预算 300 万元\n    测算 {\n        "助餐补贴" 120 万元\n        "评估" ${amount}\n    }\n}\n`;
        const short = await buildWorkspace({ 'p.kpi': budget('100 万元') });
        const added = await actionsFor(short, 'p.kpi', 'funds/breakdown-total');
        expect(fixTitles(added.actions)).toEqual(['添加一项测算补足差额 80 万元（名称待填写）']);
        await apply(short, 'p.kpi', added.actions, '添加一项测算补足差额 80 万元（名称待填写）');
        expect(rulesOn(short, 'p.kpi')).not.toContain('funds/breakdown-total');
        const over = await buildWorkspace({ 'p.kpi': budget('200 万元') });
        expect(fixTitles((await actionsFor(over, 'p.kpi', 'funds/breakdown-total')).actions)).toEqual([]);
    });

    it('write English keywords and titles into an English form', async () => {
        const ws = await buildWorkspace({
            'p.kpi': [
                'project P "p" {', '    budget 300 万元',
                '    funds {', '        annual 300 万元', '        of-which fiscal 260 万元', '    }',
                '    indicators {', '        output { quantity { Meals "meals served" >= 1800 人 last-year 2000 人 } }',
                '        benefit {', '            social { Users "users" >= 10 人 }', '            ecological {', '            }', '        }',
                '        satisfaction { beneficiary { Sat "user satisfaction" >= 90% } }', '    }', '}', '',
            ].join('\n'),
        }, 'en');
        const funds = await actionsFor(ws, 'p.kpi', 'funds/sources-total');
        expect(await apply(ws, 'p.kpi', funds.actions, 'Add an of-which row for the missing 40 万元 (source to be named)')).toContain('        of-which fiscal 260 万元\n        of-which "Name the source" 40 万元\n');
        const history = await actionsFor(ws, 'p.kpi', 'target/below-history');
        expect(await apply(ws, 'p.kpi', history.actions, 'Set the target to >= 2000 人 (last year\'s actual)')).toContain('Meals "meals served" >= 2000 人 last-year 2000 人');
        const empty = await actionsFor(ws, 'p.kpi', 'target/empty-group');
        expect(await apply(ws, 'p.kpi', empty.actions, 'Add a row to fill in under \'ecological\'')).toContain('            ecological {\n                NewIndicator "Describe the indicator" qualitative "Describe the target"\n            }');
        expect(rulesOn(ws, 'p.kpi').filter(r => ['funds/sources-total', 'target/below-history', 'target/empty-group'].includes(r) || r.startsWith('syntax/'))).toEqual([]);
    });
});
