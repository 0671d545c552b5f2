/**
 * Excel forms in and out: workbook bytes → form models (layouts A, B, C) → .kpi text with a map
 * from text to cells. No file system here: the CLI, the language server and a browser page all
 * pass bytes.
 */
import { emitForm, projectNameOf, type EmitOptions, type EmittedForm } from './emit-kpi.js';
import type { FormModel, Goal } from './form-model.js';
import { missingLabel, readForm } from './read-form.js';
import { REVIEW_SHEETS } from './review-sheets.js';
import { readSheets } from './sheet-grid.js';
import { workbookError } from './workbook-error.js';
import { pick, type Locale } from '../i18n/locale.js';
import { URI, UriUtils, type LangiumDocument } from 'langium';
import { isProject, type Model } from '../generated/ast.js';

export type { EmitOptions, EmittedForm, FormKeywords, SourceSpan, SpanField } from './emit-kpi.js';
export { emitForm, projectNameOf } from './emit-kpi.js';
export { cellAt } from './source-map.js';
export type * from './form-model.js';
export { readForm } from './read-form.js';
export { checkWorkbookSize, MAX_WORKBOOK_BYTES, readSheets, type GridCell, type HiddenRows, type SheetGrid } from './sheet-grid.js';
export { WorkbookError } from './workbook-error.js';
export type { PlannedCell, SheetPlan } from './sheet-plan.js';
export { assessmentFormPlan, formPlans, formSheetName, targetFormPlan } from './export-plans.js';
export { findingRows, findingsPlan, REVIEW_SHEETS, titledTable, type FindingRow } from './review-sheets.js';

/**
 * The .kpi file a form is imported to, beside its workbook: `自评表.xlsx` → `自评表.kpi`, or
 * `自评表-<sheet>.kpi` when the workbook holds several forms.
 */
export function kpiFileName(workbookName: string, sheet: string, formCount: number): string {
    const stem = workbookName.replace(/\.(xlsx|xls)$/i, '');
    return formCount === 1 ? `${stem}.kpi` : `${stem}-${sheet.replace(/[\\/:*?"<>|]/g, '_')}.kpi`;
}

/** A form's text with what could not be read listed in comments after its first line. */
export function withProblemComments(form: EmittedForm, locale: Locale): string {
    if (form.problems.length === 0) return form.text;
    const [first, ...rest] = form.text.split('\n');
    const label = locale === 'en' ? 'not read' : '未读入';
    return [first, ...form.problems.map(p => `// ${label} ${form.sheet}!${p.cell}: ${pick(locale, p.text)}`), ...rest].join('\n');
}

/** File extensions read as workbooks. */
export const WORKBOOK_EXTENSIONS: readonly string[] = ['.xlsx', '.xls'];

export function isWorkbookPath(path: string): boolean {
    const lower = path.toLowerCase();
    return WORKBOOK_EXTENSIONS.some(ext => lower.endsWith(ext));
}

/** The path of the document a workbook's form is read as: `自评表.xlsx/自评表.kpi`. */
export function sheetPath(workbookPath: string, sheet: string): string {
    return `${workbookPath}/${sheet}.kpi`;
}

/** Whether a document is a workbook's form (see sheetPath): its text is made from cells, it is no file. */
export function isSheetPath(path: string): boolean {
    return isWorkbookPath(path.slice(0, path.lastIndexOf('/')));
}

/**
 * How a message in the file at `from` names the file at `path`: its name, or a workbook's form as
 * findings name it (`自评表.xlsx 自评表`), after the way from `from`'s folder when it lies in
 * another (`../p0002/targets.kpi`): a province's folders each hold a `targets.kpi`.
 */
export function displayName(path: string, from: string): string {
    const parts = path.split('/');
    const name = parts.pop() ?? path;
    const shown = isSheetPath(path) ? `${parts.pop()} ${name.slice(0, -'.kpi'.length)}` : name;
    const way = UriUtils.relative(URI.from({ scheme: 'file', path: folderOf(from) }), URI.from({ scheme: 'file', path: parts.join('/') }));
    // Langium ends a way up with a slash (`../`), a way down without (`p0002`).
    return way ? `${way.replace(/\/$/, '')}/${shown}` : shown;
}

/** The folder of a file, or of the workbook a form's document stands for. */
function folderOf(path: string): string {
    const folder = path.slice(0, path.lastIndexOf('/'));
    return isSheetPath(path) ? folder.slice(0, folder.lastIndexOf('/')) : folder;
}

/** A workbook's forms as read from its sheets, before they are written as .kpi text. */
export interface WorkbookForms {
    /** The workbook's base name. */
    readonly fileName: string;
    readonly forms: readonly FormModel[];
}

