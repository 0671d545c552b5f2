import { URI, type LangiumDocument } from 'langium';
import type { Locale, Model } from '@kpispec/language';
import { UserError } from '../exit-codes.js';
import { findKpiFiles } from '../files.js';
import { resolveLocale, throwOnConfigProblems, useConfigFile } from '../options.js';
import { addDocuments, createServices } from '../workspace.js';
import { collectReport } from './collect.js';
import type { ReportData } from './model.js';

export interface WorkspaceReportOptions {
    /** Files, folders or globs, as for `kpispec lint`. */
    paths: readonly string[];
    cwd: string;
    env: Readonly<Record<string, string | undefined>>;
    /** What the title says was reviewed. */
    scope: string;
    /** `--locale`; else kpispec.json's `locale`, else the language the files are written in, then as lint decides (LANG). */
    locale?: string;
    /** `--config`. */
    configFile?: string;
    /** `--profile`. */
    profile?: string;
    /** Link to a rule's page, given kpispec.json's `docsBaseUrl` if it sets one. */
    ruleUrl: (ruleId: string, configuredDocsBaseUrl: string | undefined) => string;
}

/**
 * Reads and validates the files as `kpispec lint` does (same discovery, configuration, locale),
 * and collects the report. The CLI and the editor's report view both come through here.
 */
export async function workspaceReport(options: WorkspaceReportOptions): Promise<ReportData> {
    const { shared, kpi } = createServices();
    const configuration = kpi.kpi.Configuration;
    const fileSystem = shared.workspace.FileSystemProvider;
    useConfigFile(configuration, options.configFile, options.cwd);
    const files = await findKpiFiles(options.paths, { configuration, fileSystem, cwd: options.cwd });
    if (files.length === 0) throw new UserError(`no .kpi files found in ${options.paths.join(', ')}`);
    await configuration.load(files.map(f => URI.file(f)), fileSystem);
    throwOnConfigProblems(configuration);
    const config = configuration.get(URI.file(files[0]!));
    const documents = await addDocuments({ shared }, files);
    const locale = resolveLocale(options.locale, config.locale ?? writtenIn(documents), options.env);
    // Messages are made in the report's language while validating.
    kpi.kpi.Settings.locale = locale;
    await shared.workspace.DocumentBuilder.build(documents, { validation: true });
    return collectReport(documents, {
        locale,
        cwd: options.cwd,
        scope: options.scope,
        configOf: document => configuration.get(document.uri),
        profile: options.profile,
        ruleUrl: id => options.ruleUrl(id, config.docsBaseUrl),
    });
}

const HAN = /^[\u3400-\u9fff]/;

/** The language most blocks are written in (项目 … or project …), judged by their first keyword. */
function writtenIn(documents: readonly LangiumDocument[]): Locale | undefined {
    let zh = 0, en = 0;
    for (const document of documents) {
        for (const block of (document.parseResult.value as Model).blocks ?? []) {
            if (HAN.test(block.$cstNode?.text ?? '')) zh++;
            else en++;
        }
    }
    return zh === en ? undefined : zh > en ? 'zh-CN' : 'en';
}
