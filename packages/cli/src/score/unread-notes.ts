import { excel, type KpiConfig, type Locale } from '@kpispec/language/core';
import type { LangiumDocument } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import { sheetMessages } from '../excel/workbook-results.js';
import type { SheetDocument } from '../excel/workbook-documents.js';
import { toLintMessage, type LintMessage } from '../results.js';
import type { CliServices } from '../workspace.js';

/**
 * Findings that say a part of a file was not read as written: text the parser read past
 * (`得分 1O` is read as 1, the `O` skipped) and a form's cell that could not be read (`1O` in
 * a 得分 cell is no score). `kpispec score` scores what it could read; these notes say where
 * that is not what the file says, in lint's words, so that no score stands unexplained.
 */
const UNREAD_RULES: ReadonlySet<string> = new Set(['syntax/lexing', 'syntax/parsing', excel.UNREADABLE_CELL]);

/** A part of a file not read as written: where (`自评.kpi:24:37`, `自评表.xlsx 自评表!G3`), and lint's message and rule. */
export interface UnreadPart {
    readonly where: string;
    readonly message: string;
    readonly ruleId: string;
}

/**
 * What lint reports of a .kpi document's syntax. Score only links documents (validating them all
 * would take half as long again): one that did not parse cleanly is validated for its syntax alone.
 */
export async function unreadInDocument({ kpi }: CliServices, document: LangiumDocument, file: string): Promise<UnreadPart[]> {
    const { lexerErrors, parserErrors } = document.parseResult;
    const diagnostics: readonly Diagnostic[] = document.diagnostics
        ?? (lexerErrors.length + parserErrors.length === 0 ? [] : await kpi.validation.DocumentValidator.validateDocument(document, { categories: ['built-in'] }));
    return unread(diagnostics.map(d => toLintMessage(d)), m => `${file}:${m.line}:${m.column}`);
}

/** What lint reports of a form's cells that could not be read, and of syntax in its text (the cell it came from). */
export function unreadInForm(sheet: SheetDocument, file: string, config: KpiConfig, locale: Locale): UnreadPart[] {
    return unread(sheetMessages(sheet, config, locale), m => `${file} ${m.cell}`);
}

function unread<M extends LintMessage>(messages: readonly M[], where: (m: M) => string): UnreadPart[] {
    return messages.filter(m => UNREAD_RULES.has(m.ruleId)).map(m => ({ where: where(m), message: m.message, ruleId: m.ruleId }));
}

/** The note on stderr about a part not read as written. */
export function unreadNote({ where, message, ruleId }: UnreadPart, locale: Locale): string {
    return locale === 'en'
        ? `kpispec: ${where}: ${message} (${ruleId}); the scores count only what could be read\n`
        : `kpispec: ${where}：${message}（${ruleId}），评分只计读得懂的部分\n`;
}
