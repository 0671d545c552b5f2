// Rules on rows of a complete 申报表: last year's value, and the family a row is filed under.
import type { Indicator } from '../../generated/ast.js';
import { familiesOf, groupName, level1Of, titleOf } from '../../model/project.js';
import { constraintOf, inTargetUnit, measureOf } from '../../model/values.js';
import { comparable, formatConstraint, formatMeasure, type Constraint, type Measure } from '../../units/index.js';
import type { Report } from '../report.js';
import { filedAsSatisfaction, namesSatisfaction } from './satisfaction.js';

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
 * A date's place in its year as MMDD, so that deadlines of different years compare; 29 Feb
 * counts as 28 Feb, so that month-end deadlines of leap and common years agree.
 */
function inYear(date: Measure & { kind: 'date' }): number {
    const d = new Date(date.day * 86_400_000);
    const mmdd = (d.getUTCMonth() + 1) * 100 + d.getUTCDate();
    return mmdd === 229 ? 228 : mmdd;
}

const monthDay = (mmdd: number): string => `${String(Math.floor(mmdd / 100)).padStart(2, '0')}-${String(mmdd % 100).padStart(2, '0')}`;

/**
 * A target that accepts a value worse than last year's actual (上年), in the target's direction.
 * Dates compare by their place in the year: each year's deadline falls a year later.
 */
export function targetBelowHistory(indicator: Indicator, report: Report): void {
    const target = constraintOf(indicator.target);
    const lastYear = indicator.lastYear && inTargetUnit(measureOf(indicator.lastYear), indicator.target);
    if (!target || !lastYear) return;
    const value = target.value;
    const dates = value.kind === 'date' && lastYear.kind === 'date';
    const c = dates ? { ok: true as const, a: inYear(value), b: inYear(lastYear) } : comparable(value, lastYear);
    if (!c.ok) return;
    const higher = better(target) === 'higher';
    if (higher ? c.a >= c.b : c.a <= c.b) return;
    const t = formatConstraint(target);
    const last = formatMeasure(lastYear);
    const [md, lastMd] = [monthDay(c.a), monthDay(c.b)];
    report('target/below-history', {
        node: indicator, property: 'target',
        message: dates
            ? higher
                ? { zh: `目标值 ${t} 在年内早于上年实际 ${last}（${md} 早于 ${lastMd}）：目标应不早于上年水平`, en: `Target ${t} is earlier in its year than last year's actual ${last} (${md} before ${lastMd})` }
                : { zh: `目标值 ${t} 在年内晚于上年实际 ${last}（${md} 晚于 ${lastMd}）：目标应不晚于上年水平`, en: `Target ${t} is later in its year than last year's actual ${last} (${md} after ${lastMd})` }
            : higher
                ? { zh: `目标值 ${t} 低于上年实际 ${last}：目标应不低于上年水平`, en: `Target ${t} accepts less than last year's actual ${last}` }
                : { zh: `目标值 ${t} 高于上年实际 ${last}：目标应不劣于上年水平`, en: `Target ${t} accepts more than last year's actual ${last}` },
        data: { target: t, lastYear: last },
    });
}

/**
 * A satisfaction row (see `namesSatisfaction`) not filed where satisfaction rows go, or a row
 * filed there that is no satisfaction row. It still counts in the family it is filed under.
 */
export function targetMisfiled(indicator: Indicator, report: Report): void {
    const title = titleOf(indicator);
    if (!title) return;
    const { level1 } = familiesOf(indicator);
    const names = namesSatisfaction(title);
    const filed = filedAsSatisfaction(indicator);
    const misfiled = names ? !filed : filed;
    if (!misfiled) return;
    const group1 = level1Of(indicator);
    const container = indicator.$container;
    const where = [group1, container !== group1 ? container : undefined]
        .map(g => g && groupName(g)).filter(Boolean).join(' › ');
    report('target/misfiled', {
        node: indicator, property: 'name',
        message: names
            ? { zh: `指标「${title}」是满意度指标，却填在「${where}」下；应列入满意度指标`, en: `'${title}' is a satisfaction indicator but is filed under '${where}'; it belongs under satisfaction` }
            : { zh: `指标「${title}」不是满意度指标，却填在「${where}」下`, en: `'${title}' is no satisfaction indicator but is filed under '${where}'` },
        data: { satisfaction: names, filedUnder: level1 },
    });
}
