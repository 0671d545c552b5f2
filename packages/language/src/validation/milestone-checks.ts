import type { KpiServices } from '../kpi-module.js';
import type { KpiChecks } from './report.js';

/** The `milestone/*` rules of RULES.md, one function each, named as the rule. */
export function milestoneChecks(_services: KpiServices): KpiChecks {
    return {};
}
