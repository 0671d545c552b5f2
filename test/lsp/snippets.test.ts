import { describe, expect, it } from 'vitest';
import { SNIPPETS, type Snippet } from '../../packages/language/src/lsp/snippets.js';
import { buildWorkspace } from '../support/workspace.js';

/** The text a snippet inserts when every placeholder keeps its default (a choice its first option). */
function expand(snippet: Snippet): string {
    return snippet.body.join('\n')
        .replace(/\$\{\d+:([^}]*)\}/g, '$1')
        .replace(/\$\{\d+\|([^,|]*)[^}]*\|\}/g, '$1')
        .replace(/\$\d+/g, '');
}

describe('snippets the server offers', () => {
    const snippets = SNIPPETS;
    const byPrefix = new Map(snippets.map(s => [s.prefix, s]));

    it('have distinct prefixes', () => {
        expect(byPrefix.size).toBe(snippets.length);
    });

    /** Inserts `line` into `block` after the first line containing `anchor` (or before its closing brace). */
    function insert(block: string, line: string, anchor?: string): string {
        const lines = block.split('\n');
        const at = anchor ? lines.findIndex(l => l.includes(anchor)) + 1 : lines.length - 1;
        expect(at, `anchor ${anchor}`).toBeGreaterThan(0);
        return [...lines.slice(0, at), line, ...lines.slice(at)].join('\n');
    }

    // The block snippets of one language, expanded with their defaults and with the line
    // snippets inserted where they belong (after the first line containing an anchor, else
    // before the closing brace), form a workspace whose references (对象, 依据, 指标, 总体目标)
    // resolve: a user who tabs through the defaults gets valid, linked files.
    const layouts: Array<[language: string, blocks: Record<string, Array<[line: string, anchor?: string]>>]> = [
        ['Chinese', { 项目: [['指标行', '数量指标 {'], ['里程碑']], 合同: [['条款']], 标准: [], 自评: [['自评指标', '指标 ']], 履约考核: [] }],
        ['English', { project: [['row', 'quantity {'], ['milestones']], contract: [['clause']], standard: [], assessment: [['indicator', 'indicator ']], compliance: [] }],
    ];

    it('are all covered by the parse check below', () => {
        const covered = layouts.flatMap(([, blocks]) => Object.entries(blocks).flatMap(([block, lines]) => [block, ...lines.map(([line]) => line)]));
        expect(covered.sort()).toEqual([...byPrefix.keys()].sort());
    });

    for (const [language, blocks] of layouts) {
        it(`for every block and line in ${language} parse and link`, async () => {
            const snippetText = (prefix: string): string => {
                const snippet = byPrefix.get(prefix);
                expect(snippet, prefix).toBeDefined();
                return expand(snippet!);
            };
            const files = Object.fromEntries(Object.entries(blocks).map(([block, lines]) => [
                `${block}.kpi`,
                lines.reduce((text, [line, anchor]) => insert(text, snippetText(line), anchor), snippetText(block)),
            ]));
            const ws = await buildWorkspace(files);
            const broken = Object.keys(files).flatMap(file => ws.diagnostics(file)
                .filter(d => /^(syntax|reference|name)\//.test(String(d.code)) || d.code === undefined)
                .map(d => `${file}:${d.range.start.line + 1} ${String(d.code)} ${d.message}`));
            expect(broken).toEqual([]);
        });
    }
});
