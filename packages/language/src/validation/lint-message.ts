import { URI } from 'langium';
import { DiagnosticSeverity, type Diagnostic, type DiagnosticRelatedInformation } from 'vscode-languageserver-types';
import { compareText, type Bilingual } from '../i18n/locale.js';

/**
 * A finding as `kpispec lint` prints it (and the 问题清单 lists it, from the CLI, the web page or
 * the editor): 1-based lines and columns, ESLint severities.
 */
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

/** A severity's word in lint's stylish output, its job summary and the 问题清单 (Chinese as the report's and the web page's). */
export const SEVERITY_WORDS: Readonly<Record<LintMessage['severity'], Bilingual>> = {
    0: { zh: '提示', en: 'info' },
    1: { zh: '警告', en: 'warning' },
    2: { zh: '错误', en: 'error' },
};

/** A place a message names: its file, 1-based range and what stands there. */
export interface RelatedLocation {
    filePath: string;
    line: number;
    column: number;
    endLine: number;
    endColumn: number;
    message: string;
}

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

/** Lint's order of a file's messages: by position, then rule, then text. */
export function compareMessages(a: LintMessage, b: LintMessage): number {
    return a.line - b.line || a.column - b.column || compareText(a.ruleId, b.ruleId) || compareText(a.message, b.message);
}
