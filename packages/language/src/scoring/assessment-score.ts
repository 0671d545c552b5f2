import {
    isExecution, isGradeStatement, isIndicatorAssessment, isNotApplicableActual, isQualitative, isRatingActual,
    isTextActual, isTotal, isUnmeasuredActual, type Actual, type Assessment, type Execution, type Indicator, type IndicatorAssessment,
} from '../generated/ast.js';
import type { Bilingual } from '../i18n/locale.js';
import { familyOf, type Level1Family } from '../model/categories.js';
import { executionBasis } from '../model/funds.js';
import { level1Of } from '../model/project.js';
import { actualMeasure, constraintOf, doubtfulActual, wrongKindOfActual } from '../model/values.js';
import { formatConstraint, formatMeasure } from '../units/index.js';
import {
    after, doubtfulOutcome, executionOutcome, explanationOf, gradeOf, quantitativeOutcome, ratingNotValue, ratingOutcome, ruleScoreOf,
    unusableOutcome, valueNotRatingOutcome, weigh, type Outcome,
} from './formulas.js';
import { gradeIdOf, RATING_KEYWORD, ratingOf, type GradeId, type RatingId } from './keywords.js';
import type { ScoringProfile } from './profile.js';
import { round } from './round.js';

export interface RowScore {
    node: IndicatorAssessment;
    indicator?: Indicator;
    /** Level-1 family of the indicator as filed in the project. */
    family?: Level1Family;
    /** The target as written in messages, e.g. '≥95%'; the text of a qualitative target. */
    target?: string;
    actual?: string;
    /** A rated actual (达成 / achieved, or as printed: 达成预期指标), however it was typed; see actualWords. */
    rating?: RatingId;
    weight?: number;
    claimed?: number;
    ruleScore?: number;
    /** claimed − rule; for a qualitative rating, how far the claim lies outside its band (0 inside). */
    difference?: number;
    met?: boolean;
    /** actual ÷ target, e.g. 0.9388. */
    achievement?: number;
    /** Points accepted for a qualitative rating: [low, high]. */
    band?: [number, number];
    /** Set when actual and target cannot be compared. */
    mismatch?: Outcome['mismatch'];
    /** What is wrong with the actual when that is why the row is not scored, in the words of its finding. */
    fault?: Bilingual;
    /** What a bare actual likely means when its reading is doubtful (`96%`, `12500 人`). */
    meant?: string;
    /** `实际 不适用`: no actual is due; the row is not scored and keeps its claimed score. */
    notApplicable?: boolean;
    explanation: Bilingual;
}

export interface ExecutionScore {
    node: Execution;
    weight?: number;
    claimed?: number;
    ruleScore?: number;
    /** spent ÷ budgeted, uncapped, e.g. 1.05. */
    rate?: number;
    explanation: Bilingual;
}

export interface Level1Score {
    family: Level1Family | 'execution';
    weight: number;
    claimed: number;
    ruleScore: number;
}

export interface AssessmentScore {
    /** False for a form without scores (no line has a 分值): nothing is scored or graded. */
    scored: boolean;
    rows: RowScore[];
    execution?: ExecutionScore;
    /** Weight and score sums per level-1 family as the profile groups them (see `countsAs`). */
    level1: Level1Score[];
    total: { weight: number; claimed?: number; ruleScore: number; declaredWeight?: number; declaredScore?: number };
    /** `claimed`: the written 等级; `computed`: the band of the rule total; `ofClaimed`: the band of the claimed total. */
    grade: { claimed?: GradeId; computed: GradeId; ofClaimed?: GradeId };
}

const LEVEL1: ReadonlySet<string> = new Set<Level1Family>(['output', 'benefit', 'satisfaction', 'cost', 'decision', 'process']);
const ORDER: Array<Level1Score['family']> = ['execution', 'decision', 'process', 'cost', 'output', 'benefit', 'satisfaction'];

/** The level-1 family an indicator is filed under, if its level-1 keyword is one. */
export function level1FamilyOf(indicator: Indicator): Level1Family | undefined {
    const family = familyOf(level1Of(indicator)?.category);
    return family && LEVEL1.has(family) ? family as Level1Family : undefined;
}

/**
 * Scores an assessment by a profile: each row's rule score, the execution score, level-1 sums,
 * the total and grade, each with a short explanation. Rows the rule cannot score (no actual,
 * no weight, text actual, units that do not compare, 不适用) count in totals with their claimed
 * score; a 分值 without 得分 counts 0 in the claimed total (score/missing).
 */
