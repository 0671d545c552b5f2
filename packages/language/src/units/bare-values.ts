// Numbers written without their unit, read in the unit of the value they are compared with: forms
// print the unit only in the target column, so an actual of 8 under `= 8 个` is 8 个.
import { direction, type Constraint } from './constraint.js';
import type { Measure } from './measure.js';
import { parseUnit } from './unit-table.js';

type NumberMeasure = Measure & { kind: 'number' };

/** Magnitudes written alone after a number (`1.25万`), which need a measure word. */
const MAGNITUDES = ['万', '亿'];

/**
 * A magnitude written alone (`1.25万`) read with the measure word of the unit it is compared with:
 * 万 under 万人 or 人 is 万人, under 亩 万亩, and 亿 under 万元 is 亿元. Undefined when `unit` is no
 * magnitude alone, or the other unit has no word that takes it (万 under %, under 元/人).
 */
export function withMeasureWord(unit: string | undefined, other: string | undefined): string | undefined {
    const magnitude = unit?.trim();
    if (!magnitude || !MAGNITUDES.includes(magnitude) || !other) return undefined;
    const otherUnit = parseUnit(other);
    if (!otherUnit.known || /[/*·]/.test(otherUnit.text)) return undefined;
    const word = MAGNITUDES.some(m => otherUnit.text.startsWith(m)) ? otherUnit.text.slice(1) : otherUnit.text;
    const worded = parseUnit(magnitude + word);
    return worded.known && worded.base === otherUnit.base ? worded.text : undefined;
}

/** A bare number whose reading in its target's unit is not likely what was meant. */
export interface DoubtfulReading {
    /**
     * 'fraction': a share written as a fraction, as a cell formatted as a percentage pastes it
     * (0.96 under ≥ 90%); 'word': a count or amount in the target's word without its 万 (12500
     * under ≥ 1.2 万人).
     */
    kind: 'fraction' | 'word';
    /** The number in the target's unit, as it is read. */
    read: NumberMeasure;
    /** What it likely means: 96%, 12500 人. */
    meant: NumberMeasure;
    /** read ÷ target. */
    share: number;
}

/** A target worth at least this many percent is not met by a fraction of one percent, so 0 < x ≤ 1 reads as a share. */
const FRACTION_TARGET_FROM = 10;
/** Read in the target's 万-word, a number this many times its target… */
const WORD_SHARE_FROM = 1000;
/** …whose reading in the word itself lies this close to the target (between ÷10 and ×10) was written in the word. */
const WORD_PLAUSIBLE = 10;

/**
 * Whether a bare number read in its target's unit is implausible while another reading is not.
 * A 0–1 number under a target of at least 10% that is better higher (0.96 under ≥ 90%: a cell
 * formatted as a percentage, pasted as its value); a 0.5 under ≤ 1% is a plausible 0.5%. A number
 * at least 1000 times its target in the target's 万 (or 亿) word, that is close to the target in
 * the word itself (12500 under ≥ 1.2 万人: 12500 人).
 */
export function doubtfulReading(value: number, target: Constraint): DoubtfulReading | undefined {
    const t = target.value;
    if (t.kind !== 'number' || t.unit === undefined || !(value > 0) || !(t.value > 0)) return undefined;
    const unit = parseUnit(t.unit);
    const read = { kind: 'number' as const, value, unit: t.unit };
    const share = value / t.value;
    if (unit.dimension === 'percent' && unit.factor === 1) {
        if (t.value < FRACTION_TARGET_FROM || value > 1 || direction(target.op) !== 'higher') return undefined;
        return { kind: 'fraction', read, meant: { ...read, value: Number((value * 100).toPrecision(12)) }, share };
    }
    const magnitude = MAGNITUDES.find(m => unit.text.startsWith(m));
    const word = magnitude && parseUnit(unit.text.slice(magnitude.length));
    if (!word || !word.known || word.base !== unit.base || share < WORD_SHARE_FROM) return undefined;
    const inWord = share * word.factor / unit.factor;
    if (inWord < 1 / WORD_PLAUSIBLE || inWord > WORD_PLAUSIBLE) return undefined;
    return { kind: 'word', read, meant: { ...read, unit: word.text }, share };
}
