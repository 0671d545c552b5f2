import { isLeafCstNode, type CstNode } from 'langium';
import { parseUnit } from '../units/index.js';
import { REMARK as REMARK_TERMINAL } from './token-builder.js';

/**
 * Remarks that forms print in brackets after a value (`96.5%（全部转办）`, `>= 2 万人（户籍）`,
 * `实际 100%（含预约）`): the value is what counts, the remark is read past as a comment is
 * (KpiLexer.readRemarks; a workbook's cell the same, excel/cell-values.ts). A note that says
 * whether the value is in (`（含）`) is one only where nothing reads it first: after a comparator
 * or before a bound it belongs to them (units/sign-words.ts). Not a remark: a unit in brackets
 * (`200（万元）`, which an officer means as the unit), and brackets that hold brackets or quotes.
 */

/** Brackets that hold a remark: one line, nothing nested. */
const REMARK = /^[(（]([^()（）"{}\r\n]*)[)）]/;

/** The end (exclusive) of the remark that begins at `open` in `text`, or undefined if none does. */
export function remarkAt(text: string, open: number): number | undefined {
    const m = REMARK.exec(text.slice(open, open + MAX_REMARK));
    return m && holdsRemark(m[1]!) ? open + m[0].length : undefined;
}

/**
 * The opening bracket of the brackets that `close` ends, at or after `from`, or -1: looked for
 * no further than a remark may be long, so that a line of thousands of `）` stays linear.
 */
export function openingBefore(text: string, close: number, from: number): number {
    for (let i = close - 1; i >= Math.max(from, close - MAX_REMARK); i--) {
        const c = text[i];
        if (c === '（' || c === '(') return i;
        if (c === '）' || c === ')' || c === '\n' || c === '\r') return -1;
    }
    return -1;
}

/** The end (exclusive) of a unit in brackets that begins at `open` (`（万元）`), or undefined. */
export function bracketedUnitAt(text: string, open: number): number | undefined {
    const m = REMARK.exec(text.slice(open, open + MAX_REMARK));
    return m && bracketedUnit(m[0]) !== undefined ? open + m[0].length : undefined;
}

/** The unit that brackets hold (`（万元）` → `万元`), or undefined. */
export function bracketedUnit(brackets: string): string | undefined {
    const words = REMARK.exec(brackets)?.[1]!.trim();
    return words && words.length + 2 <= brackets.length && parseUnit(words).known ? words : undefined;
}

/** Where the remark that ends `text` begins (`96.5%（全部转办）` → 5), blanks after it allowed; undefined if none does. */
export function remarkAtEnd(text: string): number | undefined {
    const trimmed = text.trimEnd();
    if (!trimmed.endsWith(')') && !trimmed.endsWith('）')) return undefined;
    const open = Math.max(trimmed.lastIndexOf('('), trimmed.lastIndexOf('（'));
    return open >= 0 && remarkAt(trimmed, open) === trimmed.length ? open : undefined;
}

/** Longest remark read: a bracket left open on a pasted line is not searched to the line's end. */
const MAX_REMARK = 200;

function holdsRemark(content: string): boolean {
    const words = content.trim();
    return words !== '' && !parseUnit(words).known;
}

/** Whether a leaf of a syntax tree is a remark. */
export function isRemark(node: CstNode): boolean {
    return isLeafCstNode(node) && node.hidden && node.tokenType.name === REMARK_TERMINAL;
}

/**
 * The remark printed after a node's text, as printed (`（全部转办）` after the value `96.5%`), or ''.
 * Read from the text: after a value, brackets that hold a remark were lexed as one.
 */
export function remarkAfter(node: CstNode | undefined): string {
    if (!node) return '';
    const text = node.root.fullText;
    const open = node.end + /^[ \t\u3000]*/.exec(text.slice(node.end, node.end + 16))![0].length;
    const end = remarkAt(text, open);
    return end === undefined ? '' : text.slice(open, end);
}
