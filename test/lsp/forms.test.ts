import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expectSymbols } from 'langium/test';
import { describe, expect, it } from 'vitest';
import { REFERENCE } from '../support/parse.js';
import { buildWorkspace, readFolder } from '../support/workspace.js';
import { outline, servicesWith, textDocument } from './support.js';

/** The editor on a complete 申报表 + 自评表 pair typed as printed (the forms reference case). */
const FORMS = readFolder(join(REFERENCE, 'forms'));


describe('complete forms in the editor', () => {
    it('outlines funds, the breakdown and rows named by their title', async () => {
        const services = await servicesWith({});
        await expectSymbols(services)({
            text: FORMS['targets.kpi']!, disposeAfterCheck: true,
            assert: symbols => {
                const lines = outline(symbols);
                expect(lines).toEqual(expect.arrayContaining([
                    '  资金', '    中期 900 万元', '    年度 300 万元', '    其中 财政拨款 260 万元',
                    '  测算', '    助餐补贴 (120 万元)', '    服务评估 (20 万元)',
                    '      助餐服务人数 (≥1800 人)',
                ]));
                // An empty group is still in the outline, where the officer fills it in.
                expect(lines).toContain('    生态效益');
            },
        });
    });

    it('outlines the 预算执行 row by its first line, without its 其中 rows', async () => {
        const services = await servicesWith({});
        await expectSymbols(services)({
            text: FORMS['assessment.kpi']!, disposeAfterCheck: true,
            assert: symbols => {
                expect(outline(symbols)).toContain('  预算执行 年初预算 300 万元 全年预算 260 万元 全年执行 198 万元 执行率 78.15% 分值 10 得分 7.6');
            },
        });
    });

    it('hovers a breakdown line of the assessment with the plan, the product and the share spent', async () => {
        const ws = await buildWorkspace(FORMS);
        const doc = ws.documents.get('assessment.kpi')!;
        const text = doc.textDocument.getText();
        const hover = await ws.services.lsp.HoverProvider!.getHoverContent(doc, {
            textDocument: textDocument('assessment.kpi'), position: doc.textDocument.positionAt(text.indexOf('"助餐补贴" 实际') + 2),
        });
        const value = (hover?.contents as { value: string }).value;
        expect(value).toContain('计划：120 万元');
        // Markdown-escaped, so the `*` shows as written.
        expect(value).toContain('计算：2000 人 × 50 元/人\\*月 × 12 月');
        expect(value).toContain('实际：92 万元');
        expect(value).toContain('执行比例：76.67%');
    });

    it('shows last year\'s value in an indicator\'s hover', async () => {
        const ws = await buildWorkspace(FORMS);
        const doc = ws.documents.get('targets.kpi')!;
        const text = doc.textDocument.getText();
        const hover = await ws.services.lsp.HoverProvider!.getHoverContent(doc, {
            textDocument: textDocument('targets.kpi'), position: doc.textDocument.positionAt(text.indexOf('"助餐服务人数"') + 2),
        });
        expect((hover?.contents as { value: string }).value).toContain('上年：2000 人');
    });

    it('colours a row named by its title as a declared indicator, and its use in the assessment as a reference to it', async () => {
        const ws = await buildWorkspace(FORMS);
        const tokensOf = async (file: string) => {
            const doc = ws.documents.get(file)!;
            const result = await ws.services.lsp.SemanticTokenProvider!.semanticHighlight(doc, { textDocument: textDocument(file) });
            const legend = ws.services.lsp.SemanticTokenProvider!.tokenTypes;
            const types = Object.fromEntries(Object.entries(legend).map(([name, i]) => [i, name]));
            const lines = doc.textDocument.getText().split('\n');
            const out: string[] = [];
            let line = 0, char = 0;
            for (let i = 0; i < result.data.length; i += 5) {
                line += result.data[i]!;
                char = result.data[i] === 0 ? char + result.data[i + 1]! : result.data[i + 1]!;
                out.push(`${lines[line]!.substr(char, result.data[i + 2]!)}:${types[result.data[i + 3]!]}`);
            }
            return out;
        };
        expect(await tokensOf('targets.kpi')).toContain('"助餐服务人数":variable');
        expect(await tokensOf('assessment.kpi')).toContain('"助餐服务人数":variable');
        expect(await tokensOf('targets.kpi')).toContain('"助餐补贴":property');
        expect(await tokensOf('assessment.kpi')).toContain('"助餐补贴":property');
    });

    it('formats the reference targets unchanged and keeps every token of the assessment', async () => {
        const ws = await buildWorkspace(FORMS);
        for (const file of ['targets.kpi', 'assessment.kpi']) {
            const doc = ws.documents.get(file)!;
            const edits = await ws.services.lsp.Formatter!.formatDocument(doc, { textDocument: textDocument(file), options: { tabSize: 4, insertSpaces: true } });
            const formatted = (await import('langium')).TextDocument.applyEdits(doc.textDocument, edits);
            if (file === 'targets.kpi') expect(formatted).toBe(FORMS[file]);
            expect(formatted.replace(/\s+/g, '')).toBe(FORMS[file]!.replace(/\s+/g, ''));
            // The 其中 rows stay on their own lines, one level under 预算执行.
            if (file === 'assessment.kpi') expect(formatted).toContain('\n        其中 财政拨款 年初预算 260 万元');
        }
    });

    it('reads a workspace file the same as the reference copy', () => {
        expect(readFileSync(join(REFERENCE, 'forms', 'targets.kpi'), 'utf8')).toBe(FORMS['targets.kpi']);
    });
});
