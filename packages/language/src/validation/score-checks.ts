import type { KpiServices } from '../kpi-module.js';
import type { KpiChecks } from './report.js';

/** The `score/*` rules of RULES.md, one function each, named as the rule. */
export function scoreChecks(_services: KpiServices): KpiChecks {
    return {};
}
