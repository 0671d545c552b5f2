import { isCompositeCstNode, isLeafCstNode, type CstNode, type LangiumDocument, type LeafCstNode } from 'langium';
import type { Range } from 'vscode-languageserver-types';

/** The grammar's comment terminals (common.langium): `// …` to the line's end and `/* … *\/`. */
const LINE_COMMENT = 'SL_COMMENT';
const BLOCK_COMMENT = 'ML_COMMENT';

/** What ends a line comment, and so a line: \r\n, \n or a lone \r. */
export const LINE_BREAK = /\r\n|\r|\n/;
export const LINE_BREAKS = new RegExp(LINE_BREAK.source, 'g');

/** A comment of a document, where it is and what it says. */
export interface Comment {
    /** `/* … *\/` rather than `// …`. */
    block: boolean;
    /** The text between the comment markers. */
    body: string;
    /** Offsets of the whole comment, the end exclusive. */
    offset: number;
    end: number;
    range: Range;
}

export function isComment(node: CstNode): node is LeafCstNode {
    return isLeafCstNode(node) && node.hidden && (node.tokenType.name === LINE_COMMENT || node.tokenType.name === BLOCK_COMMENT);
}

export function isLineComment(node: CstNode): node is LeafCstNode {
    return isLeafCstNode(node) && node.hidden && node.tokenType.name === LINE_COMMENT;
}

/** Every leaf of a syntax tree, the tokens and the comments between them, in text order. */
export function leavesOf(root: CstNode): LeafCstNode[] {
    const leaves: LeafCstNode[] = [];
    collect(root, leaves, isLeafCstNode);
    return inTextOrder(leaves);
}

/**
 * The comments of a document in text order, as the lexer found them (a comment marker inside a
 * string is no comment). The parser attaches every comment to the syntax tree, also in a file
 * with syntax errors: the comments next to tokens its recovery skipped go with the next token
 * it consumes, and those after the last one go at the end. Positions come from the text
 * document, which knows every line end (`\r\n`, `\n` and a lone `\r`).
 */
export function commentsOf(document: LangiumDocument): Comment[] {
    const root = document.parseResult.value.$cstNode;
    if (!root) return [];
    const leaves: LeafCstNode[] = [];
    collect(root, leaves, isComment);
    const text = document.textDocument;
    return inTextOrder(leaves).map(leaf => {
        const block = leaf.tokenType.name === BLOCK_COMMENT;
        return {
            block,
            body: leaf.text.slice(2, block ? -2 : undefined),
            offset: leaf.offset,
            end: leaf.end,
            range: { start: text.positionAt(leaf.offset), end: text.positionAt(leaf.end) },
        };
    });
}

/** A plain walk without recursion: the tree can be large and deep, and this runs on every validation. */
function collect(root: CstNode, into: LeafCstNode[], wanted: (leaf: CstNode) => leaf is LeafCstNode): void {
    const stack = [root];
    for (let node = stack.pop(); node; node = stack.pop()) {
        if (isCompositeCstNode(node)) {
            for (let i = node.content.length - 1; i >= 0; i--) stack.push(node.content[i]!);
        } else if (wanted(node)) {
            into.push(node);
        }
    }
}

/** The parser inserts comments where the tree is being built; the order is kept certain here. */
function inTextOrder(leaves: LeafCstNode[]): LeafCstNode[] {
    return leaves.sort((a, b) => a.offset - b.offset);
}
