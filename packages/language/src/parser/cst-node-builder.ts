import { CstNodeBuilder, type CompositeCstNode, type CstNode } from 'langium';

/** The fields of Langium's CST node classes that its builder writes, read-only in Langium's typings. */
interface MutableCstNode {
    container: CompositeCstNode | undefined;
}
interface MutableCompositeCstNode {
    content: CstNode[];
}

/**
 * Langium's CST builder, but for the spreads: it attaches the comments before a token with
 * `content.push(...nodes)` or `content.splice(index, 0, ...nodes)`, one call argument per
 * comment, and 200,000 comments in a row overflowed the stack (`kpispec lint`: "internal error").
 * These do the same, in the same order, with loops.
 */
export class KpiCstNodeBuilder extends CstNodeBuilder {
    override appendChildren(parent: CompositeCstNode, children: CstNode[]): void {
        for (const child of children) {
            (child as unknown as MutableCstNode).container = parent;
        }
        const node = parent as unknown as MutableCompositeCstNode;
        if (node.content.length === 0) {
            // As Langium: a copy has a backing store of exactly its length.
            node.content = children.slice();
        } else {
            const content = node.content;
            for (const child of children) content.push(child);
        }
    }

    override insertChildren(parent: CompositeCstNode, index: number, children: CstNode[]): void {
        for (const child of children) {
            (child as unknown as MutableCstNode).container = parent;
        }
        const content = (parent as unknown as MutableCompositeCstNode).content;
        // In place, as Langium's splice: the nodes from `index` on come back after the new ones.
        const after = content.splice(index);
        for (const child of children) content.push(child);
        for (const child of after) content.push(child);
    }
}
