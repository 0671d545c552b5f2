import { DocumentState, URI, UriUtils, type LangiumDocument } from 'langium';
import type { Connection } from 'vscode-languageserver';
import * as excel from '../excel/index.js';
import type { Model } from '../generated/ast.js';
import type { KpiServices } from '../kpi-module.js';
import { isIgnoredNow } from '../workspace/discovery.js';
import { DEFAULT_DOCS_BASE_URL, ruleHelpUri } from '../rules/rule-pages.js';

/**
 * The editor's "Export Excel Forms…" asks the server, which holds the folder's files, for the
 * official forms as sheet plans; the extension writes the workbook, as `kpispec export` does.
 */
export const EXPORT_FORMS_REQUEST = 'kpispec/exportForms';

export interface ExportFormsParams {
    /** A folder: the forms of the .kpi files in it and below. */
    readonly uri: string;
    /**
     * With the review, as `kpispec export --review` adds it: the 复核得分 of each 自评表 and the
     * 问题清单 of the files' findings, named from the folder's parent (`热线/targets.kpi`), as the
     * CLI names them run there.
     */
    readonly review?: boolean;
}

/**
 * Asked after the workbook is saved inside the workspace: whether the `ignore` globs of
 * kpispec.json leave it out. If they do not, the server reads it as one more submission, whose
 * forms repeat the files it was exported from, and the editor says so (as `kpispec export` does).
 */
export const IS_IGNORED_REQUEST = 'kpispec/isIgnored';

export interface IsIgnoredParams {
    readonly uri: string;
}

export interface ExportFormsResult {
    /** A 绩效目标申报表 per project, then a 项目支出绩效自评表 per self-assessment (none: nothing to export), then with the review its 问题清单. */
    readonly plans: excel.SheetPlan[];
}

/** The sheet plans of the forms of the .kpi files under `folder`, in path order, as `kpispec export <folder> [--review]` writes them. */
export async function exportForms(services: KpiServices, folder: URI, review = false): Promise<ExportFormsResult> {
    // The notes of a form keep its 依据 links: they are read once the workspace is linked; the review needs its findings.
    await services.shared.workspace.DocumentBuilder.waitUntil(review ? DocumentState.Validated : DocumentState.Linked);
    const under = `${folder.path.replace(/\/$/, '')}/`;
    const documents = services.shared.workspace.LangiumDocuments.all
        .filter(d => d.uri.scheme === folder.scheme && d.uri.path.startsWith(under) && !excel.isSheetPath(d.uri.path))
        .toArray()
        .sort((a: LangiumDocument, b: LangiumDocument) => (a.uri.path < b.uri.path ? -1 : a.uri.path > b.uri.path ? 1 : 0));
    const plans = excel.formPlans(documents.map(d => d.parseResult.value as Model), review ? a => services.kpi.Scores.of(a).score : undefined);
    if (review && plans.length > 0) {
        const parent = UriUtils.dirname(folder);
        // The workbook is passed on: its rules link to the published pages, not to the extension's copy.
        const base = services.kpi.Configuration.get(documents[0]!.uri).docsBaseUrl ?? DEFAULT_DOCS_BASE_URL;
        plans.push(excel.findingsPlan(excel.findingRows(documents, d => UriUtils.relative(parent, d.uri), id => ruleHelpUri(base, id)), services.kpi.Settings.locale));
    }
    return { plans };
}

export function registerFormsExport(connection: Connection, services: KpiServices): void {
    connection.onRequest(EXPORT_FORMS_REQUEST, (params: ExportFormsParams) => exportForms(services, URI.parse(params.uri), params.review));
    connection.onRequest(IS_IGNORED_REQUEST, async (params: IsIgnoredParams) => {
        // The globs are those of the kpispec.json files the workspace's search loaded.
        await services.shared.workspace.WorkspaceManager.ready;
        return isIgnoredNow(URI.parse(params.uri), services.kpi.Configuration);
    });
}
