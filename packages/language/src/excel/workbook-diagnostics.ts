import type { LangiumDocument } from 'langium';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { applyRuleSeverities } from '../config/severity.js';
import { pick, type Locale } from '../i18n/locale.js';
import type { SeveritySetting } from '../rules/catalog.js';
import type { EmittedForm } from './emit-kpi.js';
import { cellAt } from './source-map.js';

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
    const found: CellDiagnostic[] = (document.diagnostics ?? []).map(d => ({
        diagnostic: d,
        cell: cellAt(form, text.offsetAt(d.range.start), text.offsetAt(d.range.end), String(d.code ?? '')),
    }));
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

/** Excel's row and column (1-based) of an address: `F14` → { row: 14, column: 6 }. */
export function cellPosition(address: string): { row: number; column: number } {
    const m = /^([A-Z]+)(\d+)$/.exec(address);
    if (!m) return { row: 1, column: 1 };
    const column = [...m[1]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
    return { row: Number(m[2]), column };
}
