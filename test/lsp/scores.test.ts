import type { CodeLens, InlayHint } from 'vscode-languageserver';
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { buildWorkspace, readFolder, type TestWorkspace } from '../support/workspace.js';
import { hotline, textDocument } from './support.js';

const PROJECT = '项目 P "p" {\n    绩效指标 {\n        产出指标 {\n            质量指标 {\n                A "a" >= 95% 来源 "s"\n                B "b" <= 20 秒 来源 "s"\n            }\n        }\n    }\n}\n';
const ASSESSMENT = [
    '自评 S "s" 对象 P {',
    '    预算执行 全年预算 100 万元 全年执行 90 万元 分值 10 得分 10',
    '    指标 A 实际 80% 分值 5 得分 5',
    '    指标 B 实际 25 秒 分值 5 得分 4',
    '    合计 分值 20 得分 19',
    '}',
    '',
].join('\n');

async function lenses(ws: TestWorkspace, file: string): Promise<string[]> {
    const found = await ws.services.lsp.CodeLensProvider!.provideCodeLens(ws.documents.get(file)!, { textDocument: textDocument(file) }) as CodeLens[];
    return found.map(l => `${l.range.start.line + 1}: ${l.command?.title}`).sort();
}

async function hints(ws: TestWorkspace, file: string, lines = [0, 1000]): Promise<InlayHint[]> {
    const range = { start: { line: lines[0]!, character: 0 }, end: { line: lines[1]!, character: 0 } };
    return await ws.services.lsp.InlayHintProvider!.getInlayHints(ws.documents.get(file)!, { textDocument: textDocument(file), range }) ?? [];
}

describe('code lens', () => {
    it('shows the rule score of every row, the execution line and the total', async () => {
        const ws = await buildWorkspace({ 'p.kpi': PROJECT, 'a.kpi': ASSESSMENT });
        expect(await lenses(ws, 'a.kpi')).toEqual([
            '2: 规则得分 9 / 10',
            '3: 规则得分 4.21 / 5',
            '4: 规则得分 4 / 5',
            '5: 规则得分 17.21 / 20 · 差',
        ]);
    });

    it('speaks English when the editor does', async () => {
        const ws = await buildWorkspace({ 'p.kpi': PROJECT, 'a.kpi': ASSESSMENT }, 'en');
        expect(await lenses(ws, 'a.kpi')).toContain('3: rule score 4.21 / 5');
    });

    it('follows the assessed project when its targets change in another file', async () => {
        const ws = await buildWorkspace({ 'p.kpi': PROJECT, 'a.kpi': ASSESSMENT });
        await ws.edit('p.kpi', PROJECT.replace('>= 95%', '>= 80%'));
        expect(await lenses(ws, 'a.kpi')).toContain('3: 规则得分 5 / 5');
    });

    it('says a form without scores is not scored, instead of grading it', async () => {
        const unscored = ['自评 S "s" 对象 P {', '    指标 A 实际 96%', '    指标 B 实际 18 秒', '}', ''].join('\n');
        const ws = await buildWorkspace({ 'p.kpi': PROJECT, 'a.kpi': unscored });
        expect(await lenses(ws, 'a.kpi')).toEqual(['1: 未计分（表中无分值）']);
    });

    it('shows nothing outside assessments', async () => {
        const ws = await hotline();
        expect(await lenses(ws, 'targets.kpi')).toEqual([]);
        expect(await lenses(ws, 'assessment.kpi')).toContain('10: 规则得分 30 / 30');
    });
});

describe('inlay hints', () => {
    it('show the achievement percentage after each actual', async () => {
        const ws = await buildWorkspace({ 'p.kpi': PROJECT, 'a.kpi': ASSESSMENT });
        const found = await hints(ws, 'a.kpi');
        expect(found.map(h => `${h.position.line + 1}:${h.position.character} ${String(h.label)}`)).toEqual(['3:15 84.21%', '4:16 125%']);
        expect(found[0]!.paddingLeft).toBe(true);
    });

    it('show the unit a bare actual is read in, the target\'s, before its achievement', async () => {
        const forms = readFolder(join(import.meta.dirname, '..', '..', 'examples', 'complete-forms'));
        const ws = await buildWorkspace(forms);
        const text = forms['assessment.kpi']!.split('\n');
        const at = (row: string) => text.findIndex(l => l.includes(row)) + 1;
        const found = (await hints(ws, 'assessment.kpi')).map(h => `${h.position.line + 1} ${String(h.label)}${h.paddingLeft ? ' (spaced)' : ''}`);
        // `实际 97` against `≥95%`: `97%`, then 102.11% of the target; `实际 2050` against `≥2000 人`: `2050 人`.
        expect(found).toContain(`${at('"补贴发放及时率"')} %`);
        expect(found.indexOf(`${at('"补贴发放及时率"')} %`) + 1).toBe(found.indexOf(`${at('"补贴发放及时率"')} 102.11% (spaced)`));
        expect(found).toContain(`${at('"助餐服务人数"')} 人 (spaced)`);
        expect(found).toContain(`${at('"人均助餐补贴"')} 元/人*月 (spaced)`);
    });

    it('only in the requested range', async () => {
        const ws = await hotline();
        expect((await hints(ws, 'assessment.kpi')).map(h => String(h.label))).toEqual(['111.49%', '101.58%', '100%', '102.86%', '106.22%']);
        expect((await hints(ws, 'assessment.kpi', [6, 7])).map(h => String(h.label))).toEqual(['111.49%']);
    });
});
