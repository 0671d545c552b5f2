import type { Comparison, Target, Value } from '../generated/ast.js';
import { isDateLiteral, isQualitative } from '../generated/ast.js';
import { parseDate, toOp, type Constraint, type Measure } from '../units/index.js';

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
    const value = comparison.value && measureOf(comparison.value);
    return value && { op: toOp(comparison.comparator), value };
}
