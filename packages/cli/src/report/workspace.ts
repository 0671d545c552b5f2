import { URI } from 'langium';
import { UserError } from '../exit-codes.js';
import { findKpiFiles } from '../files.js';
import { reportLocale, throwOnConfigProblems, useConfigFile, useLocale } from '../options.js';
import { WORKSPACE_EXTENSIONS } from '../excel/workbook-documents.js';
import { createServices, validateWithWorkbooks } from '../workspace.js';
import { sheetMessages } from '../excel/workbook-results.js';
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
    const { shared, kpi } = createServices();
    const configuration = kpi.kpi.Configuration;
    const fileSystem = shared.workspace.FileSystemProvider;
    useConfigFile(configuration, options.configFile, options.cwd);
    const files = await findKpiFiles(options.paths, { configuration, fileSystem, cwd: options.cwd }, WORKSPACE_EXTENSIONS);
    if (files.length === 0) throw new UserError(`no .kpi files found in ${options.paths.join(', ')}`);
    await configuration.load(files.map(f => URI.file(f)), fileSystem);
    throwOnConfigProblems(configuration);
    const config = configuration.get(URI.file(files[0]!));
    useLocale(kpi.kpi.Settings, options.locale, options.env);
    const { documents, sheets } = await validateWithWorkbooks({ shared, kpi }, files);
    const workbooks = new Map(sheets.map(s => [s.document, {
        file: s.file,
        messages: sheetMessages(s, configuration.get(s.document.uri), kpi.kpi.Settings.localeOf(s.document)),
    }]));
    const all = [...documents, ...sheets.map(s => s.document)];
    const locale = reportLocale(kpi.kpi.Settings, all);
    return collectReport(all, {
        workbookOf: document => workbooks.get(document),
        locale,
        cwd: options.cwd,
        scope: options.scope,
        configOf: document => configuration.get(document.uri),
        profile: options.profile,
        ruleUrl: id => options.ruleUrl(id, config.docsBaseUrl),
    });
}

