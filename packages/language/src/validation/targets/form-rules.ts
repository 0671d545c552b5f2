// Rules on rows of a complete 申报表: last year's value, and the family a row is filed under.
import { AstUtils } from 'langium';
import { isProject, type Indicator } from '../../generated/ast.js';
import { familiesOf, groupName, level1Of, titleOf } from '../../model/project.js';
import { sourceText } from '../../model/held-to.js';
import { constraintOf, inTargetUnit, measureOf } from '../../model/values.js';
import { comparable, formatConstraint, formatMeasure, inUnitOf, parseDate, type Constraint, type Measure } from '../../units/index.js';
import { indicatorTreeBroken } from '../broken-text.js';
import type { Report } from '../report.js';
import { filedAsSatisfaction, namesFeeling, namesSatisfaction } from './satisfaction.js';

/**
 * Which way a target is better: `=` reads as "at least" for a positive value (`= 8 个`), as
 * "at most" for 0 (`= 0 起`) and for a date (done by then).
 */
function better(target: Constraint): 'higher' | 'lower' {
    if (target.op === '>=' || target.op === '>') return 'higher';
    if (target.op === '<=' || target.op === '<') return 'lower';
    return target.value.kind === 'number' && target.value.value > 0 ? 'higher' : 'lower';
}

/**
 * A date as (year, MMDD): 29 Feb counts as 28 Feb, so that month-end deadlines of leap and common
 * years agree.
 */
function yearAndDay(date: Measure & { kind: 'date' }): { year: number; mmdd: number } {
    const d = new Date(date.day * 86_400_000);
    const mmdd = (d.getUTCMonth() + 1) * 100 + d.getUTCDate();
    return { year: d.getUTCFullYear(), mmdd: mmdd === 229 ? 228 : mmdd };
}

const monthDay = (mmdd: number): string => `${String(Math.floor(mmdd / 100)).padStart(2, '0')}-${String(mmdd % 100).padStart(2, '0')}`;

/**
 * A target date against last year's, a year apart: the target is read in the year after last
 * year's date, so `2024-03-31` against `2022-12-31` is three months into the next year, later
 * than last year's year end, and `2020-06-30` against `2019-06-30` is the same place. `years`: how
 * many years past its own year the target falls (1 for the next year).
 */
function datesApart(target: Measure & { kind: 'date' }, lastYear: Measure & { kind: 'date' }): { a: number; b: number; years: number; md: string; lastMd: string } {
    const t = yearAndDay(target);
    const last = yearAndDay(lastYear);
    const years = t.year - (last.year + 1);
    return { a: years * 10_000 + t.mmdd, b: last.mmdd, years, md: monthDay(t.mmdd), lastMd: monthDay(last.mmdd) };
}

/** Where in the years a target date falls, as the message names it: `03-31`, `次年 03-31`, `上年 03-31`. */
function yearPlace(years: number, md: string): { zh: string; en: string } {
    if (years === 0) return { zh: md, en: md };
    if (years === 1) return { zh: `次年 ${md}`, en: `${md} of the next year` };
    if (years === -1) return { zh: `上年 ${md}`, en: `${md} of the year before` };
    return years > 0
        ? { zh: `${years} 年后的 ${md}`, en: `${md} ${years} years later` }
        : { zh: `${-years} 年前的 ${md}`, en: `${md} ${-years} years before` };
}

/**
 * The target at last year's level, in source syntax (`>= 2000 人`): last year's value in the
 * target's unit, or last year's date a year on (29 February as 28); `=` written as the direction
 * it is read in.
 */
function atLastYear(target: Constraint, lastYear: Measure): string | undefined {
    const op = target.op !== '=' ? target.op : better(target) === 'higher' ? '>=' : '<=';
    if (lastYear.kind === 'number') return sourceText({ op, value: target.value.kind === 'number' ? inUnitOf(lastYear, target.value) ?? lastYear : lastYear });
    const [, year, month, day] = /^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?$/.exec(lastYear.text) ?? [];
    const next = year && month && parseDate(`${Number(year) + 1}-${month}${day ? `-${Number(month) === 2 && day === '29' ? '28' : day}` : ''}`);
    return next ? sourceText({ op, value: next }) : undefined;
}

