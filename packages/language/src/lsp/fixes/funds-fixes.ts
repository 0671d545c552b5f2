// Quick fixes for funds/* diagnostics (data documented in docs/rules/funds).
import { TextEdit } from 'vscode-languageserver';
import {
    isBreakdownActual, isBreakdownComponent, isBreakdownSection, isExecution, isFundsSection, isFundsShare, isFundsTotal,
    type Quantity,
} from '../../generated/ast.js';
import { amountOf, breakdownTotal, COLUMN_LABEL, componentAmount, FUNDS_COLUMNS, sourceSums, type FundsColumn } from '../../model/funds.js';
import { writtenAt } from '../../parser/repeated-clauses.js';
import { formatMeasure, inUnitOf, sumOf, type Measure } from '../../units/index.js';
import { keyword } from '../keyword-language.js';
import { dataOf, insertAfterLast, quote, stringField, type Fix } from './fix-context.js';

/** funds/rate-mismatch: write the computed rate (data `rate`, e.g. `76.15%`) over the printed one. */
export const setRate: Fix = (d, ctx) => {
    const execution = ctx.nodeAt(d.range.start, isExecution);
    const written = writtenAt(execution, 'rate');
    const rate = stringField(d, 'rate');
    if (!written || !rate || written.text === rate) return [];
    return ctx.action({ zh: `将执行率改为 ${rate}`, en: `Set the execution rate to ${rate}` }, [TextEdit.replace(written.range, rate)], [d], true);
};

/** funds/breakdown-formula: write the product's amount (data `amount`, e.g. `180 万元`) as the component's amount. */
export const setBreakdownAmount: Fix = (d, ctx) => {
    const component = ctx.nodeAt(d.range.start, isBreakdownComponent);
    const written = writtenAt(component, 'amount');
    const amount = stringField(d, 'amount');
    if (!written || !amount || written.text === amount) return [];
    return ctx.action({ zh: `将金额改为乘积 ${amount}`, en: `Set the amount to the product ${amount}` }, [TextEdit.replace(written.range, amount)], [d], true);
};

/** The clauses of the execution table's first line, after which its reasons are written. */
const EXECUTION_FIRST_LINE = ['initial', 'budgeted', 'spent', 'rate', 'weight', 'score'];

/**
 * funds/adjusted-no-reason, funds/low-execution-no-reason, funds/component-shortfall: write the
 * reason the form asks for (调整 on the execution line, 偏差 there or on the 测算 line), to be filled in;
 * an empty one written already is filled.
 */
export const addFundsReason: Fix = (d, ctx) => {
    const adjusted = d.code === 'funds/adjusted-no-reason';
    const node = d.code === 'funds/component-shortfall' ? ctx.nodeAt(d.range.start, isBreakdownActual) : ctx.nodeAt(d.range.start, isExecution);
    if (!node) return [];
    const property = adjusted ? 'adjustment' : 'deviation';
    const reason = quote(ctx.kw(adjusted
        ? { zh: '预算调整的原因：请填写', en: 'Why the budget was adjusted: to be filled in' }
        : { zh: '执行偏低的原因：请填写', en: 'Why less was spent: to be filled in' }));
    const written = writtenAt(node, property);
    const edit = written
        ? TextEdit.replace(written.range, reason)
        : insertAfterLast(node, isExecution(node) ? EXECUTION_FIRST_LINE : ['actual'], ` ${keyword(property, ctx.language)} ${reason}`);
    const title = adjusted ? { zh: '添加调整原因', en: 'Add an adjustment reason' } : { zh: '添加偏差原因', en: 'Add a deviation reason' };
    return ctx.action(title, [edit], [d], true);
};

/**
 * funds/sources-total on a 资金 block: write the sum of the 其中 rows (data `sum`) as 年度, or,
 * when they fall short of it, add a 其中 row for the difference, its source to be named; neither
 * is preferred, as either the total or a source may be what is wrong.
 */
