// Arithmetic on amounts of money as forms print them: sums of fund rows, a value expressed in
// another unit, and products of a budget breakdown (`2000 人 × 50 元/人*月 × 12 月`).
import { comparable, normalise, type Measure } from './measure.js';
import { parseUnit, productUnit } from './unit-table.js';

type NumberMeasure = Measure & { kind: 'number' };

/** Trims float noise (0.1 + 0.2) at 12 significant digits, as `normalise` does. */
const clean = (n: number) => Number(n.toPrecision(12));

/** `m` expressed in the unit of `like`; undefined when the two do not compare. */
export function inUnitOf(m: Measure, like: Measure): NumberMeasure | undefined {
    if (m.kind !== 'number' || like.kind !== 'number' || !comparable(m, like).ok) return undefined;
    const base = normalise(m);
    if (base.kind !== 'number') return undefined;
    return { kind: 'number', value: clean(base.value / parseUnit(like.unit).factor), unit: like.unit };
}

/** The sum of `parts` in the unit of the first; undefined when there are none or one does not compare with it. */
export function sumOf(parts: readonly Measure[]): NumberMeasure | undefined {
    const [first] = parts;
    if (!first) return undefined;
    let value = 0;
    for (const part of parts) {
        const converted = inUnitOf(part, first);
        if (!converted) return undefined;
        value = clean(value + converted.value);
    }
    return { kind: 'number', value, unit: first.kind === 'number' ? first.unit : undefined };
}

/**
 * Do two amounts agree to the cent (in their common base unit)? undefined when they do not compare.
 * Forms print money to two decimals of their unit at most; anything closer is float noise.
 */
export function sameAmount(a: Measure, b: Measure): boolean | undefined {
    const c = comparable(a, b);
    if (!c.ok) return undefined;
    return Math.abs(c.a - c.b) < 0.005;
}

/**
 * What a product of quantities comes to: money in 元, or the units it leaves (`unit`, as written);
 * 'unknown' when some of those are words the unit table does not know (`unknown`).
 */
export type ProductValue =
    | { ok: true; value: NumberMeasure }
    | { ok: false; reason: 'not-money'; unit: string }
    | { ok: false; reason: 'unknown'; unit: string; unknown: string[] };

/**
 * Multiplies quantities whose units cancel to money: `2000 人 × 50 元/人*月 × 12 月` is
 * 1 200 000 元. In a unit everything after the first `/` is the denominator (`元/人*月` is 元 per
 * person-month); a percentage is a share (`× 80%`); area, length and weight convert (亩, 平方米,
 * 吨, 公斤). A word the unit table does not know is a unit of its own, so it cancels against itself
 * (`100 只 × 500 元/只`); units that leave anything but 元 give no value.
 */
export function productOf(factors: readonly Measure[]): ProductValue {
    let value = 1;
    const exponents = new Map<string, number>();
    /** How each base was first written, for messages (天 rather than its base 秒). */
    const written = new Map<string, string>();
    const unknown = new Set<string>();
    for (const factor of factors) {
        if (factor.kind !== 'number') return { ok: false, reason: 'not-money', unit: factor.text };
        value *= factor.value;
        const [numerator = '', ...rest] = (factor.unit ?? '').replace(/\s+/g, '').split('/');
        const terms = [
            ...atomsOf(numerator).map(atom => ({ atom, power: 1 })),
            ...atomsOf(rest.join('*')).map(atom => ({ atom, power: -1 })),
        ];
        for (const { atom, power } of terms) {
            const unit = productUnit(atom);
            if (unit.dimension === 'percent') {
                value = power > 0 ? value * unit.factor / 100 : value * 100 / unit.factor;
                continue;
            }
            value = power > 0 ? value * unit.factor : value / unit.factor;
            exponents.set(unit.base, (exponents.get(unit.base) ?? 0) + power);
            if (!written.has(unit.base)) written.set(unit.base, atom);
            if (!unit.known) unknown.add(unit.base);
        }
    }
    const left = [...exponents].filter(([, power]) => power !== 0);
    if (left.length === 1 && left[0]![0] === '元' && left[0]![1] === 1) {
        return { ok: true, value: { kind: 'number', value: clean(value), unit: '元' } };
    }
    const unit = formatExponents(left.map(([base, power]) => [written.get(base) ?? base, power]));
    const leftUnknown = left.filter(([base]) => unknown.has(base)).map(([base]) => written.get(base) ?? base);
    return leftUnknown.length > 0 ? { ok: false, reason: 'unknown', unit, unknown: leftUnknown } : { ok: false, reason: 'not-money', unit };
}

function atomsOf(text: string): string[] {
    return text.split(/[*·]/).filter(a => a !== '');
}

/** Units left over by a product, for messages: `元*人/月`, `1` when none. */
function formatExponents(left: Array<[string, number]>): string {
    const side = (sign: number) => left.filter(([, p]) => Math.sign(p) === sign)
        .flatMap(([base, p]) => Array.from({ length: Math.abs(p) }, () => base)).join('*');
    const up = side(1) || '1';
    const down = side(-1);
    return down ? `${up}/${down}` : up;
}
