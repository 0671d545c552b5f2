import { isRatingActual, isTextActual, isUnmeasuredActual, type ClauseReview, type Compliance } from '../generated/ast.js';
import type { Bilingual } from '../i18n/locale.js';
import { describeReference } from '../model/held-to.js';
import { namedAs } from '../model/project.js';
import type { KpiCoreServices } from '../kpi-core-module.js';
import { whyIncomparable } from '../model/incomparable.js';
import { actualMeasure, constraintOf, wrongKindOfActual } from '../model/values.js';
import { ratingOf } from '../scoring/index.js';
import { comparable, formatConstraint, formatMeasure, meets } from '../units/index.js';
import { ownFile, reading } from './check-reads.js';
import type { KpiChecks, Report } from './report.js';

type VerdictId = 'met' | 'unmet' | 'unassessed';

const VERDICTS: Record<string, VerdictId> = {
    '达标': 'met', met: 'met', '未达标': 'unmet', unmet: 'unmet', '未考核': 'unassessed', unassessed: 'unassessed',
};

const VERDICT_LABEL: Record<VerdictId, { zh: string; en: string }> = {
    met: { zh: '达标', en: 'met' },
    unmet: { zh: '未达标', en: 'unmet' },
    unassessed: { zh: '未考核', en: 'unassessed' },
};

const verdictOf = (review: ClauseReview): VerdictId | undefined => review.verdict === undefined ? undefined : VERDICTS[review.verdict];

/** Whether the review's actual meets its clause: by value, or by an unambiguous rating; undefined when it cannot tell. */
function actualMeetsClause(review: ClauseReview): { met: boolean; actual: string; required?: string } | undefined {
    const actual = review.actual;
    if (isRatingActual(actual)) {
        const rating = ratingOf(actual.rating);
        return rating === 'achieved' || rating === 'missed' ? { met: rating === 'achieved', actual: actual.rating } : undefined;
    }
    const required = constraintOf(review.clause?.ref?.target);
    const measure = actualMeasure(actual, review.clause?.ref?.target);
    const verdict = measure && required && meets(measure, required);
    return verdict?.ok ? { met: verdict.result, actual: formatMeasure(measure!), required: formatConstraint(required!) } : undefined;
}

/** The `compliance/*` rules of RULES.md, one function each, named as the rule. */
export function complianceChecks(_services: KpiCoreServices): KpiChecks {

    function complianceVerdictContradicts(review: ClauseReview, report: Report): void {
        const verdict = verdictOf(review);
        if (verdict !== 'met' && verdict !== 'unmet') return;
        const outcome = actualMeetsClause(review);
        if (!outcome || outcome.met === (verdict === 'met')) return;
        const due: VerdictId = outcome.met ? 'met' : 'unmet';
        const clause = outcome.required ? { zh: `条款约定 ${outcome.required}`, en: `the clause's ${outcome.required}` } : { zh: '条款约定', en: 'the clause' };
        report('compliance/verdict-contradicts', {
            node: review, property: 'verdict',
            message: {
                zh: `实际 ${outcome.actual} ${outcome.met ? '达到' : '未达到'}${clause.zh}，结论却为「${VERDICT_LABEL[verdict].zh}」`,
                en: `Actual ${outcome.actual} ${outcome.met ? 'meets' : 'misses'} ${clause.en}, but the verdict is '${VERDICT_LABEL[verdict].en}'`,
            },
            data: { verdict: due },
        });
    }

    function complianceUnassessedMet(review: ClauseReview, report: Report): void {
        if (!review.unassessed || verdictOf(review) !== 'met') return;
        const name = review.clause?.$refText ?? '';
        report('compliance/unassessed-met', {
            node: review, property: 'verdict',
            message: { zh: `条款「${name}」未考核，结论却为「达标」`, en: `Clause '${name}' was not assessed, yet the verdict is 'met'` },
            data: { verdict: 'unassessed' },
        });
    }

    /**
     * A 达标 or 未达标 verdict with nothing to judge it by: `实际 未统计`, words where the clause
     * wants a value (`实际 "良好"` against `>= 95%`), or a value that cannot be put on the clause's
     * scale (`实际 20 秒` against `>= 95%`).
     */
    function complianceNoData(review: ClauseReview, report: Report): void {
        const verdict = verdictOf(review);
        if (verdict === undefined || verdict === 'unassessed') return;
        const label = VERDICT_LABEL[verdict];
        const lacking = (why: Bilingual, reason: 'unmeasured' | 'text' | 'incomparable') => report('compliance/no-data', {
            node: review, property: 'actual',
            message: {
                zh: `${why.zh}，结论「${label.zh}」没有数据支撑`,
                en: `${why.en}: the verdict '${label.en}' has no data behind it`,
            },
            data: { verdict, reason },
        });
        const actual = review.actual;
        if (isUnmeasuredActual(actual)) return lacking({ zh: '实际未统计', en: 'The actual was not measured' }, 'unmeasured');
        const target = review.clause?.ref?.target;
        const required = constraintOf(target);
        if (!required) return;
        const clause = formatConstraint(required);
        if (isTextActual(actual) && wrongKindOfActual(actual, target) === 'text') {
            return lacking({
                zh: `实际「${actual.text}」不是数值，无法与条款约定的 ${clause} 比较`,
                en: `The actual "${actual.text}" is not a value and cannot be compared with the clause's ${clause}`,
            }, 'text');
        }
        const measure = actualMeasure(actual, target);
        const scale = measure && comparable(measure, required.value);
        if (!measure || !scale || scale.ok) return;
        const why = whyIncomparable(measure, required.value, scale.reason);
        lacking({
            zh: `实际 ${formatMeasure(measure)} 无法与条款约定的 ${clause} 比较（${why.zh}）`,
            en: `The actual ${formatMeasure(measure)} cannot be compared with the clause's ${clause} (${why.en})`,
        }, 'incomparable');
    }

    function complianceUnmetNoPenalty(review: ClauseReview, report: Report): void {
        const clause = review.clause?.ref;
        if (!clause || verdictOf(review) !== 'unmet' || clause.penalty?.trim()) return;
        report('compliance/unmet-no-penalty', {
            node: review, property: 'verdict',
            message: {
                zh: `条款「${clause.name}」未达标，但合同未约定违约责任`,
                en: `Clause '${clause.name}' is unmet, but the contract sets no penalty for it`,
            },
            data: { clause: clause.name },
            related: [{ node: clause, message: describeReference(clause) }],
        });
    }

    /** One diagnostic per contract clause with no line in the review, on the review's name. */
    function complianceClauseNotReviewed(compliance: Compliance, report: Report): void {
        const contract = compliance.contract?.ref;
        if (!contract) return;
        const reviewed = new Set(compliance.reviews.map(r => r.clause?.ref));
        for (const clause of contract.clauses) {
            if (reviewed.has(clause)) continue;
            const named = namedAs(clause);
            report('compliance/clause-not-reviewed', {
                node: compliance, property: 'name',
                message: { zh: `合同条款${named.zh}未考核`, en: `Clause ${named.en} is not reviewed` },
                data: { clause: clause.name },
                related: [{ node: clause, message: describeReference(clause) }],
            });
        }
    }

    return {
        // The contract's clauses; one rule reads only the review line.
        ClauseReview: [...reading(['Contract'], complianceVerdictContradicts, complianceUnmetNoPenalty, complianceNoData), ...ownFile(complianceUnassessedMet)],
        Compliance: reading(['Contract'], complianceClauseNotReviewed),
    };
}
