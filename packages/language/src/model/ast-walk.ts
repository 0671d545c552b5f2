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

/** A node's links to its container, read-only in Langium's typings: a parse sets them. */
interface ContainerLinks {
    $container?: AstNode;
    $containerProperty?: string;
    $containerIndex?: number;
}

/**
 * Links every node under `root` to its container (`$container`, `$containerProperty` and, in
 * a list, `$containerIndex`), as Langium's `linkContentToContainer` does after a parse, without
 * recursion (see above) and without a new array of entries per node.
 */
export function linkContainers(root: AstNode): void {
    const stack = [root];
    for (let node = stack.pop(); node; node = stack.pop()) {
        for (const key in node) {
            if (key.startsWith('$')) continue;
            const value = (node as unknown as Record<string, unknown>)[key];
            if (Array.isArray(value)) {
                for (let i = 0; i < value.length; i++) {
                    const item: unknown = value[i];
                    if (!isAstNode(item)) continue;
                    const links = item as ContainerLinks;
                    links.$container = node;
                    links.$containerProperty = key;
                    links.$containerIndex = i;
                    stack.push(item);
                }
            } else if (isAstNode(value)) {
                const links = value as ContainerLinks;
                links.$container = node;
                links.$containerProperty = key;
                stack.push(value);
            }
        }
    }
}
