// The scoring rules as pure functions of values: how a row or the budget execution fares,
// and what that is worth. No AST here, so every formula can be tested from a table.
import { lazily, type Bilingual } from '../i18n/locale.js';
import { comparable, direction, formatConstraint, formatMeasure, meets, ratio, type Constraint, type DoubtfulReading, type Measure } from '../units/index.js';
import { RATING_KEYWORD, type GradeId, type RatingId } from './keywords.js';
import type { ScoringProfile } from './profile.js';
import { percent, round } from './round.js';

/** How a row fares against its target, before its weight is applied. */
export interface Outcome {
    met?: boolean;
    /** Share of the weight the rule gives (0–1); undefined when the rule cannot say. */
    share?: number;
    /** Shares of the weight accepted for a qualitative rating: [low, high]. */
    band?: [number, number];
    /** actual ÷ target on one scale, 4 decimals. */
    achievement?: number;
    /**
     * Why actual and target cannot be compared: different dimensions or units, different kinds (a
     * date against a number, a value against a qualitative target), or a bare number the target's
     * unit reads implausibly ('bare', see doubtfulOutcome).
     */
    mismatch?: 'dimension' | 'unit' | 'kind' | 'bare';
    /** What is wrong with the actual when that is why the row is not scored, in the words of its finding. */
    fault?: () => Bilingual;
    /** What a bare actual likely means when its reading is doubtful (96%, 12500 人): the finding's fix. */
    meant?: Measure;
    /**
     * How it fares, in words, written when asked: lint scores every row of every assessment and
     * reads few explanations, and lazily written words cost a property definition each.
     */
    reason: () => Bilingual;
}

const clamp = (x: number) => Math.min(1, Math.max(0, x));

const NO_SCORE: Bilingual = { zh: '，无法计分', en: '; no score' };

/** A row whose actual cannot be scored, for a fault the actual's finding names: its reason is the fault's words. */
export function unusableOutcome(fault: () => Bilingual, mismatch?: Outcome['mismatch']): Outcome {
    return { ...(mismatch ? { mismatch } : {}), fault, reason: () => after(fault(), NO_SCORE) };
}

/**
 * A bare number its target's unit reads implausibly (units' doubtfulReading): not scored, as
 * neither reading can be taken for the officer's; the finding asks for the unit.
 */
export function doubtfulOutcome({ kind, read, meant, share }: DoubtfulReading): Outcome {
    const [n, r, m] = [formatMeasure({ kind: 'number', value: read.value }), formatMeasure(read), formatMeasure(meant)];
    return { meant, ...unusableOutcome(() => kind === 'fraction'
        ? { zh: `实际 ${n} 没有写单位：按 ${r} 读；若指 ${m}，请写作 ${m}`, en: `Actual ${n} has no unit: read as ${r}; if ${m} is meant, write ${m}` }
        : {
            zh: `实际 ${n} 没有写单位：按目标的单位读作 ${r}，是目标的 ${percent(share)}；若指 ${m}，请写明单位`,
            en: `Actual ${n} has no unit: in the target's unit it reads ${r}, ${percent(share)} of the target; if ${m} is meant, write its unit`,
        }, 'bare') };
}

/**
 * A quantitative actual against its target. Met: full weight. Missed `>=`/`>`/`=`: actual ÷
 * target. Missed `<=`/`<`: the profile's reverse formula. Not met with a target of 0 or below:
 * 0, since no proportion means anything there. Dates: met on or before a `<=`/`=` date
 * (after a `>=` one); a missed date scores 0, as a schedule is kept or it is not.
 */
