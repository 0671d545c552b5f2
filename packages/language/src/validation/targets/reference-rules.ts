// Rules comparing a target with the clauses, requirements and baselines it is held to.
import { isBaseline, isClause, isRequirement, type Clause, type Indicator, type Requirement } from '../../generated/ast.js';
import type { Bilingual } from '../../i18n/locale.js';
import {
    comparable, direction, formatConstraint, formatMeasure, isWeaker, ratio, type Constraint,
} from '../../units/index.js';
import type { Report } from '../report.js';
import { describeReference, qualifiedName, referenceMeasure, referencesOf, sourceText, type HeldTo } from '../../model/held-to.js';
import { constraintOf } from '../../model/values.js';
import { whyIncomparable } from '../../model/incomparable.js';

/** Below-* and above-baseline findings mark the target value: the text a fix replaces. */
function onTarget(indicator: Indicator): { node: Indicator; property: 'target' | 'name' } {
    return { node: indicator, property: indicator.target ? 'target' : 'name' };
}

const SAME_NAME: Bilingual = { zh: '（与指标同名，按适用标准比较）', en: ' (same name, applied standard)' };

function reportWeaker(
    rule: 'target/below-contract' | 'target/below-standard',
    indicator: Indicator,
    held: Array<HeldTo<Clause | Requirement>>,
    report: Report,
): void {
    const target = constraintOf(indicator.target);
    if (!target) return;
    for (const { entry, link } of held) {
        const reference = constraintOf(entry.target);
        const verdict = reference && isWeaker(target, reference);
        // Incomparable pairs are target/unit-mismatch's to report.
        if (!reference || !verdict?.ok || !verdict.result) continue;
        const t = formatConstraint(target);
        const r = formatConstraint(reference);
        const where = describeReference(entry);
        const note = link === undefined ? SAME_NAME : { zh: '', en: '' };
        report(rule, {
            ...onTarget(indicator),
            message: {
                zh: `目标值 ${t} 弱于${where.zh}${isClause(entry) ? '约定' : ''}的 ${r}${note.zh}`,
                en: `Target ${t} is weaker than ${r} in ${where.en}${note.en}`,
            },
            data: {
                suggested: sourceText(reference), reference: qualifiedName(entry), target: sourceText(target),
                satisfiesAll: weakerThanNone(reference, indicator),
            },
            related: [{ node: entry, message: where }],
        });
    }
}

/** Whether a target of `constraint` would be weaker than none of the clauses and requirements the indicator is held to: a fix that raises it so settles them all. */
function weakerThanNone(constraint: Constraint, indicator: Indicator): boolean {
    return referencesOf(indicator).every(({ entry }) => {
        const other = isClause(entry) || isRequirement(entry) ? constraintOf(entry.target) : undefined;
        const weaker = other && isWeaker(constraint, other);
        return !weaker?.ok || !weaker.result;
    });
}

export function targetBelowContract(indicator: Indicator, report: Report): void {
    const clauses = referencesOf(indicator).filter((h): h is HeldTo<Clause> => isClause(h.entry));
    reportWeaker('target/below-contract', indicator, clauses, report);
}

export function targetBelowStandard(indicator: Indicator, report: Report): void {
    const requirements = referencesOf(indicator).filter((h): h is HeldTo<Requirement> => isRequirement(h.entry));
    reportWeaker('target/below-standard', indicator, requirements, report);
}

/** Worse than a baseline: higher for `<=` targets, lower for `>=` and `=` ones. */
export function targetAboveBaseline(indicator: Indicator, report: Report): void {
    const target = constraintOf(indicator.target);
    if (!target) return;
    for (const { entry, link } of referencesOf(indicator)) {
        if (!isBaseline(entry)) continue;
        const baseline = referenceMeasure(entry);
        const scale = baseline && comparable(target.value, baseline);
        if (!baseline || !scale?.ok) continue;
        const worse = direction(target.op) === 'lower' ? scale.a > scale.b : scale.a < scale.b;
        if (!worse) continue;
        const share = ratio(target.value, baseline);
        const percent = share === undefined ? undefined : `${(share * 100).toFixed(2)}%`;
        const t = formatConstraint(target);
        const b = formatMeasure(baseline);
        const where = describeReference(entry);
        const note = link === undefined ? SAME_NAME : { zh: '', en: '' };
        report('target/above-baseline', {
            ...onTarget(indicator),
            message: {
                zh: `目标值 ${t} 劣于${where.zh}的 ${b}${percent ? `，为基准的 ${percent}` : ''}${note.zh}`,
                en: `Target ${t} is worse than ${b}, ${where.en}${percent ? `: ${percent} of the baseline` : ''}${note.en}`,
            },
            data: {
                reference: qualifiedName(entry),
                baseline: formatMeasure(baseline),
                ratio: share === undefined ? undefined : Number(share.toFixed(4)),
                suggested: sourceText({ op: target.op, value: baseline }),
            },
            related: [{ node: entry, message: where }],
        });
    }
}

/** A target and a reference that cannot be put on one scale: reported, never compared silently. */
export function targetUnitMismatch(indicator: Indicator, report: Report): void {
    const target = constraintOf(indicator.target);
    if (!target) return;
    for (const { entry, link } of referencesOf(indicator)) {
        const measure = referenceMeasure(entry);
        const scale = measure && comparable(target.value, measure);
        if (!measure || !scale || scale.ok) continue;
        const why = whyIncomparable(target.value, measure, scale.reason);
        const constraint: Constraint | undefined = isBaseline(entry) ? undefined : constraintOf(entry.target);
        const r = constraint ? formatConstraint(constraint) : formatMeasure(measure);
        const where = describeReference(entry);
        report('target/unit-mismatch', {
            ...(link === undefined ? onTarget(indicator) : { node: indicator, property: 'links' as const, index: link }),
            message: {
                zh: `目标值 ${formatConstraint(target)} 无法与${where.zh}的 ${r} 比较：${why.zh}`,
                en: `Target ${formatConstraint(target)} cannot be compared with ${r} in ${where.en}: ${why.en}`,
            },
            data: {
                reference: qualifiedName(entry),
                reason: scale.reason,
                targetUnit: target.value.kind === 'date' ? 'date' : target.value.unit?.trim() ?? '',
                referenceUnit: measure.kind === 'date' ? 'date' : measure.unit?.trim() ?? '',
            },
            related: [{ node: entry, message: where }],
        });
    }
}
