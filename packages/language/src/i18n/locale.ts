/** Diagnostics and UI text exist in Chinese and English; Chinese is the default. */
export type Locale = 'zh-CN' | 'en';

export interface Bilingual {
    readonly zh: string;
    readonly en: string;
}

/**
 * Words in both languages, written when first read: scoring builds an explanation for every row
 * of every assessment for the checks, and only a hover, a report or a finding reads one.
 */
export function lazily(write: () => Bilingual): Bilingual {
    let words: Bilingual | undefined;
    return {
        get zh() { return (words ??= write()).zh; },
        get en() { return (words ??= write()).en; },
    };
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
