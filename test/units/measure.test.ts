import { describe, it, expect } from 'vitest';
import { comparable, dayDiff, formatMeasure, normalise, parseDate, type Measure } from '../../packages/language/src/units/index.js';

const n = (value: number, unit?: string): Measure => ({ kind: 'number', value, unit });
const d = (text: string): Measure & { kind: 'date' } => {
  const m = parseDate(text);
  if (m?.kind !== 'date') throw new Error(`bad date ${text}`);
  return m;
};

describe('normalise', () => {
  it.each([
    [n(12.52, '万元'), 125200],
    [n(950, '‰'), 95],
    [n(0.5, '小时'), 1800],
    [n(2, '年'), 24],
    [n(3, '万人次'), 30000],
    [n(7), 7],
  ])('%j → %d in its base', (m, value) => {
    expect(normalise(m)).toMatchObject({ kind: 'number', value });
  });

  it('keeps dates as day numbers', () => {
    expect(normalise(d('1970-01-02'))).toEqual({ kind: 'date', day: 1 });
  });
});

describe('parseDate', () => {
  it.each([
    ['1970-01-01', 0],
    ['2018-07-31', 17743],
    ['2018-7-31', 17743],
    ['2018-07', 17743], // a month means its last day
    ['2020-02', 18321], // leap year: 2020-02-29
    ['2019-02', 17955], // 2019-02-28
  ])('%s → day %d', (text, day) => {
    expect(parseDate(text)).toEqual({ kind: 'date', day, text });
  });

  it.each(['2018-13-01', '2018-00', '2018-02-30', '2019-02-29', '2018-04-31', '2018-07-00', '18-07-01', '2018/07/01', 'x'])(
    'rejects %s', text => expect(parseDate(text)).toBeUndefined(),
  );

  it('handles years below 100 (Date.UTC would map them to 19xx)', () => {
    expect(dayDiff(d('0050-01-01'), d('0051-01-01'))).toBe(365);
  });
});

describe('dayDiff', () => {
  it('is b − a', () => {
    expect(dayDiff(d('2018-07-31'), d('2020-06-30'))).toBe(700);
    expect(dayDiff(d('2020-06-30'), d('2018-07'))).toBe(-700);
  });
});

describe('comparable', () => {
  it.each([
    [n(20, '分钟'), n(0.5, '小时'), 1200, 1800],
    [n(10666, '万元'), n(1.0666, '亿元'), 106660000, 106660000],
    [n(95, '%'), n(950, '‰'), 95, 95],
    [n(95, '％'), n(95, '百分比'), 95, 95],
    [n(12.52, '元/通'), n(9.93, '元/通'), 12.52, 9.93],
    [n(583, '元/人*月'), n(7000, '元/人·年'), 583, 583.333333333],
    [n(3, '米'), n(4, '米'), 3, 4],
    [n(3, '公里'), n(2500, '米'), 3000, 2500],
    [n(15, '亩'), n(1, '公顷'), 10000, 10000],
    [n(3), n(4), 3, 4],
  ])('%j vs %j → %d, %d', (a, b, x, y) => {
    expect(comparable(a, b)).toEqual({ ok: true, a: x, b: y });
  });

  it('orders dates', () => {
    expect(comparable(d('2018-07'), d('2018-08-15'))).toEqual({ ok: true, a: 17743, b: 17758 });
  });

  it.each([
    [n(95, '%'), n(20, '秒'), 'dimension'],
    [n(95, '%'), n(95), 'dimension'],
    [n(3, '米'), n(3), 'dimension'],
    [n(3, '个'), n(3, '米'), 'dimension'],
    [n(1, '天'), n(1, '月'), 'unit'],
    [n(1, '天'), n(1, '工作日'), 'unit'],
    [n(1, '人'), n(1, '人次'), 'unit'],
    [n(3, '只'), n(3, '套餐'), 'unit'],
    [n(3, '米'), n(3, '套餐'), 'dimension'],
    [n(3, '米'), n(3, '吨'), 'dimension'],
    [n(12.52, '元/通'), n(12.52, '元/人'), 'unit'],
    [n(12.52, '元/米'), n(12.52, '元/通'), 'unit'],
    [n(12.52, '元/只'), n(12.52, '元/头'), 'unit'],
    [d('2018-07-31'), n(1, '天'), 'kind'],
    [n(17743), d('2018-07-31'), 'kind'],
  ])('%j vs %j → %s', (a, b, reason) => {
    expect(comparable(a, b)).toEqual({ ok: false, reason });
  });
});

describe('formatMeasure', () => {
  it.each([
    [n(95, '%'), '95%'],
    [n(1.5, '‰'), '1.5‰'],
    [n(95, '％'), '95％'],
    [n(12.52, '元/通'), '12.52 元/通'],
    [n(20, '秒'), '20 秒'],
    [n(0.1 + 0.2, '万元'), '0.3 万元'],
    [n(89.123456, '%'), '89.1235%'],
    [n(-0.00001), '0'],
    [n(100), '100'],
    [n(-0), '0'],
    [n(1e21), '1e+21'],
    [n(-3, '天'), '-3 天'],
    [d('2018-07-31'), '2018-07-31'],
    [d('2018-07'), '2018-07'],
    [{ kind: 'date', day: 17743, text: '' }, '2018-07-31'],
  ] as [Measure, string][])('%j → %s', (m, text) => {
    expect(formatMeasure(m)).toBe(text);
  });
});
