// Values as written in a form, and the one place that brings two of them onto a common scale.
import { parseUnit, type UnitInfo } from './unit-table.js';

/** A value as written: a number with a unit, or a date (day number since epoch, UTC). */
export type Measure =
  | { kind: 'number'; value: number; unit?: string }
  | { kind: 'date'; day: number; text: string };

export type Normalised = { kind: 'number'; value: number; unit: UnitInfo } | { kind: 'date'; day: number };

const DAY_MS = 86_400_000;

/** A number becomes value × factor in its base unit. */
export function normalise(m: Measure): Normalised {
  if (m.kind === 'date') return { kind: 'date', day: m.day };
  const unit = parseUnit(m.unit);
  return { kind: 'number', value: inBase(m.value, unit), unit };
}

/** value × factor, for a value in `unit`. */
function inBase(value: number, unit: UnitInfo): number {
  // A factor of 1 adds no float noise to round away.
  if (unit.factor === 1) return value;
  const product = value * unit.factor;
  // A whole number of at most 12 digits is its own 12-digit rounding (10 万元, 3 小时): toPrecision
  // and the parse back cost more than the rest of a comparison. (−0 takes the long way, to 0.)
  if (Number.isInteger(product) && product !== 0 && Math.abs(product) < 1e12) return product;
  // Rounded to 12 significant digits so that float noise from the factor (950‰ → 95.00000000000001,
  // 12.52 万元 → 125199.99999999999) does not make equal values differ.
  return Number(product.toPrecision(12));
}

const DATE = /^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?$/;

/** Parses 'YYYY-MM-DD' or 'YYYY-MM' (a month means its last day, the usual reading of a deadline) into a date Measure; undefined if not a valid date. */
export function parseDate(text: string): Measure | undefined {
  const match = DATE.exec(text.trim());
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = match[3] === undefined ? undefined : Number(match[3]);
  // setUTCFullYear rather than Date.UTC, which maps years 0–99 to 1900–1999.
  // Day 0 of the next month is the last day of this one.
  const date = new Date(0);
  if (day === undefined) date.setUTCFullYear(year, month, 0);
  else date.setUTCFullYear(year, month - 1, day);
  // Out-of-range months and days roll over into another month: reject them.
  if (date.getUTCMonth() !== month - 1 || (day !== undefined && date.getUTCDate() !== day)) return undefined;
  return { kind: 'date', day: date.getTime() / DAY_MS, text: text.trim() };
}

/** b − a in days. */
export function dayDiff(a: Measure & { kind: 'date' }, b: Measure & { kind: 'date' }): number {
  return b.day - a.day;
}

export type Comparability = { ok: true; a: number; b: number } | { ok: false; reason: 'dimension' | 'unit' | 'kind' };

/** Brings two measures onto one scale, or says why they cannot be compared: different kinds (date vs number), different dimensions, or the same dimension/unknown units with different bases. Unknown units compare only with the identical base. A unitless number ('none') compares only with another unitless number. */
export function comparable(a: Measure, b: Measure): Comparability {
  // Every row of every assessment is compared several times: no normalised measures in between.
  if (a.kind === 'date' && b.kind === 'date') return { ok: true, a: a.day, b: b.day };
  if (a.kind === 'date' || b.kind === 'date') return { ok: false, reason: 'kind' };
  const x = parseUnit(a.unit);
  const y = parseUnit(b.unit);
  if (x.dimension !== y.dimension) return { ok: false, reason: 'dimension' };
  if (x.base !== y.base) return { ok: false, reason: 'unit' };
  return { ok: true, a: inBase(a.value, x), b: inBase(b.value, y) };
}

const ATTACHED = new Set(['%', '％', '‰']);

/** Formats a measure for messages: '95%', '12.52 元/通', '20 秒', '2018-07-31'. */
export function formatMeasure(m: Measure): string {
  // A date keeps its written form; one built from a day number alone prints as ISO.
  if (m.kind === 'date') return m.text || new Date(m.day * DAY_MS).toISOString().slice(0, 10);
  // At most 4 decimals, no trailing zeros, no float noise; String(-0) is '0'. Whole numbers (most
  // values) need no rounding: toFixed is among the costs of scoring every row.
  const n = Number.isInteger(m.value) ? String(m.value) : String(Number(m.value.toFixed(4)));
  const unit = m.unit?.trim() ?? '';
  if (unit === '') return n;
  return ATTACHED.has(unit) ? n + unit : `${n} ${unit}`;
}