export function quantitativeOutcome(actual: Measure, target: Constraint, profile: ScoringProfile): Outcome {
    // The reason names actual and target as messages write them.
    const reason = (words: (a: string, t: string) => Bilingual) => () => words(formatMeasure(actual), formatConstraint(target));
    const c = comparable(actual, target.value);
    if (!c.ok) {
        return unusableOutcome(reason((a, t) => ({ zh: `实际 ${a} 与目标 ${t} 的单位无法比较`, en: `Actual ${a} cannot be compared with the target ${t}` })), c.reason);
    }
    const r = ratio(actual, target.value);
    const achievement = r === undefined ? undefined : round(r, 4);
    const verdict = meets(actual, target);
    if (verdict.ok && verdict.result) {
        return { met: true, share: 1, achievement, reason: reason((a, t) => ({ zh: `实际 ${a} 达到目标 ${t}`, en: `Actual ${a} meets the target ${t}` })) };
    }
    const missed = { met: false, achievement };
    if (actual.kind === 'date') {
        return { ...missed, share: 0, reason: reason((a, t) => ({ zh: `实际 ${a} 未达到时间目标 ${t}，逾期计 0 分`, en: `Actual ${a} misses the date target ${t}; a missed date scores 0` })) };
    }
    if (c.b <= 0) {
        return { ...missed, share: 0, reason: reason((a, t) => ({ zh: `实际 ${a} 未达到目标 ${t}；目标值不为正数，无法按比例计分`, en: `Actual ${a} misses the target ${t}; a target of 0 or below has no proportion` })) };
    }
    if (direction(target.op) === 'higher') {
        const share = clamp(c.a / c.b);
        return { ...missed, share, reason: reason((a, t) => ({ zh: `实际 ${a} 未达到目标 ${t}，按完成比例 ${percent(share)} 计分`, en: `Actual ${a} misses the target ${t}; scored at its achievement ${percent(share)}` })) };
    }
    if (profile.reverse === 'linear') {
        const excess = (c.a - c.b) / c.b;
        const share = clamp(1 - excess);
        return {
            ...missed, share,
            reason: reason((a, t) => ({ zh: `实际 ${a} 超出反向目标 ${t} 的 ${percent(excess)}，按 1 − 超出比例计分`, en: `Actual ${a} exceeds the reverse target ${t} by ${percent(excess)}; scored at 1 − excess` })),
        };
    }
    const share = clamp(c.b / c.a);
    return { ...missed, share, reason: reason((a, t) => ({ zh: `实际 ${a} 超出反向目标 ${t}，按 目标 ÷ 实际 = ${percent(share)} 计分`, en: `Actual ${a} exceeds the reverse target ${t}; scored at target ÷ actual = ${percent(share)}` })) };
}

/** A rating (达成) where a quantitative target wants the value achieved: assessment/no-actual's words. */
export function ratingNotValue(rating: string, target: Constraint): Bilingual {
    const t = formatConstraint(target);
    return target.value.kind === 'date'
        ? { zh: `实际值「${rating}」是评级，目标 ${t} 为时间指标，应填写实际完成日期`, en: `The actual '${rating}' is a rating, but the target ${t} is a date: write the date it was done` }
        : { zh: `实际值「${rating}」是评级，目标 ${t} 为定量指标，应填写实际完成的数值`, en: `The actual '${rating}' is a rating, but the target ${t} is quantitative: write the value achieved` };
}

/** A value or a date where a qualitative target wants a rating: not scored, assessment/unit-mismatch's words. */
export function valueNotRatingOutcome(actual: Measure, target: string): Outcome {
    return unusableOutcome(() => {
        const a = formatMeasure(actual);
        return actual.kind === 'date'
            ? { zh: `实际 ${a} 是日期，定性目标「${target}」应评为 达成/部分达成/未达成`, en: `Actual ${a} is a date, but the qualitative target "${target}" is rated achieved, partly or missed` }
            : { zh: `实际 ${a} 是数值，定性目标「${target}」应评为 达成/部分达成/未达成`, en: `Actual ${a} is a value, but the qualitative target "${target}" is rated achieved, partly or missed` };
    }, 'kind');
}

