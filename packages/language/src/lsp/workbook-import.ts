import { URI, UriUtils, type FileSystemProvider } from 'langium';
import type { Connection } from 'vscode-languageserver';
import * as excel from '../excel/index.js';
import { pick, type Locale } from '../i18n/locale.js';

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

/** Reads a workbook and returns the .kpi texts of its forms, named as `kpispec import` names them. */
export async function importWorkbook(fileSystem: FileSystemProvider, uri: URI, locale: Locale): Promise<ImportWorkbookResult> {
    const name = UriUtils.basename(uri);
    try {
        const forms = await excel.workbookToKpi(await fileSystem.readBinary(uri), name);
        const folder = UriUtils.dirname(uri);
        return { files: forms.map(form => ({ uri: UriUtils.joinPath(folder, excel.kpiFileName(name, form.sheet, forms.length)).toString(), text: excel.withProblemComments(form, locale) })) };
    } catch (e) {
        if (e instanceof excel.WorkbookError) return { files: [], error: `${name}: ${pick(locale, e.text)}` };
        return { files: [], error: `${name}: ${e instanceof Error ? e.message : String(e)}` };
    }
}

export function registerWorkbookImport(connection: Connection, fileSystem: FileSystemProvider, locale: () => Locale): void {
    connection.onRequest(IMPORT_WORKBOOK_REQUEST, (params: ImportWorkbookParams) => importWorkbook(fileSystem, URI.parse(params.uri), locale()));
}
