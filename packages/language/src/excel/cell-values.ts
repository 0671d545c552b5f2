import { NAME_PART, NAME_START, SUPERSCRIPTS, UNIT_SYMBOLS } from '../parser/name-characters.js';
import { bracketedUnit, remarkAtEnd } from '../parser/remarks.js';
import { boundAtEnd, boundOp, comparatorOp, noteAgrees, noteAtEnd, noteExcludes, numberInWords, onlyBeforeDates, signWordAtStart, signWordOp, DONE_PHRASE, DONE_WORD } from '../units/index.js';
import { printedRatingOf, RATING_KEYWORD } from '../scoring/keywords.js';
import type { ActualValue, TargetValue } from './form-model.js';

/** Full-width forms to ASCII (＝ ％ （ ：), no spaces, no leading `*` of required columns. */
export function normalizeLabel(text: string): string {
    return text.normalize('NFKC').replace(/[\s\u3000]+/g, '').replace(/^\*+/, '');
}

/** `—`, `-`, `/`, `／` and the like stand for an empty cell; `无` does not. */
export function isEmptyMark(text: string): boolean {
    return /^[\s\u3000]*[—\-/／－–‐―]*[\s\u3000]*$/.test(text);
}

/**
 * A cell that says there is none: `无` (a reason cell, as `—` and an empty cell do; a 存在问题 row).
 * Written as `偏差 "无"` it would pass for a reason given.
 */
export function saysNone(text: string): boolean {
    return normalizeLabel(text) === '无';
}

/** A comparator as printed (≥ ≧ >= 大于等于 不低于, …) in the language's ASCII form. */
export function comparatorOf(text: string): string | undefined {
    const t = normalizeLabel(text);
    return t === '==' ? '=' : comparatorOp(t);
}

/**
 * A unit the language can write after a number: words joined by `/`, `*`, `·`, the words after a
 * `/` in brackets too (`元/(人·年)`, parser/unit-brackets.ts), or % and ‰.
 */
const UNIT_WORD = `[${NAME_START}][${NAME_PART}]*`;
const UNIT_WORDS = `${UNIT_WORD}(?:[*·]${UNIT_WORD})*`;
const UNIT = new RegExp(`^(%|‰|${UNIT_WORDS}(?:/(?:${UNIT_WORDS}|[(（]${UNIT_WORDS}(?:/${UNIT_WORDS})*[)）]))*)$`);

export function isUnit(text: string): boolean {
    return UNIT.test(text);
}

/**
 * A number stored as text as the language writes it, and as the number cell holding it would be
 * written (`1,850.00` → `1850`, `300.00` → `300`: the zeros are the cell's format, not the
 * amount), or undefined.
 */
export function numberText(text: string): string | undefined {
    const t = text.normalize('NFKC').replace(/(\d),(?=\d{3}\b)/g, '$1').trim();
    return /^-?\d+(\.\d+)?$/.test(t) ? formatNumber(Number(t)) : undefined;
}

/** A number cell's value as the language writes it, without float noise (0.1 + 0.2). */
export function formatNumber(n: number): string {
    if (!Number.isFinite(n)) return String(n);
    const rounded = Number.parseFloat(n.toPrecision(12));
    return Math.abs(rounded) >= 1e15 ? rounded.toFixed(0) : String(rounded).includes('e') ? rounded.toFixed(10).replace(/\.?0+$/, '') : String(rounded);
}

const MEASURED = /^(>=|<=|=|>|<)?\s*(-?\d+(?:\.\d+)?)\s*(.*)$/;

/**
 * A cell's text with full-width and compatibility forms in their plain form (＝ ％ ９５), as the
 * lexer reads typed text, but the unit symbols a name may hold as printed (㎡ ℃ m³, which NFKC
 * would make m2, °C, m3).
 */
const NOT_UNIT_SYMBOL = new RegExp(`[^${UNIT_SYMBOLS}${SUPERSCRIPTS}]+`, 'g');

function plainCell(text: string): string {
    return text.replace(NOT_UNIT_SYMBOL, run => run.normalize('NFKC'));
}

function comparable(text: string): string {
    // A yuan sign before a number says what its unit says (the lexer reads past it too).
    return plainCell(text).replace(/≧|≥/g, '>=').replace(/≦|≤/g, '<=').replace(/(\d),(?=\d{3}\b)/g, '$1').replace(/[¥￥](?=\d)/g, '').trim();
}

/**
 * A value as printed, comparable, with a comparator in words as a sign in front, as the lexer
 * reads typed text (units/sign-words.ts): `不低于95%` and `95%以上（含）` are `>=95%`. A sign and a
 * bound that disagree (`≤95%以上`) leave the text as it is.
 */