export function scoreAssessment(assessment: Assessment, profile: ScoringProfile): AssessmentScore {
    const items = assessment.items ?? [];
    const rows = items.filter(isIndicatorAssessment).map(row => scoreRow(row, profile));
    const executionNode = items.find(isExecution);
    const execution = executionNode && scoreExecution(executionNode);
    const totalNode = items.find(isTotal);

    const level1 = new Map<Level1Score['family'], Level1Score>();
    const add = (family: Level1Score['family'] | undefined, line: { weight?: number; claimed?: number; ruleScore?: number }) => {
        if (!family) return;
        const sum = level1.get(family) ?? { family, weight: 0, claimed: 0, ruleScore: 0 };
        sum.weight = round(sum.weight + (line.weight ?? 0));
        sum.claimed = round(sum.claimed + (line.claimed ?? 0));
        sum.ruleScore = round(sum.ruleScore + (line.ruleScore ?? line.claimed ?? 0));
        level1.set(family, sum);
    };
    if (execution) add('execution', execution);
    for (const row of rows) add(row.family && (profile.countsAs?.[row.family] ?? row.family), row);

    const lines = [...(execution ? [execution] : []), ...rows];
    const sum = (f: (l: (typeof lines)[number]) => number | undefined) => round(lines.reduce((s, l) => s + (f(l) ?? 0), 0));
    const anyClaimed = lines.some(l => l.claimed !== undefined);
    const total = {
        weight: sum(l => l.weight),
        claimed: anyClaimed ? sum(l => l.claimed) : undefined,
        ruleScore: sum(l => l.ruleScore ?? l.claimed),
        declaredWeight: totalNode?.weight,
        declaredScore: totalNode?.score,
    };
    const claimedTotal = total.declaredScore ?? total.claimed;
    return {
        scored: lines.some(l => l.weight !== undefined) || total.declaredWeight !== undefined,
        rows,
        execution,
        level1: ORDER.flatMap(f => level1.get(f) ?? []),
        total,
        grade: {
            claimed: gradeIdOf(items.find(isGradeStatement)?.grade),
            computed: gradeOf(total.ruleScore, profile),
            ofClaimed: claimedTotal === undefined ? undefined : gradeOf(claimedTotal, profile),
        },
    };
}

export function scoreRow(node: IndicatorAssessment, profile: ScoringProfile): RowScore {
    return new ScoredRow(node, profile);
}

const UNRESOLVED: Bilingual = { zh: '指标引用无法解析，无法计分', en: 'The indicator does not resolve; no score' };

/**
 * A row's score. Its texts (target, actual, explanation) are written each time they are read,
 * and kept nowhere: lint scores every row of every assessment and a few findings read them,
 * once or twice each.
 */
class ScoredRow implements RowScore {
    readonly indicator: Indicator | undefined;
    readonly weight: number | undefined;
    readonly claimed: number | undefined;
    readonly family: Level1Family | undefined;
    readonly ruleScore: number | undefined;
    readonly difference: number | undefined;
    readonly met: boolean | undefined;
    readonly achievement: number | undefined;
    readonly band: [number, number] | undefined;
    readonly mismatch: Outcome['mismatch'];
    readonly meant: string | undefined;
    readonly notApplicable: true | undefined;
    readonly rating: RatingId | undefined;
    readonly #outcome: Outcome | undefined;

    constructor(readonly node: IndicatorAssessment, profile: ScoringProfile) {
        const indicator = this.indicator = node.indicator?.ref;
        const weight = this.weight = node.weight;
        this.claimed = node.score;
        const outcome = this.#outcome = indicator && outcomeOf(node.actual, indicator, profile);
        this.family = indicator && level1FamilyOf(indicator);
        this.ruleScore = outcome && ruleScoreOf(outcome, weight);
        this.band = outcome?.band && weight !== undefined ? outcome.band.map(s => round(weight * s)) as [number, number] : undefined;
        this.difference = outcome && differenceOf(node.score, this.ruleScore, this.band);
        this.met = outcome?.met;
        this.achievement = outcome?.achievement;
        this.mismatch = outcome?.mismatch;
        this.meant = outcome?.meant && formatMeasure(outcome.meant);
        this.notApplicable = indicator && isNotApplicableActual(node.actual) ? true : undefined;
        this.rating = isRatingActual(node.actual) ? ratingOf(node.actual.rating) : undefined;
    }

    get target(): string | undefined {
        const target = this.indicator?.target;
        const constraint = constraintOf(target);
        return constraint ? formatConstraint(constraint) : isQualitative(target) ? target.text : undefined;
    }

