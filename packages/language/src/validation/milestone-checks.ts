import { isAsOf, isAssessment, type DateLiteral, type MilestoneAssessment } from '../generated/ast.js';
import type { Bilingual } from '../i18n/locale.js';
import type { KpiCoreServices } from '../kpi-core-module.js';
import { measureOf } from '../model/values.js';
import { dayDiff, parseDate, type Measure } from '../units/index.js';
import { reading } from './check-reads.js';
import type { KpiChecks, Related, Report } from './report.js';

type DateMeasure = Measure & { kind: 'date' };

const DAYS_PER_MONTH = 365.25 / 12;

function dateOf(literal: DateLiteral | undefined): DateMeasure | undefined {
    const m = literal?.value ? measureOf(literal) : undefined;
    return m?.kind === 'date' ? m : undefined;
}

/**
 * A delay in days, with months once it is a month or more (days ÷ 30.44, rounded):
 * `670 天（约22个月）` / `670 days (about 22 months)`; 20 days stay `20 天`.
 */
export function delay(days: number): { text: Bilingual; data: { days: number; months: number } } {
    const months = days < DAYS_PER_MONTH ? 0 : Math.round(days / DAYS_PER_MONTH);
    const inDays = { zh: `${days} 天`, en: `${days} ${days === 1 ? 'day' : 'days'}` };
    const text = months === 0
        ? inDays
        : { zh: `${inDays.zh}（约${months}个月）`, en: `${inDays.en} (about ${months} ${months === 1 ? 'month' : 'months'})` };
    return { text, data: { days, months } };
}

function today(): DateMeasure {
    return parseDate(new Date().toISOString().slice(0, 10)) as DateMeasure;
}

/** A milestone done after its plan: both dates and the days late. */
export function lateness(node: MilestoneAssessment): { planned: DateMeasure; done: DateMeasure; days: number } | undefined {
    const planned = dateOf(node.milestone?.ref?.planned);
    const done = dateOf(node.date);
    if (!node.done || !planned || !done) return undefined;
    const days = dayDiff(planned, done);
    return days > 0 ? { planned, done, days } : undefined;
}

/** Not done and planned before the assessment's 评价日, or before today when it has none. */
export function overdueness(node: MilestoneAssessment): { planned: DateMeasure; asOf: DateMeasure; asOfWritten: boolean; days: number } | undefined {
    const planned = dateOf(node.milestone?.ref?.planned);
    if (!node.pending || !planned) return undefined;
    const assessment = node.$container;
    const asOfLine = isAssessment(assessment) ? assessment.items.find(isAsOf) : undefined;
    const asOf = dateOf(asOfLine?.date) ?? today();
    const days = dayDiff(planned, asOf);
    return days > 0 ? { planned, asOf, asOfWritten: asOfLine !== undefined, days } : undefined;
}

/** The project's milestone, where its planned date is. */
function plannedAt(node: MilestoneAssessment): Related[] {
    const milestone = node.milestone?.ref;
    if (!milestone) return [];
    const planned = milestone.planned?.value;
    return [{ node: milestone, message: { zh: `里程碑「${milestone.name}」${planned ? `计划 ${planned}` : ''}`, en: `milestone '${milestone.name}'${planned ? ` planned ${planned}` : ''}` } }];
}

/** The `milestone/*` rules of RULES.md, one function each, named as the rule. */
export function milestoneChecks(_services: KpiCoreServices): KpiChecks {

    function milestoneLate(node: MilestoneAssessment, report: Report): void {
        const found = lateness(node);
        if (!found) return;
        const { planned, done } = found;
        const late = delay(found.days);
        report('milestone/late', {
            node,
            message: {
                zh: `计划 ${planned.text}，实际 ${done.text}，滞后 ${late.text.zh}`,
                en: `Planned ${planned.text}, done ${done.text}: ${late.text.en} late`,
            },
            data: late.data,
            related: plannedAt(node),
        });
    }

    function milestoneOverdue(node: MilestoneAssessment, report: Report): void {
        const found = overdueness(node);
        if (!found) return;
        const { planned, asOf } = found;
        const { text, data } = delay(found.days);
        const by = found.asOfWritten ? { zh: `截至评价日 ${asOf.text} `, en: `as of ${asOf.text}` } : { zh: '截至今日', en: 'as of today' };
        report('milestone/overdue', {
            node,
            message: {
                zh: `计划 ${planned.text} 完成，${by.zh}仍未完成，逾期 ${text.zh}`,
                en: `Planned ${planned.text}, still pending ${by.en}: ${text.en} overdue`,
            },
            data,
            related: plannedAt(node),
        });
    }

    return {
        // The planned dates of the project's milestones.
        MilestoneAssessment: reading(['Project'], milestoneLate, milestoneOverdue),
    };
}