function signed(text: string): string {
    const t = comparable(text);
    const sign = leadingSign(t, true);
    const end = boundAtEnd(t);
    // A note alone after the value (`≥95%（含）`) says what the sign says, or contradicts it.
    const note = sign && !end ? noteAtEnd(t) : undefined;
    if (note) return noteAgrees(note.note, comparatorOp(sign!.op)) ? `${sign!.op}${t.slice(sign!.text.length, note.index)}` : t;
    const op = end ? boundOp(end.bound)! : sign?.op;
    if (sign && op !== sign.op) return t;
    return `${op ?? ''}${t.slice(sign?.text.length ?? 0, end?.index)}`;
}

/**
 * A value read by `read`, with the remark printed after it (`96.5%（全部转办）`, parser/remarks.ts)
 * kept beside it; a text that is no value with the remark is read whole (`效果明显（群众认可）`).
 */
function withRemark<T extends TargetValue | ActualValue>(text: string, read: (text: string) => T): T {
    const whole = read(text);
    // A note the value's words read first (`≥95%以上（含）`) is no remark.
    const at = isValue(whole) ? undefined : remarkAtEnd(text) ?? DONE_AFTER_PERCENT.exec(text)?.index;
    if (at === undefined) return whole;
    const value = read(text.slice(0, at));
    const remark = text.slice(at).trim();
    // A note after a comparator is the comparator's (`≥95%（不含）` contradicts it, and stays words).
    if (!isValue(value) || (noteExcludes(remark) !== undefined && (value as { comparator?: string }).comparator)) return whole;
    return { ...value, remark };
}

/** A word after a percentage that says only that it is done (`100%完成`): a remark, as the lexer reads it typed. */
const DONE_AFTER_PERCENT = new RegExp(`(?<=[%％‰])${DONE_WORD}[ \\t\\u3000]*$`);

function isValue(value: TargetValue | ActualValue): boolean {
    return value.kind === 'comparison' || value.kind === 'measured' || value.kind === 'date';
}

/**
 * The unit printed after a number: none (''), a unit, or a known unit in brackets (`≥1800（人）`,
 * `200（万元）`), which an officer means as the unit, not as a remark (parser/remarks.ts); undefined
 * when the words after the number are no unit.
 */
function unitAfterNumber(rest: string): string | undefined {
    const unit = rest.replace(/\s+/g, '');
    if (unit === '' || isUnit(unit)) return unit;
    const inBrackets = bracketedUnit(unit);
    // Brackets that hold the unit and nothing after them (`（人）（户籍）` is a unit and a remark).
    return inBrackets !== undefined && inBrackets.length + 2 === unit.length ? inBrackets : undefined;
}

/** A target as printed (`≥95%`, `＝8个`, `100%`, `≤2023-11-30`, `2023年11月底前`, `效果明显`; a remark after it kept, `≥2万人（户籍）`). */
export function parseTarget(text: string): TargetValue {
    return withRemark(text, targetValue);
}

function targetValue(text: string): TargetValue {
    const deadline = parseDeadline(text, true);
    if (deadline) return { kind: 'date', ...deadline };
    if (startsWithDate(text)) return { kind: 'qualitative', text: text.trim() };
    const words = valueInWords(text);
    if (words) return { kind: 'comparison', ...words };
    const m = MEASURED.exec(signed(text));
    const unit = m && unitAfterNumber(m[3]!);
    if (m && unit !== undefined) {
        return { kind: 'comparison', ...(m[1] ? { comparator: m[1] } : {}), number: m[2]!, ...(unit ? { unit } : {}) };
    }
    return { kind: 'qualitative', text: text.trim() };
}

/**
 * A target from Layout B's separate columns: `计算符号` (`大于等于`, `≥`, `定性`), `指标值`,
 * `计量单位`.
 */
export function parseSplitTarget(sign: string | undefined, value: string, unit: string | undefined): TargetValue {
    if (sign && normalizeLabel(sign) === '定性') return { kind: 'qualitative', text: value.trim() };
    const comparator = sign ? comparatorOf(sign) : undefined;
    const unitText = unit && !isEmptyMark(unit) ? plainCell(unit).trim() : '';
    // The unit goes before words that end the value (`95以上` and `%`: `95%以上`), and before a remark.
    const at = remarkAtEnd(value);
    const printed = plainCell(at === undefined ? value : value.slice(0, at));
    const end = unitText ? boundAtEnd(printed) : undefined;
    const number = end ? printed.slice(0, end.index) : printed;
    // A value cell that prints the unit itself (0.95 formatted as a percent shows `95%`) does not get it twice.
    const unitAfter = number.trimEnd().endsWith(unitText) ? '' : unitText;
    return parseTarget(`${comparator ?? ''}${number}${unitAfter}${end?.bound ?? ''}${at === undefined ? '' : value.slice(at)}`);
}

