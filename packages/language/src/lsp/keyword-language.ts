import type { LangiumDocument } from 'langium';
import type { KpiLexingReport } from '../parser/lexer.js';
import type { Locale } from '../i18n/locale.js';
import { isPrintedLabel } from '../parser/printed-labels.js';

/** The keyword language of a file: 项目/指标/依据 … or project/indicator/per … */
export type KeywordLanguage = 'zh' | 'en';

/** The editor setting `kpispec.completion.keywordLanguage`. */
export type KeywordLanguageSetting = 'auto' | KeywordLanguage;

const HAN = /[\u3400-\u9fff]/;
const LATIN = /[a-z]/i;

/**
 * The language of the keywords a file already uses (the majority of its keyword tokens, counted
 * by the lexer), or undefined for a file without keywords yet.
 */
export function detectKeywordLanguage(document: LangiumDocument): KeywordLanguage | undefined {
    return (document.parseResult?.lexerReport as KpiLexingReport | undefined)?.keywordLanguage;
}

/** The language a keyword of the grammar is in; undefined for punctuation. */
export function languageOfKeyword(keyword: string): KeywordLanguage | undefined {
    return HAN.test(keyword) ? 'zh' : LATIN.test(keyword) ? 'en' : undefined;
}

/**
 * Text inserted into a file follows the file's own keywords; a file without keywords follows
 * the setting, and 'auto' the editor's display language.
 */
export function keywordLanguageOf(document: LangiumDocument, setting: KeywordLanguageSetting, locale: Locale): KeywordLanguage {
    return detectKeywordLanguage(document) ?? fallbackLanguage(setting, locale);
}

function fallbackLanguage(setting: KeywordLanguageSetting, locale: Locale): KeywordLanguage {
    if (setting !== 'auto') return setting;
    return locale === 'en' ? 'en' : 'zh';
}

/**
 * Whether a keyword is one to offer in a file of `language` (completion, the syntax errors' list of
 * what may stand there). A label printed on the forms that the grammar accepts as an alias
 * (`实际完成值` for 实际, parser/printed-labels.ts) is never offered: its keyword is.
 */
export function isKeywordOf(language: KeywordLanguage, keyword: string): boolean {
    if (isPrintedLabel(keyword)) return false;
    return language === 'zh' ? HAN.test(keyword) : !HAN.test(keyword);
}

/** Keywords that quick fixes and code lenses write, in both languages (LANGUAGE.md's keyword table). */
export const KEYWORDS = {
    indicators: { zh: '绩效指标', en: 'indicators' },
    goals: { zh: '总体目标', en: 'goals' },
    per: { zh: '依据', en: 'per' },
    qualitative: { zh: '定性', en: 'qualitative' },
    penalty: { zh: '违约', en: 'penalty' },
    score: { zh: '得分', en: 'score' },
    deviation: { zh: '偏差', en: 'deviation' },
    adjustment: { zh: '调整', en: 'adjustment' },
    ofWhich: { zh: '其中', en: 'of-which' },
} as const satisfies Record<string, Record<KeywordLanguage, string>>;

export type KeywordId = keyof typeof KEYWORDS;

export function keyword(id: KeywordId, language: KeywordLanguage): string {
    return KEYWORDS[id][language];
}
