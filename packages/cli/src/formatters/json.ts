import type { FileResult } from '../results.js';

/** ESLint's JSON shape. */
export function formatJson(results: readonly FileResult[]): string {
    return JSON.stringify(results.map(r => ({
        filePath: r.filePath,
        messages: r.messages.map(m => ({
            ruleId: m.ruleId, severity: m.severity, message: m.message,
            line: m.line, column: m.column, endLine: m.endLine, endColumn: m.endColumn,
        })),
        errorCount: r.errorCount,
        warningCount: r.warningCount,
        infoCount: r.infoCount,
    })), null, 2) + '\n';
}
