import { join } from 'node:path';
import { AstUtils, type AstNode } from 'langium';
import { describe, expect, it } from 'vitest';
import { pushChildren } from '../../packages/language/src/model/ast-walk.js';
import { EXAMPLES } from '../support/parse.js';
import { buildWorkspace, readFolder } from '../support/workspace.js';

/* Validation, linking and the reference index walk trees with pushChildren: in Langium's order. */
describe('walking a syntax tree with a stack', () => {
    it("visits every node in the order of Langium's streamAst", async () => {
        const ws = await buildWorkspace({
            ...readFolder(join(EXAMPLES, 'hotline-12345')),
            ...readFolder(join(EXAMPLES, 'complete-forms'), 'complete/'),
            ...readFolder(join(EXAMPLES, 'forms'), 'forms/'),
            ...readFolder(join(EXAMPLES, 'framework'), 'framework/'),
        });
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
});