/**
 * A value a form prints in words (`百分之九十五以上`, `3万5千人`, `二十个`): what it says, in
 * figures. A .kpi file must write figures (the lexer says which); a cell says it as printed.
 */
function valueInWords(text: string): { comparator?: string; number: string; unit?: string } | undefined {
    const words = numberInWords(text.trim());
    return words && { ...(words.op ? { comparator: words.op } : {}), number: String(words.value), ...(words.unit ? { unit: words.unit } : {}) };
}

/** An actual as printed: a number with or without its unit (and a remark after it, `100%（全部办结）`), a rating, or other text. */
export function parseActual(text: string): ActualValue {
    return withRemark(text, actualValue);
}

function actualValue(text: string): ActualValue {
    const rating = printedRatingOf(normalizeLabel(text));
    if (rating) return { kind: 'rating', rating: RATING_KEYWORD[rating].zh };
    const date = parseDeadline(text, false);
    if (date) return { kind: 'date', ...date };
    if (startsWithDate(text)) return { kind: 'text', text: text.trim() };
    const words = valueInWords(text);
    if (words) return { kind: 'measured', ...words };
    const m = MEASURED.exec(signed(text));
    const unit = m && unitAfterNumber(m[3]!);
    if (m && unit !== undefined) {
        return { kind: 'measured', ...(m[1] ? { comparator: m[1] } : {}), number: m[2]!, ...(unit ? { unit } : {}) };
    }
    return { kind: 'text', text: text.trim() };
}

/** A period as printed: `2023-01 至 2023-12`, `2023年1月-2023年12月`, `2023.01-2023.12`, `2023-2025年`. */
export function parsePeriod(text: string): { start: string; end: string } | undefined {
    // Whole years: `2023-2025年`, `2023年-2025年`, `2023年至2025年`.
    const span = /^(\d{4})\s*年?\s*[-—–~至到]\s*(\d{4})\s*年?$/.exec(text.normalize('NFKC').trim());
    if (span && span[1]! <= span[2]!) return { start: `${span[1]}-01`, end: `${span[2]}-12` };
    const month = /(\d{4})\s*[年.\-/]\s*(\d{1,2})\s*月?/g;
    const found = [...text.normalize('NFKC').matchAll(month)].map(m => `${m[1]}-${m[2]!.padStart(2, '0')}`);
    if (found.length >= 2) return { start: found[0]!, end: found[1]! };
    const years = [...text.matchAll(/(\d{4})\s*年(?!\s*\d)/g)].map(m => m[1]!);
    if (years.length === 1 && found.length === 0) return { start: `${years[0]}-01`, end: `${years[0]}-12` };
    return undefined;
}

/** A date as printed (`2021-03-31`, `2021/3/31`, `2021年3月31日`, `2018-04`) in the language's form. */
export function parseDate(text: string): string | undefined {
    const m = /^(\d{4})\s*[年.\-/]\s*(\d{1,2})\s*(?:[月.\-/]\s*(\d{1,2})\s*日?|月)?$/.exec(text.normalize('NFKC').trim());
    if (!m) return undefined;
    const month = Number(m[2]), day = m[3] === undefined ? undefined : Number(m[3]);
    if (month < 1 || month > 12 || (day !== undefined && (day < 1 || day > 31))) return undefined;
    return `${m[1]}-${m[2]!.padStart(2, '0')}${m[3] === undefined ? '' : `-${m[3].padStart(2, '0')}`}`;
}

/** After a date: by it, and what is to be done by then (`2023年11月30日前完成`); or only what is done. */
const BY = new RegExp(`^(?:前|之前|以前)${DONE_PHRASE}?$`, 'u');
const DONE = new RegExp(`^${DONE_PHRASE}?$`, 'u');
/** Within the year printed before it (`2023年内完成`), as the lexer reads it typed. */
const WITHIN_YEAR = new RegExp(`^内${DONE_PHRASE}?$`, 'u');
/** `2023年11月30日`, `2023年11月(底)`, `2023.11月(底)`, `2023-11-30`, `2023/11(底)`, `2023.11.30`, `2023年底`, `2023年`(内). */
const DATE_CORE = /^(\d{4})(?:(?:年|\.(?=\d{1,2}月))(\d{1,2})月(?:(\d{1,2})[日号]|(底|末))?|[-/](\d{1,2})(?:[-/](\d{1,2})|(底|末))?|\.(\d{1,2})\.(\d{1,2})|年(底|末|(?=内)))/;

