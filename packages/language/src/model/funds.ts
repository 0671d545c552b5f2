import { isFundsShare, isFundsTotal, type BreakdownActual, type BreakdownComponent, type BreakdownSection, type Execution, type ExecutionShare, type FundsSection, type FundsTotal, type Quantity } from '../generated/ast.js';
import { ratio, sumOf, type Measure } from '../units/index.js';
import { measureOf } from './values.js';

const ANNUAL = new Set(['年度', 'annual']);

/** Whether a 资金 total line's keyword is the 年度 one (else the 中期 one). */
export function isAnnualKind(kind: string): boolean {
    return ANNUAL.has(kind);
}

/** The 年度 (年度资金总额) line of a 资金 block. */
export function annualOf(section: FundsSection): FundsTotal | undefined {
    return section.lines.filter(isFundsTotal).find(l => isAnnualKind(l.kind));
}

/**
 * What a 资金 block's 其中 rows add up to (a bare number in the unit of `like`, the 年度 total);
 * undefined when it has none or one has no amount (funds/sources-total).
 */
export function fundsSourcesSum(section: FundsSection, like: Measure | undefined): Measure | undefined {
    const parts = section.lines.filter(isFundsShare).map(s => amountOf(s.amount, like));
    return parts.every(p => p !== undefined) ? sumOf(parts as Measure[]) : undefined;
}

/** The columns of the execution table: 年初预算数, 全年预算数, 全年执行数. */
export type FundsColumn = 'initial' | 'budgeted' | 'spent';
export const FUNDS_COLUMNS: readonly FundsColumn[] = ['initial', 'budgeted', 'spent'];

export const COLUMN_LABEL: Record<FundsColumn, { zh: string; en: string }> = {
    initial: { zh: '年初预算', en: 'initial budget' },
    budgeted: { zh: '全年预算', en: 'full-year budget' },
    spent: { zh: '全年执行', en: 'spent' },
};

export type Columns = Partial<Record<FundsColumn, Measure>>;

/**
 * An amount of a funds table. Forms print the unit (万元) once, in the header: a bare number
 * takes the unit of `like`, the table's amount it is read against.
 */
export function amountOf(quantity: Quantity | undefined, like?: Measure): Measure | undefined {
    const measure = quantity && measureOf(quantity);
    if (measure?.kind !== 'number' || measure.unit !== undefined || like?.kind !== 'number') return measure;
    return like.unit === undefined ? measure : { ...measure, unit: like.unit };
}

/** The 年度资金总额 row of a 预算执行 line, column by column. */
export function totalRow(node: Execution): Columns {
    const written = [node.budgeted, node.spent, node.initial].map(q => amountOf(q)).find(m => m?.kind === 'number' && m.unit !== undefined);
    return {
        initial: amountOf(node.initial, written),
        budgeted: amountOf(node.budgeted, written),
        spent: amountOf(node.spent, written),
    };
}

/** A 其中 row of a 预算执行 line, column by column; its bare numbers take the total row's units. */
export function shareRow(share: ExecutionShare, total = totalRow(share.$container)): Columns {
    const row: Columns = {};
    for (const column of FUNDS_COLUMNS) {
        const amount = amountOf(share[column], total[column] ?? total.budgeted);
        if (amount) row[column] = amount;
    }
    return row;
}

/** The sums of the 其中 rows, for each column that at least one of them gives; a column that does not add up is left out. */
export function sourceSums(node: Execution): Columns {
    const total = totalRow(node);
    const rows = node.sources.map(s => shareRow(s, total));
    const sums: Columns = {};
    for (const column of FUNDS_COLUMNS) {
        const sum = sumOf(rows.map(r => r[column]).filter((m): m is Measure => m !== undefined));
        if (sum) sums[column] = sum;
    }
    return sums;
}

const isZero = (m: Measure | undefined) => m === undefined || (m.kind === 'number' && m.value === 0);

/** The row execution is scored on, and whether it is the sums of the 其中 rows. */
export interface ExecutionBasis extends Columns {
    fromSources: boolean;
}

/**
 * Execution is scored on 全年执行 ÷ 全年预算 of the 预算执行 line, which is the form's
 * 年度资金总额 row; when that row is all zero but its 其中 rows are not (a form printed with an
 * empty total row), on the sums of the 其中 rows.
 */
export function executionBasis(node: Execution): ExecutionBasis {
    const total = totalRow(node);
    if (FUNDS_COLUMNS.every(c => isZero(total[c]))) {
        const sums = sourceSums(node);
        if (FUNDS_COLUMNS.some(c => !isZero(sums[c]))) return { ...sums, fromSources: true };
    }
    return { ...total, fromSources: false };
}

/** What a breakdown's components add up to: its 合计, else the project's 预算. */
export function breakdownTotal(section: BreakdownSection): Measure | undefined {
    return amountOf(section.total) ?? amountOf(section.$container.budget);
}

/** A component's planned amount; a bare number takes the unit of the breakdown's total. */
export function componentAmount(component: BreakdownComponent): Measure | undefined {
    return amountOf(component.amount, breakdownTotal(component.$container));
}

/** What a breakdown component spent (`测算 X 实际 Q`) against its plan; a bare amount takes the plan's unit. */
export function componentSpending(node: BreakdownActual): { plan: Measure; actual: Measure; share: number } | undefined {
    const component = node.component?.ref;
    const plan = component && componentAmount(component);
    const actual = plan && amountOf(node.actual, plan);
    const share = actual && plan ? ratio(actual, plan) : undefined;
    return share === undefined ? undefined : { plan: plan!, actual: actual!, share };
}
