import { excel, type KpiConfig, type Locale } from '@kpispec/language/core';
import { compareMessages, resultOf, toLintMessage, type FileResult, type LintMessage, type PathOf } from '../results.js';
import type { SheetDocument } from './workbook-documents.js';

/**
 * A form's findings at their places in the form's .kpi text, each naming its sheet and cell
 * (`自评表!F14`). The report assigns them to projects by those places.
 */
export function sheetMessages(sheet: SheetDocument, config: KpiConfig, locale: Locale, pathOf?: PathOf): Array<LintMessage & { cell: string }> {
    return excel.formDiagnostics(sheet.form, sheet.document, config.rules, locale)
        .map(({ diagnostic, cell }) => ({ ...toLintMessage(diagnostic, pathOf), cell: `${sheet.form.sheet}!${cell}` }));
}

/**
 * One result per workbook: the findings on all its sheets, each pointing at its sheet and cell
 * (line and column are the cell's row and column, so tools that want positions get them).
 */
export function workbookResults(
    sheets: readonly SheetDocument[], configFor: (sheet: SheetDocument) => KpiConfig, localeOf: (sheet: SheetDocument) => Locale,
    keep: (m: LintMessage) => boolean = () => true, pathOf?: PathOf,
): FileResult[] {
    const byFile = new Map<string, LintMessage[]>();
    for (const sheet of sheets) {
        const messages: LintMessage[] = [];
        for (const m of sheetMessages(sheet, configFor(sheet), localeOf(sheet), pathOf)) {
            const { row, column } = excel.cellPosition(m.cell.slice(m.cell.lastIndexOf('!') + 1));
            const message: LintMessage = { ...m, line: row, column, endLine: row, endColumn: column };
            if (keep(message)) messages.push(message);
        }
        // Sheet by sheet, each in row order.
        byFile.set(sheet.file, [...byFile.get(sheet.file) ?? [], ...messages.sort(compareMessages)]);
    }
    return [...byFile].map(([filePath, messages]) => resultOf(filePath, messages));
}
