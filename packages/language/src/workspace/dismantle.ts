import type { LangiumDocument } from 'langium';
import { forgetNodes, nodesOf } from '../model/ast-walk.js';

/**
 * Takes a document apart once nothing will read it again (a unit `kpispec lint` has reported):
 * every AST node loses all but its `$type` (its links to its container, children, CST node and
 * document), the document its references.
 *
 * V8's young-generation collector keeps alive what any old object points to, weakly or not: an
 * inline cache that last called a closure over the document, a WeakMap entry whose key is one of
 * its nodes. One such pointer kept a whole unit (AST, CST, scores) through the next scavenge and
 * into the old generation: a fifth of all a lint allocated was copied so, half the time spent
 * collecting (bench/RESULTS.md, issue 17). Taken apart, such a pointer keeps one node. The CST
 * is left as it is: taking it apart too cost as much again and collected no less.
 */
export function dismantle(document: LangiumDocument): void {
    const root = document.parseResult.value;
    const nodes = nodesOf(root);
    forgetNodes(root);
    for (let i = 0; i < nodes.length; i++) {
        const fields = nodes[i] as unknown as Record<string, unknown>;
        for (const key in fields) if (key !== '$type') fields[key] = undefined;
    }
    document.references.length = 0;
}
