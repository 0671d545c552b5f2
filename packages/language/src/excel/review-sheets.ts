import { pick, type Bilingual, type Locale } from '../i18n/locale.js';
import { isRuleId, ruleDocsPath, ruleMeta } from '../rules/catalog.js';
import type { LangiumDocument } from 'langium';
import { compareMessages, SEVERITY_WORDS, toLintMessage, type LintMessage } from '../validation/lint-message.js';
import type { PlannedCell, SheetPlan } from './sheet-plan.js';

/**
 * The reviewer's sheets: the 问题清单 (one row per finding), which `kpispec export --review` adds
 * to the forms, and the 评分复核 (one row per scored line), which `kpispec report -o F.xlsx` writes
 * beside it. What they list is computed elsewhere (lint, score); here they are laid out.
 */

/**
 * The sheets' names, Chinese in either language as the forms' are. A workbook whose only sheets
 * they are is KPI Spec's own review workbook, never read as a submission (see workbookToKpi).
 */
export const REVIEW_SHEETS = { findings: '问题清单', scores: '评分复核' } as const;

/** A finding as the 问题清单 lists it: lint's message and the file it is shown in. */
export type FindingRow = Pick<LintMessage, 'ruleId' | 'severity' | 'message' | 'line' | 'column' | 'cell'> & {
    /** As printed (relative to the working folder). */
    file: string;
    /** The rule's page, where it is published (`--docs-base-url`): the rule and its title link there. */
    docsUrl?: string;
};

/** The findings of documents, each file's in lint's order, named by `fileOf`, each rule linked to its page by `ruleUrl`. */
export function findingRows(documents: Iterable<LangiumDocument>, fileOf: (document: LangiumDocument) => string, ruleUrl?: (id: string) => string): FindingRow[] {
    return [...documents].flatMap(d => (d.diagnostics ?? []).map(x => toLintMessage(x)).sort(compareMessages).map(m => ({
        ...m, file: fileOf(d), ...(ruleUrl && isRuleId(m.ruleId) ? { docsUrl: ruleUrl(m.ruleId) } : {}),
    })));
}

const FINDINGS_HEADS: readonly Bilingual[] = [
    { zh: '序号', en: 'No.' }, { zh: '文件', en: 'File' }, { zh: '位置', en: 'Location' }, { zh: '级别', en: 'Severity' },
    { zh: '规则', en: 'Rule' }, { zh: '问题', en: 'Problem' }, { zh: '依据来源', en: 'Source' }, { zh: '规则说明', en: 'Rule page' },
];

/**
 * A review sheet: its name as a merged title row, a merged row for each line of `notes` (what was
 * not reviewed), a row of heads, then the rows given, bordered.
 */
export function titledTable(
    name: string, heads: readonly Bilingual[], rows: ReadonlyArray<ReadonlyArray<PlannedCell | undefined>>, widths: readonly number[], locale: Locale,
    notes: readonly string[] = [],
): SheetPlan {
    const across = (row: number) => `A${row}:${String.fromCharCode(64 + heads.length)}${row}`;
    return {
        name,
        rows: [[{ value: name }], ...notes.map(note => [{ value: note }]), heads.map(h => ({ value: pick(locale, h), head: true })), ...rows],
        merges: [across(1), ...notes.map((_, i) => across(i + 2))],
        widths,
        tableFrom: 1 + notes.length,
        titleRow: 0,
    };
}

/**
 * The 问题清单 sheet: rule, message, where (a line and column, or the workbook's sheet and cell),
 * the rule's source (文号 and clause, or the evaluation report's section) and its title, the rule
 * and title linked to its page (a finding's `docsUrl`), else naming the page's path; `notes`
 * under the title say what was not reviewed (files passed over).
 */
export function findingsPlan(findings: Iterable<FindingRow>, locale: Locale, notes: readonly string[] = []): SheetPlan {
    const rows: PlannedCell[][] = [];
    for (const f of findings) {
        const rule = ruleMeta(f.ruleId);
        // Linked to its page where that is known (as the report's page links it), else the page's path in the repository.
        const link = f.docsUrl ? { link: f.docsUrl } : {};
        rows.push([
            { value: rows.length + 1 }, { value: f.file }, { value: f.cell ?? `${f.line}:${f.column}` }, { value: pick(locale, SEVERITY_WORDS[f.severity]) },
            { value: f.ruleId, ...link }, { value: f.message }, { value: rule?.source ? pick(locale, rule.source) : '—' },
            { value: rule ? pick(locale, f.docsUrl ? rule.title : { zh: `${rule.title.zh}（${ruleDocsPath(rule.id)}）`, en: `${rule.title.en} (${ruleDocsPath(rule.id)})` }) : f.ruleId, ...link },
        ]);
    }
    return titledTable(REVIEW_SHEETS.findings, FINDINGS_HEADS, rows, [6, 24, 12, 8, 28, 60, 36, 40], locale, notes);
}
