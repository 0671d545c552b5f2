import type { LangiumDocument } from 'langium';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';

/** One diagnostic as the formatters print it: 1-based lines and columns, ESLint severities. */
export interface LintMessage {
    ruleId: string;
    /** 2 error, 1 warning, 0 info. */
    severity: 0 | 1 | 2;
    message: string;
    line: number;
    column: number;
    endLine: number;
    endColumn: number;
}

export interface FileResult {
    filePath: string;
    messages: LintMessage[];
    errorCount: number;
    warningCount: number;
    infoCount: number;
}

function toSeverity(s: DiagnosticSeverity | undefined): 0 | 1 | 2 {
    return s === DiagnosticSeverity.Error ? 2 : s === DiagnosticSeverity.Warning ? 1 : 0;
}

export function toLintMessage(d: Diagnostic): LintMessage {
    return {
        ruleId: String(d.code ?? 'unknown'),
        severity: toSeverity(d.severity),
        message: typeof d.message === 'string' ? d.message : d.message.value,
        line: d.range.start.line + 1,
        column: d.range.start.character + 1,
        endLine: d.range.end.line + 1,
        endColumn: d.range.end.character + 1,
    };
}

export function fileResult(document: LangiumDocument): FileResult {
    const messages = (document.diagnostics ?? []).map(toLintMessage)
        .sort((a, b) => a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId));
    return {
        filePath: document.uri.fsPath,
        messages,
        errorCount: messages.filter(m => m.severity === 2).length,
        warningCount: messages.filter(m => m.severity === 1).length,
        infoCount: messages.filter(m => m.severity === 0).length,
    };
}
