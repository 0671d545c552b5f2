import { AstUtils, CstUtils, type AstNode, type ParseResult } from 'langium';
import type { Range } from 'vscode-languageserver-types';
import {
    isAssessment, isFundsTotal,
    type BreakdownActual, type BreakdownComponent, type BreakdownSection, type Execution, type FundsSection,
} from '../generated/ast.js';
import type { KpiCoreServices } from '../kpi-core-module.js';
import { amountOf, annualOf, breakdownTotal, COLUMN_LABEL, componentAmount, componentSpending, executionBasis, FUNDS_COLUMNS, sourceSums, fundsSourcesSum } from '../model/funds.js';
import { assessedProject, titleOf } from '../model/project.js';
import { measureOf } from '../model/values.js';
import { percent, round, scoreExecution } from '../scoring/index.js';
import { firstPassing } from '../sorted.js';
import {
    formatMeasure, inUnitOf, parseUnit, productOf, sameAmount, sumOf, type Measure,
} from '../units/index.js';
import { ownFile, reading } from './check-reads.js';
import type { KpiChecks, Report } from './report.js';
import { Attached } from '../workspace/attached.js';

const MEDIUM_TERM = new Set(['中期', 'medium-term']);

/** A share in percentage points rounded to 0.01, as forms print rates (9599.4 ÷ 10666 is 90.00 %). */
const pp = (share: number) => round(share * 100, 2);

/** The first line of a node that continues over several (预算执行 with its 其中 rows, `测算 {`): where a reader fixes it. */
function firstLine(node: AstNode): Range | undefined {
    const cst = node.$cstNode;
    if (!cst) return undefined;
    const line = cst.range.start.line;
    const leaves = [...CstUtils.flattenCst(cst)].filter(l => !l.hidden && l.range.start.line === line);
    const end = leaves.at(-1)?.range.end ?? cst.range.end;
    return { start: cst.range.start, end };
}

