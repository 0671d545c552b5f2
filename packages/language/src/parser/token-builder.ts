import { DefaultTokenBuilder, RegExpUtils, type GrammarAST, type Lexer, type TokenBuilderOptions } from 'langium';

/** Chevrotain's token type, as Langium's public lexer API names it. */
export type TokenType = Lexer['definition'][string];
/** Chevrotain's token vocabulary: a list, a dictionary, or lexer modes. */
type TokenVocabulary = ReturnType<DefaultTokenBuilder['buildTokens']>;

/** The grammar's synthetic terminal for a unit word (万元 in `10666 万元`); KpiLexer gives it its tokens. */
export const UNIT = 'UNIT';
/** The grammar's synthetic terminals for comparators in words (不低于 in `不低于95%`, 以上 in `95%以上`); KpiLexer gives them their tokens. */
export const SIGN = 'SIGN';
export const BOUND = 'BOUND';
/** The grammar's synthetic terminal for a qualitative target's word as printed (`"群众获得感" 明显提升`). */
export const PRINTED_TEXT = 'PRINTED_TEXT';
const SYNTHETIC = new Set([UNIT, SIGN, BOUND, PRINTED_TEXT]);
/**
 * A remark in brackets after a value (`96.5%（全部转办）`, parser/remarks.ts): KpiLexer puts its
 * tokens with the comments, and the parser never reads one. Not a terminal of the grammar, whose
 * hidden terminals the TextMate grammar shows as comments by their pattern.
 */
export const REMARK = 'REMARK';
/** The lexer's mode: every token type but the synthetic ones and the word keywords. */
const TEXT_MODE = 'text';
/** A mode the lexer never enters, so that Chevrotain still numbers its token types for the parser: KpiLexer gives them their tokens. */
const GIVEN_MODE = 'given';

/**
 * Which keywords are words (项目, indicator): those the ID terminal matches whole. Langium lets
 * a longer ID win over such a keyword (指标名 is a name), so, keywords being tried longest
 * first, a word keyword's token is exactly an ID token whose text is the keyword.
 */
export function wordKeywordTest(id: TokenType): (token: TokenType) => boolean {
    const whole = new RegExp(`^(?:${(id.PATTERN as RegExp).source})$`);
    return token => token !== id && typeof token.PATTERN === 'string' && whole.test(token.PATTERN);
}

/**
 * Langium's tokens, with two kinds left out of lexing, which KpiLexer gives their tokens after:
 * - the grammar's synthetic terminals (`UNIT`, `SIGN`, `BOUND`, `PRINTED_TEXT`): a unit is a word (an ID) that
 *   follows a number or a unit operator, which depends on what stands before it, and so does a
 *   comparator in words. A pattern of its own (a function) made Chevrotain take its slower path
 *   for every token of every file (custom patterns), and ask before every word.
 * - word keywords (wordKeywordTest): Chevrotain tried each keyword that may begin at a letter or
 *   character, one regular expression each, and then the ID after the one that matched; an ID
 *   looked up among the keywords by its text is the same token.
 * and one token type the grammar lacks, a remark's (REMARK), given the same way.
 */
export class KpiTokenBuilder extends DefaultTokenBuilder {
    /** Per terminal pattern, the regular expression that matches a start of it. */
    private readonly partials = new Map<string, RegExp>();

    /**
     * The terminals a keyword is a start of (its longer alternatives), as Langium finds them, but
     * with each terminal's partial regular expression built once: Langium built one per keyword
     * and terminal (some 2,700, 11 ms of every start).
     */
    protected override findLongerAlt(keyword: GrammarAST.Keyword, terminalTokens: TokenType[]): TokenType[] {
        return terminalTokens.filter(token => {
            const source = (token.PATTERN as RegExp | undefined)?.source;
            if (!source) return false;
            let partial = this.partials.get(source);
            if (!partial) this.partials.set(source, partial = RegExpUtils.partialRegExp(`^${source}$`));
            return (keyword.value.match(partial)?.[0].length ?? 0) > 0;
        });
    }

    override buildTokens(grammar: GrammarAST.Grammar, options?: TokenBuilderOptions): TokenVocabulary {
        const tokens = super.buildTokens(grammar, options) as TokenType[];
        const synthetic = tokens.filter(token => SYNTHETIC.has(token.name));
        const id = tokens.find(token => token.name === 'ID');
        if (synthetic.length !== SYNTHETIC.size || !id) throw new Error(`KpiTokenBuilder: the grammar lacks one of the terminals ID, ${[...SYNTHETIC].join(', ')}`);
        const isWord = wordKeywordTest(id);
        const lexed = tokens.filter(token => !SYNTHETIC.has(token.name) && !isWord(token));
        // Never lexed, a word keyword needs no ID to give way to (and Chevrotain refuses one from another mode).
        const words = tokens.filter(isWord).map((token): TokenType => ({ name: token.name, PATTERN: token.PATTERN }));
        const remark: TokenType = { name: REMARK, PATTERN: /:synthetic-remark:/, GROUP: 'hidden' };
        return { modes: { [TEXT_MODE]: lexed, [GIVEN_MODE]: [...synthetic, remark, ...words] }, defaultMode: TEXT_MODE };
    }
}
