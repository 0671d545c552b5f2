import { isAstNode, type AstNode } from 'langium';

/**
 * Puts `node`'s children on `stack`, last first, so that popping them gives the nodes in document
 * order (the order of Langium's `streamAst`) without an iterator per node. Walks keep a stack, not
 * recursion: a file may nest blocks ten thousand deep.
 */
export function pushChildren(node: AstNode, stack: AstNode[]): void {
    const properties = Object.entries(node);
    for (let p = properties.length - 1; p >= 0; p--) {
        const [key, value] = properties[p]!;
        if (key.startsWith('$')) continue;
        if (Array.isArray(value)) {
            for (let i = value.length - 1; i >= 0; i--) if (isAstNode(value[i])) stack.push(value[i]);
        } else if (isAstNode(value)) {
            stack.push(value);
        }
    }
}
