import { describe, it, expect } from 'vitest';
import {
  direction, formatConstraint, isWeaker, meets, parseDate, ratio, toOp,
  type Constraint, type Measure, type Op,
} from '../../packages/language/src/units/index.js';

const n = (value: number, unit?: string): Measure => ({ kind: 'number', value, unit });
const d = (text: string): Measure => parseDate(text)!;
const c = (op: Op, value: Measure): Constraint => ({ op, value });

describe('toOp', () => {
  it.each([
    ['>=', '>='], ['≥', '>='], ['≧', '>='],
    ['<=', '<='], ['≤', '<='], ['≦', '<='],
    ['=', '='], ['＝', '='], ['>', '>'], ['<', '<'],
    [undefined, '='],
  ] as const)('%s → %s', (spelling, op) => expect(toOp(spelling)).toBe(op));

  it('rejects spellings the grammar does not have', () => expect(() => toOp('≈')).toThrow());
});

describe('isWeaker', () => {
  it.each([
    [c('>=', n(80, '%')), c('>=', n(95, '%')), true],
    [c('>=', n(95, '%')), c('>=', n(80, '%')), false],
    [c('<=', n(30, '秒')), c('<=', n(20, '秒')), true],
    [c('<=', n(0.5, '小时')), c('<=', n(20, '分钟')), true],
    [c('<=', n(20, '分钟')), c('<=', n(0.5, '小时')), false],
    [c('>=', n(95, '%')), c('=', n(100, '%')), true],
    [c('=', n(100, '%')), c('>=', n(95, '%')), false],
    [c('=', n(100, '%')), c('=', n(100, '%')), false],
    [c('=', n(100, '%')), c('=', n(1000, '‰')), false],
    [c('=', n(90, '%')), c('=', n(100, '%')), true],
    [c('>=', n(95, '%')), c('>=', n(95, '%')), false],
    [c('>', n(95)), c('>=', n(95)), false],
    [c('>=', n(95)), c('>', n(95)), true],
    [c('<', n(20)), c('<=', n(20)), false],
    [c('<=', n(20)), c('<', n(20)), true],
    [c('>=', n(95)), c('<=', n(100)), true],
    [c('<=', n(2018, '万元')), c('<=', n(0.2, '亿元')), true],
    [c('<=', d('2018-11-30')), c('<=', d('2018-11')), false],
    [c('<=', d('2018-12')), c('<=', d('2018-11')), true],
  ])('%j weaker than %j: %s', (target, reference, result) => {
    expect(isWeaker(target, reference)).toEqual({ ok: true, result });
  });

  it.each([
    [c('>=', n(95, '%')), c('>=', n(95)), 'dimension'],
    [c('<=', n(1, '天')), c('<=', n(1, '月')), 'unit'],
    [c('<=', d('2018-11')), c('<=', n(30, '天')), 'kind'],
  ])('%j vs %j cannot be compared: %s', (target, reference, reason) => {
    expect(isWeaker(target, reference)).toEqual({ ok: false, reason });
  });
});

describe('meets', () => {
  it.each([
    [n(89.19, '%'), c('>=', n(80, '%')), true],
    [n(89.19, '%'), c('>=', n(95, '%')), false],
    [n(95, '%'), c('>', n(95, '%')), false],
    [n(15, '秒'), c('<=', n(20, '秒')), true],
    [n(0.5, '分钟'), c('<=', n(20, '秒')), false],
    [n(20, '秒'), c('<', n(20, '秒')), false],
    // '=' and bare values: the actual must reach the value (provincial scoring convention).
    [n(100, '%'), c('=', n(100, '%')), true],
    [n(98, '%'), c('=', n(100, '%')), false],
    [n(100, '%'), c(toOp(undefined), n(95, '%')), true],
    [n(0, '件'), c('=', n(0, '件')), true],
    [n(1, '件'), c('=', n(0, '件')), false],
    [n(-3), c('=', n(-5)), true],
    [n(-6), c('=', n(-5)), false],
    // Dates: '<=' is on or before; '=' reads as a deadline too.
    [d('2018-07-31'), c('<=', d('2018-07')), true],
    [d('2018-08-01'), c('<=', d('2018-07')), false],
    [d('2018-06-30'), c('=', d('2018-07-31')), true],
    [d('2020-06-30'), c('=', d('2018-07-31')), false],
  ])('%j meets %j: %s', (actual, constraint, result) => {
    expect(meets(actual, constraint)).toEqual({ ok: true, result });
  });

  it('refuses to compare across dimensions', () => {
    expect(meets(n(95, '%'), c('>=', n(95, '个')))).toEqual({ ok: false, reason: 'dimension' });
  });
});

describe('direction', () => {
  it.each([['>=', 'higher'], ['>', 'higher'], ['=', 'higher'], ['<=', 'lower'], ['<', 'lower']] as const)(
    '%s → %s', (op, dir) => expect(direction(op)).toBe(dir),
  );
});

describe('ratio', () => {
  it.each([
    [n(12.52, '元/通'), n(9.93, '元/通'), 12.52 / 9.93],
    [n(89.19, '%'), n(950, '‰'), 89.19 / 95],
    [n(1, '小时'), n(30, '分钟'), 2],
  ])('%j ÷ %j', (a, b, r) => expect(ratio(a, b)).toBeCloseTo(r, 12));

  it.each([
    [n(1, '%'), n(0, '%')],
    [n(1, '天'), n(1, '月')],
    [d('2018-07-31'), d('2018-07-01')],
  ])('%j ÷ %j is undefined', (a, b) => expect(ratio(a, b)).toBeUndefined());
});

describe('formatConstraint', () => {
  it.each([
    [c('>=', n(95, '%')), '≥95%'],
    [c('<=', n(20, '秒')), '≤20 秒'],
    [c('=', n(100, '%')), '=100%'],
    [c('>', n(0.5)), '>0.5'],
    [c('<', d('2018-11')), '<2018-11'],
  ])('%j → %s', (constraint, text) => expect(formatConstraint(constraint)).toBe(text));
});
