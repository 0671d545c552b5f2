import { formatNumber, isUnit, normalizeLabel, numberText, parseDate, parseTarget, saysNone } from './cell-values.js';
import { BLOCK_LABELS, type BlockKind } from './block-labels.js';
import type { Amount, Breakdown, BreakdownRow, FormProblem, MilestoneRow, Narrative, ProblemRow, Sourced } from './form-model.js';
import { readNote } from './form-notes.js';
import { remarkAtEnd } from '../parser/remarks.js';
import type { GridCell } from './sheet-grid.js';
import type { Position, SheetView } from './sheet-view.js';

/**
 * The blocks below a form's printed tables: 项目测算, 项目里程碑 and the rows that say in words
 * what a 自评表 found (存在问题, 改进措施, …). Export writes them (see block-labels); some
 * provincial forms print the narrative rows themselves.
 */

const normalized = Object.fromEntries(Object.entries(BLOCK_LABELS).map(([k, v]) => [k, v.map(normalizeLabel)])) as Record<BlockKind, string[]>;
const ALL = new Set(Object.values(normalized).flat());

/** Whether a label starts one of these blocks or rows: the indicator table ends there. */
export const isBlockLabel = (label: string): boolean => ALL.has(label);

const kindOf = (label: string): BlockKind | undefined => (Object.keys(normalized) as BlockKind[]).find(k => normalized[k].includes(label));

/** A reason cell (偏差原因, 预算调整说明), none when it says `无`. */
export function reasonCell(cell: GridCell | undefined): GridCell | undefined {
    return cell && !saysNone(cell.text) ? cell : undefined;
}

/** A cell that must hold a number (分值, 得分); anything else is reported, not guessed. */
export function numberCell(cell: GridCell | undefined, problems: FormProblem[]): Sourced<string> | undefined {
    if (!cell) return undefined;
    const text = cell.number !== undefined ? formatNumber(cell.number) : numberText(cell.text.replace(/分$/, ''));
    if (text === undefined) {
        problems.push({ cell: cell.address, text: { zh: `「${cell.text}」不是数值`, en: `"${cell.text}" is not a number` } });
        return undefined;
    }
    return { value: text, cell: cell.address };
}

export function amountCell(cell: GridCell | undefined, unit: Amount['unit'], problems: FormProblem[]): Sourced<Amount> | undefined {
    const n = numberCell(cell, problems);
    return n ? { value: { number: n.value, unit }, cell: n.cell } : undefined;
}

/**
 * A date cell (`2021-03-31`, `2021年3月31日`, `2018-04`) as .kpi text, with the remark printed
 * after it (`2023-06-30（暂定）`, parser/remarks.ts); anything else is reported.
 */
export function dateCell(cell: GridCell | undefined, problems: FormProblem[]): Sourced<string> | undefined {
    if (!cell) return undefined;
    const whole = parseDate(cell.text);
    const at = whole === undefined ? remarkAtEnd(cell.text) : undefined;
    const date = whole ?? (at === undefined ? undefined : parseDate(cell.text.slice(0, at)));
    if (!date) problems.push({ cell: cell.address, text: { zh: `「${cell.text}」不是日期`, en: `"${cell.text}" is not a date` } });
    return date ? { value: date + (at === undefined ? '' : cell.text.slice(at).trim()), cell: cell.address } : undefined;
}

/** Last year's value as .kpi text (`2000 人`, `65%`, `2023-11-25`); anything else is reported. */
export function lastYearCell(cell: GridCell | undefined, problems: FormProblem[]): Sourced<string> | undefined {
    if (!cell) return undefined;
    const date = parseDate(cell.text);
    if (date) return { value: date, cell: cell.address };
    // The printed text first: a percent-formatted cell holds 0.65 and prints 65%.
    const printed = parseTarget(cell.text);
    const value = printed.kind === 'comparison' || cell.number === undefined ? printed : { kind: 'comparison' as const, number: formatNumber(cell.number) };
    if (value.kind === 'comparison' && !value.comparator) {
        return { value: value.unit === undefined ? value.number : /^[%‰]$/.test(value.unit) ? `${value.number}${value.unit}` : `${value.number} ${value.unit}`, cell: cell.address };
    }
    problems.push({ cell: cell.address, text: { zh: `上年实际值「${cell.text}」不是数值`, en: `last year's value "${cell.text}" is not a number` } });
    return undefined;
}

/** `2000 人 × 50 元/人*月 × 12 月` as .kpi text, or undefined when a factor is no quantity. */
export function productText(text: string): string | undefined {
    const factors = text.normalize('NFKC').split(/×|\*(?=\s*\d)/).map(f => /^\s*(-?\d+(?:\.\d+)?)\s*(\S*)\s*$/.exec(f));
    if (factors.some(m => !m || (m[2] !== '' && !isUnit(m[2]!)))) return undefined;
    return factors.map(m => (m![2] ? `${m![1]} ${m![2]}` : m![1])).join(' × ');
}

/** The block that a label starts, below `from`: its label cell and the columns of its head row. */
function blockHead(view: SheetView, kind: BlockKind, from: number): { at: Position; address: string; columns: Map<string, number> } | undefined {
    const at = view.find(l => normalized[kind].includes(l), from);
    return at ? { at, address: view.cell(at.r, at.c)!.address, columns: view.heads(at.r) } : undefined;
}

/** The rows of a block: below its head until another label stands in the label's column. */
function* blockRows(view: SheetView, head: { at: Position; address: string }): Generator<number> {
    for (let r = head.at.r + 1; r < view.rowCount; r++) {
        const label = view.value(r, head.at.c);
        if (label && label.address !== head.address) return;
        yield r;
    }
}

