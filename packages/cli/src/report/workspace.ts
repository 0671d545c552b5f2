import { URI } from 'langium';
import { reportLocale } from '../options.js';
import { WORKSPACE_EXTENSIONS } from '../excel/workbook-documents.js';
import { validateWithWorkbooks } from '../workspace.js';
import { setUpCommand } from '../command-setup.js';
import { sheetMessages } from '../excel/workbook-results.js';
import { skipStrayWorkbooks } from '../excel/stray-workbooks.js';
import type { Io } from '../io.js';
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
    /** Where the CLI notes a stray workbook of a folder (no form in it) that it passes over, as lint does; without it such a workbook is an error. */
    io?: Io;
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
    const { documents, sheets } = await validateWithWorkbooks({ shared, kpi }, files, options.io && skipStrayWorkbooks(options.paths, options.io, kpi.kpi.Settings.locale));
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