export const balanceFundsSources: Fix = (d, ctx) => {
    const annual = ctx.nodeAt(d.range.start, isFundsTotal);
    const section = annual && ctx.nodeAt(d.range.start, isFundsSection);
    const written = writtenAt(annual, 'amount');
    const sum = stringField(d, 'sum');
    if (!section || !written || !sum) return ctx.nodeAt(d.range.start, isExecution) ? setTotalRow(d, ctx) : [];
    const shares = section.lines.filter(isFundsShare);
    const gap = shortfall(annual.amount, shares.map(s => s.amount));
    const source = quote(ctx.kw({ zh: '请填写资金来源', en: 'Name the source' }));
    return [
        ...ctx.action({ zh: `将年度资金总额改为其中各行合计 ${sum}`, en: `Set the annual total to the sum of the of-which rows, ${sum}` }, [TextEdit.replace(written.range, sum)], [d]),
        ...(gap ? ctx.action({ zh: `添加其中一行补足差额 ${gap}（来源待填写）`, en: `Add an of-which row for the missing ${gap} (source to be named)` },
            [ctx.insertAfter(shares.at(-1) ?? annual, [`${keyword('ofWhich', ctx.language)} ${source} ${gap}`])], [d]) : []),
    ];
};

/** funds/sources-total on a 预算执行 line: write the sums of the 其中 rows in the columns that differ (data `columns`). */
const setTotalRow: Fix = (d, ctx) => {
    const execution = ctx.nodeAt(d.range.start, isExecution);
    const columns = dataOf(d)['columns'];
    if (!execution || !Array.isArray(columns)) return [];
    const sums = sourceSums(execution);
    const edits = FUNDS_COLUMNS.filter(c => columns.includes(c)).map((column: FundsColumn) => {
        const sum = sums[column];
        const written = writtenAt(execution, column);
        const total = amountOf(execution[column], sum);
        const value = sum && total && (inUnitOf(sum, total) ?? sum);
        return written && value ? { column, edit: TextEdit.replace(written.range, formatMeasure(value)), text: formatMeasure(value) } : undefined;
    });
    if (edits.length === 0 || edits.some(e => e === undefined)) return [];
    const placed = edits as Array<{ column: FundsColumn; edit: TextEdit; text: string }>;
    const list = (lang: 'zh' | 'en') => placed.map(e => `${COLUMN_LABEL[e.column][lang]} ${e.text}`).join(lang === 'zh' ? '，' : ', ');
    return ctx.action({ zh: `将合计行改为其中各行合计（${list('zh')}）`, en: `Set the total row to the sums of the of-which rows (${list('en')})` },
        placed.map(e => e.edit), [d]);
};

/**
 * funds/breakdown-total: write the sum of the components (data `sum`) as 合计, or, when they fall
 * short of 合计 (or of the project's 预算 without one), add a component for the difference, its
 * name to be filled in. Neither is preferred: a component may be what is wrong.
 */
export const balanceBreakdown: Fix = (d, ctx) => {
    const section = ctx.nodeAt(d.range.start, isBreakdownSection);
    const sum = stringField(d, 'sum');
    if (!section || !sum) return [];
    const written = writtenAt(section, 'total');
    const total = breakdownTotal(section);
    const parts = section.components.map(componentAmount);
    const gap = total && parts.every(p => p !== undefined) ? difference(total, parts as Measure[]) : undefined;
    const component = `${quote(ctx.kw({ zh: '请填写测算项', en: 'Describe the component' }))} ${gap}`;
    return [
        ...(written ? ctx.action({ zh: `将合计改为测算各项合计 ${sum}`, en: `Set the total to the sum of the components, ${sum}` }, [TextEdit.replace(written.range, sum)], [d]) : []),
        ...(gap ? ctx.action({ zh: `添加一项测算补足差额 ${gap}（名称待填写）`, en: `Add a component for the missing ${gap} (to be described)` },
            [ctx.appendChild(section, section.components, [component])], [d]) : []),
    ];
};

/** How much the parts fall short of the total, in the total's unit (bare parts read in it); undefined when they do not. */
function shortfall(total: Quantity | undefined, parts: Array<Quantity | undefined>): string | undefined {
    const whole = amountOf(total);
    const amounts = parts.map(p => amountOf(p, whole));
    return whole && amounts.every(a => a !== undefined) ? difference(whole, amounts as Measure[]) : undefined;
}

function difference(total: Measure, parts: Measure[]): string | undefined {
    const sum = sumOf(parts);
    const inTotal = sum && inUnitOf(sum, total);
    if (!inTotal || total.kind !== 'number') return undefined;
    const gap = Number((total.value - inTotal.value).toPrecision(12));
    return gap >= 0.005 ? formatMeasure({ kind: 'number', value: gap, unit: total.unit }) : undefined;
}