/** The `funds/*` rules of RULES.md (complete forms), one function each, named as the rule. */
export function fundsChecks(services: KpiCoreServices): KpiChecks {
    const scores = services.kpi.Scores;
    const profileOf = (node: AstNode) => {
        const assessment = node.$container;
        return isAssessment(assessment) ? scores.of(assessment).profile : undefined;
    };

    /**
     * The 其中 rows add up to their total: a project's 资金 sources to its 年度, and the 其中 rows of
     * a 预算执行 line to that line, column by column (one finding naming every column that differs).
     */
    function fundsSourcesTotal(node: FundsSection | Execution, report: Report): void {
        if (cutShort(node)) return;
        if (node.$type === 'FundsSection') {
            const annual = annualOf(node);
            const total = annual && amountOf(annual.amount);
            const sum = total && fundsSourcesSum(node, total);
            if (!annual || !total || !sum || sameAmount(sum, total) !== false) return;
            const [s, t] = [formatMeasure(sum), formatMeasure(total)];
            report('funds/sources-total', {
                node: annual, property: 'amount',
                message: { zh: `其中各行合计 ${s}，与年度资金总额 ${t}不符`, en: `The of-which rows add up to ${s}, not the annual total ${t}` },
                data: { sum: s, total: t },
            });
            return;
        }
        // A total row printed all zero over 其中 rows that are not is the form's empty total row, read as
        // their sums (as scoring and the other funds rules read it): nothing to compare.
        if (executionBasis(node).fromSources) return;
        const sums = sourceSums(node);
        const differing = FUNDS_COLUMNS.flatMap(column => {
            // A total row of bare numbers takes the unit of its 其中 rows.
            const [sum, written] = [sums[column], amountOf(node[column], sums[column])];
            return sum && written && sameAmount(sum, written) === false ? [{ column, sum: formatMeasure(sum), total: formatMeasure(written) }] : [];
        });
        if (differing.length === 0) return;
        report('funds/sources-total', {
            node, range: firstLine(node),
            message: {
                zh: `其中各行合计与预算执行合计行不符：${differing.map(d => `${COLUMN_LABEL[d.column].zh}合计 ${d.sum}，合计行 ${d.total}`).join('；')}`,
                en: `The of-which rows do not add up to the execution total row: ${differing.map(d => `${COLUMN_LABEL[d.column].en} ${d.sum}, not ${d.total}`).join('; ')}`,
            },
            data: { columns: differing.map(d => d.column) },
        });
    }

    /** The printed 执行率 is 全年执行 ÷ 全年预算 of the row execution is scored on, within 0.01 percentage points. */
    function fundsRateMismatch(node: Execution, report: Report): void {
        const printed = node.rate && measureOf(node.rate);
        const { rate, budgeted, spent } = executionRate(node);
        if (!printed || printed.kind !== 'number' || rate === undefined) return;
        const computed = `${pp(rate)}%`;
        const unit = parseUnit(printed.unit);
        // Forms print the % in the column header: a bare number is a percentage.
        const points = unit.dimension === 'none' ? printed.value : unit.dimension === 'percent' ? printed.value * unit.factor : undefined;
        const written = unit.dimension === 'none' ? `${printed.value}%` : formatMeasure(printed);
        if (points !== undefined && Math.abs(round(round(points, 2) - pp(rate), 2)) <= 0.01) return;
        const how = `${spent} ÷ ${budgeted}`;
        report('funds/rate-mismatch', {
            node, property: 'rate',
            message: points === undefined
                ? { zh: `执行率 ${written} 不是百分比；应为 ${computed}（${how}）`, en: `The execution rate ${written} is not a percentage; it is ${computed} (${how})` }
                : { zh: `执行率应为 ${computed}（${how}），填写为 ${written}`, en: `The execution rate is ${computed} (${how}), not ${written}` },
            data: { rate: computed },
        });
    }

    /** 年初预算 ≠ 全年预算 of the scored row needs a 调整 reason. */
    function fundsAdjustedNoReason(node: Execution, report: Report): void {
        if (node.adjustment?.trim()) return;
        const { initial, budgeted } = executionBasis(node);
        const change = initial && budgeted && inUnitOf(budgeted, initial);
        if (!initial || initial.kind !== 'number' || !change || sameAmount(initial, change) !== false) return;
        const delta = { kind: 'number' as const, value: round(Math.abs(change.value - initial.value), 4), unit: initial.unit };
        const down = change.value < initial.value;
        const share = initial.value === 0 ? '' : `，${percent(delta.value / initial.value)}`;
        const shareEn = initial.value === 0 ? '' : ` (${percent(delta.value / initial.value)})`;
        const [from, to, by] = [formatMeasure(initial), formatMeasure(budgeted!), formatMeasure(delta)];
        report('funds/adjusted-no-reason', {
            node, range: firstLine(node),
            message: {
                zh: `年初预算 ${from} 调整为全年预算 ${to}（${down ? '调减' : '调增'} ${by}${share}），未填写调整原因`,
                en: `The budget was ${down ? 'cut' : 'raised'} from ${from} (initial) to ${to} (full year), by ${by}${shareEn}, with no adjustment reason`,
            },
            data: { initial: from, budgeted: to, change: by },
        });
    }

    /** Execution below the profile's reasonBelow needs a 偏差 reason on the execution line. */
    function fundsLowExecutionNoReason(node: Execution, report: Report): void {
        const profile = profileOf(node);
        const { rate } = executionRate(node);
        if (!profile || rate === undefined || node.deviation?.trim() || pp(rate) >= pp(profile.reasonBelow)) return;
        const [actual, due] = [`${pp(rate)}%`, percent(profile.reasonBelow)];
        report('funds/low-execution-no-reason', {
            node, range: firstLine(node),
            message: {
                zh: `预算执行率 ${actual}，低于 ${due}，未填写偏差原因`,
                en: `Budget execution is ${actual}, below ${due}, with no deviation reason`,
            },
            data: { rate: actual, reasonBelow: profile.reasonBelow },
        });
    }

    function fundsMediumTermBelowAnnual(node: FundsSection, report: Report): void {
        const medium = node.lines.filter(isFundsTotal).find(l => MEDIUM_TERM.has(l.kind));
        const annual = annualOf(node);
        const m = medium && amountOf(medium.amount);
        const a = annual && amountOf(annual.amount, m);
        const annualInMedium = m && a && inUnitOf(a, m);
        if (!medium || m?.kind !== 'number' || !annualInMedium || sameAmount(m, annualInMedium) !== false || m.value > annualInMedium.value) return;
        const [mt, an] = [formatMeasure(m), formatMeasure(a!)];
        report('funds/medium-term-below-annual', {
            node: medium, property: 'amount',
            message: { zh: `中期资金总额 ${mt}少于年度资金总额 ${an}`, en: `The medium-term funds ${mt} are less than the annual funds ${an}` },
            data: { mediumTerm: mt, annual: an },
        });
    }

    /** A project's 资金 年度 is its 预算; an assessment's 年初预算 is its project's 预算. */
    function fundsBudgetMismatch(node: FundsSection | Execution, report: Report): void {
        if (node.$type === 'FundsSection') {
            const annual = annualOf(node);
            const budget = amountOf(node.$container.budget);
            const amount = annual && amountOf(annual.amount, budget);
            if (!annual || !budget || !amount || sameAmount(amount, budget) !== false) return;
            const [a, b] = [formatMeasure(amount), formatMeasure(budget)];
            report('funds/budget-mismatch', {
                node: annual, property: 'amount',
                message: { zh: `年度资金总额 ${a}与项目预算 ${b}不符`, en: `The annual funds ${a} differ from the project budget ${b}` },
                data: { budget: b },
                related: [{ node: node.$container, property: 'budget', message: { zh: `项目预算 ${b}`, en: `the project budget ${b}` } }],
            });
            return;
        }
        const assessment = node.$container;
        const project = isAssessment(assessment) ? assessedProject(assessment) : undefined;
        const budget = amountOf(project?.budget);
        const { initial } = executionBasis(node);
        if (!project || !budget || !initial || sameAmount(initial, budget) !== false) return;
        const [i, b, name] = [formatMeasure(initial), formatMeasure(budget), titleOf(project)];
        report('funds/budget-mismatch', {
            node, range: firstLine(node),
            message: { zh: `年初预算 ${i}与项目「${name}」的预算 ${b}不符`, en: `The initial budget ${i} differs from the budget ${b} of project '${name}'` },
            data: { budget: b },
            related: [{ node: project, property: 'budget', message: { zh: `项目「${name}」的预算 ${b}`, en: `the budget ${b} of project '${name}'` } }],
        });
    }

    /** The components add up to 合计, or to the project's 预算 when there is no 合计. */
    function fundsBreakdownTotal(node: BreakdownSection, report: Report): void {
        if (cutShort(node)) return;
        const written = amountOf(node.total);
        const total = breakdownTotal(node);
        const parts = node.components.map(componentAmount);
        const sum = total && parts.every(p => p !== undefined) && sumOf(parts as Measure[]);
        const sumInTotal = sum && total && inUnitOf(sum, total);
        if (!total || !sumInTotal || node.components.length === 0 || sameAmount(sumInTotal, total) !== false) return;
        const [s, t] = [formatMeasure(sumInTotal), formatMeasure(total)];
        const message = written
            ? { zh: `测算各项合计 ${s}，与合计 ${t}不符`, en: `The breakdown components add up to ${s}, not the total ${t}` }
            : { zh: `测算各项合计 ${s}，与项目预算 ${t}不符`, en: `The breakdown components add up to ${s}, not the project budget ${t}` };
        if (written) report('funds/breakdown-total', { node, property: 'total', message, data: { sum: s } });
        else report('funds/breakdown-total', { node, range: firstLine(node), message, data: { sum: s } });
    }

    /** A component's product equals its amount once units cancel; a product that is not money cannot be checked and says why. */
    function fundsBreakdownFormula(node: BreakdownComponent, report: Report): void {
        const factors = node.formula && !cutShort(node) ? node.formula.factors.map(f => measureOf(f)) : undefined;
        if (!factors || factors.length === 0 || factors.some(f => f === undefined)) return;
        const name = titleOf(node);
        const product = productOf(factors as Measure[]);
        const how = (factors as Measure[]).map(formatMeasure).join(' × ');
        if (!product.ok) {
            report('funds/breakdown-formula', {
                node, property: 'formula',
                message: product.reason === 'unknown'
                    ? {
                        zh: `乘积 ${how} 的单位约简为「${product.unit}」，不是金额；未约去的单位「${product.unknown.join('」「')}」无法识别`,
                        en: `The units of ${how} come to '${product.unit}', not money; unknown units left: '${product.unknown.join("', '")}'`,
                    }
                    : { zh: `乘积 ${how} 的单位约简为「${product.unit}」，不是金额`, en: `The units of ${how} come to '${product.unit}', not money` },
            });
            return;
        }
        const amount = amountOf(node.amount, breakdownTotal(node.$container) ?? product.value);
        if (!amount) return;
        const expected = inUnitOf(product.value, amount);
        if (expected && sameAmount(expected, amount) !== false) return;
        // An amount not in money is written over with the product in 元; one in money keeps its unit.
        const value = formatMeasure(expected ?? product.value);
        report('funds/breakdown-formula', {
            node, property: 'amount',
            message: {
                zh: `「${name}」按乘积应为 ${value}（${how}），填写为 ${formatMeasure(amount)}`,
                en: `'${name}' comes to ${value} by its product (${how}), not ${formatMeasure(amount)}`,
            },
            data: { amount: value },
        });
    }

    /** A component that spent less than reasonBelow of its plan needs a 偏差 on its 测算 … 实际 line. */
    function fundsComponentShortfall(node: BreakdownActual, report: Report): void {
        const profile = profileOf(node);
        const spending = componentSpending(node);
        if (!profile || !spending || node.deviation?.trim() || pp(spending.share) >= pp(profile.reasonBelow)) return;
        const { actual, plan, share } = spending;
        const [a, p, s, due, name] = [formatMeasure(actual), formatMeasure(plan), `${pp(share)}%`, percent(profile.reasonBelow), titleOf(node.component!.ref!)];
        report('funds/component-shortfall', {
            node, property: 'actual',
            message: {
                zh: `测算「${name}」实际 ${a}，为计划 ${p}的 ${s}，低于 ${due}，未填写偏差原因`,
                en: `Breakdown '${name}' spent ${a}, ${s} of its plan ${p}, below ${due}, with no deviation reason`,
            },
            data: { share: s, reasonBelow: profile.reasonBelow },
            related: [{ node: node.component!.ref!, message: { zh: `测算「${name}」计划 ${p}`, en: `breakdown '${name}' planned ${p}` } }],
        });
    }

    return {
        // An assessment's project: its budget, its breakdown, and the scores of the rows (the profile).
        FundsSection: [...ownFile(fundsSourcesTotal, fundsMediumTermBelowAnnual), ...reading(['Project'], fundsBudgetMismatch)],
        Execution: [...ownFile(fundsSourcesTotal, fundsRateMismatch, fundsAdjustedNoReason), ...reading(['Project'], fundsLowExecutionNoReason, fundsBudgetMismatch)],
        BreakdownSection: ownFile(fundsBreakdownTotal),
        BreakdownComponent: ownFile(fundsBreakdownFormula),
        BreakdownActual: reading(['Project'], fundsComponentShortfall),
    };
}

