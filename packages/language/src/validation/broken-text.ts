import { AstUtils, CstUtils, isCompositeCstNode, type AstNode, type CstNode, type LangiumDocument, type ParseResult } from 'langium';
import type { Range } from 'vscode-languageserver-types';
import type { Project } from '../generated/ast.js';
import { firstPassing } from '../sorted.js';
import { Attached } from '../workspace/attached.js';

/**
 * What a file's syntax errors broke. After an error the parser recovers and goes on, and builds
 * elements of what it could read: an indicator whose 来源 a string left open swallowed, an
 * indicator named by the text after it. Rules would report on them as if they had been written
 * so (指标「工单系统」未注明数据来源, and in the assessment, 指标「工单系统」没有自评行).
 *
 * An element is built from broken text when it begins on a broken line: one with a lexing error,
 * or with the last token the parser read before a parsing error (where the element it was reading
 * stands; the error is often noticed at the next row, which is then read whole). Or when the parser
 * was reading it at an error: the row or block holding that token, with the elements between (a
 * row whose continuation line broke). The syntax error is what such text reports (report.ts).
 */
export class BrokenText {
    constructor(
        /** The broken lines, 0-based. */
        private readonly lines: ReadonlySet<number>,
        private readonly reading: ReadonlySet<AstNode>,
        /** Where the text broke, ascending: each lexing error, and the token each parsing error was noticed at. */
        private readonly breaks: readonly number[],
        private readonly textDocument: LangiumDocument['textDocument'],
    ) {}

    private readonly unreadKnown = new Attached<AstNode, Unread>();

    /**
     * Whether the parser read an element from its first token to the end of `range` before any
     * syntax error (`接通率 "…" >= 80% 依据 合同.接通率` before a 来源 being typed): what it
     * read there is what was written.
     */
    readBeforeBreak(node: AstNode, range: Range): boolean {
        const start = node.$cstNode?.offset;
        if (start === undefined) return false;
        const next = this.breaks[firstPassing(this.breaks, offset => offset >= start)];
        return next === undefined || next >= this.textDocument.offsetAt(range.end);
    }

    /** Whether the text breaks between two offsets, both included. */
    breaksBetween(start: number, end: number): boolean {
        const next = this.breaks[firstPassing(this.breaks, offset => offset >= start)];
        return next !== undefined && next <= end;
    }

    /** What the parser could not read of an element (see unreadOf), found once. */
    unread(node: AstNode): Unread {
        let found = this.unreadKnown.get(node);
        if (!found) this.unreadKnown.set(node, found = unreadOf(node, this.textDocument.getText()));
        return found;
    }

    /** Whether a line (0-based) is broken. */
    hasLine(line: number): boolean {
        return this.lines.has(line);
    }

    /** Whether an element of this file was built from broken text; one the parser built of no text at all is. */
    built(node: AstNode): boolean {
        if (this.reading.has(node)) return true;
        const cst = node.$cstNode;
        return !cst || cst.length === 0 || this.lines.has(cst.range.start.line);
    }
}

const known = new Attached<ParseResult, BrokenText>();

/** What a document's syntax errors broke; undefined when it has none (nearly every document: that costs two reads). */
export function brokenTextOf(document: LangiumDocument | undefined): BrokenText | undefined {
    const parse = document?.parseResult;
    if (!parse || (parse.lexerErrors.length === 0 && parse.parserErrors.length === 0)) return undefined;
    let found = known.get(parse);
    if (!found) known.set(parse, found = measure(document));
    return found;
}

/** Whether an element was built from a broken line of its file, or is the row or block the parser was reading at a syntax error. */
export function builtFromBrokenText(node: AstNode): boolean {
    return brokenTextOf(AstUtils.findRootNode(node).$document)?.built(node) ?? false;
}

/**
 * Whether any of `nodes` (`which` of them), elements of `container`'s file, was built from broken text: what a
 * check sums or looks through them for is then not what the officer wrote (one look at the file
 * when it has no syntax error).
 */
export function someBuiltFromBrokenText<N extends AstNode>(container: AstNode, nodes: readonly N[], which: (node: N) => boolean = () => true): boolean {
    const broken = brokenTextOf(AstUtils.findRootNode(container).$document);
    return broken !== undefined && nodes.some(node => which(node) && broken.built(node));
}

/**
 * What the parser could not read of an element's text, when a syntax error breaks it (or is
 * noticed right after it, where a missing `}` is found out); undefined when none does.
 */
export function unreadIn(node: AstNode): Unread | undefined {
    const cst = node.$cstNode;
    const broken = cst && brokenTextOf(AstUtils.findRootNode(node).$document);
    return broken && broken.breaksBetween(cst.offset, cst.end) ? broken.unread(node) : undefined;
}

/**
 * Whether what a check finds missing from `container` (an indicator's assessment row, a required
 * row, a group's rows) may stand in text of it the parser could not read: unread text that names
 * it (any of `names`), or, without names, any unread text or a `}` missing. The syntax error is
 * what such text reports; what is missing is reported once it is fixed. Rows are found by name
 * wherever they stand, so a missing `}` alone hides none.
 */
