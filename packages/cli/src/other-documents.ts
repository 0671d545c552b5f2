import { excel, type Bilingual } from '@kpispec/language/core';

/** Spreadsheets of other kinds (macro-enabled, binary, WPS's own, OpenDocument, CSV) that Excel or WPS saves as .xlsx. */
const OTHER_SPREADSHEET = /\.(xlsm|xlsb|xltx|et|ett|ods|csv)$/i;
/** Office documents, which no command reads: a .kpi text is never one. */
const OFFICE_DOCUMENT = /\.(docx?|wps|pdf|pptx?)$/i;

/** What to do with a spreadsheet of another kind, after the line that refuses it; nothing for any other file. */
export function saveAsWorkbook(path: string): Bilingual {
    return OTHER_SPREADSHEET.test(path) ? { zh: '；请先另存为 Excel 工作簿（.xlsx）', en: '; save it as an Excel workbook (.xlsx) first' } : { zh: '', en: '' };
}

/**
 * The line that refuses a file named on the command line that cannot be what the command reads
 * (a Word document, a macro-enabled workbook, a workbook where only .kpi text is read): read as
 * .kpi text it gave syntax errors on its bytes. Undefined for any other file, read as named.
 */
export function refusedDocument(path: string, extensions: readonly string[] | undefined): Bilingual | undefined {
    const readsWorkbooks = extensions?.some(excel.isWorkbookPath) === true;
    // A workbook where the command reads .kpi text only (format): its forms are text once imported.
    if (excel.isWorkbookPath(path)) {
        return readsWorkbooks ? undefined : {
            zh: `${path}：不是 .kpi 文件；请先导入工作簿（kpispec import ${path}）`,
            en: `${path}: not a .kpi file; import the workbook first (kpispec import ${path})`,
        };
    }
    if (!OTHER_SPREADSHEET.test(path) && !OFFICE_DOCUMENT.test(path)) return undefined;
    const then = saveAsWorkbook(path);
    return {
        zh: `${path}：不是 ${readsWorkbooks ? '.kpi 文件或工作簿（.xlsx、.xls）' : '.kpi 文件'}${then.zh}`,
        en: `${path}: not ${readsWorkbooks ? 'a .kpi file or a workbook (.xlsx, .xls)' : 'a .kpi file'}${then.en}`,
    };
}
