import { DefaultConfigurationProvider } from 'langium';
import type { KpiServices } from '../kpi-module.js';
import type { KeywordLanguageSetting } from './keyword-language.js';

/** The `kpispec.*` settings the server reads from the editor. */
export interface EditorSettings {
    /** `kpispec.completion.keywordLanguage`: keywords offered in files without keywords yet. */
    keywordLanguage: KeywordLanguageSetting;
    /** `kpispec.scoring.profile`: a scoring profile name that overrides `kpispec.json`; undefined when empty. */
    profile?: string;
}

export const SETTINGS_SECTION = 'kpispec';

/**
 * The editor settings live in the `kpispec` section (not under the language id `kpi`).
 * Providers read them synchronously through `editorSettings`; the scoring profile override
 * goes into the configuration service, where it wins over every `kpispec.json`.
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
        const profile = this.editorSettings.profile;
        for (const language of this.serviceRegistry.all) {
            const overrides = (language as KpiServices).kpi?.Configuration?.overrides;
            if (!overrides) continue;
            if (profile) overrides.profile = profile;
            else delete overrides.profile;
        }
    }
}

function readEditorSettings(section: unknown): EditorSettings {
    const s = (typeof section === 'object' && section !== null ? section : {}) as {
        completion?: { keywordLanguage?: unknown };
        scoring?: { profile?: unknown };
    };
    const language = s.completion?.keywordLanguage;
    const profile = s.scoring?.profile;
    return {
        keywordLanguage: language === 'zh' || language === 'en' ? language : 'auto',
        profile: typeof profile === 'string' && profile.trim() !== '' ? profile.trim() : undefined,
    };
}
