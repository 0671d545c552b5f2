import { AstUtils } from 'langium';
import type { Project } from '../generated/ast.js';
import type { KpiCoreServices } from '../kpi-core-module.js';
import { ownFile, reading } from './check-reads.js';
import type { KpiChecks } from './report.js';
import { targetAboveBaseline, targetBelowContract, targetBelowStandard, targetUnitMismatch } from './targets/reference-rules.js';
import { targetRequiredIndicator } from './targets/standard-rules.js';
import { targetBelowHistory, targetMisfiled } from './targets/form-rules.js';
import { targetEmptyGroup, targetMissingBenefit, targetMissingQuantity, targetMissingSatisfaction, targetMixedScheme, type Scheme } from './targets/tree-rules.js';
import { targetNoComparator, targetNoSource, targetNoUnit, targetVague } from './targets/wording-rules.js';

/** The `target/*` rules of RULES.md, one function each, named as the rule (see `targets/`). */
export function targetChecks(services: KpiCoreServices): KpiChecks {
    const configuredScheme = (project: Project): Scheme | undefined => {
        const scheme = services.kpi.Configuration.get(AstUtils.getDocument(project).uri).scheme;
        return scheme === undefined ? undefined : `${scheme}`;
    };
    return {
        Indicator: [
            // What an indicator is held to: the clauses and entries its 依据 name, the standards its project applies.
            ...reading(['Contract', 'Standard'], targetBelowContract, targetBelowStandard, targetUnitMismatch, targetAboveBaseline, targetNoComparator, targetNoUnit),
            ...ownFile(targetVague, targetNoSource, targetBelowHistory, targetMisfiled),
        ],
        Project: [
            ...reading(['Standard'], targetRequiredIndicator),
            ...ownFile(
                targetMissingQuantity, targetMissingBenefit, targetMissingSatisfaction, targetEmptyGroup,
                (project, report) => targetMixedScheme(project, report, configuredScheme(project)),
            ),
        ],
    };
}
