import { AstUtils, GrammarAST, isCompositeCstNode, isLeafCstNode, type AstNode, type CstNode } from 'langium';
import { displayWidth } from '../i18n/display-width.js';
import { formattedText } from './sign-spacing.js';
import { isComment, LINE_BREAK, LINE_BREAKS } from '../parser/comments.js';

/** One row of a table as laid out: where its cells start, what field each holds, how wide each is. */
interface TableRow {
    /** The token index that starts each cell. */
    readonly starts: number[];
    /** The field of each cell (`actual` for `实际 96.2%`), numbered should one come twice: cells line up under their like. */
    readonly fields: string[];
    /** Each cell's display width, wide characters counting two. */
    readonly widths: number[];
    /** Its indentation and type: rows of one table share both. */
    readonly indent: string;
    readonly type: string;
    /** Whether its author lined it up: more than a single space between two of its cells (spaces, a tab, a full-width space). */
    readonly aligned: boolean;
}

/** Consecutive rows and the order of their fields, left to right. */
interface Table {
    readonly rows: TableRow[];
    fields: string[];
}


/**
 * Keeps tables lined up, as forms are printed and officers copy them. A table is a run of rows
 * of one type (`指标` rows of an assessment, the indicators of a group, the components of 测算)
 * at one depth, with no blank line between them; comment lines, and the lines a row goes on
 * with (a `偏差` on a line of its own), stand between its rows without ending it. A cell is a
 * field of a row's first line with its keyword (`实际 96.2%`, `来源 "工单系统"`).
 *
 * A table whose author lined it up (more than a single space between two cells of any row) is lined
 * up again: each field starts in one column, just right of the longest text before it in any
 * row that has it, wide characters counting two columns; a row without a field leaves its place
 * empty. Other tables keep single spaces, so that a formatted file written without padding stays
 * formatted. Rows whose fields come in another order than the rows above start a new table.
 *
 * `everyTable` lines up single-spaced tables too (an imported form, laid out as printed).
 *
 * `spacing[i]` is the whitespace before `tokens[i]`, as laid out so far, and `text` the text it
 * replaces; only the single spaces between cells grow. The padding depends on the tokens and on
 * whether padding is there, so formatting stays idempotent.
 */
export function alignRows(text: string, tokens: readonly CstNode[], spacing: string[], rows: ReadonlyMap<CstNode, AstNode>, everyTable = false): void {
    let table: Table = { rows: [], fields: [] };
    /** Where the table's last row ends: lines before that go on with it. */
    let rowEnd = -1;
    let start = 0;
    while (start < tokens.length) {
        let end = start + 1;
        while (end < tokens.length && !LINE_BREAK.test(spacing[end]!)) end++;
        const first = tokens[start]!;
        const follows = start > 0 && spacing[start]!.match(LINE_BREAKS)!.length === 1;
        const between = (isComment(first) && end === start + 1) || (first.offset < rowEnd && !rows.has(first));
        if (!(follows && between && table.rows.length > 0)) {
            const row = tableRow(text, tokens, spacing, start, end, rows);
            const previous = table.rows.at(-1);
            const fields = row && previous && follows && previous.type === row.type && previous.indent === row.indent
                && previous.fields[0] === row.fields[0] ? merged(table.fields, row.fields) : undefined;
            if (fields) {
                table.rows.push(row!);
                table.fields = fields;
            } else {
                pad(table, spacing, everyTable);
                table = { rows: row ? [row] : [], fields: row?.fields ?? [] };
            }
            rowEnd = row ? rows.get(first)!.$cstNode!.end : -1;
        }
        start = end;
    }
    pad(table, spacing, everyTable);
}

/** A row's first line as a table row, or undefined when it is none (a comment or a block inside). */
function tableRow(text: string, tokens: readonly CstNode[], spacing: readonly string[], start: number, end: number, rows: ReadonlyMap<CstNode, AstNode>): TableRow | undefined {
    const node = rows.get(tokens[start]!);
    const cells = node && cellStarts(node);
    if (!node?.$cstNode || !cells?.has(tokens[start]!)) return undefined;
    const starts: number[] = [];
    const fields: string[] = [];
    const widths: number[] = [];
    const seen = new Map<string, number>();
    let aligned = false;
    for (let i = start; i < end; i++) {
        const token = tokens[i]!;
        // A trailing comment follows the last cell; one inside the row, or a multi-line token, breaks the table.
        if (isComment(token)) {
            if (i === end - 1) break;
            return undefined;
        }
        if (LINE_BREAK.test(token.text) || token.text === '{' || token.text === '}') return undefined;
        const field = cells.get(token);
        if (field !== undefined) {
            if (i > start) {
                if (spacing[i] !== ' ') return undefined;
                const gap = text.slice(tokens[i - 1]!.end, tokens[i]!.offset);
                aligned ||= gap !== ' ' && /^[ \t\u3000]+$/.test(gap);
            }
            const repeat = seen.get(field) ?? 0;
            seen.set(field, repeat + 1);
            starts.push(i);
            fields.push(repeat > 0 ? `${field}#${repeat}` : field);
            widths.push(displayWidth(formattedText(token)));
        } else {
            widths[widths.length - 1]! += displayWidth(spacing[i]!) + displayWidth(formattedText(token));
        }
    }
    return { starts, fields, widths, indent: spacing[start]!.replace(LINE_BREAKS, ''), type: node.$type, aligned };
}

