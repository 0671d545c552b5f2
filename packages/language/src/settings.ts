import type { Locale } from './i18n/locale.js';

/** Per-instance settings: the CLI sets them from flags, the language server from the client. */
export interface KpiSettings {
    locale: Locale;
}

export function defaultSettings(): KpiSettings {
    return { locale: 'zh-CN' };
}
