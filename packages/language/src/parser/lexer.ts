import { AstUtils, DefaultLexer, GrammarAST, type LangiumCoreServices, type LexerResult, type LexingReport, type TokenizeOptions } from 'langium';
import { languageOfKeyword, type KeywordLanguage } from '../lsp/keyword-language.js';

/** What the lexer reports of a text besides Langium's diagnostics. */
export interface KpiLexingReport extends LexingReport {
    /** The language of most of its keyword tokens (项目/指标 … or project/indicator …); undefined without keywords. */
    readonly keywordLanguage: KeywordLanguage | undefined;
}

const ZH = 1;
const EN = 2;

/**
 * Langium's lexer, which also counts keyword tokens by language as it goes: a file's messages
 * follow its keywords' language, and finding it afterwards walked the whole syntax tree (4 % of
 * a cold lint). It reaches documents as `parseResult.lexerReport`.
 */
export class KpiLexer extends DefaultLexer {
    /** By token type index: ZH, EN, or 0 for a token that is not a keyword. */
    private readonly languages: Uint8Array;

    constructor(services: LangiumCoreServices) {
        super(services);
        const types = this.definition;
        this.languages = new Uint8Array(Math.max(0, ...Object.values(types).map(t => t.tokenTypeIdx ?? 0)) + 1);
        for (const keyword of AstUtils.streamAllContents(services.Grammar).filter(GrammarAST.isKeyword)) {
            const index = types[keyword.value]?.tokenTypeIdx;
            const language = languageOfKeyword(keyword.value);
            if (index !== undefined && language) this.languages[index] = language === 'zh' ? ZH : EN;
        }
    }

    override tokenize(text: string, options?: TokenizeOptions): LexerResult {
        const result = super.tokenize(text, options);
        let zh = 0;
        let en = 0;
        for (const token of result.tokens) {
            const language = this.languages[token.tokenTypeIdx];
            if (language === ZH) zh++;
            else if (language === EN) en++;
        }
        const report: KpiLexingReport = {
            diagnostics: result.report?.diagnostics ?? [],
            keywordLanguage: zh === 0 && en === 0 ? undefined : en > zh ? 'en' : 'zh',
        };
        return { ...result, report };
    }
}
