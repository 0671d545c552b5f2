/** Diagnostics and UI text exist in Chinese and English; Chinese is the default. */
export type Locale = 'zh-CN' | 'en';

export interface Bilingual {
    readonly zh: string;
    readonly en: string;
}

/**
 * Words in both languages, written when first read (see lazily). The two getters are the same
 * functions for every text: getters written in an object literal are new closures each time, and
 * V8 keeps such an object's properties in a dictionary with an accessor pair of its own, allocated
 * in the old generation, which kept the closures and all they captured (a row's outcome, measures
 * and nodes) alive through every young-generation collection until the next full one
 * (bench/RESULTS.md, issue 17). Defined on each text, not on the class, so that they are its own
 * enumerable properties, which JSON, structured cloning and spreading keep.
 */
class LazyWords {
    #write: (() => Bilingual) | undefined;
    #words: Bilingual | undefined;

    constructor(write: () => Bilingual) {
        this.#write = write;
        Object.defineProperties(this, LazyWords.#getters);
    }

    static #wordsOf(lazy: LazyWords): Bilingual {
        if (!lazy.#words) {
            lazy.#words = lazy.#write!();
            lazy.#write = undefined;
        }
        return lazy.#words;
    }

    static readonly #getters: PropertyDescriptorMap = {
        zh: { get(this: LazyWords) { return LazyWords.#wordsOf(this).zh; }, enumerable: true },
        en: { get(this: LazyWords) { return LazyWords.#wordsOf(this).en; }, enumerable: true },
    };
}

/**
 * Words in both languages, written when first read: scoring builds an explanation for every row
 * of every assessment for the checks, and only a hover, a report or a finding reads one.
 */
export function lazily(write: () => Bilingual): Bilingual {
    return new LazyWords(write) as unknown as Bilingual;
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

/**
 * Orders names and texts the same on every machine: `localeCompare` without a locale follows the
 * process's (LANG), so the CLI and an English editor listed equally close names in other orders.
 * Chinese collation: Han by pinyin, then Latin.
 */
export const compareText: (a: string, b: string) => number = new Intl.Collator('zh-CN').compare;
