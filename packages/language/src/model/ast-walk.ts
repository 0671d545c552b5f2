import { isAstNode, type AstNode } from 'langium';

/**
 * Puts `node`'s children on `stack`, last first, so that popping them gives the nodes in document
 * order (the order of Langium's `streamAst`) without an iterator per node. Walks keep a stack, not
 * recursion: a file may nest blocks ten thousand deep.
 */
export function pushChildren(node: AstNode, stack: AstNode[]): void {
    // Keys, not entries: entries make an array per property of every node, all garbage.
    const keys = Object.keys(node);
    for (let p = keys.length - 1; p >= 0; p--) {
        const key = keys[p]!;
        if (key.startsWith('$')) continue;
        const value = (node as unknown as Record<string, unknown>)[key];
        if (Array.isArray(value)) {
            for (let i = value.length - 1; i >= 0; i--) if (isAstNode(value[i])) stack.push(value[i]);
        } else if (isAstNode(value)) {
            stack.push(value);
        }
    }
}
