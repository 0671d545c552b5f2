import type * as XLSX from '@e965/xlsx';
import type { Unzipped } from 'fflate';
import { parseDate } from './cell-values.js';
import { REVIEW_SHEETS } from './review-sheets.js';
import { WorkbookError, workbookError } from './workbook-error.js';

/** One cell as a form reader sees it: its printed text and, for numbers, the number. */
export interface GridCell {
    /** The printed text (SheetJS's formatted text), trimmed. */
    readonly text: string;
    /** The cell's number, when it holds one. */
    readonly number?: number;
    /** Where the value is in Excel: the cell itself, or the top-left cell of its merge. */
    readonly address: string;
    /** Whether this is that top-left cell (false for the copies a merge spreads). */
    readonly origin: boolean;
    /** The cell's note (comment), where an exported form keeps what the printed form has no place for. */
    readonly note?: string;
    /** The formula (`F6/E6`, without `=`) whose computed value the cell holds. */
    readonly formula?: string;
    /** The cell holds a formula's error value (`#REF!`, `#N/A`, its `text`): no value (SheetView.value), reported by readForm. */
    readonly error?: true;
}

/** A sheet as a grid of rows, merged values spread over every cell they span. */
export interface SheetGrid {
    readonly name: string;
    readonly rows: ReadonlyArray<ReadonlyArray<GridCell | undefined>>;
    /** Hidden in Excel (last year's copy of a form, kept out of sight); absent when shown. */
    readonly hidden?: true;
    /** Runs of hidden rows that held something, left out of `rows` (see sheetGrid). */
    readonly hiddenRows?: readonly HiddenRows[];
    /** Columns hidden in Excel (0-based), still in `rows`: readForm reads those a form's table heads name. */
    readonly hiddenColumns?: readonly number[];
}

/** Rows hidden in Excel (1-based, as Excel numbers them) and the first cell that held something. */
export interface HiddenRows {
    readonly from: number;
    readonly to: number;
    readonly address: string;
}

/**
 * Zero-width characters that text pasted from a web page or a chat brings along: unseen in the
 * cell, they would make `覆盖率` a name no other file types.
 */
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff]/g;

/** Real forms are a few hundred KB; the cap stops a 50 MB file before it is parsed. */
export const MAX_WORKBOOK_BYTES = 10 * 1024 * 1024;
/** What a workbook may inflate to: guards against small files that unzip to gigabytes. */
const MAX_UNZIPPED_BYTES = 100 * 1024 * 1024;
/** Forms have tens of rows; Layout B a row per indicator. More is not a form. */
export const MAX_ROWS = 5000;
const MAX_COLUMNS = 200;

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const startsWith = (bytes: Uint8Array, magic: readonly number[]) => magic.every((b, i) => bytes[i] === b);

type Libraries = [typeof import('@e965/xlsx'), typeof import('fflate')];
let libraries: Promise<Libraries> | undefined;

/**
 * SheetJS and fflate, loaded with the first workbook read: half a megabyte of code that a run
 * without workbooks (most `kpispec` commands) would load and evaluate for nothing (40 ms of
 * every start, bench/RESULTS.md).
 */
function workbookLibraries(): Promise<Libraries> {
    return libraries ??= Promise.all([import('@e965/xlsx'), import('fflate')]);
}

/**
 * Reads a workbook's sheets from its bytes (.xlsx is a ZIP package, .xls a compound file):
 * no file system, so a browser can use it. Everything that is not a plain workbook (another
 * file type, encryption, oversize, formulas without values, links to other workbooks) is a
 * `WorkbookError`; SheetJS's own failures are turned into one too.
 */
export async function readSheets(bytes: Uint8Array): Promise<SheetGrid[]> {
    checkWorkbookSize(bytes.length);
    const zip = startsWith(bytes, ZIP_MAGIC);
    if (!zip && !startsWith(bytes, CFB_MAGIC)) {
        throw workbookError('不是 Excel 工作簿（.xlsx 或 .xls）', 'not an Excel workbook (.xlsx or .xls)');
    }
    const [sheetJs, fflate] = await workbookLibraries();
    let book: XLSX.WorkBook;
    try {
        const input = zip ? repackage(bytes, fflate) : bytes;
        book = quietly(() => sheetJs.read(input, {
            // cellStyles for the rows' properties: which are hidden.
            type: 'array', dense: true, cellFormula: true, cellNF: true, sheetStubs: true, cellHTML: false, cellStyles: true,
            sheetRows: MAX_ROWS, bookVBA: false, WTF: false,
        }));
    } catch (e) {
        const message = e instanceof Error ? e.message : String(e);
        if (/password|encrypt/i.test(message)) {
            throw workbookError('工作簿有密码保护，请去掉密码后再提交', 'the workbook is password-protected; remove the password and submit it again');
        }
        throw workbookError(`无法读取工作簿（${message}）`, `cannot read the workbook (${message})`);
    }
    // A damaged workbook may list a sheet it does not hold.
    const dates: DateReader = { ssf: sheetJs.SSF as DateReader['ssf'], date1904: book.Workbook?.WBProps?.date1904 === true };
    const hidden = new Set(book.Workbook?.Sheets?.filter(s => s.Hidden).map(s => s.name));
    return book.SheetNames.flatMap(name => (book.Sheets[name]
        ? [{ ...sheetGrid(name, book.Sheets[name], sheetJs.utils.encode_cell, dates), ...(hidden.has(name) ? { hidden: true as const } : {}) }]
        : []));
}

