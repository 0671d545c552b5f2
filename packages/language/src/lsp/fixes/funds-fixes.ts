// Quick fixes for funds/* diagnostics (data documented in docs/rules/funds).
import { TextEdit } from 'vscode-languageserver';
import { isBreakdownActual, isBreakdownComponent, isExecution } from '../../generated/ast.js';
import { writtenAt } from '../../parser/repeated-clauses.js';
import { keyword } from '../keyword-language.js';
import { insertAfterLast, quote, stringField, type Fix } from './fix-context.js';

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
