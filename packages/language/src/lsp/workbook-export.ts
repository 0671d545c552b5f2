import { DocumentState, URI, type LangiumDocument } from 'langium';
import type { Connection } from 'vscode-languageserver';
import * as excel from '../excel/index.js';
import type { Model } from '../generated/ast.js';
import type { KpiServices } from '../kpi-module.js';

/**
 * The editor's "Export Excel Forms…" asks the server, which holds the folder's files, for the
 * official forms as sheet plans; the extension writes the workbook, as `kpispec export` does.
 */
export const EXPORT_FORMS_REQUEST = 'kpispec/exportForms';

export interface ExportFormsParams {
    /** A folder: the forms of the .kpi files in it and below. */
    readonly uri: string;
}

export interface ExportFormsResult {
    /** A 绩效目标申报表 per project, then a 项目支出绩效自评表 per self-assessment (none: nothing to export). */
    readonly plans: excel.SheetPlan[];
}

/** The sheet plans of the forms of the .kpi files under `folder`, in path order, as `kpispec export <folder>` writes them. */
export async function exportForms(services: KpiServices, folder: URI): Promise<ExportFormsResult> {
    // The notes of a form keep its 依据 links: they are read once the workspace is linked.
    await services.shared.workspace.DocumentBuilder.waitUntil(DocumentState.Linked);
    const under = `${folder.path.replace(/\/$/, '')}/`;
    const documents = services.shared.workspace.LangiumDocuments.all
        .filter(d => d.uri.scheme === folder.scheme && d.uri.path.startsWith(under) && !excel.isSheetPath(d.uri.path))
        .toArray()
        .sort((a: LangiumDocument, b: LangiumDocument) => (a.uri.path < b.uri.path ? -1 : a.uri.path > b.uri.path ? 1 : 0));
    return { plans: excel.formPlans(documents.map(d => d.parseResult.value as Model)) };
}

export function registerFormsExport(connection: Connection, services: KpiServices): void {
    connection.onRequest(EXPORT_FORMS_REQUEST, (params: ExportFormsParams) => exportForms(services, URI.parse(params.uri)));
}
