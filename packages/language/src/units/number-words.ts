// Values printed in words (百分之九十五, 二十个以上, 次年3月底前): not a qualitative target's text,
// and not read as a value either: the lexer reports them, and the message says what to write
// (parser/lexer.ts, validation/syntax-errors.ts).
import type { Op } from './constraint.js';
import { boundAtEnd, boundOp, signWordAtStart, signWordOp } from './sign-words.js';
import { parseUnit } from './unit-table.js';

const DIGITS: Readonly<Record<string, number>> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const SMALL: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };
const LARGE: Readonly<Record<string, number>> = { 万: 1e4, 亿: 1e8 };
/** A numeral, its decimals after 点, then what follows it (a unit, or anything for the caller to judge). */
const NUMERAL = /^([零〇一二两三四五六七八九十百千万亿]+)(?:点([零〇一二三四五六七八九]+))?(.*)$/u;
/**
 * A numeral in digits and place words (`3万5千`, `1亿2000万`, `2万5`), with no decimals (the empty
 * group, as NUMERAL's): a digit after a place word tells it from a number and its unit (`3万人` is 3
 * of the unit 万人).
 */
const MIXED_NUMERAL = /^(\d+[十百千万亿\d]*)()(.*)$/u;
const DIGIT_AFTER_PLACE = /[十百千万亿]\d/;
/** 百分之 / 千分之 before the numeral: a share; 百分百 is 100 %. */
const SHARE = /^(百分之|千分之)/;
/** Tenths as said (九成 is 90 %, 九成五 95 %, 十成 100 %). */
const TENTHS = /^([一二两三四五六七八九]|十)成([一二三四五六七八九])?$/u;

/** A value printed in words: the comparator its words say, the number, and its unit (`%` for 百分之). */
export interface NumberInWords {
    op?: Op;
    value: number;
    unit?: string;
}

/**
 * The value a word prints in Chinese numerals, with a comparator word before it (`不低于`) or a
 * bound after it (`以上`), if the whole word is one: a share (`百分之九十五`), or a numeral with a
 * unit the unit table knows (`二十个`, `三十天`) or alone, in digits and place words too (`3万5千人`).
 * Words that begin with a numeral and go on in words (`十分满意`, `一流`, `万无一失`) are text.
 */
export function numberInWords(word: string): NumberInWords | undefined {
    const sign = signWordAtStart(word);
    let rest = sign ? word.slice(sign.length) : word;
    const bound = boundAtEnd(rest);
    const boundWord = bound && rest.slice(bound.index);
    if (bound) rest = rest.slice(0, bound.index);
    const op = (sign ? signWordOp(sign) : undefined) ?? (boundWord ? boundOp(boundWord) : undefined);
    if (rest === '百分百') return { op, value: 100, unit: '%' };
    const tenths = TENTHS.exec(rest);
    if (tenths) return { op, value: (tenths[1] === '十' ? 100 : DIGITS[tenths[1]!]! * 10) + (tenths[2] ? DIGITS[tenths[2]]! : 0), unit: '%' };
    const share = SHARE.exec(rest)?.[1];
    const mixed = share ? null : MIXED_NUMERAL.exec(rest);
    const m = NUMERAL.exec(share ? rest.slice(share.length) : rest) ?? (mixed && DIGIT_AFTER_PLACE.test(mixed[1]!) ? mixed : null);
    if (!m) return undefined;
    const [, whole, decimals, after] = m;
    if (share ? after !== '' : after !== '' && !parseUnit(after).known) return undefined;
    const integer = numeralValue(whole!);
    if (integer === undefined) return undefined;
    const value = decimals ? Number(`${integer}.${[...decimals].map(d => DIGITS[d]).join('')}`) : integer;
    return { op, value, unit: share === '百分之' ? '%' : share ? '‰' : after || undefined };
}

/**
 * 九十五 → 95, 一千二百 → 1200, 二〇二三 → 2023 (digits alone, as years are written), 3万5千 → 35000;
 * undefined if not a numeral. A digit last after a place word counts in the next place down, as
 * it is said (一千五 is 1500, 三万五 and 3万5 are 35000), unless 零 stands between (一千零五 is 1005).
 */
function numeralValue(numeral: string): number | undefined {
    if ([...numeral].every(c => c in DIGITS)) return Number([...numeral].map(c => DIGITS[c]).join(''));
    let total = 0;
    let section = 0;
    let digit: number | undefined;
    /** The last place word's value, and whether 零 came after it. */
    let place: number | undefined;
    let zero = false;
    // A run of digits (`2000` in `1亿2000万`) is one digit of the numeral.
    for (const c of numeral.match(/\d+|./gu) ?? []) {
        const value = /^\d/.test(c) ? Number(c) : DIGITS[c];
        if (value !== undefined) {
            // 零 holds a place (一千零五); two digits in a row otherwise are no numeral.
            if (digit !== undefined && digit !== 0) return undefined;
            if (value === 0) zero = true;
            digit = value;
        } else if (c in SMALL) {
            section += (digit ?? 1) * SMALL[c]!;
            digit = undefined;
            place = SMALL[c]!;
            zero = false;
        } else {
            section += digit ?? 0;
            if (section === 0) return undefined;
            total += section * LARGE[c]!;
            section = 0;
            digit = undefined;
            place = LARGE[c]!;
            zero = false;
        }
    }
    if (digit === undefined || place === undefined || place === 10 || zero) return total + section + (digit ?? 0);
    // 3万25: which places the digits stand in is not said.
    return digit < 10 ? total + section + digit * place / 10 : undefined;
}

/** A numeral in digits and one place word (`3万`), which glued to a unit reads as a unit of its own (3 万人). */
const DIGITS_THEN_PLACE = /^\d+[十百千万亿]$/;

/**
 * A value in words and its unit printed apart (`3万5千 人`, `3万 人`): the value, as numberInWords
 * reads it with the blanks left out; digits and one place word count here (`3万 人` is 30000 人),
 * as the blank makes the place word no part of the unit.
 */
export function spacedNumberInWords(text: string): NumberInWords | undefined {
    const m = /^(\S+)[ \t]+(\S+)$/u.exec(text);
    if (!m || !parseUnit(m[2]!).known) return undefined;
    const numeral = m[1]!;
    const value = DIGITS_THEN_PLACE.test(numeral) ? { value: numeralValue(numeral)! } : numberInWords(numeral);
    return value && value.unit === undefined ? { ...value, unit: m[2]! } : undefined;
}

/** How the value is written in the language (`>= 95%`, `20 个`). */
export function writtenNumber({ op, value, unit }: NumberInWords): string {
    const quantity = unit === '%' || unit === '‰' ? `${value}${unit}` : unit ? `${value} ${unit}` : String(value);
    return op ? `${op} ${quantity}` : quantity;
}

/** A month or a day after a year said in words (`次年3月底前`, `当年12月31日前`): which year is not said. */
const RELATIVE_YEAR_DEADLINE = /^(?:次年|当年|本年|今年|明年|下年|翌年|来年|年度)\d{1,2}月(?:\d{1,2}日|[底末])?(?:之|以)?前?$/;

/** A deadline whose year is said in words (`次年3月底前`). */
export function isRelativeYearDeadline(word: string): boolean {
    return RELATIVE_YEAR_DEADLINE.test(word);
}

/** Whether a word prints a value in words: a number (numberInWords) or a deadline whose year is said in words. */
export function isValueInWords(word: string): boolean {
    return isRelativeYearDeadline(word) || numberInWords(word) !== undefined;
}
