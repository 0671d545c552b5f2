import type { SourceFile } from '../protocol.js';

/**
 * The hook for workbooks (申报表 and 自评表 as .xlsx/.xls/.et): a reader turns one into KPI Spec
 * sources, as the CLI's Excel reader will. None is registered yet, so the page lists such
 * files as skipped; registering a reader here is all the page needs to check them.
 */
export type WorkbookReader = (name: string, bytes: Uint8Array) => Promise<SourceFile[]>;

export const WORKBOOK_EXTENSIONS = ['.xlsx', '.xls', '.et'];

let reader: WorkbookReader | undefined;

export function registerWorkbookReader(read: WorkbookReader): void {
    reader = read;
}

export function workbookReader(): WorkbookReader | undefined {
    return reader;
}

export const isWorkbook = (path: string) => WORKBOOK_EXTENSIONS.some(ext => path.toLowerCase().endsWith(ext));
