import { isCompositeCstNode, type AstNode, type CstNode, type LangiumDocument } from 'langium';
import { pushChildren } from '../model/ast-walk.js';

/**
 * Takes a document apart once nothing will read it again (a unit `kpispec lint` has reported):
 * every CST node loses its children and container, every AST node all but its `$type`, the
 * document its references.
 *
 * V8's young-generation collector keeps alive what any old object points to, weakly or not: an
 * inline cache that last called a closure over the document, a WeakMap entry whose key is one of
 * its nodes. One such pointer kept a whole unit (CST, AST, scores) through the next scavenge and
 * into the old generation: a fifth of all a lint allocated was copied so, a third of the time
 * spent collecting (bench/RESULTS.md, issue 17). Taken apart, such a pointer keeps one node.
 */
export function dismantle(document: LangiumDocument): void {
    const root = document.parseResult.value;
    dismantleCst(root.$cstNode);
    const stack: AstNode[] = [root];
    for (let node = stack.pop(); node; node = stack.pop()) {
        pushChildren(node, stack);
        const fields = node as unknown as Record<string, unknown>;
        for (const key in fields) if (key !== '$type') fields[key] = undefined;
    }
    document.references.length = 0;
}

function dismantleCst(root: CstNode | undefined): void {
    const stack = root ? [root] : [];
    for (let node = stack.pop(); node; node = stack.pop()) {
        if (isCompositeCstNode(node)) {
            for (const child of node.content) stack.push(child);
            (node as { content: readonly CstNode[] }).content = [];
        }
        (node as { container?: CstNode }).container = undefined;
    }
}