/** A deadline by a month that does not say which day (`2023年11月前`, `≤2023-11前完成`): its year, month and 前. */
export function undatedMonth(text: string): { year: number; month: number; before: string } | undefined {
    const t = comparable(text).replace(/[\s\u3000]+/g, '');
    const m = /^(?:<=|<)?(\d{4})(?:[年.](\d{1,2})月|[-/.](\d{1,2}))(之前|以前|前)/.exec(t);
    return m && DONE.test(t.slice(m[0].length)) ? { year: Number(m[1]), month: Number(m[2] ?? m[3]), before: m[4]! } : undefined;
}

/** Text that begins with a date but says no one date (`2023年11月前`): words, not the number 2023. */
function startsWithDate(text: string): boolean {
    const t = comparable(text).replace(/[\s\u3000]+/g, '');
    return DATE_CORE.test(t.slice(leadingSign(t, true, true)?.text.length ?? 0));
}

/** The comparator a comparable text begins with, as a sign (`>=`) or in words (`不晚于`, if `words`), and its Op. */
function leadingSign(t: string, words: boolean, beforeDate = false): { text: string; op: string } | undefined {
    const sign = /^(>=|<=|=|>|<)/.exec(t)?.[1];
    if (sign) return { text: sign, op: sign };
    const word = words ? signWordAtStart(t) : undefined;
    return word && (beforeDate || !onlyBeforeDates(word)) ? { text: word, op: signWordOp(word)! } : undefined;
}

/**
 * A date as a target or an actual prints it, with its comparator: `≤2023-11-30`, `≤ 2023/11/30`,
 * `2023年11月30日前` and `2023-11-30前` (by that day), `2023年11月底前` and `2023/11底前` (by the month's last day,
 * written as the month), `2023年底前`, `不晚于2023年11月30日`; either may end in 完成 / 完工 ….
 * Only what says one date unambiguously: `2023年11月前` (before November, or by its end?) and
 * `2023.11` (a date, or the number 2023.11?) are no dates. `before` allows 前 / 之前 / 以前 and
 * 不晚于 (a target's deadline; an actual is a day, not a bound).
 */
export function parseDeadline(text: string, before: boolean): { comparator?: string; date: string } | undefined {
    // Words apart before blanks go (`no later than 2023-06-30`, `2023-06-30 or earlier`).
    let printed = comparable(text);
    const sign = leadingSign(printed, before, true);
    let comparator = sign?.op;
    printed = printed.slice(sign?.text.length ?? 0);
    const end = before ? boundAtEnd(printed) : undefined;
    if (end && /^[a-z]/i.test(end.bound)) {
        if (comparator !== undefined && comparator !== boundOp(end.bound)) return undefined;
        comparator = boundOp(end.bound);
        printed = printed.slice(0, end.index);
    }
    const t = printed.replace(/[\s\u3000]+/g, '');
    const m = DATE_CORE.exec(t);
    if (!m) return undefined;
    const rest = t.slice(m[0].length);
    const by = before && (BY.test(rest) || (m[10] === '' && WITHIN_YEAR.test(rest)));
    if (!by && !DONE.test(rest)) return undefined;
    const year = Number(m[1]);
    const month = Number(m[10] !== undefined ? 12 : m[2] ?? m[5] ?? m[8]);
    const dayText = m[3] ?? m[6] ?? m[9];
    const monthEnd = m[4] !== undefined || m[7] !== undefined || m[10] !== undefined;
    if (by) {
        // `2023年11月前`: before November begins, or before it ends? Not read as a date.
        if (dayText === undefined && !monthEnd) return undefined;
        if (comparator !== undefined && comparator !== '<=' && comparator !== '<') return undefined;
        comparator ??= '<=';
    }
    if (year < 1900 || year > 2199 || month < 1 || month > 12) return undefined;
    const mm = String(month).padStart(2, '0');
    const bound = comparator ? { comparator } : {};
    if (dayText === undefined) return { ...bound, date: `${year}-${mm}` };
    const day = Number(dayText);
    if (day < 1 || new Date(Date.UTC(year, month - 1, day)).getUTCDate() !== day) return undefined;
    return { ...bound, date: `${year}-${mm}-${String(day).padStart(2, '0')}` };
}