/** A qualitative rating earns a share of the weight inside its band; the rule takes the band's top. */
export function ratingOutcome(rating: RatingId, profile: ScoringProfile): Outcome {
    const band = profile.bands[rating];
    return {
        met: rating === 'achieved', share: band[1], band,
        reason: () => {
            const range = `${percent(band[0])}–${percent(band[1])}`;
            const label = RATING_KEYWORD[rating];
            return { zh: `评级「${label.zh}」，可得分值的 ${range}`, en: `Rated '${label.en}': ${range} of the weight` };
        },
    };
}

/** Budget execution: spent ÷ budgeted, capped at 100 %. */
export function executionOutcome(spent: Measure, budgeted: Measure): Outcome & { rate?: number } {
    const reason = (words: (s: string, b: string) => Bilingual) => () => words(formatMeasure(spent), formatMeasure(budgeted));
    const c = comparable(spent, budgeted);
    if (!c.ok || spent.kind === 'date') {
        return { mismatch: c.ok ? 'kind' : c.reason, reason: reason((s, b) => ({ zh: `全年执行 ${s} 与全年预算 ${b} 的单位无法比较，无法计分`, en: `Spent ${s} cannot be compared with budgeted ${b}; no score` })) };
    }
    if (c.b <= 0) {
        return { reason: reason((_, b) => ({ zh: `全年预算为 ${b}，无法计算执行率`, en: `Budgeted is ${b}: no execution rate` })) };
    }
    const rate = c.a / c.b;
    return {
        rate: round(rate, 4), share: clamp(rate),
        reason: reason((s, b) => {
            const capped = rate > 1 ? { zh: '，超过 100% 按 100% 计', en: ', counted as 100%' } : { zh: '', en: '' };
            return { zh: `执行率 ${percent(rate)}（${s} ÷ ${b}）${capped.zh}`, en: `Execution rate ${percent(rate)} (${s} ÷ ${b})${capped.en}` };
        }),
    };
}

/** An outcome applied to a weight: the rule score (2 decimals) and how it was reached, written when first read. */
export function weigh(outcome: Outcome, weight: number | undefined): { ruleScore?: number; explanation: Bilingual } {
    return { ruleScore: ruleScoreOf(outcome, weight), explanation: lazily(() => explanationOf(outcome, weight)) };
}

/** The points the rule gives an outcome of a weight (2 decimals); undefined without a share or a weight. */
export function ruleScoreOf(outcome: Outcome, weight: number | undefined): number | undefined {
    return outcome.share === undefined || weight === undefined ? undefined : round(weight * outcome.share);
}

/** How the rule score of an outcome of a weight is reached, in words. */
export function explanationOf(outcome: Outcome, weight: number | undefined): Bilingual {
    const { share, band, reason } = outcome;
    if (share === undefined) return reason();
    if (weight === undefined) return after(reason(), { zh: '；未填分值，无法计分', en: '; no weight, no score' });
    const ruleScore = round(weight * share);
    if (band) {
        const [lo, hi] = band.map(s => round(weight * s));
        return after(reason(), { zh: `，即 ${lo}–${hi} 分，按上限计 ${ruleScore} 分`, en: `, ${lo}–${hi}; the rule takes the top, ${ruleScore}` });
    }
    if (outcome.met) return after(reason(), { zh: `，得满分 ${ruleScore} 分`, en: `: full weight ${ruleScore}` });
    return after(reason(), { zh: `：${weight} × ${percent(share)} = ${ruleScore} 分`, en: `: ${weight} × ${percent(share)} = ${ruleScore}` });
}

/** Words followed by more, in each language. */
export function after(words: Bilingual, more: Bilingual): Bilingual {
    return { zh: words.zh + more.zh, en: words.en + more.en };
}

/** The grade band of a total. */
export function gradeOf(total: number, profile: ScoringProfile): GradeId {
    const { excellent, good, fair } = profile.grades;
    // Totals are compared at two decimals, as they are shown.
    const t = round(total);
    return t >= excellent ? 'excellent' : t >= good ? 'good' : t >= fair ? 'fair' : 'poor';
}
