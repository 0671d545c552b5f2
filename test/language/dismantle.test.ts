import { join } from 'node:path';
import { AstUtils, CstUtils, EmptyFileSystem, isAstNode, isCompositeCstNode, isLeafCstNode, type AstNode, type CstNode } from 'langium';
import { describe, expect, it } from 'vitest';
import { createKpiServices, dismantle } from '../../packages/language/src/index.js';
import { EXAMPLES } from '../support/parse.js';
import { buildWorkspace, readFolder } from '../support/workspace.js';

/**
 * The objects reachable from `start` through plain data properties (no getters: a reference's
 * `ref` would link), but for those under `skipped` keys: what a stale pointer to `start` keeps alive.
 */
function reachable(start: object, skipped: ReadonlySet<string> = new Set()): Set<object> {
    const seen = new Set<object>([start]);
    for (const stack = [start]; stack.length > 0;) {
        const at = stack.pop()!;
        for (const key of Object.getOwnPropertyNames(at)) {
            if (skipped.has(key)) continue;
            const value: unknown = Object.getOwnPropertyDescriptor(at, key)?.value;
            if (typeof value === 'object' && value !== null && !seen.has(value)) {
                seen.add(value);
                stack.push(value);
            }
        }
    }
    return seen;
}

/** Grammar elements and token types: shared by every document. */
const SHARED = new Set(['grammarSource', '_tokenType', 'tokenType']);

/** The syntax nodes (AST and CST) reachable from `start`. */
function reachableNodes(start: object): Set<AstNode | CstNode> {
    return new Set([...reachable(start, SHARED)].filter((o): o is AstNode | CstNode => isAstNode(o) || isCompositeCstNode(o) || isLeafCstNode(o)));
}

/* `kpispec lint` takes each unit's documents apart once its findings are out (see dismantle.ts). */
describe('taking a reported document apart', () => {
    it('leaves a stale pointer to one of its nodes holding that node alone, and none holding any node\'s content', async () => {
        const ws = await buildWorkspace(readFolder(join(EXAMPLES, 'hotline-12345')));
        const document = [...ws.documents].find(([file]) => file.includes('targets'))![1];
        const root = document.parseResult.value;
        const own = new Set<AstNode | CstNode>([...AstUtils.streamAst(root), ...CstUtils.streamCst(root.$cstNode!)]);
        const ownReachable = (start: object) => [...reachableNodes(start)].filter(n => own.has(n));
        const astNode = AstUtils.streamAst(root).toArray().at(-1)!;
        const reference = document.references[0]!;
        // Before: each of them reaches the whole file's trees.
        expect(ownReachable(astNode)).toHaveLength(own.size);
        expect(ownReachable(reference)).toHaveLength(own.size);

        dismantle(document);

        expect(ownReachable(astNode)).toEqual([astNode]);
        expect(Object.values(astNode).filter(v => v !== undefined)).toEqual([astNode.$type]);
        // A reference keeps its text's CST node, with the CST (left as it is), but no node's content.
        const fromReference = ownReachable(reference);
        expect(fromReference).toContain(reference.$refNode);
        for (const node of fromReference.filter(isAstNode)) expect(Object.values(node).filter(v => v !== undefined)).toEqual([node.$type]);
        expect(document.references).toEqual([]);
    });

    it('takes apart a half-typed file the parser recovered from', async () => {
        const ws = await buildWorkspace({ 'broken.kpi': '项目 半截 "半截" {\n  绩效指标 {\n    产出指标 {\n      数量指标 {\n        甲 "甲" >= \n        乙 "乙" = 3 个 依据\n' });
        const document = ws.documents.get('broken.kpi')!;
        const nodes = AstUtils.streamAst(document.parseResult.value).toArray();
        expect(nodes.length).toBeGreaterThan(3);
        dismantle(document);
        for (const node of nodes) expect([...reachableNodes(node)]).toEqual([node]);
    });
});

/* Between units the parser is the one long-lived object that held a file's tokens. */
describe('the parser after a parse', () => {
    it("keeps none of the file's tokens", () => {
        const parser = createKpiServices(EmptyFileSystem).kpi.parser.LangiumParser;
        const tokensOf = (marker: string) => [...reachable(parser)].filter(o => (o as { image?: unknown }).image === marker);
        const result = parser.parse('项目 标记甲 "标记" {\n  绩效指标 {\n    产出指标 {\n      数量指标 {\n        甲 "甲" >= 3 个\n');
        expect(result.parserErrors.length).toBeGreaterThan(0);
        expect(tokensOf('标记甲')).toEqual([]);
        expect(tokensOf('"标记"')).toEqual([]);
    });
});
