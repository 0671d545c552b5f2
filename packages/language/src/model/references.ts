// What an indicator row is held to: the contract clauses, requirements and baselines it links
// with 依据, plus same-named entries of the standards its project applies.
import { AstUtils, type AstNode } from 'langium';
import {
    isClause, isProject, isRequirement,
    type Baseline, type Clause, type Indicator, type Project, type Requirement, type Standard,
} from '../generated/ast.js';
import type { Bilingual } from '../i18n/locale.js';
import { constraintOf, measureOf } from './values.js';
import { formatMeasure, type Constraint, type Measure } from '../units/index.js';

export type Reference = Clause | Requirement | Baseline;

export interface HeldTo<R extends Reference = Reference> {
    entry: R;
    /** Index in `indicator.links`; undefined for a same-named entry of an applied standard. */
    link?: number;
}

export function projectOf(node: AstNode): Project | undefined {
    return AstUtils.getContainerOfType(node, isProject);
}

/** The resolved standards a project applies (`适用`), each once. */
export function appliedStandards(project: Project): Standard[] {
    const standards = (project.applies ?? []).flatMap(a => (a.standards ?? []).map(s => s?.ref));
    return [...new Set(standards.filter((s): s is Standard => s !== undefined))];
}

/** Every reference an indicator is compared with, each once, linked ones first. */
export function referencesOf(indicator: Indicator): HeldTo[] {
    const held: HeldTo[] = [];
    const seen = new Set<Reference>();
    (indicator.links ?? []).forEach((link, index) => {
        const entry = link?.ref;
        if (entry && !seen.has(entry)) {
            seen.add(entry);
            held.push({ entry, link: index });
        }
    });
    const project = projectOf(indicator);
    if (!project || !indicator.name) return held;
    for (const standard of appliedStandards(project)) {
        for (const entry of standard.entries ?? []) {
            if (entry.name === indicator.name && !seen.has(entry)) {
                seen.add(entry);
                held.push({ entry });
            }
        }
    }
    return held;
}

/** The value a reference sets: a clause's or requirement's constraint, a baseline's figure. */
export function referenceMeasure(entry: Reference): Measure | undefined {
    if (isClause(entry) || isRequirement(entry)) return constraintOf(entry.target)?.value;
    return entry.value && measureOf(entry.value);
}

/** `Contract.Clause` / `Standard.Entry`, as written after 依据. */
export function qualifiedName(entry: Reference): string {
    return `${entry.$container?.name ?? ''}.${entry.name ?? ''}`;
}

/** 合同「C」条款「X」 / clause 'X' of contract 'C', and the same for requirements and baselines. */
export function describeReference(entry: Reference): Bilingual {
    const owner = entry.$container?.name ?? '';
    if (isClause(entry)) return { zh: `合同「${owner}」条款「${entry.name}」`, en: `clause '${entry.name}' of contract '${owner}'` };
    if (isRequirement(entry)) return { zh: `标准「${owner}」要求「${entry.name}」`, en: `requirement '${entry.name}' of standard '${owner}'` };
    return { zh: `标准「${owner}」基准「${entry.name}」`, en: `baseline '${entry.name}' of standard '${owner}'` };
}

/** A constraint as a user would type it (`>= 95%`, `<= 20 秒`), for fix data that replaces a target. */
export function sourceText(constraint: Constraint): string {
    return `${constraint.op} ${formatMeasure(constraint.value)}`;
}
