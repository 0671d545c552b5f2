import type { CstNode } from 'langium';
import { NAME_PART } from './name-characters.js';

/**
 * Brackets around a compound unit's denominator, as forms print it (`元/(人·年)`, `元/（人·月）`):
 * read as `元/人·年`, everything after `/` being the denominator already (units/unit-table.ts).
 * The lexer skips them without an error (keepSilentPunctuationOut); the characters stay in the text.
 */
const UNIT_BRACKETS = new RegExp(`^[(（][${NAME_PART}]+(?:[·*/][${NAME_PART}]+)*[)）]`);

/** The brackets that open right after the `/` before `open` in `text`, as [open, close] offsets, or undefined. */
export function unitBracketsAt(text: string, open: number): { open: number; close: number } | undefined {
    if (text[open - 1] !== '/') return undefined;
    const m = UNIT_BRACKETS.exec(text.slice(open, open + 40));
    return m ? { open, close: open + m[0].length - 1 } : undefined;
}

/** The closing bracket of a unit's denominator right after a node's text (`）` of `元/（人·年）`), or ''. */
export function unitBracketAfter(node: CstNode | undefined): string {
    if (!node) return '';
    const text = node.root.fullText;
    const open = Math.max(text.lastIndexOf('/(', node.end), text.lastIndexOf('/（', node.end)) + 1;
    return open > node.offset && unitBracketsAt(text, open)?.close === node.end ? text[node.end]! : '';
}
