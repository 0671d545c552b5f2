import { DefaultTokenBuilder, RegExpUtils, type GrammarAST, type Lexer, type Stream } from 'langium';

/** Chevrotain's token type, as Langium's public lexer API names it. */
type TokenType = Lexer['definition'][string];

const UNIT = 'UNIT';
const ID = 'ID';

const NUMBER = /^-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

// The lexer asks before every word whether it is a unit, so the characters are compared as
// codes: a regular expression per character (walking back over a row's indentation) was a
// sixth of lexing.

/** Blanks between a number or unit operator and its unit: no line break. */
function isBlank(c: number): boolean {
    return c === 0x20 || c === 0x09 || c === 0x3000;
}

/** Characters that may stand in a number or a name (`\w`, `.`, `-`, CJK); a number glued to one of them is part of a name or date. */
function isWordOrNumberChar(c: number): boolean {
    return (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f || c === 0x2e || c === 0x2d
        || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff);
}

/**
 * Gives the grammar's synthetic `UNIT` terminal its pattern: a word, as an ID is, that
 * follows on the same line
 * - a number (万元 in `10666 万元`), but not digits inside a name or a date (率2 x, 2021-03 x);
 * - a unit operator `/`, `*` or `·` (通 in `元/通`), but not the `/` or `*` of a comment's
 *   start or end.
 * Anywhere else the word is an ID. Which one a word is depends on what stands before it: the
 * lexer's business, not the parser's, whose lookahead stops at the end of the Quantity rule
 * (after a unitless `>= 95` it would take the next row's name for the unit).
 */
export class KpiTokenBuilder extends DefaultTokenBuilder {
    /** The word a unit is: the grammar's ID pattern. */
    private unitWord?: RegExp;

    protected override buildTerminalTokens(rules: Stream<GrammarAST.AbstractRule>): TokenType[] {
        const tokens = super.buildTerminalTokens(rules);
        const id = tokens.find(token => token.name === ID)?.PATTERN;
        if (!(id instanceof RegExp)) throw new Error(`KpiTokenBuilder: the grammar's ${ID} terminal is no longer a plain regular expression`);
        const word = this.unitWord = id;
        return tokens.map(token => token.name === UNIT ? {
            ...token,
            PATTERN: unitPattern(word),
            // A word holds no line break; the hint keeps the lexer's first-character optimisation.
            LINE_BREAKS: false,
            START_CHARS_HINT: startChars(word),
        } : token);
    }

    /**
     * Langium finds the terminals that can continue a keyword (中 of 中位数, per of percent) in
     * their regular expressions; the unit's pattern is a function, so its word is tested here.
     * After a number, a unit that begins with a keyword is then lexed as a unit.
     */
    protected override findLongerAlt(keyword: GrammarAST.Keyword, terminalTokens: TokenType[]): TokenType[] {
        const alternatives = super.findLongerAlt(keyword, terminalTokens);
        const word = this.unitWord;
        if (!word || !RegExpUtils.partialMatches(`^${word.source}$`, keyword.value)) return alternatives;
        // In the grammar's order of terminals, as Langium lists them: UNIT before ID.
        return terminalTokens.filter(token => token.name === UNIT || alternatives.includes(token));
    }
}

function unitPattern(word: RegExp): (text: string, offset: number) => RegExpExecArray | null {
    const sticky = new RegExp(word.source, 'y');
    return (text, offset) => {
        if (!followsNumberOrUnitOperator(text, offset)) return null;
        sticky.lastIndex = offset;
        return sticky.exec(text);
    };
}

/** Whether `offset` follows a number or a unit operator on the same line. */
function followsNumberOrUnitOperator(text: string, offset: number): boolean {
    let end = offset;
    while (end > 0 && isBlank(text.charCodeAt(end - 1))) end--;
    if (end === 0) return false;
    const before = text.charCodeAt(end - 1);
    if (before === 0xb7) return true; // ·
    if (before === 0x2f) return text.charCodeAt(end - 2) !== 0x2a; // a `/` not closing a comment
    if (before === 0x2a) return text.charCodeAt(end - 2) !== 0x2f; // a `*` not opening one
    if (before < 0x30 || before > 0x39) return false;
    // The number is the whole run of word characters ending here, so that no digits of a
    // name (率2) or a date (2021-03) count.
    let start = end;
    while (start > 0 && isWordOrNumberChar(text.charCodeAt(start - 1))) start--;
    return start < end && NUMBER.test(text.slice(start, end));
}

/** Start characters by word pattern: worked out once per process (some 65,000 tests). */
const startCharsOf = new Map<string, number[]>();

/** Every character a match of `word` can begin with (Chevrotain's first-character index). */
function startChars(word: RegExp): number[] {
    let codes = startCharsOf.get(word.source);
    if (!codes) {
        const first = new RegExp(`^(?:${word.source})`);
        codes = [];
        for (let code = 0; code <= 0xFFFF; code++) {
            if (first.test(String.fromCharCode(code))) codes.push(code);
        }
        startCharsOf.set(word.source, codes);
    }
    return codes;
}
