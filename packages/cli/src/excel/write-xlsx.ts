import type { excel } from '@kpispec/language/core';

const THIN = { style: 'thin' } as const;
/** A fixed date, so that writing the same plans twice gives the same workbook properties. */
const EPOCH = new Date(Date.UTC(2024, 0, 1));

/** What of exceljs the writer uses: its module in Node, its browser build's global on the web page. */
export type ExcelJs = Pick<typeof import('exceljs'), 'Workbook'>;

/** Writes sheet plans as a styled .xlsx: merged heads, borders, widths, bold centred heads. */
export async function writeXlsx(plans: readonly excel.SheetPlan[]): Promise<Uint8Array> {
    // Loaded here, not with the CLI: it costs every other command about a second of start-up.
    const { default: ExcelJS } = await import('exceljs');
    return writeXlsxWith(ExcelJS, plans);
}

/** writeXlsx with the exceljs given (the web page loads its browser build when first asked for a workbook). */
export async function writeXlsxWith(ExcelJS: ExcelJs, plans: readonly excel.SheetPlan[]): Promise<Uint8Array> {
    const book = new ExcelJS.Workbook();
    book.creator = 'kpispec';
    book.created = book.modified = EPOCH;
    for (const plan of plans) {
        const sheet = book.addWorksheet(plan.name, { pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
        sheet.columns = plan.widths.map(width => ({ width }));
        const columns = Math.max(plan.widths.length, ...plan.rows.map(r => r.length));
        plan.rows.forEach((row, r) => {
            for (let c = 0; c < columns; c++) {
                const cell = sheet.getCell(r + 1, c + 1);
                const planned = row[c];
                if (planned) {
                    cell.value = planned.formula ? { formula: planned.formula, result: planned.value }
                        : planned.link ? { text: String(planned.value), hyperlink: planned.link } : planned.value;
                }
                if (planned?.numFmt) cell.numFmt = planned.numFmt;
                if (planned?.note) cell.note = planned.note;
                if (r === plan.titleRow) {
                    cell.font = { bold: true, size: 16 };
                    cell.alignment = { horizontal: 'center', vertical: 'middle' };
                    continue;
                }
                if (r < plan.tableFrom) {
                    cell.alignment = { horizontal: 'center', vertical: 'middle' };
                    continue;
                }
                cell.border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
                cell.alignment = { vertical: 'middle', wrapText: true, horizontal: planned?.head || typeof planned?.value === 'number' ? 'center' : 'left' };
                if (planned?.link) cell.font = { color: { argb: 'FF0563C1' }, underline: true };
                if (planned?.head) {
                    cell.font = { bold: true };
                    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
                }
            }
        });
        for (const range of plan.merges) sheet.mergeCells(range);
    }
    return new Uint8Array(await book.xlsx.writeBuffer());
}
