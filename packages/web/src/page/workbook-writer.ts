import type { excel } from '@kpispec/language';
import { writeXlsxWith, type ExcelJs } from '../../../cli/src/excel/write-xlsx.js';
import { packedScriptUrl } from './packed-script.js';

let loading: Promise<ExcelJs> | undefined;

/**
 * exceljs, the CLI's workbook writer, in its browser build: the page carries it gzipped and
 * base64-encoded in a non-executed script element (build.mjs), about 320 KB of the page's 1.5 MB
 * that only a saved workbook needs. It is inflated and run, as a Blob script the page's policy
 * allows, when a workbook is first asked for; its script sets the global `ExcelJS`.
 */
function loadExcelJs(): Promise<ExcelJs> {
    loading ??= new Promise<ExcelJs>((resolve, reject) => {
        const script = document.createElement('script');
        script.src = packedScriptUrl(document.querySelector('#exceljs')?.textContent ?? '');
        script.onload = () => {
            const loaded = (globalThis as { ExcelJS?: ExcelJs }).ExcelJS;
            if (loaded) resolve(loaded);
            else reject(new Error('exceljs did not load'));
        };
        script.onerror = () => reject(new Error('exceljs did not load'));
        document.head.append(script);
    });
    return loading;
}

/** The .xlsx bytes of these sheets, written as the CLI writes them. */
export async function writeWorkbook(plans: readonly excel.SheetPlan[]): Promise<Uint8Array> {
    return writeXlsxWith(await loadExcelJs(), plans);
}
