import { DocumentState, URI, type LangiumDocument } from 'langium';
import type { KpiSettings, Locale } from '@kpispec/language';
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
    /** `--locale`; else the language most of the files are in (see `reportLanguage`). */
    locale?: string;
    /** `--config`. */
    configFile?: string;
    /** `--profile`. */
    profile?: string;
    /** Link to a rule's page, given kpispec.json's `docsBaseUrl` if it sets one. */
    ruleUrl: (ruleId: string, configuredDocsBaseUrl: string | undefined) => string;
}

/**
 * A report is one document in one language, its headings, scores, reasons and findings alike:
 * `--locale`; else the language most of its files are in, each file's as lint decides it (its
 * kpispec.json "locale", else the language of its keywords, else LANG), and LANG on a tie. So a
 * folder of Chinese forms with an English one beside it gives a Chinese report, on any machine.
 */
export function reportLanguage(settings: KpiSettings, documents: readonly LangiumDocument[]): Locale {
    if (settings.chosenLocale) return settings.chosenLocale;
    let english = 0;
    for (const document of documents) if (settings.localeOf(document) === 'en') english++;
    const chinese = documents.length - english;
    return english > chinese ? 'en' : chinese > english ? 'zh-CN' : settings.environmentLocale;
}

/**
 * Reads and validates the files as `kpispec lint` does (same discovery, configuration; workbooks
 * beside the .kpi files are read as forms), and collects the report, every part of it in the
 * language of `reportLanguage`. The CLI and the editor's report view both come through here.
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
        locale = settings.locale = reportLanguage(settings, documents);
    });
    // A workbook of a folder without a form in it is passed over, as lint does, and the report says so.
    const skipped: SkippedWorkbook[] = [];
    const { documents, sheets } = await validateWithWorkbooks({ shared, kpi }, files, skipStrayWorkbooks(options.paths, options.cwd, workbook => skipped.push(workbook)))
        .finally(() => deciding.dispose());
    const workbooks = new Map(sheets.map(s => [s.document, {
        file: s.file,
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
    return skipped.length > 0 ? { ...data, skipped } : data;
}
