import { DocumentState, URI } from 'langium';
import type { Locale } from '@kpispec/language/core';
import { WORKSPACE_EXTENSIONS } from '../excel/workbook-documents.js';
import type { PassedOverFile } from '../passed-over.js';
import { validateWithWorkbooks } from '../workspace.js';
import { shownPath } from '../shown-path.js';
import { setUpCommand } from '../command-setup.js';
import { sheetMessages } from '../excel/workbook-results.js';
import { skipStrayWorkbooks, type SkippedWorkbook } from '../excel/stray-workbooks.js';
import { languageOfDocuments } from '../options.js';
import { collectReport } from './collect.js';
import type { ReportData } from './model.js';

export interface WorkspaceReportOptions {
    /** Files, folders or globs, as for `kpispec lint`. */
    paths: readonly string[];
    cwd: string;
    env: Readonly<Record<string, string | undefined>>;
    /** What the title says was reviewed. */
    scope: string;
    /** `--locale`; else the language most of the files are in (see `reportLanguage` in options.ts). */
    locale?: string;
    /** `--config`. */
    configFile?: string;
    /** `--profile`. */
    profile?: string;
    /** Link to a rule's page, given kpispec.json's `docsBaseUrl` if it sets one. */
    ruleUrl: (ruleId: string, configuredDocsBaseUrl: string | undefined) => string;
}

/**
 * Reads and validates the files as `kpispec lint` does (same discovery, configuration; workbooks
 * beside the .kpi files are read as forms), and collects the report, every part of it in the
 * language of `reportLanguage` (options.ts). The CLI and the editor's report view both come through here.
 */
export async function workspaceReport(options: WorkspaceReportOptions): Promise<ReportData> {
    const { services: { shared, kpi }, configuration, files } = await setUpCommand({
        paths: options.paths, cwd: options.cwd, env: options.env, configFile: options.configFile, locale: options.locale, extensions: WORKSPACE_EXTENSIONS,
    });
    const config = configuration.get(URI.file(files[0]!));
    const settings = kpi.kpi.Settings;
    // Decided once every file is read and before any message is written (validation comes after
    // the references are indexed): then every finding is written in the report's language.
    let locale: Locale = settings.locale;
    const deciding = shared.workspace.DocumentBuilder.onBuildPhase(DocumentState.IndexedReferences, documents => {
        locale = settings.locale = languageOfDocuments(settings, documents);
    });
    // A workbook of a folder without a form in it is passed over, as lint does, and the report says so.
    const skipped: SkippedWorkbook[] = [];
    // So is a .kpi file that cannot be read or is not UTF-8.
    const passedOver: PassedOverFile[] = [];
    const { documents, sheets } = await validateWithWorkbooks(
        { shared, kpi }, files, skipStrayWorkbooks(options.paths, options.cwd, workbook => skipped.push(workbook)), file => passedOver.push({ ...file, file: shownPath(file.file, options.cwd) }),
    ).finally(() => deciding.dispose());
    const workbooks = new Map(sheets.map(s => [s.document, {
        file: s.file,
        form: s.form,
        messages: sheetMessages(s, configuration.get(s.document.uri), locale),
    }]));
    const all = [...documents, ...sheets.map(s => s.document)];
    const data = collectReport(all, {
        workbookOf: document => workbooks.get(document),
        locale,
        cwd: options.cwd,
        scope: options.scope,
        configOf: document => configuration.get(document.uri),
        profile: options.profile,
        ruleUrl: id => options.ruleUrl(id, config.docsBaseUrl),
    });
    return { ...data, ...(skipped.length > 0 ? { skipped } : {}), ...(passedOver.length > 0 ? { passedOver } : {}) };
}
