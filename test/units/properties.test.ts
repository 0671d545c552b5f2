import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  comparable, dayDiff, isWeaker, meets, normalise, parseDate, parseUnit,
  type Constraint, type Measure, type Op,
} from '../../packages/language/src/units/index.js';

const n = (value: number, unit?: string): Measure => ({ kind: 'number', value, unit });
const scaled = (m: Measure) => {
  const x = normalise(m);
  if (x.kind !== 'number') throw new Error('expected a number');
  return x.value;
};

describe('conversions round-trip', () => {
  // Families whose members are one base apart by an integer factor: for integer v,
  // v in `unit` must equal v × factor in `base` exactly.
  const families = [
    ['元', ['元', '千元', '万元', '亿元', 'yuan', 'CNY', 'RMB']],
    ['秒', ['秒', 's', '分钟', 'min', '小时', 'h', '天', '日', 'days', '周', 'weeks']],
    ['月', ['月', '个月', 'months', '年', 'years']],
    ['人次', ['人次', '万人次']],
    ['户', ['户', '万户']],
    ['元/人', ['元/人', '万元/人', '千元/人']],
  ] as const;
  const factors: Record<string, number> = {
    元: 1, 千元: 1e3, 万元: 1e4, 亿元: 1e8, yuan: 1, CNY: 1, RMB: 1,
    秒: 1, s: 1, 分钟: 60, min: 60, 小时: 3600, h: 3600, 天: 86400, 日: 86400, days: 86400, 周: 604800, weeks: 604800,
    月: 1, 个月: 1, months: 1, 年: 12, years: 12,
    人次: 1, 万人次: 1e4, 户: 1, 万户: 1e4,
    '元/人': 1, '万元/人': 1e4, '千元/人': 1e3,
  };
  const member = fc.constantFrom(...families).chain(([base, units]) =>
    fc.tuple(fc.constant(base), fc.constantFrom(...units)));

  it('v in a unit equals v × factor in its base', () => {
    fc.assert(fc.property(member, fc.integer({ min: -1e6, max: 1e6 }), ([base, unit], v) => {
      expect(comparable(n(v, unit), n(v * factors[unit], base))).toEqual({ ok: true, a: v * factors[unit], b: v * factors[unit] });
    }));
  });

  it('decimal amounts in 万元 equal the same amount in 元 despite float noise', () => {
    // 12.52 × 10000 is 125199.99999999999 in floating point; normalise rounds it away.
    fc.assert(fc.property(fc.integer({ min: -1e9, max: 1e9 }), cents => {
      expect(scaled(n(cents / 100, '万元'))).toBe(scaled(n(cents * 100, '元')));
    }));
  });

  it('a value in a base unit is rounded to 12 significant digits, whole or not, small or large', () => {
    const units = Object.keys(factors).filter(u => factors[u] !== 1);
    const value = fc.oneof(fc.integer({ min: -1e9, max: 1e9 }), fc.double({ min: -1e13, max: 1e13, noNaN: true }), fc.constant(-0));
    fc.assert(fc.property(fc.constantFrom(...units), value, (unit, v) => {
      expect(Object.is(scaled(n(v, unit)), Number((v * factors[unit]).toPrecision(12)))).toBe(true);
    }));
  });

  it('v hours = 60v minutes = 3600v seconds', () => {
    fc.assert(fc.property(fc.integer({ min: -1e6, max: 1e6 }), v => {
      expect(scaled(n(v, '小时'))).toBe(scaled(n(v * 60, '分钟')));
      expect(scaled(n(v * 60, '分钟'))).toBe(scaled(n(v * 3600, '秒')));
    }));
  });

  it('v ‰ = v/10 %', () => {
    fc.assert(fc.property(fc.integer({ min: -1e6, max: 1e6 }), v => {
      expect(scaled(n(v, '‰'))).toBe(scaled(n(v / 10, '%')));
    }));
  });
});

describe('unknown units', () => {
  const unknown = fc.stringMatching(/^[\u4e00-\u9fff]{1,3}$/).filter(u => !parseUnit(u).known);
  const anyUnit = fc.oneof(unknown, fc.constantFrom('', '%', '元', '万元', '秒', '天', '月', '人', '人次', '元/通'));

  it('compare only with the identical base', () => {
    fc.assert(fc.property(unknown, anyUnit, fc.double({ noNaN: true }), fc.double({ noNaN: true }), (u, v, x, y) => {
      const c = comparable(n(x, u), n(y, v));
      expect(c.ok).toBe(parseUnit(u).base === parseUnit(v).base);
    }));
  });
});