export function mayBeUnread(container: AstNode, names?: ReadonlyArray<string | undefined>): boolean {
    const unread = unreadIn(container);
    if (unread === undefined) return false;
    return names ? names.some(name => name && unread.text.includes(name)) : unread.text !== '' || !unread.bracesMatch;
}

/**
 * Whether a project's indicator tree may not be what was written: a `}` of the project is missing
 * or was not read, so that a group left open took the next family in as one of its own groups
 * (`效益指标 {` read as a level-2 group of 产出指标). Which families the tree has and which family a
 * row stands under then wait for the fix.
 */
export function indicatorTreeBroken(project: Project): boolean {
    const unread = unreadIn(project);
    return unread !== undefined && !unread.bracesMatch;
}

/** What the parser could not read of an element's text. */
export interface Unread {
    /** The text between its tokens that no token holds (what recovery skipped, where a lexing error stopped), pieces joined by newlines. */
    text: string;
    /** Whether every brace of its text was read, each `{` with its `}`. */
    bracesMatch: boolean;
}

/** Unread text of an element: the gaps between its tokens, comments being tokens too; one walk over them. */
function unreadOf(node: AstNode, text: string): Unread {
    const cst = node.$cstNode;
    if (!cst) return { text: '', bracesMatch: true };
    const gaps: string[] = [];
    let depth = 0;
    let at = cst.offset;
    for (const leaf of CstUtils.flattenCst(cst)) {
        // A token recovery inserted has no place in the text.
        if (!Number.isFinite(leaf.offset) || leaf.length === 0) continue;
        const gap = text.slice(at, leaf.offset);
        if (gap.trim() !== '') gaps.push(gap.trim());
        at = leaf.end;
        if (!leaf.hidden && (leaf.text === '{' || leaf.text === '}')) depth += leaf.text === '{' ? 1 : -1;
    }
    const unread = gaps.join('\n');
    // A full-width brace is a lexing error: a group it was to open or close is not there either.
    return { text: unread, bracesMatch: depth === 0 && !/[{}｛｝]/.test(unread) };
}

/** A token's offset: NaN for the end of the file, and for the token before the first. */
interface Token {
    startOffset: number;
}

function measure(document: LangiumDocument): BrokenText {
    const { lexerErrors, parserErrors, value } = document.parseResult;
    const lineOf = (offset: number) => document.textDocument.positionAt(offset).line;
    const lines = new Set<number>();
    for (const error of lexerErrors) {
        for (let line = lineOf(error.offset), last = lineOf(error.offset + Math.max(error.length - 1, 0)); line <= last; line++) lines.add(line);
    }
    const inText = (token: Token | undefined): token is Token => token !== undefined && Number.isFinite(token.startOffset);
    const reading = new Set<AstNode>();
    const root = value.$cstNode;
    const breaks = lexerErrors.map(e => e.offset);
    for (const error of parserErrors) {
        const previous = (error as { previousToken?: Token }).previousToken;
        const at = Number.isFinite(error.token.startOffset) ? error.token.startOffset : document.textDocument.getText().length;
        // Noticed at the next line's first token, the break is where the line before it ends: the next row is read whole.
        breaks.push(inText(previous) && lineOf(at) !== lineOf(previous.startOffset) ? previous.startOffset + 1 : at);
        // Not the line of the token the parser stopped at: that is often the next row, which it then reads whole.
        if (!inText(previous)) continue;
        lines.add(lineOf(previous.startOffset));
        // The element holding the token, and its containers up to the row or block it is part of.
        for (let node = root && ownerAt(root, previous.startOffset); node; node = node.$containerIndex === undefined ? node.$container : undefined) {
            reading.add(node);
        }
    }
    return new BrokenText(lines, reading, breaks.sort((a, b) => a - b), document.textDocument);
}

/** The element holding the token at an offset, if the syntax tree has that token. */
function ownerAt(root: CstNode, offset: number): AstNode | undefined {
    const leaf = leafAt(root, offset);
    try {
        return leaf?.astNode;
    } catch {
        // Langium throws for a syntax node outside every element.
        return undefined;
    }
}

/** The token at an offset; a loop, not Langium's recursion: a file may nest blocks ten thousand deep. */
function leafAt(root: CstNode, offset: number): CstNode | undefined {
    let node: CstNode | undefined = root;
    while (node && isCompositeCstNode(node)) {
        const content: readonly CstNode[] = node.content;
        let next: CstNode | undefined;
        for (let low = 0, high = content.length - 1; low <= high;) {
            const middle = (low + high) >> 1;
            const child = content[middle]!;
            if (child.end <= offset) low = middle + 1;
            else if (child.offset > offset) high = middle - 1;
            else {
                next = child;
                break;
            }
        }
        node = next;
    }
    return node;
}