/**
 * A target that accepts a value worse than last year's actual (上年), in the target's direction.
 * Dates compare a year apart (see datesApart): each year's deadline falls a year later.
 */
export function targetBelowHistory(indicator: Indicator, report: Report): void {
    const target = constraintOf(indicator.target);
    const lastYear = indicator.lastYear && inTargetUnit(measureOf(indicator.lastYear), indicator.target);
    if (!target || !lastYear) return;
    const value = target.value;
    const apart = value.kind === 'date' && lastYear.kind === 'date' ? datesApart(value, lastYear) : undefined;
    const c = apart ? { ok: true as const, ...apart } : comparable(value, lastYear);
    if (!c.ok) return;
    const higher = better(target) === 'higher';
    if (higher ? c.a >= c.b : c.a <= c.b) return;
    const t = formatConstraint(target);
    const last = formatMeasure(lastYear);
    const place = apart && yearPlace(apart.years, apart.md);
    report('target/below-history', {
        node: indicator, property: 'target',
        message: apart && place
            ? higher
                ? { zh: `目标值 ${t} 在年内早于上年实际 ${last}（${place.zh} 早于 ${apart.lastMd}）：目标应不早于上年水平`, en: `Target ${t} is earlier in its year than last year's actual ${last} (${place.en} before ${apart.lastMd})` }
                : { zh: `目标值 ${t} 在年内晚于上年实际 ${last}（${place.zh} 晚于 ${apart.lastMd}）：目标应不晚于上年水平`, en: `Target ${t} is later in its year than last year's actual ${last} (${place.en} after ${apart.lastMd})` }
            : higher
                ? { zh: `目标值 ${t} 低于上年实际 ${last}：目标应不低于上年水平`, en: `Target ${t} accepts less than last year's actual ${last}` }
                : { zh: `目标值 ${t} 高于上年实际 ${last}：目标应不劣于上年水平`, en: `Target ${t} accepts more than last year's actual ${last}` },
        data: { target: t, lastYear: last, suggested: atLastYear(target, lastYear) },
    });
}

/**
 * A satisfaction row (see `namesSatisfaction`) not filed where satisfaction rows go, or a row
 * filed there that is no satisfaction row (a row of how people feel, `namesFeeling`, may stand in either). It still counts in the family it is filed under. Not
 * while the tree is broken: a missing `}` files the rows after it under the wrong group.
 */
export function targetMisfiled(indicator: Indicator, report: Report): void {
    const title = titleOf(indicator);
    if (!title) return;
    const { level1 } = familiesOf(indicator);
    const names = namesSatisfaction(title);
    const filed = filedAsSatisfaction(indicator);
    const misfiled = names ? !filed : filed && !namesFeeling(title);
    const project = AstUtils.getContainerOfType(indicator, isProject);
    if (!misfiled || (project && indicatorTreeBroken(project))) return;
    const group1 = level1Of(indicator);
    const container = indicator.$container;
    const where = [group1, container !== group1 ? container : undefined]
        .map(g => g && groupName(g)).filter(Boolean).join(' › ');
    report('target/misfiled', {
        node: indicator, property: 'name',
        message: names
            ? { zh: `指标「${title}」是满意度指标，却填在「${where}」下；应列入满意度指标`, en: `'${title}' is a satisfaction indicator but is filed under '${where}'; it belongs under satisfaction` }
            : { zh: `指标「${title}」不是满意度指标，却填在「${where}」下`, en: `'${title}' is not a satisfaction indicator but is filed under '${where}'` },
        data: { satisfaction: names, filedUnder: level1 },
    });
}
