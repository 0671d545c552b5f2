import { excel, pick, ruleDocsPath, ruleMeta, type Bilingual, type Locale } from '@kpispec/language/core';
import type { LintMessage } from '../results.js';
import type { ScoreSheet } from '../score/sheet.js';
import type { ReportData } from '../report/model.js';

/**
 * The reviewer's sheets that `kpispec export --review` adds to the forms and `kpispec report
 * --format xlsx` writes alone: the 问题清单 (one row per finding) and the 评分复核 (one row per
 * scored line). Both commands hand over what lint and score computed; nothing is recomputed here.
 */

/** A finding as both commands hold it: lint's message and the file it is shown in. */
export type FindingRow = Pick<LintMessage, 'ruleId' | 'severity' | 'message' | 'line' | 'column' | 'cell'> & {
    /** As printed (relative to the working folder). */
    file: string;
};

const SEVERITY: Readonly<Record<0 | 1 | 2, Bilingual>> = {
    0: { zh: '提示', en: 'info' },
    1: { zh: '警告', en: 'warning' },
    2: { zh: '错误', en: 'error' },
};

const FINDINGS_HEADS: readonly Bilingual[] = [
    { zh: '序号', en: 'No.' }, { zh: '文件', en: 'File' }, { zh: '位置', en: 'Location' }, { zh: '级别', en: 'Severity' },
    { zh: '规则', en: 'Rule' }, { zh: '问题', en: 'Problem' }, { zh: '依据来源', en: 'Source' }, { zh: '规则说明', en: 'Rule page' },
];

const SCORES_HEADS: readonly Bilingual[] = [
    { zh: '项目', en: 'Project' }, { zh: '自评', en: 'Assessment' }, { zh: '文件', en: 'File' }, { zh: '指标', en: 'Row' },
    { zh: '分值', en: 'Weight' }, { zh: '自评得分', en: 'Claimed' }, { zh: '复核得分', en: 'Rule score' }, { zh: '差额', en: 'Difference' },
    { zh: '扣分说明', en: 'Reason' },
];

const heads = (locale: Locale, labels: readonly Bilingual[]) => labels.map(l => ({ value: pick(locale, l), head: true }));
const cell = (value: string | number | undefined): excel.PlannedCell | undefined => (value === undefined ? undefined : { value });
const columnOf = (n: number) => String.fromCharCode(64 + n);

/**
 * The 问题清单 sheet: rule, message, where (a line and column, or the workbook's sheet and cell),
 * the rule's source (文号 and clause, or the evaluation report's section) and its page.
 */
export function findingsPlan(findings: Iterable<FindingRow>, locale: Locale): excel.SheetPlan {
    const rows: Array<Array<excel.PlannedCell | undefined>> = [[{ value: excel.REVIEW_SHEETS.findings }], heads(locale, FINDINGS_HEADS)];
    let n = 0;
    for (const f of findings) {
        const rule = ruleMeta(f.ruleId);
        rows.push([
            { value: ++n }, { value: f.file }, { value: f.cell ?? `${f.line}:${f.column}` }, { value: pick(locale, SEVERITY[f.severity]) },
            { value: f.ruleId }, { value: f.message }, { value: rule?.source ? pick(locale, rule.source) : '—' },
            { value: rule ? pick(locale, { zh: `${rule.title.zh}（${ruleDocsPath(rule.id)}）`, en: `${rule.title.en} (${ruleDocsPath(rule.id)})` }) : f.ruleId },
        ]);
    }
    return { name: excel.REVIEW_SHEETS.findings, rows, merges: [`A1:${columnOf(FINDINGS_HEADS.length)}1`], widths: [6, 24, 12, 8, 28, 60, 36, 40], tableFrom: 1, titleRow: 0 };
}

/** The 评分复核 sheet: every line of every recomputed form, as `kpispec score` prints it. */
export function scoresPlan(sheets: Iterable<ScoreSheet>, locale: Locale): excel.SheetPlan {
    const rows: Array<Array<excel.PlannedCell | undefined>> = [[{ value: excel.REVIEW_SHEETS.scores }], heads(locale, SCORES_HEADS)];
    for (const sheet of sheets) {
        for (const r of sheet.rows) {
            rows.push([
                cell(sheet.project), { value: sheet.assessment }, { value: sheet.file }, { value: r.row },
                cell(r.weight), cell(r.claimed), cell(r.ruleScore), cell(r.difference), { value: r.reason },
            ]);
        }
    }
    return { name: excel.REVIEW_SHEETS.scores, rows, merges: [`A1:${columnOf(SCORES_HEADS.length)}1`], widths: [20, 20, 24, 24, 8, 10, 10, 8, 60], tableFrom: 1, titleRow: 0 };
}

/** The workbook of `kpispec report --format xlsx` (and the web page's): the report's 问题清单 and 评分复核. */
export function reviewPlans(data: ReportData): excel.SheetPlan[] {
    const findings = [...data.projects.flatMap(p => p.findings), ...data.other];
    const sheets = data.projects.flatMap(p => p.assessments.map(a => a.sheet));
    return [findingsPlan(findings, data.locale), scoresPlan(sheets, data.locale)];
}
