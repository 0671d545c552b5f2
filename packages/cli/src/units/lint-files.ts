import { excel, type Locale } from '@kpispec/language/core';
import { workbookResults } from '../excel/workbook-results.js';
import { languageOfDocuments } from '../options.js';
import { compareMessages, documentResult, resultOf, type FileResult, type LintMessage } from '../results.js';
import type { SkipNoForm } from '../excel/workbook-documents.js';
import type { PassedOverFile } from '../passed-over.js';
import { readUtf8, validateWithWorkbooks } from '../workspace.js';
import { lintInUnits, type UnitRunOptions } from './lint-units.js';

/** What `kpispec lint` reports: the files' results by path, the report's language, the text SARIF quotes. */
export interface LintOutcome {
    readonly results: FileResult[];
    readonly locale: Locale;
    readonly sources: ReadonlyMap<string, string>;
    /** The .kpi files that cannot be read or are not UTF-8, passed over (in this shard), in the files' order. */
    readonly passedOver: PassedOverFile[];
}

export interface LintFilesOptions extends Omit<UnitRunOptions, 'files' | 'workbooks'> {
    /** `--quiet`: the messages kept. */
    readonly keep: ((m: LintMessage) => boolean) | undefined;
    /** Whether the format quotes source lines (SARIF fingerprints). */
    readonly quoteSources: boolean;
    /** Whether to pass over a workbook that holds no form (a stray spreadsheet in a folder). */
    readonly skipNoForm?: SkipNoForm;
}

/** Lints the files unit by unit (see lintInUnits), or as one workspace where units cannot be used. */
export async function lintFiles(files: readonly string[], options: LintFilesOptions): Promise<LintOutcome> {
    const { keep, services: { shared, kpi } } = options;
    const run = await lintInUnits({ ...options, files: files.filter(f => !excel.isWorkbookPath(f)), workbooks: files.filter(excel.isWorkbookPath) });
    if ('findings' in run) {
        const results = run.findings.map(f => resultOf(f.filePath, (keep ? f.messages.filter(keep) : f.messages).sort(compareMessages)));
        const sources = new Map<string, string>();
        if (options.quoteSources) for (const r of results) if (r.messages.length > 0) sources.set(r.filePath, await readUtf8(r.filePath));
        return { results, locale: run.locale, sources, passedOver: run.passedOver };
    }
    const passedOver: PassedOverFile[] = [];
    const { documents, sheets } = await validateWithWorkbooks({ shared, kpi }, files, options.skipNoForm, file => run.inShard(file.file) && passedOver.push(file));
    const results = [
        ...documents.map(d => documentResult(d, keep)),
        ...workbookResults(sheets, s => kpi.kpi.Configuration.get(s.document.uri), s => kpi.kpi.Settings.localeOf(s.document), keep),
    ].filter(r => run.inShard(r.filePath)).sort((a, b) => (a.filePath < b.filePath ? -1 : a.filePath > b.filePath ? 1 : 0));
    return {
        results,
        locale: languageOfDocuments(kpi.kpi.Settings, [...documents, ...sheets.map(s => s.document)]),
        sources: new Map(documents.map(d => [d.uri.fsPath, d.textDocument.getText()])),
        passedOver,
    };
}
