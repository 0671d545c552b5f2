import { isEmptyMark, normalizeLabel } from './cell-values.js';
import type { Sourced } from './form-model.js';
import type { GridCell, SheetGrid } from './sheet-grid.js';

export interface Position {
    readonly r: number;
    readonly c: number;
}

/** `(A)`, `(B/A)`, `(%)` at the end of a head, brackets folded to ASCII by normalizeLabel. */
const HEAD_TAG = /(?<=.)\((?:[A-Z](?:[/*×÷+-][A-Z])*|%)\)$/;

/** Lookups by printed label over a sheet grid: what every layout reader needs. */
export class SheetView {
    constructor(readonly grid: SheetGrid) {}

    get rowCount(): number {
        return this.grid.rows.length;
    }

    width(r: number): number {
        return this.grid.rows[r]?.length ?? 0;
    }

    cell(r: number, c: number): GridCell | undefined {
        return this.grid.rows[r]?.[c];
    }

    /** The cell at an address (`C3`), as the grid holds it. */
    cellAt(address: string): GridCell | undefined {
        const m = /^([A-Z]+)(\d+)$/.exec(address);
        if (!m) return undefined;
        const c = [...m[1]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
        return this.cell(Number(m[2]) - 1, c);
    }

    /**
     * The cell's label form (full-width folded, no spaces, no `*`, no trailing colon), without the
     * tag versions of the 自评表 print after a head to name it in a formula (`全年预算数（A）`,
     * `执行率（B/A）`, `实际完成值（B）`) or a percent column's `（%）`.
     */
    label(r: number, c: number): string {
        const cell = this.cell(r, c);
        return cell ? normalizeLabel(cell.text).replace(/[:：]$/, '').replace(HEAD_TAG, '') : '';
    }

    /** The cell's value unless it is empty, an empty mark (`—`, `/`) or a formula's error value (`#REF!`). */
    value(r: number, c: number): GridCell | undefined {
        const cell = this.cell(r, c);
        return cell && !cell.error && !isEmptyMark(cell.text) ? cell : undefined;
    }

    sourced(r: number, c: number): Sourced<string> | undefined {
        const cell = this.value(r, c);
        return cell ? { value: cell.text, cell: cell.address } : undefined;
    }

    /** The first cell, row by row, whose label passes the test. */
    find(test: (label: string) => boolean, fromRow = 0, toRow = this.rowCount): Position | undefined {
        for (let r = fromRow; r < Math.min(toRow, this.rowCount); r++) {
            for (let c = 0; c < this.width(r); c++) {
                if (this.cell(r, c)?.origin && test(this.label(r, c))) return { r, c };
            }
        }
        return undefined;
    }

    /** Whether a row holds a cell whose label passes the test. */
    rowHas(r: number, test: (label: string) => boolean): boolean {
        for (let c = 0; c < this.width(r); c++) if (test(this.label(r, c))) return true;
        return false;
    }

    /** The distinct cells with a value to the right of a cell (a merge counts once, its own merge not at all). */
    rightOf({ r, c }: Position): GridCell[] {
        const seen = new Set<string>([this.cell(r, c)?.address ?? '']);
        const out: GridCell[] = [];
        for (let x = c + 1; x < this.width(r); x++) {
            const cell = this.cell(r, x);
            if (!cell || seen.has(cell.address)) continue;
            seen.add(cell.address);
            if (!cell.error && !isEmptyMark(cell.text)) out.push(cell);
        }
        return out;
    }

    /**
     * The value printed next to a label (`项目名称 | 社区居家养老服务补贴项目`), or after the label in
     * the same cell (`项目名称：社区居家养老服务补贴项目`); none when the next cell is the label
     * itself or one of `otherLabels` (the value is blank).
     */
    valueAfter(labels: readonly string[], toRow = this.rowCount, otherLabels: readonly string[] = []): Sourced<string> | undefined {
        const at = this.find(l => labels.some(x => l === x), 0, toRow);
        if (at) {
            const next = this.rightOf(at)[0];
            // The next label of the row (`主管部门 | | 实施单位 | …`): this one's value is blank.
            const label = next && normalizeLabel(next.text).replace(/[:：]$/, '');
            return next && !labels.includes(label!) && !otherLabels.includes(label!) ? { value: next.text, cell: next.address } : undefined;
        }
        const inline = this.find(l => labels.some(x => l.startsWith(`${x}:`) && l.length > x.length + 1), 0, toRow);
        if (!inline) return undefined;
        const cell = this.cell(inline.r, inline.c)!;
        return { value: cell.text.replace(/^[^:：]*[:：]\s*/, ''), cell: cell.address };
    }

    /** Columns of a head row: label → first column holding it. */
    heads(r: number): Map<string, number> {
        const out = new Map<string, number>();
        for (let c = 0; c < this.width(r); c++) {
            const l = this.label(r, c);
            if (l && !out.has(l)) out.set(l, c);
        }
        return out;
    }
}
