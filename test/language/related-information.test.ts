import type { Diagnostic } from 'vscode-languageserver-types';
import { describe, expect, it } from 'vitest';
import { hotline, HOTLINE } from '../lsp/support.js';
import { join } from 'node:path';
import { buildWorkspace, readFolder, uriOf, type TestWorkspace } from '../support/workspace.js';

/**
 * A finding that names an element elsewhere (the clause a target is weaker than, the goal left
 * unassessed) carries where that element is defined: VS Code lists it under the diagnostic in
 * the Problems panel and in its hover, one click away; SARIF has it as relatedLocations.
 */

/** Each related location of a rule's findings in a file, as `file line:column message`. */
function related(ws: TestWorkspace, file: string, rule: string): string[][] {
    return ws.diagnostics(file).filter(d => d.code === rule).map(d => (d.relatedInformation ?? []).map(r => {
        const name = r.location.uri.slice(uriOf('').toString().length);
        return `${name} ${r.location.range.start.line + 1}:${r.location.range.start.character + 1} ${r.message}`;
    }));
}

/** Where the name after `keyword ` stands in a file of the reference case, as `file line:column`. */
function at(file: string, keyword: string, name: string): string {
    const lines = HOTLINE[file]!.split('\n');
    const line = lines.findIndex(l => l.includes(`${keyword} ${name}`));
    return `${file} ${line + 1}:${lines[line]!.indexOf(`${keyword} ${name}`) + keyword.length + 2}`;
}

/** Where a row starting with `text` stands. */
function row(file: string, text: string): string {
    const lines = HOTLINE[file]!.split('\n');
    const line = lines.findIndex(l => l.trimStart().startsWith(text));
    return `${file} ${line + 1}:${lines[line]!.indexOf(text) + 1}`;
}

describe('related locations', () => {
    it('point from each finding of the reference case to the element its message names', async () => {
        const ws = await hotline();
        expect(related(ws, 'targets.kpi', 'target/below-contract')).toEqual([[`${at('contract.kpi', '条款', '接通率')} 合同「热线服务合同」条款「接通率」`]]);
        expect(related(ws, 'targets.kpi', 'target/below-standard')).toEqual([[`${at('standards.kpi', '要求', '即时接通率')} 标准「广东两建办」要求「即时接通率」`]]);
        expect(related(ws, 'targets.kpi', 'target/above-baseline')).toEqual([[`${at('standards.kpi', '基准', '单位服务成本')} 标准「广州热线」基准「单位服务成本」`]]);
        expect(related(ws, 'targets.kpi', 'target/required-indicator')).toContainEqual([`${at('standards.kpi', '要求', '按时办结率')} 标准「广东两建办」要求「按时办结率」`]);
        expect(related(ws, 'assessment.kpi', 'assessment/below-contract')).toEqual([[`${at('contract.kpi', '条款', '接通率')} 合同「热线服务合同」条款「接通率」`]]);
        expect(related(ws, 'assessment.kpi', 'assessment/goal-not-covered')).toContainEqual([`${row('targets.kpi', '全面性 "')} 总体目标「全面性」`]);
        expect(related(ws, 'assessment.kpi', 'score/ignores-problem')).toContainEqual([`${row('assessment.kpi', '问题 "热线服务质量有待提升"')} 问题「热线服务质量有待提升」`]);
        expect(related(ws, 'assessment.kpi', 'milestone/late')).toEqual([[`${row('targets.kpi', '统一服务场地 "')} 里程碑「统一服务场地」计划 2018-07-31`]]);
        expect(related(ws, 'compliance.kpi', 'compliance/unmet-no-penalty')).toEqual([[`${at('contract.kpi', '条款', '质检率')} 合同「热线服务合同」条款「质检率」`]]);
        expect(related(ws, 'contract.kpi', 'contract/untracked-clause')).toContainEqual([`${at('targets.kpi', '项目', '热线二期')} 项目「热线二期」`]);
        // A finding about its own row names nothing elsewhere.
        expect(related(ws, 'targets.kpi', 'target/missing-quantity')).toEqual([[]]);
        expect(related(ws, 'compliance.kpi', 'compliance/no-data')).toEqual([[]]);
    });

    it('point from a funds finding to the budget or the planned amount it differs from', async () => {
        const fixtures = join(import.meta.dirname, '..', 'fixtures', 'rules', 'funds');
        const budget = await buildWorkspace(readFolder(join(fixtures, 'budget-mismatch')));
        // `预算 300 万元` on line 3 of targets.kpi, for the assessment's 年初预算 and for the project's own 资金 年度.
        expect(related(budget, 'assessment.kpi', 'funds/budget-mismatch')).toEqual([['targets.kpi 3:8 项目「社区居家养老服务补贴」的预算 300 万元']]);
        expect(related(budget, 'targets.kpi', 'funds/budget-mismatch')).toEqual([['targets.kpi 3:8 项目预算 300 万元']]);
        const shortfall = await buildWorkspace(readFolder(join(fixtures, 'component-shortfall')));
        expect(related(shortfall, 'assessment.kpi', 'funds/component-shortfall')).toEqual([
            ['targets.kpi 4:9 测算「助餐补贴」计划 120 万元'], ['targets.kpi 7:9 测算「助餐点建设」计划 10 万元'],
        ]);
    });

    it('speak the file\'s language and point to the first of two same-named rows', async () => {
        const ws = await buildWorkspace({
            'p.kpi': 'project P "p" {\n    goals {\n        G "one"\n        G "two"\n    }\n}\n',
        }, 'en');
        expect(related(ws, 'p.kpi', 'name/duplicate')).toEqual([["p.kpi 3:9 'G' is first defined here"]]);
    });

    it('move with the contract when it is edited, without the targets file being touched', async () => {
        const contract = (before: string) => `合同 C "c" 对象 P {\n${before}    条款 T "t" >= 95%\n        违约 "扣款"\n}\n`;
        const ws = await buildWorkspace({
            'contract.kpi': contract(''),
            'targets.kpi': '项目 P "p" {\n    绩效指标 {\n        产出指标 {\n            数量指标 {\n                A "a" >= 80% 依据 C.T\n            }\n        }\n    }\n}\n',
        });
        const targets = ws.documents.get('targets.kpi');
        expect(related(ws, 'targets.kpi', 'target/below-contract')).toEqual([['contract.kpi 2:8 合同「C」条款「T」']]);
        await ws.edit('contract.kpi', contract('    条款 S "s" >= 1 个\n        违约 "扣款"\n'));
        expect(related(ws, 'targets.kpi', 'target/below-contract')).toEqual([['contract.kpi 4:8 合同「C」条款「T」']]);
        expect(ws.documents.get('targets.kpi')).toBe(targets);
    });

    it('leave out elements of a form read from a workbook, whose text is made from cells', async () => {
        // A 申报表 workbook's form is a document at `<workbook>/<sheet>.kpi` (excel.sheetPath).
        const ws = await buildWorkspace({
            '申报表.xlsx/申报表.kpi': '项目 P "p" {\n    总体目标 {\n        G "goal"\n    }\n}\n',
            'assessment.kpi': '自评 A "a" 对象 P {\n    评价日 2024-03-31\n}\n',
        });
        const found: Diagnostic[] = ws.diagnostics('assessment.kpi').filter(d => d.code === 'assessment/goal-not-covered');
        expect(found).toHaveLength(1);
        expect(found[0]!.relatedInformation).toBeUndefined();
    });
});