    get actual(): string | undefined {
        if (!this.indicator) return undefined;
        const measure = actualMeasure(this.node.actual, this.indicator.target);
        return measure ? formatMeasure(measure) : actualText(this.node.actual);
    }

    get fault(): Bilingual | undefined {
        return this.#outcome?.fault?.();
    }

    get explanation(): Bilingual {
        return this.#outcome ? explanationOf(this.#outcome, this.weight) : UNRESOLVED;
    }
}

/**
 * The actual as a message or a score sheet writes it: a rating by each language's keyword, as the
 * reason names it (an English file's `achieved` is 达成 in Chinese), anything else as read.
 */
export function actualWords(row: Pick<RowScore, 'actual' | 'rating'>): Bilingual {
    return row.rating ? RATING_KEYWORD[row.rating] : { zh: row.actual ?? '', en: row.actual ?? '' };
}

function outcomeOf(actual: Actual | undefined, indicator: Indicator, profile: ScoringProfile): Outcome {
    const target = indicator.target;
    // A rating scores a qualitative row; where the target wants a value, it is not one.
    const wrongKind = wrongKindOfActual(actual, target);
    const rating = isRatingActual(actual) && wrongKind === undefined ? ratingOf(actual.rating) : undefined;
    if (rating) return ratingOutcome(rating, profile);
    if (isNotApplicableActual(actual)) {
        return { reason: () => ({ zh: '实际不适用，无需实际值，不计分，保留自评得分', en: 'Not applicable: no actual is due; not scored, the claimed score is kept' }) };
    }
    if (!actual) return { reason: () => ({ zh: '未填写实际值，无法计分', en: 'No actual; no score' }) };
    const constraint = constraintOf(target);
    if (isRatingActual(actual) && constraint) return unusableOutcome(() => ratingNotValue(actual.rating, constraint));
    if (isQualitative(target)) {
        const measure = wrongKind === 'value' ? actualMeasure(actual, target) : undefined;
        if (measure) return valueNotRatingOutcome(measure, target.text);
        return isTextActual(actual)
            ? { reason: () => ({ zh: '定性指标以文字说明实际情况，未评级（达成/部分达成/未达成），无法按区间计分', en: 'A qualitative row described in words but not rated (achieved/partly/missed); no band to score by' }) }
            : { reason: () => ({ zh: '定性指标应评为 达成/部分达成/未达成', en: 'A qualitative row is rated achieved, partly or missed' }) };
    }
    const doubtful = doubtfulActual(actual, target);
    if (doubtful) return doubtfulOutcome(doubtful);
    const measure = actualMeasure(actual, target);
    if (measure && constraint) return quantitativeOutcome(measure, constraint, profile);
    if (isTextActual(actual)) return { reason: () => ({ zh: `实际值「${actual.text}」不是数值，无法计分`, en: `The actual "${actual.text}" is not a value; no score` }) };
    if (isUnmeasuredActual(actual)) return { reason: () => ({ zh: '实际值未统计，无法计分', en: 'The actual was not measured; no score' }) };
    return { reason: () => ({ zh: '实际值或目标值无法读取，无法计分', en: 'The actual or the target cannot be read; no score' }) };
}

function actualText(actual: Actual | undefined): string | undefined {
    if (isTextActual(actual)) return actual.text;
    if (isRatingActual(actual)) return actual.rating;
    return undefined;
}

function differenceOf(claimed: number | undefined, ruleScore: number | undefined, band: [number, number] | undefined): number | undefined {
    if (claimed === undefined || ruleScore === undefined) return undefined;
    if (!band) return round(claimed - ruleScore);
    return claimed < band[0] ? round(claimed - band[0]) : claimed > band[1] ? round(claimed - band[1]) : 0;
}

/** Scored on the row `executionBasis` names: the total row, or the 其中 rows when the total row was printed empty. */
export function scoreExecution(node: Execution): ExecutionScore {
    const base = { node, weight: node.weight, claimed: node.score };
    const { spent, budgeted, fromSources } = executionBasis(node);
    if (!spent || !budgeted) {
        return { ...base, explanation: { zh: '全年预算或全年执行缺失，无法计分', en: 'Budgeted or spent is missing; no score' } };
    }
    const outcome = executionOutcome(spent, budgeted);
    const { reason } = outcome;
    const onSources = fromSources
        ? { ...outcome, reason: () => after(reason(), { zh: '，按其中各行合计（合计行为 0）', en: ', on the sums of the of-which rows (the total row is 0)' }) }
        : outcome;
    return { ...base, rate: outcome.rate, ...weigh(onSources, node.weight) };
}
