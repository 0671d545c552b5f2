import ExcelJS from 'exceljs';

/** What a workbook holds, sheet by sheet: every cell's value, note, number format and style, the merges and the column widths. */
export async function workbookContents(bytes: Uint8Array): Promise<Array<{ name: string; merges: string[]; widths: Array<number | undefined>; cells: string[] }>> {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
    return book.worksheets.map(sheet => {
        const cells: string[] = [];
        sheet.eachRow(row => row.eachCell({ includeEmpty: true }, cell => {
            cells.push(JSON.stringify({ at: cell.address, value: cell.value, note: cell.note, numFmt: cell.numFmt, style: cell.style }));
        }));
        return { name: sheet.name, merges: [...sheet.model.merges].sort(), widths: sheet.columns.map(c => c.width), cells };
    });
}