/** Refuses a file too large to be a form; callers with a file system check before reading it. */
export function checkWorkbookSize(byteLength: number): void {
    if (byteLength <= MAX_WORKBOOK_BYTES) return;
    const mb = (byteLength / 1024 / 1024).toFixed(1);
    throw workbookError(`文件过大（${mb} MB，上限 ${MAX_WORKBOOK_BYTES / 1024 / 1024} MB），不像是一张表单`,
        `too large (${mb} MB, limit ${MAX_WORKBOOK_BYTES / 1024 / 1024} MB) to be a form`);
}

/** What tells a date cell (a number with a date format) and reads its day. */
interface DateReader {
    readonly ssf: {
        is_date(format: string): boolean;
        parse_date_code(value: number, options: { date1904: boolean }): { y: number; m: number; d: number } | null | undefined;
    };
    readonly date1904: boolean;
}

/** KPI Spec's own review sheets: no form, and their rules link to the rules' pages, outside the workbook. */
const REVIEW_SHEET_NAMES: ReadonlySet<string> = new Set(Object.values(REVIEW_SHEETS));

function sheetGrid(name: string, sheet: XLSX.WorkSheet, encodeCell: typeof XLSX.utils.encode_cell, dates: DateReader): SheetGrid {
    const links = !REVIEW_SHEET_NAMES.has(name);
    const data = (sheet['!data'] ?? []) as Array<Array<XLSX.CellObject | undefined> | undefined>;
    const rows: Array<Array<GridCell | undefined>> = [];
    for (let r = 0; r < Math.min(data.length, MAX_ROWS); r++) {
        const row = data[r];
        const out: Array<GridCell | undefined> = [];
        for (let c = 0; row && c < Math.min(row.length, MAX_COLUMNS); c++) {
            const cell = row[c];
            if (cell) out[c] = gridCell(name, cell, encodeCell({ r, c }), dates, links);
        }
        rows[r] = out;
    }
    for (const merge of sheet['!merges'] ?? []) {
        const origin = rows[merge.s.r]?.[merge.s.c];
        if (!origin) continue;
        for (let r = merge.s.r; r <= Math.min(merge.e.r, MAX_ROWS - 1); r++) {
            for (let c = merge.s.c; c <= Math.min(merge.e.c, MAX_COLUMNS - 1); c++) {
                if (r === merge.s.r && c === merge.s.c) continue;
                (rows[r] ??= [])[c] = { ...origin, origin: false };
            }
        }
    }
    for (let r = 0; r < rows.length; r++) rows[r] ??= [];
    const hiddenRows = hideRows(rows, sheet['!rows'] ?? []);
    const hiddenColumns = (sheet['!cols'] ?? []).flatMap((column, c) => (column?.hidden && c < MAX_COLUMNS ? [c] : []));
    return { name, rows, ...(hiddenRows.length > 0 ? { hiddenRows } : {}), ...(hiddenColumns.length > 0 ? { hiddenColumns } : {}) };
}

/**
 * Empties the rows hidden in Excel and returns the runs of them that held something. A hidden row
 * is no part of the form as printed and submitted: a row deleted in all but name (an indicator
 * dropped from last year's copy) or a helper row (a drop-down's list, a check sum). Reading it
 * would mix into the form what the officer put out of sight, so it is read as if empty, and the
 * reader says which rows it passed over (readForm) so that nothing goes missing unsaid. What a
 * merge spreads from a hidden row into rows shown stays: Excel shows it there.
 */
function hideRows(rows: Array<Array<GridCell | undefined>>, properties: ReadonlyArray<XLSX.RowInfo | undefined>): HiddenRows[] {
    const runs: HiddenRows[] = [];
    // Whether the last run goes on: only hidden rows since it.
    let open = false;
    for (let r = 0; r < Math.min(properties.length, rows.length); r++) {
        if (!properties[r]?.hidden) {
            open = false;
            continue;
        }
        const held = rows[r]!.find(cell => cell?.origin);
        rows[r] = [];
        if (!held) continue;
        if (open) runs[runs.length - 1] = { ...runs.at(-1)!, to: r + 1 };
        else runs.push({ from: r + 1, to: r + 1, address: held.address });
        open = true;
    }
    return runs;
}

