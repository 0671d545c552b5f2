/**
 * Workbooks (申报表 and 自评表) are read in the worker by the language package's Excel reader,
 * from their bytes; these are the names `kpispec lint` reads as workbooks (excel.WORKBOOK_EXTENSIONS,
 * which the page script does not bundle: it would bring the whole reader along).
 */
export const isWorkbook = (path: string) => /\.(xlsx|xls)$/i.test(path);
