import type { FileResult } from '../results.js';

/**
 * ESLint's JSON shape (plus `infoCount`): absolute paths, 1-based positions, severity 2/1/0, `fatal` on
 * what could not be read; and, beyond ESLint's, `cell` on a workbook's findings and `related`, the
 * places a message names elsewhere.
 */
export function formatJson(results: readonly FileResult[]): string {
    return JSON.stringify(results.map(r => ({
        filePath: r.filePath,
        messages: r.messages.map(m => ({
            ruleId: m.ruleId, severity: m.severity, message: m.message,
            line: m.line, column: m.column, endLine: m.endLine, endColumn: m.endColumn,
            ...(m.cell ? { cell: m.cell } : {}),
            ...(m.fatal ? { fatal: true } : {}),
            ...(m.related ? { related: m.related } : {}),
        })),
        errorCount: r.errorCount,
        fatalErrorCount: r.messages.filter(m => m.fatal).length,
        warningCount: r.warningCount,
        infoCount: r.infoCount,
    })), null, 2) + '\n';
}
