import { isAstNode, type AstNode } from 'langium';
import { Attached } from '../workspace/attached.js';

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
    reverseFrom(stack, first);
}

function reverseFrom(stack: AstNode[], first: number): void {
    for (let i = first, j = stack.length - 1; i < j; i++, j--) {
        const swap = stack[i]!;
        stack[i] = stack[j]!;
        stack[j] = swap;
    }
}

/**
 * The nodes of each syntax tree in document order, listed by the walk that links a parsed tree's
 * containers: the walks after it (finding the references, validating, taking a unit apart) read
 * the list instead of every node's keys once more (each such walk was 1–2 % of a cold lint).
 */
const nodesByTree = new Attached<AstNode, readonly AstNode[] | undefined>();

/** The nodes of the tree under `root`, `root` first, in document order (as Langium's `streamAst`). */
export function nodesOf(root: AstNode): readonly AstNode[] {
    let nodes = nodesByTree.get(root);
    if (!nodes) {
        // A tree that did not come from KpiParser (one built in a test).
        const found: AstNode[] = [];
        const stack = [root];
        for (let node = stack.pop(); node; node = stack.pop()) {
            found.push(node);
            pushChildren(node, stack);
        }
        nodesByTree.set(root, nodes = found);
    }
    return nodes;
}

/** Drops the list of a tree's nodes (a tree taken apart). */
export function forgetNodes(root: AstNode): void {
    nodesByTree.set(root, undefined);
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
 * recursion (see above) and without a new array of entries per node; lists the tree's nodes for
 * `nodesOf` on the way.
 */
export function linkContainers(root: AstNode): void {
    const nodes: AstNode[] = [];
    const stack = [root];
    for (let node = stack.pop(); node; node = stack.pop()) {
        nodes.push(node);
        const first = stack.length;
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
        reverseFrom(stack, first);
    }
    nodesByTree.set(root, nodes);
}