describe('dates', () => {
  const date = fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true })
    .map(t => t.toISOString().slice(0, 10));
  const parsed = (text: string) => {
    const m = parseDate(text);
    if (m?.kind !== 'date') throw new Error(`bad date ${text}`);
    return m;
  };

  it('day numbers follow calendar order, and dayDiff is the difference', () => {
    fc.assert(fc.property(date, date, (a, b) => {
      const [x, y] = [parsed(a), parsed(b)];
      expect(Math.sign(dayDiff(x, y))).toBe(a < b ? 1 : a > b ? -1 : 0);
      expect(dayDiff(x, y)).toBe((Date.parse(b) - Date.parse(a)) / 86_400_000);
      expect(comparable(x, y)).toEqual({ ok: true, a: x.day, b: y.day });
    }));
  });

  it('a month is its last day: the day before the next month begins', () => {
    fc.assert(fc.property(fc.integer({ min: 1000, max: 9998 }), fc.integer({ min: 1, max: 12 }), (year, month) => {
      const next = month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
      expect(dayDiff(parsed(`${year}-${String(month).padStart(2, '0')}`), parsed(next))).toBe(1);
    }));
  });
});

describe('isWeaker laws', () => {
  // Few distinct values, written in 元 or 万元, so that coinciding constraints are common and
  // conversions are exercised; endpoints are whole 元, which keeps the witnesses below exact.
  const amount = fc.integer({ min: -3, max: 3 }).chain(v =>
    fc.constantFrom(n(v * 10_000, '元'), n(v, '万元')));
  const constraint = (ops: Op[]) => fc.record({ op: fc.constantFrom(...ops), value: amount });
  const all = constraint(['>=', '>', '<=', '<', '=']);
  const inequalities = constraint(['>=', '>', '<=', '<']);
  const weaker = (t: Constraint, r: Constraint) => {
    const v = isWeaker(t, r);
    if (!v.ok) throw new Error('same dimension must compare');
    return v.result;
  };
  const met = (x: number, c: Constraint) => {
    const v = meets(n(x, '元'), c);
    if (!v.ok) throw new Error('same dimension must compare');
    return v.result;
  };

  it('no constraint is weaker than itself', () => {
    fc.assert(fc.property(all, a => {
      expect(weaker(a, a)).toBe(false);
    }));
  });

  it('"not weaker" (accepted-set inclusion) is transitive', () => {
    fc.assert(fc.property(all, all, all, (a, b, c) => {
      fc.pre(!weaker(a, b) && !weaker(b, c));
      expect(weaker(a, c)).toBe(false);
    }));
  });

  it('mutually not weaker means the same constraint on one scale', () => {
    fc.assert(fc.property(all, all, (a, b) => {
      fc.pre(!weaker(a, b) && !weaker(b, a));
      expect(a.op).toBe(b.op);
      expect(scaled(a.value)).toBe(scaled(b.value));
    }));
  });

  // isWeaker reads '=' as the exact value, meets reads an '=' target as "reaches the value"
  // (≥ v, or exactly 0). So '= 100' is not weaker than '<= 200', yet 300 meets '= 100' and not
  // '<= 200': the laws below tying the two together only hold when '=' is kept out of the target
  // (first law) or out of both (second law).
  it('if the target is not weaker, every value meeting it meets the reference', () => {
    // Values at, or half a 元 beside, an endpoint, plus anywhere in between.
    const x = fc.oneof(
      fc.integer({ min: -3, max: 3 }).chain(v => fc.constantFrom(v * 10_000 - 0.5, v * 10_000, v * 10_000 + 0.5)),
      fc.integer({ min: -80_000, max: 80_000 }).map(v => v / 2),
    );
    fc.assert(fc.property(inequalities, all, x, (target, reference, value) => {
      fc.pre(!weaker(target, reference) && met(value, target));
      expect(met(value, reference)).toBe(true);
    }));
  });

  it('weaker exactly when some value meets the target and not the reference', () => {
    // Endpoints are integers, so any non-empty difference of two such intervals contains an
    // endpoint or a point half a unit from one.
    fc.assert(fc.property(inequalities, inequalities, (target, reference) => {
      const ends = [scaled(target.value), scaled(reference.value)];
      const candidates = ends.flatMap(e => [e - 0.5, e, e + 0.5]);
      const witness = candidates.some(v => met(v, target) && !met(v, reference));
      expect(weaker(target, reference)).toBe(witness);
    }));
  });
});
