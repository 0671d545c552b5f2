import type { KpiServices } from '../kpi-module.js';
import type { KpiChecks } from './report.js';

/** The `target/*` rules of RULES.md, one function each, named as the rule. */
export function targetChecks(_services: KpiServices): KpiChecks {
    return {};
}
