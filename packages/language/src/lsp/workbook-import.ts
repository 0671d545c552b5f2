import { TextDocument, URI, UriUtils } from 'langium';
import type { Connection } from 'vscode-languageserver';
import * as excel from '../excel/index.js';
import { pick, type Locale } from '../i18n/locale.js';
import type { KpiServices } from '../kpi-module.js';
import { LINE_UP_EVERY_TABLE } from './formatter.js';

/** The editor's "Import Excel form…" asks the server, which holds the reader, for the texts. */
export const IMPORT_WORKBOOK_REQUEST = 'kpispec/importWorkbook';

export interface ImportWorkbookParams {
    /** The workbook's URI. */
    readonly uri: string;
}

export interface ImportWorkbookResult {
    /** The .kpi files to write beside the workbook, one per sheet that holds a form. */
    readonly files: ReadonlyArray<{ readonly uri: string; readonly text: string }>;
    /** One line naming the workbook and what is wrong, when it is no readable form. */
    readonly error?: string;
}

/**
 * The .kpi text of an imported form, as `kpispec import` and the editor write it: what could not
 * be read in comments at the top, in the language the file's findings will be in (a chosen locale,
 * else its keywords'), formatted, its tables (the `指标` rows…) lined up as printed.
 */
export async function importedText(services: KpiServices, form: excel.EmittedForm): Promise<string> {
    const factory = services.shared.workspace.LangiumDocumentFactory;
    const uri = URI.parse('memory:/imported.kpi');
    const text = form.problems.length === 0 ? form.text : excel.withProblemComments(form, services.kpi.Settings.localeOf(factory.fromString(form.text, uri)));
    const document = factory.fromString(text, uri);
    const options = { tabSize: 4, insertSpaces: true, [LINE_UP_EVERY_TABLE]: true };
    const edits = await services.lsp.Formatter!.formatDocument(document, { textDocument: { uri: document.uri.toString() }, options });
    return TextDocument.applyEdits(document.textDocument, edits);
}

/** Reads a workbook and returns the .kpi texts of its forms, named as `kpispec import` names them. */
export async function importWorkbook(services: KpiServices, uri: URI, locale: Locale): Promise<ImportWorkbookResult> {
    const name = UriUtils.basename(uri);
    try {
        // A 自评表 whose project a .kpi file of the workspace defines is written without it, as `kpispec import` writes it.
        const defined = excel.projectsDefinedBy(services.shared.workspace.LangiumDocuments.all.filter(d => !excel.isSheetPath(d.uri.path)));
        const forms = await excel.workbookToKpi(await services.shared.workspace.FileSystemProvider.readBinary(uri), name, defined);
        const folder = UriUtils.dirname(uri);
        const files = [];
        for (const form of forms) {
            files.push({ uri: UriUtils.joinPath(folder, excel.kpiFileName(name, form.sheet, forms.length)).toString(), text: await importedText(services, form) });
        }
        return { files };
    } catch (e) {
        if (e instanceof excel.WorkbookError) return { files: [], error: `${name}: ${pick(locale, e.text)}` };
        return { files: [], error: `${name}: ${e instanceof Error ? e.message : String(e)}` };
    }
}

export function registerWorkbookImport(connection: Connection, services: KpiServices, locale: () => Locale): void {
    connection.onRequest(IMPORT_WORKBOOK_REQUEST, (params: ImportWorkbookParams) => importWorkbook(services, URI.parse(params.uri), locale()));
}
