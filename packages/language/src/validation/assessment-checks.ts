import type { KpiServices } from '../kpi-module.js';
import type { KpiChecks } from './report.js';

/** The `assessment/*` rules of RULES.md, one function each, named as the rule. */
export function assessmentChecks(_services: KpiServices): KpiChecks {
    return {};
}
