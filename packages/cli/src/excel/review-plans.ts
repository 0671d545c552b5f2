import { excel, type Bilingual, type Locale } from '@kpispec/language/core';
import type { ScoreSheet } from '../score/sheet.js';
import type { ReportData } from '../report/model.js';
import { notReviewed, notReviewedLine } from '../report/not-reviewed.js';

/**
 * The reviewer's workbook that `kpispec report -o F.xlsx` writes (and the web page and the
 * editor's *Save Report…*): the language's 问题清单 and the 评分复核 of `kpispec score`'s sheets.
 */

const SCORES_HEADS: readonly Bilingual[] = [
    { zh: '项目', en: 'Project' }, { zh: '自评', en: 'Assessment' }, { zh: '文件', en: 'File' }, { zh: '指标', en: 'Row' },
    { zh: '目标值', en: 'Target' }, { zh: '实际值', en: 'Actual' }, { zh: '分值', en: 'Weight' }, { zh: '自评得分', en: 'Claimed' }, { zh: '复核得分', en: 'Rule score' }, { zh: '差额', en: 'Difference' },
    { zh: '扣分说明', en: 'Reason' },
];

const cell = (value: string | number | undefined): excel.PlannedCell | undefined => (value === undefined ? undefined : { value });

/** The 评分复核 sheet: every line of every recomputed form, its target and actual, as `kpispec score` prints it. */
export function scoresPlan(sheets: Iterable<ScoreSheet>, locale: Locale): excel.SheetPlan {
    const rows: Array<Array<excel.PlannedCell | undefined>> = [];
    for (const sheet of sheets) {
        for (const r of sheet.rows) {
            rows.push([
                cell(sheet.project), { value: sheet.assessment }, { value: sheet.file }, { value: r.row }, cell(r.target), cell(r.actual),
                cell(r.weight), cell(r.claimed), cell(r.ruleScore), cell(r.difference), { value: r.reason },
            ]);
        }
    }
    return excel.titledTable(excel.REVIEW_SHEETS.scores, SCORES_HEADS, rows, [20, 20, 24, 24, 14, 14, 8, 10, 10, 8, 60], locale);
}

/**
 * The workbook of `kpispec report --format xlsx` (and the web page's): the report's 问题清单, which
 * names under its title what was not reviewed as the page does under the scope, and 评分复核.
 */
export function reviewPlans(data: ReportData): excel.SheetPlan[] {
    const findings = [...data.projects.flatMap(p => p.findings), ...data.other];
    const sheets = data.projects.flatMap(p => p.assessments.map(a => a.sheet));
    const notes = notReviewed(data).map(k => notReviewedLine(k, data.locale));
    return [excel.findingsPlan(findings, data.locale, notes), scoresPlan(sheets, data.locale)];
}