/**
 * Is the node still being typed? The parser stopped inside it, or right after it (at the next
 * token or the end of the file): its numbers are not all there, and its syntax error says so.
 */
function cutShort(node: AstNode): boolean {
    const cst = node.$cstNode;
    if (!cst) return true;
    const document = AstUtils.getDocument(node);
    const text = document.textDocument.getText();
    const offsets = errorOffsets(document.parseResult, text.length);
    // The first error at or after the node decides: inside it, or after nothing but blanks.
    const at = offsets[firstPassing(offsets, o => o >= cst.offset)];
    if (at === undefined) return false;
    if (at <= cst.end) return true;
    BLANKS.lastIndex = cst.end;
    BLANKS.exec(text);
    return at <= BLANKS.lastIndex;
}

const BLANKS = /\s*/y;

/** The parse errors' offsets in ascending order (an error at the end of input has none: the text's length), once per parse. */
const sortedErrorOffsets = new Attached<ParseResult, number[]>();

function errorOffsets(parseResult: ParseResult, end: number): number[] {
    let offsets = sortedErrorOffsets.get(parseResult);
    if (!offsets) {
        offsets = parseResult.parserErrors.map(e => Number.isNaN(e.token.startOffset) ? end : e.token.startOffset).sort((a, b) => a - b);
        sortedErrorOffsets.set(parseResult, offsets);
    }
    return offsets;
}

/** The execution rate as scoring computes it, with the amounts it divides, for messages. */
function executionRate(node: Execution): { rate?: number; budgeted?: string; spent?: string } {
    const { rate } = scoreExecution(node);
    const { budgeted, spent } = executionBasis(node);
    return { rate, budgeted: budgeted && formatMeasure(budgeted), spent: spent && formatMeasure(spent) };
}
