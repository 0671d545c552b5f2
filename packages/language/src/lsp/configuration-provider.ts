import { DefaultConfigurationProvider } from 'langium';
import type { Locale } from '../i18n/locale.js';
import type { KpiServices } from '../kpi-module.js';
import type { KeywordLanguageSetting } from './keyword-language.js';

/** The `kpispec.*` settings the server reads from the editor. */
export interface EditorSettings {
    /** `kpispec.completion.keywordLanguage`: keywords offered in files without keywords yet. */
    keywordLanguage: KeywordLanguageSetting;
    /** `kpispec.scoring.profile`: a scoring profile name that overrides `kpispec.json`; undefined when empty. */
    profile?: string;
    /** `kpispec.locale`: the language of every file's messages, as the CLI's `--locale`; undefined for 'auto'. */
    locale?: Locale;
}

export const SETTINGS_SECTION = 'kpispec';

/**
 * The editor settings live in the `kpispec` section (not under the language id `kpi`).
 * Providers read them synchronously through `editorSettings`; the scoring profile override
 * goes into the configuration service, where it wins over every `kpispec.json`, and the locale
 * into the settings service, where it wins over every file's own.
 */
export class KpiConfigurationProvider extends DefaultConfigurationProvider {
    protected override toSectionName(_languageId: string): string {
        return SETTINGS_SECTION;
    }

    get editorSettings(): EditorSettings {
        return readEditorSettings(this.settings[SETTINGS_SECTION]);
    }

    protected override updateSectionConfiguration(section: string, configuration: unknown): void {
        super.updateSectionConfiguration(section, configuration);
        if (section !== SETTINGS_SECTION) return;
        const { profile, locale } = this.editorSettings;
        for (const language of this.serviceRegistry.all) {
            const { Configuration, Settings } = (language as KpiServices).kpi;
            if (profile) Configuration.overrides.profile = profile;
            else delete Configuration.overrides.profile;
            Settings.chosenLocale = locale;
        }
    }
}

function readEditorSettings(section: unknown): EditorSettings {
    const s = (typeof section === 'object' && section !== null ? section : {}) as {
        completion?: { keywordLanguage?: unknown };
        scoring?: { profile?: unknown };
        locale?: unknown;
    };
    const language = s.completion?.keywordLanguage;
    const profile = s.scoring?.profile;
    return {
        keywordLanguage: language === 'zh' || language === 'en' ? language : 'auto',
        profile: typeof profile === 'string' && profile.trim() !== '' ? profile.trim() : undefined,
        locale: s.locale === 'zh-CN' || s.locale === 'en' ? s.locale : undefined,
    };
}
