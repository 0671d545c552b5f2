import { join } from 'node:path';
import { AstUtils, type AstNode } from 'langium';
import { describe, expect, it } from 'vitest';
import { forgetNodes, nodesOf, pushChildren } from '../../packages/language/src/model/ast-walk.js';
import { EXAMPLES } from '../support/parse.js';
import { buildWorkspace, readFolder } from '../support/workspace.js';

const examples = () => buildWorkspace({
    ...readFolder(join(EXAMPLES, 'hotline-12345')),
    ...readFolder(join(EXAMPLES, 'complete-forms'), 'complete/'),
    ...readFolder(join(EXAMPLES, 'forms'), 'forms/'),
    ...readFolder(join(EXAMPLES, 'framework'), 'framework/'),
    // Half-typed: the parser's recovery leaves partial nodes.
    'broken.kpi': '项目 半截 "半截" {\n  绩效指标 {\n    产出指标 {\n      数量指标 {\n        甲 "甲" >= \n        乙 "乙" = 3 个 依据\n',
});

/** Each node's links to its container, in the order of Langium's streamAst. */
const containerLinks = (root: AstNode) => AstUtils.streamAst(root).map(n => [n.$container, n.$containerProperty, n.$containerIndex]).toArray();

/* Validation, linking and the reference index walk a tree's nodes as listed at its parse (nodesOf), in Langium's order. */
describe('walking a syntax tree with a stack', () => {
    it("visits every node in the order of Langium's streamAst", async () => {
        const ws = await examples();
        let nodes = 0;
        for (const document of ws.documents.values()) {
            const root = document.parseResult.value;
            const walked: AstNode[] = [];
            for (const stack = [root]; stack.length > 0;) {
                const node = stack.pop()!;
                walked.push(node);
                pushChildren(node, stack);
            }
            expect(walked).toEqual(AstUtils.streamAst(root).toArray());
            nodes += walked.length;
        }
        expect(nodes).toBeGreaterThan(400);
    });

    it("lists a parsed tree's nodes in the order of Langium's streamAst, and lists a tree it did not parse the same", async () => {
        const ws = await examples();
        let nodes = 0;
        for (const document of ws.documents.values()) {
            const root = document.parseResult.value;
            const streamed = AstUtils.streamAst(root).toArray();
            const parsed = nodesOf(root);
            expect(parsed).toEqual(streamed);
            forgetNodes(root);
            const walked = nodesOf(root);
            expect(walked).not.toBe(parsed);
            expect(walked).toEqual(streamed);
            nodes += streamed.length;
        }
        expect(nodes).toBeGreaterThan(400);
    });

    it("links every node to its container after a parse, as Langium's linkContentToContainer does", async () => {
        const ws = await examples();
        let linked = 0;
        for (const document of ws.documents.values()) {
            const root = document.parseResult.value;
            const parsed = containerLinks(root);
            for (const node of AstUtils.streamAllContents(root)) {
                const links = node as { $container?: AstNode; $containerProperty?: string; $containerIndex?: number };
                delete links.$container;
                delete links.$containerProperty;
                delete links.$containerIndex;
            }
            AstUtils.linkContentToContainer(root, { deep: true });
            expect(parsed).toEqual(containerLinks(root));
            linked += parsed.filter(([container]) => container !== undefined).length;
        }
        expect(linked).toBeGreaterThan(400);
    });
});
