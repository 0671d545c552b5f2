import type { LangiumDocument } from 'langium';
import { compareMessages, toLintMessage, type LintMessage, type PathOf } from '@kpispec/language/core';
import type { Diagnostic } from 'vscode-languageserver-types';

// The shape of a finding is the language's, shared with the editor's 问题清单.
export { compareMessages, toLintMessage, toRelatedLocation, type LintMessage, type PathOf, type RelatedLocation } from '@kpispec/language/core';

export interface FileResult {
    filePath: string;
    messages: LintMessage[];
    errorCount: number;
    warningCount: number;
    infoCount: number;
}

/** Everything a report format needs besides the results. */
export interface ReportContext {
    cwd: string;
    /** Base of repository-relative paths (SARIF `%SRCROOT%`). */
    root: string;
    /** URL of the folder holding the rule pages (`<id>.md`). */
    docsBaseUrl: string;
    locale: 'zh-CN' | 'en';
    color: boolean;
    /** File text by path, for fingerprints. */
    sources: ReadonlyMap<string, string>;
    env: Readonly<Record<string, string | undefined>>;
}

export const SEVERITY_NAME = ['info', 'warning', 'error'] as const;

export function fileResult(filePath: string, diagnostics: readonly Diagnostic[], keep: (m: LintMessage) => boolean = () => true, pathOf?: PathOf): FileResult {
    return resultOf(filePath, diagnostics.map(d => toLintMessage(d, pathOf)).filter(keep).sort(compareMessages));
}

/** A file's result from its messages, in the order given. */
export function resultOf(filePath: string, messages: LintMessage[]): FileResult {
    return {
        filePath,
        messages,
        errorCount: messages.filter(m => m.severity === 2).length,
        warningCount: messages.filter(m => m.severity === 1).length,
        infoCount: messages.filter(m => m.severity === 0).length,
    };
}

export function documentResult(document: LangiumDocument, keep?: (m: LintMessage) => boolean): FileResult {
    return fileResult(document.uri.fsPath, document.diagnostics ?? [], keep);
}

export function totals(results: readonly FileResult[]): { errors: number; warnings: number; infos: number } {
    return {
        errors: results.reduce((n, r) => n + r.errorCount, 0),
        warnings: results.reduce((n, r) => n + r.warningCount, 0),
        infos: results.reduce((n, r) => n + r.infoCount, 0),
    };
}
