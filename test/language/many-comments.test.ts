import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CstUtils, EmptyFileSystem, isLeafCstNode, type LeafCstNode } from 'langium';
import { parseHelper } from 'langium/test';
import { describe, expect, it } from 'vitest';
import { createKpiServices, type Model } from '../../packages/language/src/index.js';
import { isFundsShare, isFundsTotal, isProject } from '../../packages/language/src/generated/ast.js';
import { runCli, tempDir } from '../cli/run-cli.js';

/*
 * Langium's CST builder attached the comments before a token with one call argument per comment
 * (`push(...nodes)`, `splice(index, 0, ...nodes)`): 200,000 comment lines in a row overflowed the
 * stack, and `kpispec lint` reported "internal error" and nothing else (parser/cst-node-builder.ts).
 */
const COMMENTS = 200_000;
const run = (indent: string) => `${indent}// c\n`.repeat(COMMENTS);

/**
 * Runs of comments before the funds block of a project and before a row of the block (each
 * inserted before the node that follows), and before the block's closing brace (appended to the
 * block's content); the funds after them do not add up. No newline at the end: the root's text
 * ends with the last token.
 */
const TEXT = '项目 A "a" {\n' + run('    ') + '    资金 {\n        年度 300 万元\n' + run('        ')
    + '        其中 财政拨款 260 万元\n        其中 其他资金 30 万元\n' + run('    ') + '    }\n}';

/** A run of comments before the first token of the file (inserted at the start of the root). */
const LEADING = run('') + '项目 B "b" {\n    预算 10 万元\n}\n';

const { kpi } = createKpiServices(EmptyFileSystem);
const parse = parseHelper<Model>(kpi);

/** How far the leaves of a syntax tree are from covering the text in order, whitespace between. */
function leafGaps(leaves: LeafCstNode[], text: string): { misplaced: number; comments: number } {
    let end = 0;
    let misplaced = 0;
    let comments = 0;
    for (const leaf of leaves) {
        if (leaf.offset < end || text.slice(end, leaf.offset).trim() !== '') misplaced++;
        if (leaf.hidden && text.slice(leaf.offset, leaf.end) === '// c') comments++;
        end = leaf.end;
    }
    if (text.slice(end).trim() !== '') misplaced++;
    return { misplaced, comments };
}

describe('200,000 comment lines in a row', () => {
    it('parse, with every comment in the syntax tree in text order, and the rows after them read', async () => {
        const document = await parse(TEXT);
        const { value, lexerErrors, parserErrors } = document.parseResult;
        expect(lexerErrors).toEqual([]);
        expect(parserErrors).toEqual([]);
        const root = value.$cstNode!.root;
        expect(root.text).toBe(TEXT);
        const leaves = CstUtils.streamCst(root).filter(isLeafCstNode).toArray();
        expect(leafGaps(leaves, TEXT)).toEqual({ misplaced: 0, comments: 3 * COMMENTS });

        const project = value.blocks.filter(isProject)[0]!;
        expect(project.name).toBe('A');
        const lines = project.funds[0]!.lines;
        expect(lines.filter(isFundsTotal).map(l => l.amount.value)).toEqual([300]);
        expect(lines.filter(isFundsShare).map(l => [l.source, l.amount.value])).toEqual([['财政拨款', 260], ['其他资金', 30]]);
    });

    it('parse at the start of a file', async () => {
        const document = await parse(LEADING);
        const { value, parserErrors } = document.parseResult;
        expect(parserErrors).toEqual([]);
        expect(value.blocks.filter(isProject).map(p => p.name)).toEqual(['B']);
        const root = value.$cstNode!.root;
        expect(root.fullText).toBe(LEADING);
        const leaves = CstUtils.streamCst(root).filter(isLeafCstNode).toArray();
        expect(leafGaps(leaves, LEADING)).toEqual({ misplaced: 0, comments: COMMENTS });
    });

    it('are linted: the findings after them, not an internal error', async () => {
        const dir = tempDir();
        writeFileSync(join(dir, 'many.kpi'), TEXT);
        const lint = await runCli(['lint', 'many.kpi', '-f', 'json'], { cwd: dir });
        expect(lint.stderr).toBe('');
        expect(lint.code).toBe(1);
        const messages = (JSON.parse(lint.stdout) as Array<{ messages: Array<{ ruleId: string; line: number }> }>).flatMap(r => r.messages);
        const line = TEXT.slice(0, TEXT.indexOf('年度')).split('\n').length;
        expect(messages.filter(m => m.ruleId === 'funds/sources-total').map(m => m.line)).toEqual([line]);
    });
});
