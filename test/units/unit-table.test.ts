import { describe, it, expect } from 'vitest';
import { parseUnit } from '../../packages/language/src/units/index.js';

describe('parseUnit', () => {
  it.each([
    // text, dimension, base, factor
    ['%', 'percent', '%', 1],
    ['％', 'percent', '%', 1],
    ['百分比', 'percent', '%', 1],
    ['percent', 'percent', '%', 1],
    ['‰', 'percent', '%', 0.1],
    ['元', 'money', '元', 1],
    ['yuan', 'money', '元', 1],
    ['CNY', 'money', '元', 1],
    ['RMB', 'money', '元', 1],
    ['千元', 'money', '元', 1e3],
    ['万元', 'money', '元', 1e4],
    ['亿元', 'money', '元', 1e8],
    ['秒', 'duration', '秒', 1],
    ['s', 'duration', '秒', 1],
    ['sec', 'duration', '秒', 1],
    ['seconds', 'duration', '秒', 1],
    ['分钟', 'duration', '秒', 60],
    ['分', 'duration', '秒', 60],
    ['min', 'duration', '秒', 60],
    ['minutes', 'duration', '秒', 60],
    ['小时', 'duration', '秒', 3600],
    ['h', 'duration', '秒', 3600],
    ['hours', 'duration', '秒', 3600],
    ['天', 'duration', '秒', 86400],
    ['日', 'duration', '秒', 86400],
    ['days', 'duration', '秒', 86400],
    ['Days', 'duration', '秒', 86400],
    ['周', 'duration', '秒', 604800],
    ['weeks', 'duration', '秒', 604800],
    ['月', 'duration', '月', 1],
    ['个月', 'duration', '月', 1],
    ['months', 'duration', '月', 1],
    ['年', 'duration', '月', 12],
    ['years', 'duration', '月', 12],
    ['工作日', 'duration', '工作日', 1],
    ['个', 'count', '个', 1],
    ['人', 'count', '人', 1],
    ['人次', 'count', '人次', 1],
    ['万人次', 'count', '人次', 1e4],
    ['万户', 'count', '户', 1e4],
    ['万件', 'count', '件', 1e4],
    ['通', 'count', '通', 1],
    ['笔', 'count', '笔', 1],
  ] as const)('%s → %s, base %s × %d', (text, dimension, base, factor) => {
    expect(parseUnit(text)).toEqual({ text, dimension, base, factor, known: true });
  });

  it('every count word is its own base with a 万 form', () => {
    for (const w of ['个', '件', '次', '人', '人次', '户', '条', '项', '通', '台', '套', '家', '名', '篇', '场', '批', '份', '张', '本', '座', '所', '笔']) {
      expect(parseUnit(w)).toMatchObject({ dimension: 'count', base: w, factor: 1, known: true });
      expect(parseUnit('万' + w)).toMatchObject({ dimension: 'count', base: w, factor: 1e4, known: true });
    }
  });

  it.each([undefined, '', '  '])('no unit (%j) is dimension none', text => {
    expect(parseUnit(text)).toEqual({ text: '', dimension: 'none', base: '', factor: 1, known: true });
  });

  it.each([
    ['亩', 'area', '平方米', 2000 / 3],
    ['万亩', 'area', '平方米', 2e7 / 3],
    ['公顷', 'area', '平方米', 1e4],
    ['公里', 'length', '米', 1e3],
    // The unit symbols forms print, as the lexer reads them (5000㎡, 5万m³).
    ['㎡', 'area', '平方米', 1],
    ['m²', 'area', '平方米', 1],
    ['万㎡', 'area', '平方米', 1e4],
    ['㎢', 'area', '平方米', 1e6],
    ['㎞', 'length', '米', 1e3],
    ['㎜', 'length', '米', 1e-3],
    ['m³', 'volume', '立方米', 1],
    ['万m³', 'volume', '立方米', 1e4],
    ['㎥', 'volume', '立方米', 1],
    ['㎏', 'weight', '公斤', 1],
    ['吨', 'weight', '公斤', 1e3],
    ['斤', 'weight', '公斤', 0.5],
    ['mg', 'weight', '公斤', 1e-6],
    ['μg', 'weight', '公斤', 1e-9],
    ['微克', 'weight', '公斤', 1e-9],
  ] as const)('%s → %s, base %s × %d', (text, dimension, base, factor) => {
    expect(parseUnit(text)).toMatchObject({ dimension, base, known: true });
    expect(parseUnit(text).factor).toBeCloseTo(factor, 9);
  });

  it.each(['只', '套餐'])('unknown %s is its own base, not known', text => {
    expect(parseUnit(text)).toEqual({ text, dimension: 'other', base: text, factor: 1, known: false });
  });

  it.each([
    ['元/通', '元/通', 1, true],
    ['个/人', '个/人', 1, true],
    ['万元/人', '元/人', 1e4, true],
    ['元/人*月', '元/人*月', 1, true],
    ['元/人·月', '元/人*月', 1, true],
    // Everything after '/' is the denominator: 元 per person-year = 1/12 元 per person-month.
    ['元/人*年', '元/人*月', 1 / 12, true],
    ['元/万人次', '元/人次', 1e-4, true],
    ['元 / 通', '元/通', 1, true],
    ['元/公里', '元/米', 1e-3, true],
    ['元/只', '元/只', 1, false],
  ] as const)('compound %s → base %s × %d, known %s', (text, base, factor, known) => {
    const u = parseUnit(text);
    expect(u).toMatchObject({ dimension: 'other', base, known });
    expect(u.factor).toBeCloseTo(factor, 12);
  });
});
