import {
    isAssessment, isBaseline, isBreakdownActual, isClause, isGoalAssessment, isIndicatorAssessment, isMeasuredActual,
    isMilestoneAssessment, isRequirement, isRatingActual, isTextActual, isUnmeasuredActual,
    type Assessment, type BreakdownActual, type Clause, type IndicatorAssessment, type ProblemStatement, type Requirement,
} from '../generated/ast.js';
import type { Bilingual } from '../i18n/locale.js';
import type { KpiCoreServices } from '../kpi-core-module.js';
import { familiesOf, goalsOf, indicatorsOf, namedAs, titleOf } from '../model/project.js';
import { componentSpending } from '../model/funds.js';
import { writtenAt } from '../parser/repeated-clauses.js';
import { actualMeasure, comparisonOp, constraintOf, hasComparator, measureOf, wrongKindOfActual } from '../model/values.js';
import { actualWords, percent, ratingNotValue, ratingOf, round } from '../scoring/index.js';
import { assessmentMetricMismatch, assessmentPlaceholderText } from './assessment/text-rules.js';
import { lateness, overdueness } from './milestone-checks.js';
import { direction, formatConstraint, formatMeasure, meets, ratio, type Measure } from '../units/index.js';
import { mayBeUnread } from './broken-text.js';
import { LINKS_ELSEWHERE, ownFile, reading } from './check-reads.js';
import type { KpiChecks, Report } from './report.js';
import { describeElement, describeReference, referenceMeasure, referencesOf, type HeldTo } from '../model/held-to.js';

/** The actual of a row as a value; a comparison (`实际 >= 266 米`) still says which value. */
function rowActual(node: IndicatorAssessment): Measure | undefined {
    return actualMeasure(node.actual, node.indicator?.ref?.target);
}

const indicatorName = (node: IndicatorAssessment) => node.indicator?.$refText ?? '';

// A 问题 text with no 涉及 that says there is none means the same as `问题 无`: a clause ending in
// (暂)无/没有/未发现/不存在 (明显…) 问题, or a text that is only 无, 暂无… once punctuation is dropped.
// "问题" must end the clause: "没有问题整改台账" states a problem.
const NO_PROBLEM_WORDS = /(无|没有|未发现|不存在)(明显|重大|突出|其他|其它)?的?问题(?=$|[\p{P}])/u;
const ONLY_NONE = /^(暂)?(无|没有|未发现|不存在)$|^(none|noproblems?)$/;

function deniesProblems(node: ProblemStatement): boolean {
    if (node.none) return true;
    if (node.text === undefined || node.concerns.length > 0) return false;
    const text = node.text.normalize('NFKC').toLowerCase().replace(/\s/g, '');
    return NO_PROBLEM_WORDS.test(text) || ONLY_NONE.test(text.replace(/\p{P}/gu, ''));
}

/** A breakdown component that spent less than `reasonBelow` of its plan (rates compared at 0.01 pp). */
function componentShortfall(node: BreakdownActual, reasonBelow: number): Bilingual | undefined {
    const spending = componentSpending(node);
    if (!spending || round(spending.share, 4) >= round(reasonBelow, 4)) return undefined;
    const { actual, plan, share } = spending;
    const name = titleOf(node.component!.ref!);
    const [s, p] = [formatMeasure(actual), formatMeasure(plan)];
    return {
        zh: `测算「${name}」实际 ${s}，为计划 ${p} 的 ${percent(share)}`,
        en: `breakdown '${name}' spent ${s}, ${percent(share)} of the planned ${p}`,
    };
}

