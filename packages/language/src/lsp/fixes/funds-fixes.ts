// Quick fixes for funds/* diagnostics (data documented in docs/rules/funds).
import { TextEdit } from 'vscode-languageserver';
import { isBreakdownComponent, isExecution } from '../../generated/ast.js';
import { writtenAt } from '../../parser/repeated-clauses.js';
import { stringField, type Fix } from './fix-context.js';

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
