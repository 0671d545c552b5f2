// A project's 实施期 as days, and the year an assessment reports on (or its 评价日), to tell whether one lies in the other.
import { isAsOf, type Assessment, type Period } from '../generated/ast.js';
import { parseDate, type Measure } from '../units/index.js';

type Day = Measure & { kind: 'date' };

const MONTH = /^(\d{4})-(\d{1,2})$/;

/** A date as a day; a month (`2023-01`) is its first day at the start of a period, its last at the end (as parseDate reads it). */
function dayOf(text: string | undefined, at: 'start' | 'end'): Day | undefined {
    const date = text === undefined ? undefined : parseDate(at === 'start' && MONTH.test(text) ? `${text}-01` : text);
    return date?.kind === 'date' ? date : undefined;
}

/**
 * What a 实施期 spans: its first and last day, the days from one to the other (both counted),
 * and, when both ends are months (`2023-01 至 2023-12`), the months; undefined unless both ends are dates.
 */
export function periodSpan(period: Period | undefined): { start: Day; end: Day; days: number; months?: number } | undefined {
    const start = dayOf(period?.start?.value, 'start');
    const end = dayOf(period?.end?.value, 'end');
    if (!start || !end) return undefined;
    const [from, to] = [MONTH.exec(period!.start.value), MONTH.exec(period!.end.value)];
    const months = from && to ? (Number(to[1]) - Number(from[1])) * 12 + Number(to[2]) - Number(from[2]) + 1 : undefined;
    return { start, end, days: end.day - start.day + 1, months };
}

/** How much of a calendar year lies in a span: all of it, part of it, or none. */
export function yearInSpan(year: number, span: { start: Day; end: Day }): 'whole' | 'part' | 'none' {
    const first = dayOf(`${year}-01-01`, 'start');
    const last = dayOf(`${year}-12-31`, 'end');
    if (!first || !last) return 'none';
    if (span.start.day <= first.day && span.end.day >= last.day) return 'whole';
    return span.start.day <= last.day && span.end.day >= first.day ? 'part' : 'none';
}

/**
 * The year an assessment reports on, as its title names it (`…2023年度绩效自评`, `self-assessment
 * 2023`); undefined when the title names none, or more than one without 年度 (`2019-07至2020-06`).
 */
export function assessedYear(assessment: Assessment): number | undefined {
    const title = assessment.title ?? '';
    const annual = /(\d{4})\s*年度/.exec(title);
    if (annual) return Number(annual[1]);
    const years = new Set([...title.matchAll(/(?<!\d)(?:19|20)\d{2}(?!\d)/g)].map(m => Number(m[0])));
    return years.size === 1 ? [...years][0] : undefined;
}

/**
 * An assessment's 评价日 against a span: before it starts, in it, or after it ends; undefined
 * without a 评价日 that is a date. What places an assessment whose title names no single year.
 */
export function asOfInSpan(assessment: Assessment, span: { start: Day; end: Day }): { text: string; where: 'before' | 'in' | 'after' } | undefined {
    const text = assessment.items.find(isAsOf)?.date?.value;
    const day = dayOf(text, 'end');
    if (!text || !day) return undefined;
    return { text, where: day.day < span.start.day ? 'before' : day.day > span.end.day ? 'after' : 'in' };
}
