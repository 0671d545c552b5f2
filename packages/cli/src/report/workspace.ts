import { URI } from 'langium';
import { reportLocale } from '../options.js';
import { WORKSPACE_EXTENSIONS } from '../excel/workbook-documents.js';
import { validateWithWorkbooks } from '../workspace.js';
import { setUpCommand } from '../command-setup.js';
import { sheetMessages } from '../excel/workbook-results.js';
import { skipStrayWorkbooks, type SkippedWorkbook } from '../excel/stray-workbooks.js';
import { collectReport } from './collect.js';
import type { ReportData } from './model.js';

export interface WorkspaceReportOptions {
    /** Files, folders or globs, as for `kpispec lint`. */
    paths: readonly string[];
    cwd: string;
    env: Readonly<Record<string, string | undefined>>;
    /** What the title says was reviewed. */
    scope: string;
    /** `--locale`; else, as for lint, each file's messages in its own language and the report's words in the first file's. */
    locale?: string;
    /** `--config`. */
    configFile?: string;
    /** `--profile`. */
    profile?: string;
    /** Link to a rule's page, given kpispec.json's `docsBaseUrl` if it sets one. */
    ruleUrl: (ruleId: string, configuredDocsBaseUrl: string | undefined) => string;
}

/**
 * Reads and validates the files as `kpispec lint` does (same discovery, configuration, locale;
 * workbooks beside the .kpi files are read as forms), and collects the report. The CLI and the
 * editor's report view both come through here.
 */
export async function workspaceReport(options: WorkspaceReportOptions): Promise<ReportData> {
    const { services: { shared, kpi }, configuration, files } = await setUpCommand({
        paths: options.paths, cwd: options.cwd, env: options.env, configFile: options.configFile, locale: options.locale, extensions: WORKSPACE_EXTENSIONS,
    });
    const config = configuration.get(URI.file(files[0]!));
    // A workbook of a folder without a form in it is passed over, as lint does, and the report says so.
    const skipped: SkippedWorkbook[] = [];
    const { documents, sheets } = await validateWithWorkbooks({ shared, kpi }, files, skipStrayWorkbooks(options.paths, options.cwd, workbook => skipped.push(workbook)));
    const workbooks = new Map(sheets.map(s => [s.document, {
        file: s.file,
        messages: sheetMessages(s, configuration.get(s.document.uri), kpi.kpi.Settings.localeOf(s.document)),
    }]));
    const all = [...documents, ...sheets.map(s => s.document)];
    const locale = reportLocale(kpi.kpi.Settings, all);
    const data = collectReport(all, {
        workbookOf: document => workbooks.get(document),
        locale,
        cwd: options.cwd,
        scope: options.scope,
        configOf: document => configuration.get(document.uri),
        profile: options.profile,
        ruleUrl: id => options.ruleUrl(id, config.docsBaseUrl),
    });
    return skipped.length > 0 ? { ...data, skipped } : data;
}

