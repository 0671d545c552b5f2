// Rules on rows of a complete 申报表: last year's value, and the family a row is filed under.
import type { Indicator } from '../../generated/ast.js';
import { familiesOf, groupName, level1Of, titleOf } from '../../model/project.js';
import { constraintOf, inTargetUnit, measureOf } from '../../model/values.js';
import { comparable, formatConstraint, formatMeasure, type Constraint } from '../../units/index.js';
import type { Report } from '../report.js';

/**
 * Which way a target is better: `=` reads as "at least" for a positive value (`= 8 个`), as
 * "at most" for 0 (`= 0 起`) and for a date (done by then).
 */
function better(target: Constraint): 'higher' | 'lower' {
    if (target.op === '>=' || target.op === '>') return 'higher';
    if (target.op === '<=' || target.op === '<') return 'lower';
    return target.value.kind === 'number' && target.value.value > 0 ? 'higher' : 'lower';
}

/** A target that accepts a value worse than last year's actual (上年), in the target's direction. */
export function targetBelowHistory(indicator: Indicator, report: Report): void {
    const target = constraintOf(indicator.target);
    const lastYear = indicator.lastYear && inTargetUnit(measureOf(indicator.lastYear), indicator.target);
    if (!target || !lastYear) return;
    const c = comparable(target.value, lastYear);
    if (!c.ok) return;
    const higher = better(target) === 'higher';
    if (higher ? c.a >= c.b : c.a <= c.b) return;
    const t = formatConstraint(target);
    const last = formatMeasure(lastYear);
    report('target/below-history', {
        node: indicator, property: 'target',
        message: higher
            ? { zh: `目标值 ${t} 低于上年实际 ${last}：目标应不低于上年水平`, en: `Target ${t} accepts less than last year's actual ${last}` }
            : { zh: `目标值 ${t} 高于上年实际 ${last}：目标应不劣于上年水平`, en: `Target ${t} accepts more than last year's actual ${last}` },
        data: { target: t, lastYear: last },
    });
}

const SATISFACTION = /满意|satisf/i;

/**
 * A satisfaction row (its title names 满意 or satisf…) outside 满意度指标 and outside a
 * 服务对象满意度 group, or a row under 满意度指标 that is no satisfaction row. It still counts
 * in the family it is filed under.
 */
export function targetMisfiled(indicator: Indicator, report: Report): void {
    const title = titleOf(indicator);
    if (!title) return;
    const { level1, level2 } = familiesOf(indicator);
    const names = SATISFACTION.test(title);
    const inSatisfaction = level1 === 'satisfaction';
    const misfiled = names ? !inSatisfaction && level2 !== 'beneficiary' : inSatisfaction;
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
