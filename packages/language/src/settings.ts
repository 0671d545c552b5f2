import type { LangiumDocument } from 'langium';
import type { KpiConfiguration } from './config/configuration.js';
import type { Locale } from './i18n/locale.js';
import { detectKeywordLanguage } from './lsp/keyword-language.js';

/**
 * The language of messages. The same files give the same messages everywhere (CLI, any editor,
 * CI), so a file's locale is, in this order: the user's explicit choice for every file
 * (`--locale`, the editor setting `kpispec.locale`), the `locale` of its kpispec.json, the
 * language of its keywords; only a file without keywords follows the environment (`LANG`, the
 * editor's display language).
 */
export class KpiSettings {
    /** `--locale` or `kpispec.locale`: wins for every file; undefined when not chosen. */
    chosenLocale?: Locale;
    /** `LANG` or the editor's display language: for files without keywords. */
    environmentLocale: Locale = 'zh-CN';
    constructor(private readonly configuration: () => KpiConfiguration) {}

    /** The locale of texts about no file in particular (a report's summary, a rename refusal). */
    get locale(): Locale {
        return this.chosenLocale ?? this.environmentLocale;
    }

    /** Sets the locale of every file, as `--locale` does. */
    set locale(locale: Locale) {
        this.chosenLocale = locale;
    }

    /** The locale of messages about a document. */
    localeOf(document: LangiumDocument): Locale {
        const chosen = this.chosenLocale ?? this.configuration().get(document.uri).locale;
        if (chosen) return chosen;
        const keywords = detectKeywordLanguage(document);
        return keywords === undefined ? this.environmentLocale : keywords === 'en' ? 'en' : 'zh-CN';
    }
}
