import { excel, type KpiConfig, type Locale } from '@kpispec/language';
import { compareMessages, resultOf, toLintMessage, type FileResult, type LintMessage } from '../results.js';
import type { SheetDocument } from './workbook-documents.js';

/**
 * One result per workbook: the findings on all its sheets, each pointing at its sheet and cell
 * (line and column are the cell's row and column, so tools that want positions get them).
 */
export function workbookResults(
    sheets: readonly SheetDocument[], configFor: (sheet: SheetDocument) => KpiConfig, localeOf: (sheet: SheetDocument) => Locale,
    keep: (m: LintMessage) => boolean = () => true,
): FileResult[] {
    const byFile = new Map<string, LintMessage[]>();
    for (const sheet of sheets) {
        const messages: LintMessage[] = [];
        for (const { diagnostic, cell } of excel.formDiagnostics(sheet.form, sheet.document, configFor(sheet).rules, localeOf(sheet))) {
            const { row, column } = excel.cellPosition(cell);
            const message: LintMessage = { ...toLintMessage(diagnostic), line: row, column, endLine: row, endColumn: column, cell: `${sheet.form.sheet}!${cell}` };
            if (keep(message)) messages.push(message);
        }
        // Sheet by sheet, each in row order.
        byFile.set(sheet.file, [...byFile.get(sheet.file) ?? [], ...messages.sort(compareMessages)]);
    }
    return [...byFile].map(([filePath, messages]) => resultOf(filePath, messages));
}