/** A cell as read; `refuseLinks`: a hyperlink out of the workbook is refused (in a submission, not in a review sheet). */
function gridCell(sheet: string, cell: XLSX.CellObject, address: string, dates: DateReader, refuseLinks: boolean): GridCell | undefined {
    const where = `${sheet}!${address}`;
    if (cell.f !== undefined && /\[[^\]]*\]/.test(cell.f)) {
        throw workbookError(`${where} 引用了其他工作簿（${cell.f}），请改为数值后再提交`,
            `${where} refers to another workbook (${cell.f}); replace it by its value`);
    }
    if (refuseLinks && cell.l?.Target !== undefined && !cell.l.Target.startsWith('#')) {
        const target = utf8Text(cell.l.Target);
        throw workbookError(`${where} 含指向外部的超链接（${target}），请删除链接后再提交`,
            `${where} holds a hyperlink to ${target}; remove the link and submit again`);
    }
    if (cell.f !== undefined && (cell.v === undefined || cell.t === 'z')) {
        throw workbookError(`${where} 是公式（=${cell.f}）但没有计算结果，请在 Excel 中打开并保存后再提交`,
            `${where} is a formula (=${cell.f}) without a computed value; open and save it in Excel first`);
    }
    const note = cell.c?.map(c => c.t).join('\n');
    const formula = cell.f !== undefined ? { formula: cell.f } : {};
    // A formula gone wrong (a row it summed deleted: `#REF!`) is kept, to be reported rather than read as a blank.
    if (cell.t === 'e') return { text: String(cell.w ?? '#VALUE!'), address, origin: true, error: true, ...formula, ...(note ? { note } : {}) };
    if (cell.v === undefined || cell.v === null || cell.t === 'z') return undefined;
    // A date cell's text is its day as the language writes it; its number stays (a 分值 formatted as a date by mistake is still 10).
    const text = dateText(cell, dates) ?? String(cell.w ?? cell.v).replace(INVISIBLE, '').trim();
    if (text === '') return undefined;
    return { text, ...(typeof cell.v === 'number' ? { number: cell.v } : {}), address, origin: true, ...formula, ...(note ? { note } : {}) };
}

/**
 * A date cell's day as the language writes it (`2023-11-30`), whatever its format prints
 * (`11/30/23`, `2023年11月30日`); a format that prints only the month (`2023年11月`) gives the
 * month. Not for numbers, times of day or text.
 */
function dateText(cell: XLSX.CellObject, { ssf, date1904 }: DateReader): string | undefined {
    if (cell.t !== 'n' || typeof cell.v !== 'number' || typeof cell.z !== 'string' || !ssf.is_date(cell.z)) return undefined;
    const day = ssf.parse_date_code(cell.v, { date1904 });
    // Before 1950 it is a number in a cell formatted as a date by mistake (10 would be 1900-01-10).
    if (!day || day.y < 1950) return undefined;
    const printed = typeof cell.w === 'string' ? parseDate(cell.w) : undefined;
    return printed ?? `${day.y}-${String(day.m).padStart(2, '0')}-${String(day.d).padStart(2, '0')}`;
}

/**
 * Runs SheetJS with the console muted: it logs what it skips in damaged files ("Missing Info
 * for XLS Record"), which would break the CLI's one-line errors and the server's stdio.
 */
function quietly<T>(read: () => T): T {
    const saved = { error: console.error, warn: console.warn, log: console.log };
    console.error = console.warn = console.log = () => undefined;
    try {
        return read();
    } finally {
        Object.assign(console, saved);
    }
}

/**
 * The package's parts, inflated by fflate and stored again uncompressed: SheetJS's own inflate
 * loops forever on some damaged streams (found by fuzzing), so it never sees a compressed one.
 * The declared sizes are checked before inflating: a small file must not unzip to gigabytes.
 */
function repackage(bytes: Uint8Array, { unzipSync, zipSync }: Libraries[1]): Uint8Array {
    let total = 0;
    let parts: Unzipped;
    try {
        parts = unzipSync(bytes, {
            filter: file => {
                total += file.originalSize;
                if (total > MAX_UNZIPPED_BYTES) throw workbookError('解压后过大，不像是一张表单', 'inflates to more than a form can hold');
                return true;
            },
        });
    } catch (e) {
        if (e instanceof WorkbookError) throw e;
        throw workbookError(`工作簿已损坏，无法解压（${e instanceof Error ? e.message : String(e)}）`,
            `the workbook is damaged and cannot be unzipped (${e instanceof Error ? e.message : String(e)})`);
    }
    return zipSync(parts, { level: 0 });
}

/** SheetJS leaves the UTF-8 bytes of relationship targets as Latin-1 characters. */
function utf8Text(text: string): string {
    if (![...text].every(ch => ch.charCodeAt(0) < 256)) return text;
    try {
        return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(text, ch => ch.charCodeAt(0)));
    } catch {
        return text;
    }
}
