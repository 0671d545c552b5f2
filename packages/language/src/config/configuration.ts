import type { URI } from 'langium';
import type { Locale } from '../i18n/locale.js';
import type { SeveritySetting } from '../rules/catalog.js';
import type { ScoringProfile } from '../scoring/profile.js';

/** The effective configuration for one file (kpispec.json, nearest wins, `extends` merged). */
export interface KpiConfig {
    /** Name of the scoring profile: a built-in one or one of `profiles`. */
    profile: string;
    profiles: Record<string, ScoringProfile>;
    /** Indicator tree scheme the project should follow. */
    scheme?: 2020 | 2021;
    rules: Record<string, SeveritySetting>;
    ignore: string[];
    locale?: Locale;
    /** Forbid `kpispec-disable` comments (for reviewers). */
    noInlineConfig: boolean;
    /** Require a `-- reason` on every suppression comment. */
    requireSuppressionReason: boolean;
}

export function defaultConfig(): KpiConfig {
    return { profile: 'national-2020', profiles: {}, rules: {}, ignore: [], noInlineConfig: false, requireSuppressionReason: false };
}

/**
 * Answers, synchronously, which configuration applies to a document, so checks can read it
 * while validating. Loading configuration files is asynchronous and happens before builds.
 */
export class KpiConfiguration {
    get(_uri: URI): KpiConfig {
        return defaultConfig();
    }
}
