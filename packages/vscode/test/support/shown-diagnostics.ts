import { basename } from 'node:path';
import * as vscode from 'vscode';

export function ruleOf(diagnostic: vscode.Diagnostic): string {
    const code = diagnostic.code;
    return String(typeof code === 'object' ? code.value : code);
}

/** Errors and warnings VS Code holds for a folder, as sorted `file:line rule` keys (info is free). */
export function shownKeys(folder: string): string[] {
    return vscode.languages.getDiagnostics()
        .filter(([uri]) => uri.fsPath.startsWith(folder))
        .flatMap(([uri, diagnostics]) => diagnostics
            .filter(d => d.severity === vscode.DiagnosticSeverity.Error || d.severity === vscode.DiagnosticSeverity.Warning)
            .map(d => `${basename(uri.fsPath)}:${d.range.start.line + 1} ${ruleOf(d)}`))
        .sort();
}