/** The `assessment/*` rules of RULES.md, one function each, named as the rule. */
export function assessmentChecks(services: KpiCoreServices): KpiChecks {
    const scores = services.kpi.Scores;

    /**
     * The references of kind `kind` that a row's actual misses although its own target is met:
     * when the target is missed, the score rules and missing-deviation already speak.
     */
    function missedReferences<R extends Clause | Requirement>(node: IndicatorAssessment, kind: (e: unknown) => e is R) {
        const indicator = node.indicator?.ref;
        // Most rows are held to nothing of this kind: they are passed over before their actual and score are worked out.
        const entries = indicator ? referencesOf(indicator).filter((held): held is HeldTo<R> => kind(held.entry)) : [];
        if (entries.length === 0) return [];
        const actual = rowActual(node);
        if (!actual || scores.row(node)?.row.met !== true) return [];
        return entries.flatMap(({ entry }) => {
            const required = constraintOf(entry.target);
            const verdict = required && meets(actual, required);
            return required && verdict?.ok && !verdict.result
                ? [{ entry, actual: formatMeasure(actual), required: formatConstraint(required) }]
                : [];
        });
    }

    function assessmentBelowContract(node: IndicatorAssessment, report: Report): void {
        for (const { entry, actual, required } of missedReferences(node, isClause)) {
            const where = describeReference(entry);
            report('assessment/below-contract', {
                node, property: 'actual',
                message: {
                    zh: `实际 ${actual} 虽达到目标，但未达到${where.zh}约定的 ${required}`,
                    en: `Actual ${actual} meets the target but misses ${required} in ${where.en}`,
                },
                data: { contract: entry.$container?.name, clause: entry.name, required },
                related: [{ node: entry, message: where }],
            });
        }
    }

    /** Linked requirements, and same-named ones of the standards the project applies. */
    function assessmentBelowStandard(node: IndicatorAssessment, report: Report): void {
        for (const { entry, actual, required } of missedReferences(node, isRequirement)) {
            const where = describeReference(entry);
            report('assessment/below-standard', {
                node, property: 'actual',
                message: {
                    zh: `实际 ${actual} 虽达到目标，但未达到${where.zh}的 ${required}`,
                    en: `Actual ${actual} meets the target but misses ${required} set by ${where.en}`,
                },
                data: { standard: entry.$container?.name, requirement: entry.name, required },
                related: [{ node: entry, message: where }],
            });
        }
    }

    /** Worse is higher for a `<=` indicator and lower for any other, whether or not the target is met. */
    function assessmentAboveBaseline(node: IndicatorAssessment, report: Report): void {
        const indicator = node.indicator?.ref;
        const baselines = indicator ? referencesOf(indicator).filter(held => isBaseline(held.entry)) : [];
        if (baselines.length === 0) return;
        const actual = rowActual(node);
        const target = constraintOf(indicator?.target);
        // A bare number its target's unit reads implausibly is not compared with anything (doubtfulActual).
        if (!actual || !target || scores.row(node)?.row.mismatch) return;
        const lower = direction(target.op) === 'lower';
        for (const { entry } of baselines) {
            const reference = referenceMeasure(entry);
            const share = reference && ratio(actual, reference);
            if (!reference || share === undefined || (lower ? share <= 1 : share >= 1)) continue;
            const where = describeReference(entry);
            const a = formatMeasure(actual);
            const b = formatMeasure(reference);
            report('assessment/above-baseline', {
                node, property: 'actual',
                message: {
                    zh: `实际 ${a} 劣于${where.zh}${b}，为基准的 ${percent(share)}`,
                    en: `Actual ${a} is worse than ${where.en} (${b}): ${percent(share)} of it`,
                },
                data: { standard: entry.$container?.name, baseline: entry.name, ratio: share },
                related: [{ node: entry, message: where }],
            });
        }
    }

    /**
     * One diagnostic per project goal with no 总体目标 line, on the assessment's name; not for one
     * whose line may be text of the assessment the parser could not read (mayBeUnread).
     */
    function assessmentGoalNotCovered(assessment: Assessment, report: Report): void {
        const project = assessment.project?.ref;
        if (!project) return;
        const covered = new Set(assessment.items.filter(isGoalAssessment).map(g => g.goal?.ref));
        for (const goal of goalsOf(project)) {
            if (covered.has(goal) || mayBeUnread(assessment, [goal.name])) continue;
            report('assessment/goal-not-covered', {
                node: assessment, property: 'name',
                message: {
                    zh: `总体目标「${goal.name}」（${goal.text}）未在自评中评价`,
                    en: `Goal '${goal.name}' ("${goal.text}") is not assessed`,
                },
                data: { goal: goal.name, text: goal.text },
                related: [{ node: goal, message: describeElement(goal) }],
            });
        }
    }

    /**
     * One diagnostic per project indicator with no 指标 line, on the assessment's name; not for one
     * whose line may be text of the assessment the parser could not read (mayBeUnread).
     */
    function assessmentIndicatorNotAssessed(assessment: Assessment, report: Report): void {
        const project = assessment.project?.ref;
        if (!project) return;
        const assessed = new Set(assessment.items.filter(isIndicatorAssessment).map(i => i.indicator?.ref));
        for (const indicator of indicatorsOf(project)) {
            if (assessed.has(indicator) || mayBeUnread(assessment, [indicator.name, indicator.title])) continue;
            const named = namedAs(indicator);
            report('assessment/indicator-not-assessed', {
                node: assessment, property: 'name',
                message: { zh: `指标${named.zh}没有自评行`, en: `Indicator ${named.en} has no assessment line` },
                // The family, for a workbook to point at the 自评表's rows of it (excel/workbook-diagnostics.ts).
                data: { indicator: indicator.name, family: familiesOf(indicator).level1 },
                related: [{ node: indicator, message: { zh: `指标${named.zh}`, en: `indicator ${named.en}` } }],
            });
        }
    }

    /**
     * `实际 未统计`, no actual at all, or words or a rating where the target wants a value (the
     * kind the score engine does not score either: wrongKindOfActual).
     */
    function assessmentNoActual(node: IndicatorAssessment, report: Report): void {
        const actual = node.actual;
        const target = node.indicator?.ref?.target;
        const wrongKind = wrongKindOfActual(actual, target);
        const constraint = constraintOf(target);
        if (!actual) {
            report('assessment/no-actual', { node, message: { zh: '未填写实际完成值', en: 'No actual value' }, data: { reason: 'missing' } });
        } else if (isUnmeasuredActual(actual)) {
            report('assessment/no-actual', { node, property: 'actual', message: { zh: '实际完成值未统计', en: 'The actual was not measured' }, data: { reason: 'unmeasured' } });
        } else if (isTextActual(actual) && wrongKind === 'text') {
            report('assessment/no-actual', {
                node, property: 'actual',
                message: { zh: `实际值「${actual.text}」不是数值，目标为定量指标`, en: `The actual "${actual.text}" is not a value, but the target is quantitative` },
                data: { reason: 'text' },
            });
        } else if (isRatingActual(actual) && wrongKind === 'rating' && constraint) {
            report('assessment/no-actual', { node, property: 'actual', message: ratingNotValue(actual.rating, constraint), data: { reason: 'rating' } });
        }
    }

    function assessmentActualNotValue(node: IndicatorAssessment, report: Report): void {
        const actual = node.actual;
        if (!isMeasuredActual(actual) || !hasComparator(actual)) return;
        const measure = actual.value && measureOf(actual.value);
        if (!measure) return;
        const written = { op: comparisonOp(actual), value: measure };
        const value = formatMeasure(written.value);
        report('assessment/actual-not-value', {
            node: actual,
            message: {
                zh: `实际值写成了比较式「${formatConstraint(written)}」，应填写实际完成的数值（如 ${value}）`,
                en: `The actual is written as a comparison '${formatConstraint(written)}'; write the value achieved (e.g. ${value})`,
            },
            data: { value },
        });
    }

    /**
     * Due when the target is missed, or the actual reaches the profile's share of it (130 %).
     * A qualitative row rated 部分达成 is scored within its band, not missed: county frameworks
     * rate process rows so and explain them under 问题 and 改进, not per row.
     */
    function assessmentMissingDeviation(node: IndicatorAssessment, report: Report): void {
        const scored = scores.row(node);
        if (!scored || node.deviation?.trim()) return;
        if (isRatingActual(node.actual) && ratingOf(node.actual.rating) === 'partly') return;
        const { row, profile } = scored;
        const above = row.met === true && row.achievement !== undefined && row.achievement >= profile.deviationAbove;
        if (row.met !== false && !above) return;
        const message = above
            ? {
                zh: `实际 ${row.actual} 达到目标 ${row.target} 的 ${percent(row.achievement!)}（≥${percent(profile.deviationAbove)}），须填写偏差原因`,
                en: `Actual ${row.actual} is ${percent(row.achievement!)} of the target ${row.target} (≥${percent(profile.deviationAbove)}); give a deviation reason`,
            }
            : {
                zh: `实际 ${row.actual} 未达到目标 ${row.target}，须填写偏差原因`,
                en: `Actual ${row.actual} misses the target ${row.target}; give a deviation reason`,
            };
        report('assessment/missing-deviation', { node, message, data: { reason: above ? 'above' : 'missed' } });
    }

    /**
     * What the score engine found it cannot compare: units of other dimensions or bases, a date
     * against a number, a value where a qualitative target wants a rating, a bare number its target's
     * unit reads implausibly. In the engine's words, which `kpispec score` gives as the reason.
     */
    function assessmentUnitMismatch(node: IndicatorAssessment, report: Report): void {
        const row = scores.row(node)?.row;
        const fault = row?.mismatch && row.fault;
        if (!row || !fault || !node.actual) return;
        report('assessment/unit-mismatch', {
            node, property: 'actual', message: fault,
            // A bare number's likely meaning is the fix's value (writeActualValue).
            data: { actual: row.actual, target: row.target, reason: row.mismatch, ...(row.meant ? { value: row.meant } : {}) },
        });
    }

    /**
     * What an assessment shows it fell short of: execution and breakdown components below the
     * profile's reasonBelow, missed targets, late or overdue milestones, and linked clauses or
     * requirements a met row still misses.
     */
    function shortfallsOf(assessment: Assessment): Bilingual[] {
        const { score, profile } = scores.of(assessment);
        const found: Bilingual[] = [];
        const rate = score.execution?.rate;
        if (rate !== undefined && round(rate, 4) < profile.reasonBelow) {
            found.push({ zh: `预算执行率 ${percent(rate)}，低于 ${percent(profile.reasonBelow)}`, en: `budget execution ${percent(rate)}, below ${percent(profile.reasonBelow)}` });
        }
        for (const item of assessment.items) {
            if (isIndicatorAssessment(item)) {
                const row = scores.row(item)?.row;
                const name = indicatorName(item);
                if (row?.met === false) {
                    const actual = actualWords(row);
                    found.push({ zh: `指标「${name}」实际 ${actual.zh} 未达到目标 ${row.target}`, en: `'${name}': actual ${actual.en} misses the target ${row.target}` });
                }
                for (const { entry, actual, required } of [...missedReferences(item, isClause), ...missedReferences(item, isRequirement)]) {
                    const where = describeReference(entry);
                    found.push({ zh: `指标「${name}」实际 ${actual} 未达到${where.zh}的 ${required}`, en: `'${name}': actual ${actual} misses ${required} of ${where.en}` });
                }
            } else if (isMilestoneAssessment(item)) {
                const name = item.milestone?.$refText ?? '';
                const late = lateness(item);
                const overdue = overdueness(item);
                if (late) found.push({ zh: `里程碑「${name}」滞后 ${late.days} 天完成`, en: `milestone '${name}' done ${late.days} days late` });
                if (overdue) found.push({ zh: `里程碑「${name}」逾期 ${overdue.days} 天未完成`, en: `milestone '${name}' ${overdue.days} days overdue` });
            } else if (isBreakdownActual(item)) {
                const shortfall = componentShortfall(item, profile.reasonBelow);
                if (shortfall) found.push(shortfall);
            }
        }
        return found;
    }

    /** 问题 无 (or a 问题 text that only says there is none) while the assessment shows shortfalls. */
    function assessmentDeniesProblems(node: ProblemStatement, report: Report): void {
        const assessment = node.$container;
        if (!deniesProblems(node) || !isAssessment(assessment)) return;
        const shortfalls = shortfallsOf(assessment);
        if (shortfalls.length === 0) return;
        report('assessment/denies-problems', {
            node, range: node.none ? writtenAt(node, 'none')?.range : undefined,
            message: {
                zh: `自评称没有问题，但存在未完成事项：${shortfalls.map(s => s.zh).join('；')}`,
                en: `The assessment states no problem, yet it shows shortfalls: ${shortfalls.map(s => s.en).join('; ')}`,
            },
            data: { shortfalls: shortfalls.map(s => s.zh) },
        });
    }

    return {
        IndicatorAssessment: [
            // The row's indicator, and what it is held to.
            ...reading(['Project', 'Contract', 'Standard', LINKS_ELSEWHERE], assessmentBelowContract, assessmentBelowStandard, assessmentAboveBaseline),
            // The row's indicator and its score.
            ...reading(['Project'], assessmentNoActual, assessmentMissingDeviation, assessmentUnitMismatch, assessmentMetricMismatch),
            ...ownFile(assessmentActualNotValue),
        ],
        Assessment: [...reading(['Project'], assessmentGoalNotCovered, assessmentIndicatorNotAssessed), ...ownFile(assessmentPlaceholderText)],
        // Every shortfall, the references the rows miss included.
        ProblemStatement: reading(['Project', 'Contract', 'Standard', LINKS_ELSEWHERE], assessmentDeniesProblems),
    };
}
