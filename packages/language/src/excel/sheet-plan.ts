/**
 * A sheet as it is to be printed: values, merged ranges, column widths, which cells are heads.
 * Export builds plans from the language's model; a writer (exceljs, in the CLI) turns them into
 * a styled workbook. Keeping the plan here keeps the layout testable without any writer.
 */
export interface PlannedCell {
    readonly value: string | number;
    /** A head or label: bold, centred, shaded. */
    readonly head?: boolean;
    /** Excel number format (`0.00%`). */
    readonly numFmt?: string;
    /** A cell note: what the printed form has no place for (see form-notes). */
    readonly note?: string;
    /** A formula (`F6/E6`, without `=`) whose result is `value`: what the form computes, not what a file says. */
    readonly formula?: string;
    /** An address the cell links to (a rule's page), `value` its text. */
    readonly link?: string;
}

export interface SheetPlan {
    readonly name: string;
    /** Rows of cells; undefined leaves a cell empty (inside a merge, or blank on the form). */
    readonly rows: ReadonlyArray<ReadonlyArray<PlannedCell | undefined>>;
    /** Merged ranges (`A1:I1`). */
    readonly merges: readonly string[];
    /** Column widths in characters. */
    readonly widths: readonly number[];
    /** The first row of the bordered table (the title rows above it have no borders). */
    readonly tableFrom: number;
    /** The title row (large, bold), 0-based; -1 for none. */
    readonly titleRow: number;
}