const column = (columns: Map<string, number>, ...names: string[]) => names.map(n => columns.get(n)).find(c => c !== undefined);

export function readBreakdown(view: SheetView, from: number, problems: FormProblem[]): Breakdown | undefined {
    const head = blockHead(view, 'breakdown', from);
    if (!head) return undefined;
    const { columns } = head;
    const unit: Amount['unit'] = /\(元\)/.test(view.label(head.at.r, head.at.c)) ? '元' : '万元';
    const title = column(columns, '测算项目', '测算内容', '支出内容');
    if (title === undefined) return undefined;
    const amount = column(columns, '金额', '计划金额', '预算金额', '测算金额');
    const formula = column(columns, '测算依据', '测算公式');
    const actual = column(columns, '实际金额', '实际支出', '执行金额');
    const deviation = column(columns, '偏差原因', '偏差原因说明');
    const rows: BreakdownRow[] = [];
    let total: Sourced<Amount> | undefined;
    const at = (r: number, c: number | undefined) => (c === undefined ? undefined : view.value(r, c));
    for (const r of blockRows(view, head)) {
        const name = at(r, title);
        if (!name) continue;
        if (normalizeLabel(name.text) === '合计') {
            total = amountCell(at(r, amount), unit, problems);
            continue;
        }
        const a = amountCell(at(r, amount), unit, problems);
        const spent = amountCell(at(r, actual), unit, problems);
        const f = at(r, formula);
        const product = f && productText(f.text);
        if (f && !product) problems.push({ cell: f.address, text: { zh: `测算依据「${f.text}」不是数量的乘积`, en: `breakdown formula "${f.text}" is not a product of quantities` } });
        const why = reasonCell(at(r, deviation));
        const id = readNote(name.note).name;
        rows.push({
            title: { value: name.text, cell: name.address }, ...(id ? { id } : {}),
            ...(a ? { amount: a } : {}), ...(product && f ? { formula: { value: product, cell: f.address } } : {}),
            ...(spent ? { actual: spent } : {}), ...(why ? { deviation: { value: why.text, cell: why.address } } : {}),
        });
    }
    return { cell: head.address, rows, ...(total ? { total } : {}) };
}

const DONE: ReadonlyArray<[RegExp, '完成' | '未完成']> = [[/^(未完成|否|进行中|未开始)$/, '未完成'], [/^(已?完成|是)$/, '完成']];

export function readMilestones(view: SheetView, from: number, problems: FormProblem[]): MilestoneRow[] | undefined {
    const head = blockHead(view, 'milestones', from);
    if (!head) return undefined;
    const title = column(head.columns, '里程碑', '里程碑名称', '关键节点');
    if (title === undefined) return undefined;
    const planned = column(head.columns, '计划完成时间', '计划时间');
    const status = column(head.columns, '完成情况', '是否完成');
    const done = column(head.columns, '实际完成时间', '完成时间');
    const at = (r: number, c: number | undefined) => (c === undefined ? undefined : view.value(r, c));
    const rows: MilestoneRow[] = [];
    for (const r of blockRows(view, head)) {
        const name = at(r, title);
        if (!name) continue;
        const plan = dateCell(at(r, planned), problems);
        const s = at(r, status);
        const state = s ? DONE.find(([re]) => re.test(normalizeLabel(s.text)))?.[1] : undefined;
        if (s && !state) problems.push({ cell: s.address, text: { zh: `完成情况「${s.text}」应为“完成”或“未完成”`, en: `status "${s.text}" should be 完成 or 未完成` } });
        const when = dateCell(at(r, done), problems);
        const id = readNote(name.note).name;
        rows.push({
            title: { value: name.text, cell: name.address }, ...(id ? { id } : {}), ...(plan ? { planned: plan } : {}),
            ...(state && s ? { status: { value: state, cell: s.address } } : {}), ...(when ? { done: when } : {}),
        });
    }
    return rows;
}

/**
 * The labelled rows below a 自评表's tables: each row whose first cell is a narrative label
 * (a label merged over several rows labels each of them) and the text to its right.
 */
export function readNarrative(view: SheetView, from: number, problems: FormProblem[]): { narrative: Narrative; adjustment?: Sourced<string>; deviation?: Sourced<string> } {
    const found: ProblemRow[] = [];
    const improvements: Array<Sourced<string>> = [];
    const conclusions: Array<Sourced<string>> = [];
    let asOf: Sourced<string> | undefined;
    let adjustment: Sourced<string> | undefined;
    let deviation: Sourced<string> | undefined;
    for (let r = from; r < view.rowCount; r++) {
        let c = 0;
        while (c < view.width(r) && !view.value(r, c)) c++;
        const kind = c < view.width(r) ? kindOf(view.label(r, c)) : undefined;
        const text = kind ? view.rightOf({ r, c })[0] : undefined;
        if (!kind || !text) continue;
        const value = { value: text.text, cell: text.address };
        if (kind === 'problems') {
            const note = readNote(text.note);
            found.push({ text: value, none: note.none === true || saysNone(text.text), concerns: note.concerns ?? [] });
        }
        if (kind === 'improvements') improvements.push(value);
        if (kind === 'conclusions') conclusions.push(value);
        if (kind === 'asOf') asOf = dateCell(text, problems) ?? asOf;
        if (kind === 'adjustment' && reasonCell(text)) adjustment = value;
        if (kind === 'executionDeviation' && reasonCell(text)) deviation = value;
    }
    return {
        narrative: { problems: found, improvements, conclusions, ...(asOf ? { asOf } : {}) },
        ...(adjustment ? { adjustment } : {}), ...(deviation ? { deviation } : {}),
    };
}
