import { isLeafCstNode, type CstNode } from 'langium';
import { BOUND, SIGN } from '../parser/token-builder.js';

/** Blanks between the words of a comparator, other than the one space the formatter writes. */
const UNEVEN_BLANKS = /[ \t\u3000]{2,}|[\t\u3000]/g;

/**
 * A token as the formatter writes it: an English comparator or bound of several words with one
 * space between its words (`no  more  than` → `no more than`, `or\tmore` → `or more`); any
 * other token as typed.
 */
export function formattedText(token: CstNode): string {
    return isWordSign(token) ? token.text.replace(UNEVEN_BLANKS, ' ') : token.text;
}

/** Where a token's blanks differ from what `formattedText` writes: [start, end) offsets in the file. */
export function unevenBlanks(token: CstNode): Array<[number, number]> {
    if (!isWordSign(token)) return [];
    return [...token.text.matchAll(UNEVEN_BLANKS)].map(m => [token.offset + m.index, token.offset + m.index + m[0].length]);
}

function isWordSign(token: CstNode): boolean {
    return isLeafCstNode(token) && (token.tokenType.name === SIGN || token.tokenType.name === BOUND);
}
