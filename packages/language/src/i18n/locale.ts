/** Diagnostics and UI text exist in Chinese and English; Chinese is the default. */
export type Locale = 'zh-CN' | 'en';

export interface Bilingual {
    readonly zh: string;
    readonly en: string;
}

/** Where a lazily written text keeps how to write its words, and the words once written. */
const PENDING = Symbol('pending');

interface Pending {
    [PENDING]: { write?: () => Bilingual; words?: Bilingual };
}

function wordsOf(lazy: Pending): Bilingual {
    const state = lazy[PENDING];
    if (!state.words) {
        state.words = state.write!();
        state.write = undefined;
    }
    return state.words;
}

/**
 * The same two getters for every lazily written text. Getters written in an object literal are
 * new closures each time, and V8 keeps an object's own accessors in its hidden class: each such
 * object got a hidden class of its own, in the old generation, which kept the closures and all
 * they captured (a row's scores and nodes) alive through every young-generation collection
 * until the next full one (bench/RESULTS.md, issue 17).
 */
const WORDS: PropertyDescriptorMap = {
    zh: { get(this: Pending) { return wordsOf(this).zh; }, enumerable: true },
    en: { get(this: Pending) { return wordsOf(this).en; }, enumerable: true },
};

/**
 * Words in both languages, written when first read: scoring builds an explanation for every row
 * of every assessment for the checks, and only a hover, a report or a finding reads one. They
 * are own enumerable properties, so they survive JSON, structured cloning and spreading.
 */
export function lazily(write: () => Bilingual): Bilingual {
    const lazy = Object.defineProperty({}, PENDING, { value: { write } });
    return Object.defineProperties(lazy, WORDS) as Bilingual;
}

export function pick(locale: Locale, text: Bilingual): string {
    return locale === 'en' ? text.en : text.zh;
}

/** Reads a locale from a POSIX `LANG`-style value or a VS Code display language ('en-US', 'zh-cn'). */
export function parseLocale(value: string | undefined): Locale | undefined {
    if (!value) return undefined;
    const v = value.toLowerCase();
    if (v.startsWith('zh')) return 'zh-CN';
    if (v.startsWith('en') || v === 'c' || v === 'posix' || v.startsWith('c.')) return 'en';
    return undefined;
}
