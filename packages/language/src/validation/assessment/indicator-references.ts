import { AstUtils } from 'langium';
import {
    isBaseline, isClause, isProject, isRequirement, isStandard,
    type Baseline, type Clause, type Contract, type Indicator, type Requirement, type Standard,
} from '../../generated/ast.js';

/** Contract clauses an indicator links with 依据, with their contract. */
export function linkedClauses(indicator: Indicator): Array<{ clause: Clause; contract: Contract }> {
    return (indicator.links ?? []).flatMap(link => {
        const ref = link.ref;
        return isClause(ref) ? [{ clause: ref, contract: ref.$container }] : [];
    });
}

/**
 * Requirements an indicator answers to: those it links with 依据, and those of a standard its
 * project applies (适用) that carry the indicator's name — a same-named requirement is the
 * same metric even when nobody wrote the link.
 */
export function requirementsOf(indicator: Indicator): Array<{ requirement: Requirement; standard: Standard }> {
    const found = new Set<Requirement>();
    for (const link of indicator.links ?? []) if (isRequirement(link.ref)) found.add(link.ref);
    const project = AstUtils.getContainerOfType(indicator, isProject);
    for (const applies of project?.applies ?? []) {
        for (const standard of applies.standards ?? []) {
            for (const entry of standard.ref?.entries ?? []) {
                if (isRequirement(entry) && entry.name === indicator.name) found.add(entry);
            }
        }
    }
    return [...found].flatMap(requirement => isStandard(requirement.$container) ? [{ requirement, standard: requirement.$container }] : []);
}

/** Baselines an indicator links with 依据, with their standard. */
export function linkedBaselines(indicator: Indicator): Array<{ baseline: Baseline; standard: Standard }> {
    return (indicator.links ?? []).flatMap(link => {
        const ref = link.ref;
        return isBaseline(ref) ? [{ baseline: ref, standard: ref.$container }] : [];
    });
}
