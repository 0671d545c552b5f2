import type { Actual, Comparison, Target, Value } from '../generated/ast.js';
import { isDateLiteral, isMeasuredActual, isQualitative, isRatingActual, isTextActual } from '../generated/ast.js';
import { boundOp, doubtfulReading, parseDate, parseUnit, toOp, withMeasureWord, type Constraint, type DoubtfulReading, type Measure, type Op } from '../units/index.js';

/**
 * The AST's view of a written value as a units Measure; undefined when the parser recovered
 * from an error and left the value out, or the number or date cannot be read.
 */
export function measureOf(value: Value): Measure | undefined {
    if (isDateLiteral(value)) {
        return typeof value.value === 'string' ? parseDate(value.value) : undefined;
    }
    return Number.isFinite(value.value) ? { kind: 'number', value: value.value, unit: value.unit } : undefined;
}

/** A quantitative target as a constraint; qualitative targets have none. */
export function constraintOf(target: Target | undefined): Constraint | undefined {
    if (!target || isQualitative(target)) return undefined;
    return comparisonConstraint(target);
}

export function comparisonConstraint(comparison: Comparison): Constraint | undefined {
    let value = comparison.value && measureOf(comparison.value);
    // A bare number under a title that prints the unit (`"上门服务人数（人）" ≥500`) is in that unit.
    if (value?.kind === 'number' && !value.unit) {
        const unit = unitOfTitle(titleOf(comparison.$container));
        if (unit) value = { ...value, unit };
    }
    return value && { op: comparisonOp(comparison), value };
}

/** A comparison written with a comparator or a bound (`≥ 95%`, `不低于95%`, `95%以上`), not as a bare value. */
export interface Compared {
    readonly comparator?: string;
    readonly bound?: string;
}

export function hasComparator(comparison: Compared): boolean {
    return comparison.comparator !== undefined || comparison.bound !== undefined;
}

/**
 * The Op a comparison states, by its bound if it has one (the lexer lets through only a bound
 * that agrees with the comparator before the value), else by its comparator; '=' when bare.
 */
export function comparisonOp(comparison: Compared): Op {
    return (comparison.bound !== undefined ? boundOp(comparison.bound) : undefined) ?? toOp(comparison.comparator);
}

/**
 * The value of an actual. Forms print the unit only in the target column, so a bare number
 * takes the unit of the target it is measured against (`实际 8` under `= 8 个` is 8 个).
 */
export function actualMeasure(actual: Actual | undefined, target: Target | undefined): Measure | undefined {
    if (!isMeasuredActual(actual) || !actual.value) return undefined;
    return inTargetUnit(measureOf(actual.value), target);
}

/**
 * A bare number in the unit of the target it is compared with (actuals, `上年`), and a magnitude
 * written alone with the target's measure word (`1.25万` under `>= 1.2 万人` is 1.25 万人); anything
 * else as it is.
 */
export function inTargetUnit(measure: Measure | undefined, target: Target | undefined): Measure | undefined {
    if (measure?.kind !== 'number') return measure;
    const unit = constraintOf(target)?.value;
    if (unit?.kind !== 'number' || unit.unit === undefined) return measure;
    if (measure.unit === undefined) return { ...measure, unit: unit.unit };
    const worded = withMeasureWord(measure.unit, unit.unit);
    return worded ? { ...measure, unit: worded } : measure;
}

/**
 * A bare actual whose reading in its target's unit is implausible while another is not (0.96
 * under >= 90%, 12500 under >= 1.2 万人; units' doubtfulReading).
 */
export function doubtfulActual(actual: Actual | undefined, target: Target | undefined): DoubtfulReading | undefined {
    if (!isMeasuredActual(actual) || !actual.value) return undefined;
    const written = measureOf(actual.value);
    const constraint = constraintOf(target);
    return written?.kind === 'number' && written.unit === undefined && constraint ? doubtfulReading(written.value, constraint) : undefined;
}

/** How an actual is not of the kind its target is scored by (wrongKindOfActual). */
export type WrongKind = 'text' | 'rating' | 'value';

/**
 * Whether an actual is of a kind its target cannot be scored by: words ('text') or a rating
 * ('rating') where a quantitative target wants the value achieved, a number or a date ('value')
 * where a qualitative target wants a rating (words describing it are its actual, unrated).
 * Undefined when the kind fits, or there is no actual or no target to say.
 */
export function wrongKindOfActual(actual: Actual | undefined, target: Target | undefined): WrongKind | undefined {
    if (!actual || !target) return undefined;
    if (isQualitative(target)) return isMeasuredActual(actual) && actual.value ? 'value' : undefined;
    return isTextActual(actual) ? 'text' : isRatingActual(actual) ? 'rating' : undefined;
}

/** The title of the row a target is written in (a row named by its title has it as its name). */
function titleOf(row: unknown): string | undefined {
    const { title, name } = row as { title?: unknown; name?: unknown };
    return typeof title === 'string' ? title : typeof name === 'string' ? name : undefined;
}

/** A unit printed in brackets at the end of a title (`上门服务人数（人）`, `资金拨付率(%)`), as a form's column head gives it. */
export function unitOfTitle(title: string | undefined): string | undefined {
    const bracketed = TITLE_UNIT.exec(title ?? '')?.[1];
    const unit = bracketed === undefined ? undefined : parseUnit(bracketed.trim());
    return unit?.known ? unit.text : undefined;
}

const TITLE_UNIT = /[（(]([^（）()]{1,8})[）)][ \t]*$/;
