import { URI, type LangiumDocument } from 'langium';
import { compareText } from '@kpispec/language/core';
import { DiagnosticSeverity, type Diagnostic, type DiagnosticRelatedInformation } from 'vscode-languageserver-types';

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
    /** On a form read from a workbook: the sheet and cell (`自评表!F14`); line and column are its row and column. */
    cell?: string;
    /** Text the parser could not read (a lexing or parsing error), as ESLint marks a message. */
    fatal?: true;
    /** The places the message names elsewhere (the contract clause a target is weaker than). */
    related?: RelatedLocation[];
}

/** A place a message names: its file, 1-based range and what stands there. */
export interface RelatedLocation {
    filePath: string;
    line: number;
    column: number;
    endLine: number;
    endColumn: number;
    message: string;
}

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

function toSeverity(s: DiagnosticSeverity | undefined): 0 | 1 | 2 {
    return s === DiagnosticSeverity.Error ? 2 : s === DiagnosticSeverity.Warning ? 1 : 0;
}

/** How the results name the file of a URI: its path on disk (the web page names files by their path in the dropped folder). */
export type PathOf = (uri: string) => string;

const fsPathOf: PathOf = uri => URI.parse(uri).fsPath;

export function toLintMessage(d: Diagnostic, pathOf: PathOf = fsPathOf): LintMessage {
    const message: LintMessage = {
        ruleId: String(d.code ?? 'unknown'),
        severity: toSeverity(d.severity),
        message: typeof d.message === 'string' ? d.message : (d.message as { value: string }).value,
        line: d.range.start.line + 1,
        column: d.range.start.character + 1,
        endLine: d.range.end.line + 1,
        endColumn: d.range.end.character + 1,
    };
    if ((d.data as { fatal?: boolean } | undefined)?.fatal) message.fatal = true;
    if (d.relatedInformation?.length) message.related = d.relatedInformation.map(r => toRelatedLocation(r, pathOf));
    return message;
}

export function toRelatedLocation({ location: { uri, range }, message }: DiagnosticRelatedInformation, pathOf: PathOf = fsPathOf): RelatedLocation {
    return {
        filePath: pathOf(uri),
        line: range.start.line + 1, column: range.start.character + 1, endLine: range.end.line + 1, endColumn: range.end.character + 1,
        message,
    };
}

export function compareMessages(a: LintMessage, b: LintMessage): number {
    return a.line - b.line || a.column - b.column || compareText(a.ruleId, b.ruleId) || compareText(a.message, b.message);
}

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
