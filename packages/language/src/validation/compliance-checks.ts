import type { KpiServices } from '../kpi-module.js';
import type { KpiChecks } from './report.js';

/** The `compliance/*` rules of RULES.md, one function each, named as the rule. */
export function complianceChecks(_services: KpiServices): KpiChecks {
    return {};
}
