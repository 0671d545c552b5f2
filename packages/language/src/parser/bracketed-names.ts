import { UNIT_SYMBOLS } from './name-characters.js';

/**
 * Printed titles that hold brackets (`补助村(社区)数量`, `受益人口（户籍）`), typed without quotes
 * where a name stands: one name, as the title in quotes is (KpiLexer.readBracketedNames).
 */

// Letters and digits of any script, and the unit symbols a name may hold (面积（㎡）).
const WORD_CHARS = `\\p{L}\\p{N}_${UNIT_SYMBOLS}`;
const TITLE_CHAR = new RegExp(`[${WORD_CHARS}()（）]`, 'u');
/**
 * Name characters and balanced, unnested brackets, beginning with a name character. Each group
 * takes the name characters after it, so that a run without a match (an unclosed bracket after
 * thousands of characters) fails at once instead of trying every split of them.
 */
const TITLE = new RegExp(`^[${WORD_CHARS}]+(?:[(（][${WORD_CHARS}]*[)）][${WORD_CHARS}]*)*$`, 'u');
const BRACKET_GROUPS = /[(（][^)）]*[)）]/g;

/** Whether the characters the lexer skipped are brackets only. */
export function isBrackets(skipped: string): boolean {
    return /^[()（）]+$/.test(skipped);
}

/**
 * The title with brackets that the bracket at `at` belongs to: the run of name characters and
 * brackets around it, balanced, with a letter outside the brackets; undefined for anything else.
 */
export function bracketedTitleAround(text: string, at: number): { start: number; end: number } | undefined {
    let start = at;
    while (start > 0 && TITLE_CHAR.test(text[start - 1]!)) start--;
    let end = at + 1;
    while (end < text.length && TITLE_CHAR.test(text[end]!)) end++;
    const run = text.slice(start, end);
    if (!TITLE.test(run) || !/[(（]/.test(run) || !/\p{L}/u.test(run.replace(BRACKET_GROUPS, ''))) return undefined;
    return { start, end };
}
