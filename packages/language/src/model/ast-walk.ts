import { isAstNode, type AstNode } from 'langium';

/**
 * Puts `node`'s children on `stack`, last first, so that popping them gives the nodes in document
 * order (the order of Langium's `streamAst`) without an iterator per node. Walks keep a stack, not
 * recursion: a file may nest blocks ten thousand deep.
 */
export function pushChildren(node: AstNode, stack: AstNode[]): void {
    // `for…in` reads V8's cached keys of the node's shape; `Object.keys` copied them into a new
    // array for every node of every walk (a sixth of what re-validating after an edit allocated).
    // The children go on in document order and are then turned round in place.
    const first = stack.length;
    for (const key in node) {
        if (key.startsWith('$')) continue;
        const value = (node as unknown as Record<string, unknown>)[key];
        if (Array.isArray(value)) {
            for (let i = 0; i < value.length; i++) if (isAstNode(value[i])) stack.push(value[i]);
        } else if (isAstNode(value)) {
            stack.push(value);
        }
    }
    for (let i = first, j = stack.length - 1; i < j; i++, j--) {
        const swap = stack[i]!;
        stack[i] = stack[j]!;
        stack[j] = swap;
    }
}
