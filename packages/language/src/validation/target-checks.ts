import type { KpiServices } from '../kpi-module.js';
import type { KpiChecks } from './report.js';
import { targetAboveBaseline, targetBelowContract, targetBelowStandard, targetUnitMismatch } from './targets/reference-rules.js';
import { targetRequiredIndicator } from './targets/standard-rules.js';
import { targetMissingBenefit, targetMissingQuantity, targetMissingSatisfaction, targetMixedScheme } from './targets/tree-rules.js';
import { targetNoComparator, targetNoSource, targetNoUnit, targetVague } from './targets/wording-rules.js';

/** The `target/*` rules of RULES.md, one function each, named as the rule (see `targets/`). */
export function targetChecks(_services: KpiServices): KpiChecks {
    return {
        Indicator: [
            targetBelowContract, targetBelowStandard, targetUnitMismatch, targetAboveBaseline,
            targetNoComparator, targetNoUnit, targetVague, targetNoSource,
        ],
        Project: [
            targetMissingQuantity, targetMissingBenefit, targetMissingSatisfaction,
            targetRequiredIndicator, targetMixedScheme,
        ],
    };
}
