import type { KpiServices } from '../kpi-module.js';
import type { KpiChecks } from './report.js';

/** The `contract/*` rules of RULES.md, one function each, named as the rule. */
export function contractChecks(_services: KpiServices): KpiChecks {
    return {};
}