/**
 * Reads every form of a workbook, one per sheet that holds one. Sheets that hold no form (a
 * 填报说明 page) are skipped, and hidden sheets where a sheet shown holds a form; a workbook with no form at all is a `WorkbookError` naming the
 * first label it lacks, or saying that it is KPI Spec's own review workbook. `fileName` is the
 * workbook's base name: it names projects of sheets without a `项目名称`.
 */
export async function readWorkbook(bytes: Uint8Array, fileName: string): Promise<WorkbookForms> {
    const sheets = await readSheets(bytes);
    const stem = fileName.replace(/\.(xlsx|xls)$/i, '');
    const all = sheets.map(sheet => ({ sheet, form: readForm(sheet, sheets.length > 1 ? `${stem}${sheet.name}` : stem) })).filter(f => f.form);
    // A hidden sheet is no part of what is submitted (last year's form kept out of sight) unless no sheet shown holds a form.
    const shown = all.filter(f => !f.sheet.hidden);
    const forms = (shown.length > 0 ? shown : all).map(f => f.form!);
    if (forms.length === 0) {
        const review: readonly string[] = Object.values(REVIEW_SHEETS);
        if (sheets.length > 0 && sheets.every(sheet => review.includes(sheet.name))) {
            throw workbookError(`是 KPI Spec 写出的复核工作簿（${review.join('、')}），不含表单`, `is a review workbook written by KPI Spec (${review.join(', ')}), not a form`, 'review');
        }
        const label = sheets[0] ? missingLabel(sheets[0]) : '一级指标';
        throw workbookError(`找不到「${label}」表头`, `no 「${label}」 column head found`, 'no-form');
    }
    return { fileName, forms };
}

/** The projects a workbook's 申报表 sheets define: the 自评表 sheets read with them assess these. */
export function targetProjects(book: WorkbookForms): string[] {
    return book.forms.filter(f => f.layout === 'C').map(projectNameOf);
}

/**
 * A workbook's forms as .kpi text. A 自评表 whose project is among `definedProjects` (a .kpi file
 * defines it, or a 申报表 of this or another workbook read with it: targetProjects) is written
 * without a project of its own. The workbook's name goes into the comment on top of each text.
 * `options.keywords` writes every form in Chinese or English keywords; by default a form
 * exported from an English file (its note says so) is written in English, every other in Chinese.
 */
export function emitWorkbook(
    book: WorkbookForms, definedProjects: ReadonlySet<string>, options: EmitOptions = {}, projectGoals: ReadonlyMap<string, readonly Goal[]> = targetGoals([book]),
): EmittedForm[] {
    return book.forms.map(m => emitForm(m, book.fileName, definedProjects, options, projectGoals));
}

/** The goals of the projects the workbooks' 申报表 sheets define: a 自评表 read with them assesses these. */
export function targetGoals(books: readonly WorkbookForms[]): Map<string, readonly Goal[]> {
    return new Map(books.flatMap(book => book.forms.filter(f => f.layout === 'C').map(f => [projectNameOf(f), f.goals.filter(g => g.expected)] as const)));
}

/**
 * The forms of workbooks read together, as .kpi text, each workbook's in a list: a 自评表 whose
 * project a .kpi file (`definedProjects`) or a 申报表 of any of the workbooks defines is written
 * without a project of its own, so that 申报表.xlsx and 自评表.xlsx in one folder define it once
 * (`kpispec lint`, the editor and the web page read a folder's workbooks so).
 */
export function emitWorkbooks(books: readonly WorkbookForms[], definedProjects: ReadonlySet<string>, options: EmitOptions = {}): EmittedForm[][] {
    const defined = new Set([...definedProjects, ...books.flatMap(targetProjects)]);
    const goals = targetGoals(books);
    return books.map(book => emitWorkbook(book, defined, options, goals));
}

/** The names of the projects the .kpi documents define: a workbook's 自评表 assesses them. */
export function projectsDefinedBy(documents: Iterable<LangiumDocument>): Set<string> {
    const names = new Set<string>();
    for (const document of documents) {
        for (const block of (document.parseResult.value as Model).blocks ?? []) if (isProject(block)) names.add(block.name);
    }
    return names;
}

/** readWorkbook and emitWorkbook: a workbook's 自评表 sheets assess the projects of its own 申报表 sheets, and `definedProjects`. */
export async function workbookToKpi(bytes: Uint8Array, fileName: string, definedProjects: ReadonlySet<string> = new Set(), options: EmitOptions = {}): Promise<EmittedForm[]> {
    const book = await readWorkbook(bytes, fileName);
    return emitWorkbook(book, new Set([...definedProjects, ...targetProjects(book)]), options);
}

export { cellPosition, formDiagnostics, UNREADABLE_CELL, unreadScoreAt, type CellDiagnostic } from './workbook-diagnostics.js';
