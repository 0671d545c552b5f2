/** Diagnostics and UI text exist in Chinese and English; Chinese is the default. */
export type Locale = 'zh-CN' | 'en';

export interface Bilingual {
    readonly zh: string;
    readonly en: string;
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
