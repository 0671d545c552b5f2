import { DefaultTokenBuilder, type GrammarAST, type Lexer, type TokenBuilderOptions } from 'langium';

/** Chevrotain's token type, as Langium's public lexer API names it. */
type TokenType = Lexer['definition'][string];
/** Chevrotain's token vocabulary: a list, a dictionary, or lexer modes. */
type TokenVocabulary = ReturnType<DefaultTokenBuilder['buildTokens']>;

/** The grammar's synthetic terminal for a unit word (万元 in `10666 万元`); KpiLexer gives it its tokens. */
export const UNIT = 'UNIT';
/** The lexer's mode: every token type but UNIT. */
const TEXT_MODE = 'text';
/** A mode the lexer never enters, so that Chevrotain still numbers UNIT as a token type for the parser. */
const UNIT_MODE = 'unit';

/**
 * Langium's tokens, with the grammar's synthetic `UNIT` terminal left out of lexing: a unit is
 * a word (an ID) that follows a number or a unit operator, which depends on what stands before
 * it, so KpiLexer turns those IDs into UNIT tokens after lexing. A pattern of its own (a
 * function) made Chevrotain take its slower path for every token of every file (custom
 * patterns), and ask before every word.
 */
export class KpiTokenBuilder extends DefaultTokenBuilder {
    override buildTokens(grammar: GrammarAST.Grammar, options?: TokenBuilderOptions): TokenVocabulary {
        const tokens = super.buildTokens(grammar, options) as TokenType[];
        const unit = tokens.find(token => token.name === UNIT);
        if (!unit) throw new Error(`KpiTokenBuilder: the grammar has no ${UNIT} terminal`);
        return { modes: { [TEXT_MODE]: tokens.filter(token => token !== unit), [UNIT_MODE]: [unit] }, defaultMode: TEXT_MODE };
    }
}
