import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { Severity, SeveritySetting } from '../rules/catalog.js';

const LSP_SEVERITY: Record<Severity, DiagnosticSeverity> = {
    error: DiagnosticSeverity.Error,
    warn: DiagnosticSeverity.Warning,
    info: DiagnosticSeverity.Information,
};

export function toLspSeverity(severity: Severity): DiagnosticSeverity {
    return LSP_SEVERITY[severity];
}

/**
 * Applies the configuration's `rules` to diagnostics carrying a rule id as `code`:
 * "off" drops them, any other setting replaces their severity.
 */
export function applyRuleSeverities(diagnostics: readonly Diagnostic[], rules: Readonly<Record<string, SeveritySetting>>): Diagnostic[] {
    const result: Diagnostic[] = [];
    for (const d of diagnostics) {
        const setting = typeof d.code === 'string' ? rules[d.code] : undefined;
        if (setting === 'off') continue;
        result.push(setting ? { ...d, severity: toLspSeverity(setting) } : d);
    }
    return result;
}
