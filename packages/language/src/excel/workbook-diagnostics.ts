import type { LangiumDocument } from 'langium';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { applyRuleSeverities } from '../config/severity.js';
import { pick, type Locale } from '../i18n/locale.js';
import type { SeveritySetting } from '../rules/catalog.js';
import type { EmittedForm } from './emit-kpi.js';
import type { Sourced } from './form-model.js';
import { FAMILY_KEYWORD, type Family } from '../model/categories.js';
import { cellAt } from './source-map.js';
import { scoreMissingMessage, type MissingScore } from '../validation/score-checks.js';

export const UNREADABLE_CELL = 'excel/unreadable-cell';

/** A finding on a form in a workbook: the diagnostic and the cell it points at (`F14`). */
export interface CellDiagnostic {
    readonly diagnostic: Diagnostic;
    readonly cell: string;
}

/**
 * The findings on a form read from a sheet: the diagnostics of its .kpi text, each with the cell
 * it concerns, and one `excel/unreadable-cell` per value the reader could not read (severities
 * as configured, like every other rule).
 */
export function formDiagnostics(form: EmittedForm, document: LangiumDocument, rules: Readonly<Record<string, SeveritySetting>>, locale: Locale): CellDiagnostic[] {
    const text = document.textDocument;
    const found: CellDiagnostic[] = (document.diagnostics ?? []).map(d => {
        const start = text.offsetAt(d.range.start);
        const unread = d.code === 'score/missing' ? unreadScoreAt(form, start) : undefined;
        return unread
            ? { diagnostic: { ...d, message: unreadScoreMessage(d, `${form.sheet}!${unread.cell}`, unread.value, locale) }, cell: unread.cell }
            : { diagnostic: d, cell: cellOf(form, d, start, text.offsetAt(d.range.end)) };
    });
    const problems: Diagnostic[] = form.problems.map(p => ({
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        severity: DiagnosticSeverity.Warning,
        code: UNREADABLE_CELL,
        source: 'kpispec',
        message: pick(locale, p.text),
        data: { cell: p.cell },
    }));
    for (const d of applyRuleSeverities(problems, rules)) found.push({ diagnostic: d, cell: (d.data as { cell: string }).cell });
    return found;
}

/**
 * The cell a finding points at: the value it is on (cellAt); for a finding on the form as a whole,
 * which has no cell of its own (its range is the assessment's or project's name, a title cell or
 * none), the part of the form it names, where the form prints one (placeOf).
 */
function cellOf(form: EmittedForm, d: Diagnostic, start: number, end: number): string {
    const cell = cellAt(form, start, end, String(d.code ?? ''));
    const onWholeForm = cell === form.anchor || cell === form.places['项目名称'];
    return (onWholeForm ? placeOf(form, d) : undefined) ?? cell;
}

/**
 * The part of the form a finding on it as a whole names: the level-1 family whose weights differ
 * from the profile or whose indicator has no row (where the 自评表 prints rows of it), the goals a goal not assessed belongs beside, the 分值 that do not add up
 * (合计's, else the column's head), the indicator table's family head where a family is missing.
 */
function placeOf(form: EmittedForm, d: Diagnostic): string | undefined {
    const data = d.data as { family?: string } | undefined;
    if ((d.code === 'score/profile-weights' || d.code === 'assessment/indicator-not-assessed') && data?.family) {
        return form.places[data.family === 'execution' ? '预算执行' : FAMILY_KEYWORD[data.family as Family]?.zh ?? ''];
    }
    if (d.code === 'assessment/goal-not-covered') return form.places['总体目标'];
    if (d.code === 'score/weights-total') return form.places['分值'];
    if (String(d.code).startsWith('target/missing-')) return form.places['一级指标'];
    return undefined;
}

/** The 得分 cell, as printed, of the form's line at an offset of its text, where it holds no number (`良`, `#REF!`). */
export function unreadScoreAt(form: EmittedForm, offset: number): Sourced<string> | undefined {
    return form.unreadScores.find(u => offset >= u.start && offset <= u.end)?.score;
}

/**
 * score/missing's message on a line whose 得分 cell was printed but could not be read: the score
 * was not left out, as the message says of a typed line, but is unreadable (`自评表!G12「良」`).
 * Built by the rule's own message builder from the parts its diagnostic carries.
 */
function unreadScoreMessage(d: Diagnostic, cell: string, printed: string, locale: Locale): Diagnostic['message'] {
    const missing = (d.data as { missing?: MissingScore } | undefined)?.missing;
    return missing ? pick(locale, scoreMissingMessage(missing, { cell, printed })) : d.message;
}

/** Excel's row and column (1-based) of an address: `F14` → { row: 14, column: 6 }. */
export function cellPosition(address: string): { row: number; column: number } {
    const m = /^([A-Z]+)(\d+)$/.exec(address);
    if (!m) return { row: 1, column: 1 };
    const column = [...m[1]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
    return { row: Number(m[2]), column };
}
