// Comparator semantics: a constraint is the set of values it accepts.
import { comparable, formatMeasure, type Measure } from './measure.js';
import { signWordOp } from './sign-words.js';

export type Op = '>=' | '>' | '<=' | '<' | '=';

const OPS: Record<string, Op> = {
  '>=': '>=', '≥': '>=', '≧': '>=', '＞＝': '>=',
  '<=': '<=', '≤': '<=', '≦': '<=', '＜＝': '<=',
  '=': '=', '＝': '=',
  '>': '>', '＞': '>', '<': '<', '＜': '<',
};

/** The Op of a comparator as the language spells it (signs, and words such as 不低于), or undefined for other text. */
export function comparatorOp(text: string): Op | undefined {
  return Object.hasOwn(OPS, text) ? OPS[text] : signWordOp(text);
}

/** Maps every comparator spelling of the language to an Op; a bare value (undefined) is '='. */
export function toOp(comparator: string | undefined): Op {
  if (comparator === undefined) return '=';
  const op = comparatorOp(comparator);
  // The grammar's Comparator rule and this table must agree; a miss is a programming error.
  if (op === undefined) throw new Error(`Unknown comparator '${comparator}'`);
  return op;
}

export interface Constraint { op: Op; value: Measure }

export type Verdict<T> = { ok: true; result: T } | { ok: false; reason: 'dimension' | 'unit' | 'kind' };

/** The accepted set of a constraint on one scale; infinite ends count as open. */
interface Interval { lo: number; loOpen: boolean; hi: number; hiOpen: boolean }

function interval(op: Op, v: number): Interval {
  const lo = op === '>=' || op === '>' || op === '=' ? v : -Infinity;
  const hi = op === '<=' || op === '<' || op === '=' ? v : Infinity;
  return { lo, loOpen: op === '>' || lo === -Infinity, hi, hiOpen: op === '<' || hi === Infinity };
}

function isSubset(t: Interval, r: Interval): boolean {
  const lowerInside = r.lo < t.lo || (r.lo === t.lo && (t.loOpen || !r.loOpen));
  const upperInside = t.hi < r.hi || (t.hi === r.hi && (t.hiOpen || !r.hiOpen));
  return lowerInside && upperInside;
}

/** Is `target` weaker than `reference`, i.e. does it accept a value the reference rejects? Here '=' is the exact value. */
export function isWeaker(target: Constraint, reference: Constraint): Verdict<boolean> {
  const c = comparable(target.value, reference.value);
  if (!c.ok) return c;
  return { ok: true, result: !isSubset(interval(target.op, c.a), interval(reference.op, c.b)) };
}

/** Does the actual meet the constraint? By its op, with the provincial reading of '=' (see below). */
export function meets(actual: Measure, constraint: Constraint): Verdict<boolean> {
  const c = comparable(actual, constraint.value);
  if (!c.ok) return c;
  const { a, b } = c;
  switch (constraint.op) {
    case '>=': return { ok: true, result: a >= b };
    case '>': return { ok: true, result: a > b };
    case '<=': return { ok: true, result: a <= b };
    case '<': return { ok: true, result: a < b };
    case '=':
      // An '=' (or bare) target is met when the actual reaches it: at least the value,
      // exactly 0 for a 0 target. A date "reaches" its plan when done on or before it,
      // as a milestone is late only when done after its plan.
      if (actual.kind === 'date') return { ok: true, result: a <= b };
      return { ok: true, result: b === 0 ? a === 0 : a >= b };
  }
}

/** Direction of a constraint: 'higher' for >=, >, =; 'lower' for <=, <. */
export function direction(op: Op): 'higher' | 'lower' {
  return op === '<=' || op === '<' ? 'lower' : 'higher';
}

/** actual ÷ target on one scale (achievement percentage, baselines); undefined when not comparable or the target is 0. */
export function ratio(actual: Measure, target: Measure): number | undefined {
  // A ratio of day numbers since 1970 means nothing.
  if (actual.kind === 'date' || target.kind === 'date') return undefined;
  const c = comparable(actual, target);
  return c.ok && c.b !== 0 ? c.a / c.b : undefined;
}

const SIGNS: Record<Op, string> = { '>=': '≥', '<=': '≤', '=': '=', '>': '>', '<': '<' };

/** An Op as messages write it: '≥', '≤', '=', '>', '<'. */
export function formatOp(op: Op): string {
  return SIGNS[op];
}

/** Formats a constraint for messages: '≥95%', '≤20 秒', '=100%'. */
export function formatConstraint(c: Constraint): string {
  return formatOp(c.op) + formatMeasure(c.value);
}
