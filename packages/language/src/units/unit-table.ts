// What a unit text means: its dimension, the base unit it converts to, and the factor.
// Values compare only after being brought to one base (see measure.ts), so every
// spelling an officer may write must land on the same base as its siblings.

/** 'date' names date values (Measure kind 'date'); no unit text parses to it. */
export type Dimension = 'percent' | 'money' | 'duration' | 'count' | 'area' | 'length' | 'volume' | 'weight' | 'date' | 'other' | 'none';

export interface UnitInfo {
  /** The unit as written (trimmed). */
  text: string;
  dimension: Dimension;
  /** Canonical unit that values convert to; two values compare only when their bases match. */
  base: string;
  /** Multiply a value in this unit by `factor` to get it in `base`. */
  factor: number;
  /** False when some atom is not in the table (its own base, factor 1). */
  known: boolean;
}

type Atom = Omit<UnitInfo, 'text'>;

const ATOMS = new Map<string, Atom>();

function define(dimension: Dimension, base: string, factor: number, spellings: string[]): void {
  for (const s of spellings) ATOMS.set(s, { dimension, base, factor, known: true });
}

define('percent', '%', 1, ['%', '％', '百分比', 'percent']);
define('percent', '%', 0.1, ['‰']);
define('money', '元', 1, ['元', 'yuan', 'cny', 'rmb']);
define('money', '元', 1e3, ['千元']);
define('money', '元', 1e4, ['万元']);
define('money', '元', 1e8, ['亿元']);
// Clock time converts down to seconds ...
define('duration', '秒', 1, ['秒', 's', 'sec', 'second', 'seconds']);
define('duration', '秒', 60, ['分钟', '分', 'min', 'minute', 'minutes']);
define('duration', '秒', 3600, ['小时', 'h', 'hour', 'hours']);
define('duration', '秒', 86400, ['天', '日', 'day', 'days']);
define('duration', '秒', 604800, ['周', 'week', 'weeks']);
// ... but months and years have no fixed length in days, so they get a base of their own,
// and working days depend on the calendar: 天 vs 月 or 天 vs 工作日 is a unit mismatch.
define('duration', '月', 1, ['月', '个月', 'month', 'months']);
define('duration', '月', 12, ['年', 'year', 'years']);
define('duration', '工作日', 1, ['工作日', '个工作日']);
// Counted things are not interchangeable (人 is not 人次), so each measure word is its own base.
for (const word of ['个', '件', '次', '人', '人次', '户', '条', '项', '通', '台', '套', '家', '名', '篇', '场', '批', '份', '张', '本', '座', '所', '笔']) {
  define('count', word, 1, [word]);
  define('count', word, 1e4, ['万' + word]);
}

// Area, length and weight convert within their dimension (100 亩 × 75 元/平方米; 3 公里 against
// 3000 米): each has one base.
define('area', '平方米', 1, ['平方米', '平米', '㎡', 'm²', 'm2']);
define('area', '平方米', 1e4, ['万平方米', '万㎡', '万m²', '万m2']);
define('area', '平方米', 2000 / 3, ['亩']); // 1 亩 = 10000/15 平方米
define('area', '平方米', 2e7 / 3, ['万亩']);
define('area', '平方米', 1e4, ['公顷']);
define('area', '平方米', 1e6, ['平方公里', '平方千米', '㎢', 'km²', 'km2']);
define('length', '米', 1, ['米', 'm']);
define('length', '米', 1e3, ['公里', '千米', 'km', '㎞']);
define('length', '米', 0.01, ['厘米', 'cm', '㎝']);
define('length', '米', 0.001, ['毫米', 'mm', '㎜']);
define('volume', '立方米', 1, ['立方米', 'm³', 'm3', '㎥']);
define('volume', '立方米', 1e4, ['万立方米', '万m³', '万m3', '万㎥']);
define('weight', '公斤', 1, ['公斤', '千克', 'kg', '㎏']);
define('weight', '公斤', 1e-3, ['克', 'g']);
define('weight', '公斤', 1e-6, ['毫克', 'mg']);
define('weight', '公斤', 1e-9, ['微克', 'μg', 'µg', 'ug']);
define('weight', '公斤', 0.5, ['斤']);
define('weight', '公斤', 1e3, ['吨']);

/**
 * One unit word of a breakdown product (no '/' or '*'): the table's units, then 万 before a word
 * the table does not know (万只). Any other word is its own base with factor 1, so that it still
 * cancels against itself (100 只 × 500 元/只).
 */
export function productUnit(text: string): UnitInfo {
  const unit = parseUnit(text);
  if (unit.known) return unit;
  if (unit.text.length > 1 && unit.text.startsWith('万')) {
    const rest = productUnit(unit.text.slice(1));
    return { ...rest, text: unit.text, factor: rest.factor * 1e4 };
  }
  return unit;
}

function atom(text: string): Atom {
  // Latin spellings are case-insensitive ('Days', 'CNY'); Chinese is unaffected by toLowerCase.
  return ATOMS.get(text.toLowerCase()) ?? { dimension: 'other', base: text, factor: 1, known: false };
}

/** Parsed units by text as written: a workspace writes a few dozen units hundreds of thousands of times. */
const PARSED = new Map<string, UnitInfo>();
/** Bounds the memo against input with endless distinct units (fuzzing, pasted garbage). */
const MAX_PARSED = 10_000;

/** Parses a unit text as written after a number; a missing unit is dimension 'none'. */
export function parseUnit(text: string | undefined): UnitInfo {
  const key = text ?? '';
  let unit = PARSED.get(key);
  if (!unit) {
    if (PARSED.size >= MAX_PARSED) PARSED.clear();
    PARSED.set(key, unit = Object.freeze(parse(key)));
  }
  return unit;
}

/** Money, or money per something (元, 万元/人, 元/人*月): a cost, whose target is an upper bound. */
export function isMoney(unit: string | undefined): boolean {
  const numerator = unit?.split(/[/*·]/)[0];
  return numerator !== undefined && parseUnit(numerator).dimension === 'money';
}

function parse(text: string): UnitInfo {
  const written = text.trim();
  if (written === '') return { text: '', dimension: 'none', base: '', factor: 1, known: true };
  const parts = written.replace(/\s+/g, '').split(/([/*·])/);
  if (parts.length === 1) return { text: written, ...atom(written) };
  // A compound such as 万元/人*月: everything after the first '/' is in the denominator
  // (元 per person-month), '·' is written as '*' in the base so spellings agree.
  let base = '';
  let factor = 1;
  let known = true;
  let dividing = false;
  for (const part of parts) {
    if (part === '/' || part === '*' || part === '·') {
      dividing ||= part === '/';
      base += part === '/' ? '/' : '*';
    } else {
      const a = atom(part);
      base += a.base;
      factor = dividing ? factor / a.factor : factor * a.factor;
      known &&= a.known;
    }
  }
  return { text: written, dimension: 'other', base, factor, known };
}