/**
 * The fields of a table with a row's: each of the row's fields after the one before it, a new
 * one right after it. Undefined when the row has two fields the other way round.
 */
function merged(order: readonly string[], fields: readonly string[]): string[] | undefined {
    const result = [...order];
    let at = -1;
    for (const field of fields) {
        const found = result.indexOf(field);
        if (found >= 0 && found <= at) return undefined;
        if (found >= 0) {
            at = found;
        } else {
            result.splice(++at, 0, field);
        }
    }
    return result;
}

/**
 * The first token of each cell of a row, with the cell's field: the property a value fills
 * (`actual`), and for a keyword the property of the value it introduces (`实际` → `actual`).
 */
function cellStarts(node: AstNode): Map<CstNode, string> {
    const children = rowChildren(node.$cstNode);
    const assigned = children.map(child => AstUtils.getContainerOfType(child.grammarSource, GrammarAST.isAssignment)?.feature);
    const fields: string[] = [];
    let next: string | undefined;
    for (let i = children.length - 1; i >= 0; i--) {
        next = assigned[i] ?? next ?? children[i]!.text;
        fields[i] = next;
    }
    const starts = new Map<CstNode, string>();
    children.forEach((child, i) => {
        const token = firstToken(child);
        // A new field, or its keyword again after a value (a clause written twice); not the comma of a list.
        const keywordAgain = GrammarAST.isKeyword(child.grammarSource) && assigned[i] === undefined && assigned[i - 1] !== undefined;
        if (token && (i === 0 || fields[i] !== fields[i - 1] || keywordAgain)) starts.set(token, fields[i]!);
    });
    return starts;
}

/** The visible children of a row's syntax node (through the node of a rule that only calls the row's). */
function rowChildren(cst: CstNode | undefined): CstNode[] {
    let children = isCompositeCstNode(cst) ? cst.content.filter(c => !c.hidden) : [];
    while (children.length === 1 && isCompositeCstNode(children[0]) && children[0].astNode === cst?.astNode) {
        children = children[0].content.filter(c => !c.hidden);
    }
    return children;
}

/** The first token of a syntax node, comments aside. */
export function firstToken(node: CstNode | undefined): CstNode | undefined {
    if (!node || isLeafCstNode(node)) return node?.hidden ? undefined : node;
    for (const child of isCompositeCstNode(node) ? node.content : []) {
        const token = firstToken(child);
        if (token) return token;
    }
    return undefined;
}

/**
 * Pads a lined-up table: column by column, left to right, each starts one column right of the
 * longest text before it. A row whose text since its last lined-up cell is more than twice the
 * usual (and 8 columns more) runs past the column instead of pushing it out for every row, as
 * an author lines up a printed table around one long cell.
 */
function pad(table: Table, spacing: string[], always: boolean): void {
    if (table.rows.length < 2 || !(always || table.rows.some(row => row.aligned))) return;
    const ends = table.rows.map(row => row.widths[0]!);
    /** Where each row's last cell lined up with others starts. */
    const anchors = table.rows.map(() => 0);
    const next = table.rows.map(() => 1);
    for (const column of columns(table).slice(1)) {
        const having = table.rows.flatMap((row, r) => (column.has(row.fields[next[r]!]!) ? [r] : []));
        const extent = (r: number) => ends[r]! + 1 - anchors[r]!;
        const usual = having.map(extent).sort((a, b) => a - b)[(having.length - 1) >> 1]!;
        const fitting = having.filter(r => extent(r) <= Math.max(2 * usual, usual + 8));
        // Not Math.max(...): a pasted form may have more rows than a call takes arguments.
        const at = fitting.reduce((most, r) => Math.max(most, ends[r]! + 1), 0);
        for (const r of having) {
            const row = table.rows[r]!;
            const cell = next[r]!++;
            const start = Math.max(at, ends[r]! + 1);
            spacing[row.starts[cell]!] = ' '.repeat(start - ends[r]!);
            if (start === at && fitting.length > 1) anchors[r] = at;
            ends[r] = start + row.widths[cell]!;
        }
    }
}

/**
 * The table's fields grouped into columns, in order: fields that no row has together share one
 * (`实际 89.19%` and `未考核` of 履约考核 rows, where a clause has either).
 */
function columns(table: Table): Array<Set<string>> {
    const result: Array<Set<string>> = [];
    for (const field of table.fields) {
        const last = result.at(-1);
        const together = last && table.rows.some(row => row.fields.includes(field) && row.fields.some(f => last.has(f)));
        if (last && !together) last.add(field);
        else result.push(new Set([field]));
    }
    return result;
}
