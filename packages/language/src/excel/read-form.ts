import { printedRangeIn, rangeWords, undatedMonthMessage } from '../validation/syntax-errors.js';
import { GRADE_KEYWORD, gradeIdOf } from '../scoring/keywords.js';
import { remarkAtEnd } from '../parser/remarks.js';
import { formatNumber, isEmptyMark, normalizeLabel, numberText, parseActual, parsePeriod, parseSplitTarget, parseTarget, undatedMonth } from './cell-values.js';
import type {
    Amount, Execution, ExecutionColumns, FormModel, FormProblem, FundSource, Funds, Goal, IndicatorRow, ProjectHeader, Sourced,
} from './form-model.js';
import { readNote } from './form-notes.js';
import { amountCell, isBlockLabel, lastYearCell, numberCell, readBreakdown, readMilestones, readNarrative, reasonCell } from './read-blocks.js';
import type { GridCell, HiddenRows, SheetGrid } from './sheet-grid.js';
import { SheetView, type Position } from './sheet-view.js';

/** What each column of an indicator table is called on the forms seen so far. */
const COLUMN_NAMES = {
    level1: ['一级指标'],
    level2: ['二级指标'],
    title: ['三级指标', '三级指标名称', '绩效指标名称', '指标名称'],
    target: ['年度指标值', '指标值', '年度目标值', '预期指标值', '目标值', '中期指标值'],
    sign: ['计算符号'],
    unit: ['计量单位'],
    actual: ['实际完成值', '全年实际值', '实际值'],
    weight: ['分值', '指标分值'],
    score: ['得分', '指标得分', '自评得分'],
    deduction: ['扣减分数', '扣分'],
    deviation: ['偏差原因分析及改进措施', '偏差原因及改进措施', '偏差原因分析', '偏差原因'],
    note: ['指标值说明', '备注'],
    lastYear: ['上年实际值', '上年指标值', '上年完成值', '上年值'],
    source: ['数据来源', '指标来源', '来源'],
    description: ['完成情况简要描述', '完成情况说明', '指标完成情况说明'],
    project: ['项目名称'],
} as const;
type Column = keyof typeof COLUMN_NAMES;

/** Where a sheet's indicator table starts and which column holds what. */
interface IndicatorHead {
    readonly row: number;
    /** The columns of the first table read: they tell the layout. */
    readonly columns: Columns;
    /** The cells of the first table's heads (`B10` for 一级指标). */
    readonly headCells: Partial<Record<Column, string>>;
    /** The tables read, side by side in the same rows (a table printed in two halves to fit the page), left to right. */
    readonly tables: readonly Columns[];
    /** The 中期 table printed beside the 年度 one: the cell that names it. */
    readonly mediumTerm?: string;
}
type Columns = Partial<Record<Column, number>>;

/**
 * A label over a table, or its value head, that says which years it covers: `中期绩效指标`,
 * `年度指标值`; not a goal's head (`中期目标`), which may stand above a table of one year.
 */
const PERIOD_LABEL = /^(中期|年度)(绩效)?指标值?(\(.*\))?$/;

function findIndicatorHead(view: SheetView): IndicatorHead | undefined {
    for (let r = 0; r < view.rowCount; r++) {
        const heads = view.heads(r);
        if (!heads.has('一级指标') || !heads.has('二级指标')) continue;
        const last = isSubHead(view, r + 1, heads.get('一级指标')!) ? r + 1 : r;
        // Each 一级指标 head starts a table; the first takes the columns before it too (a 项目名称 column).
        const starts = [...Array(view.width(r)).keys()].filter(c => view.label(r, c) === '一级指标' && view.cell(r, c)!.origin);
        const tables = starts.map((start, i) => tableOf(view, r, last, i === 0 ? 0 : start, starts[i + 1] ?? view.width(r)))
            .filter(t => t.columns.title !== undefined);
        if (tables.length === 0) continue;
        // 中期 and 年度 tables side by side: a project holds this year's targets, the 年度 table's.
        const annual = tables.filter(t => t.period === '年度');
        const medium = annual.length > 0 ? tables.find(t => t.period === '中期') : undefined;
        const read = annual.length > 0 ? annual : tables;
        return { row: last, columns: read[0]!.columns, headCells: read[0]!.headCells, tables: read.map(t => t.columns), ...(medium ? { mediumTerm: medium.cell } : {}) };
    }
    return undefined;
}

const HEAD_NAMES: ReadonlySet<string> = new Set(Object.values(COLUMN_NAMES).flat());

/**
 * Whether row r is a second head row (`指标值` merged over `年度指标值 | 实际完成值`, `评分` over
 * `分值 | 得分`): it prints heads of its own, and the 一级指标 head is merged down over it or
 * leaves it blank (a first indicator row would print its family there).
 */
function isSubHead(view: SheetView, r: number, level1: number): boolean {
    if (view.cell(r, level1)?.origin) return false;
    return [...Array(view.width(r)).keys()].some(c => view.cell(r, c)?.origin && HEAD_NAMES.has(view.label(r, c)));
}

/**
 * The columns of the table whose heads stand in columns [from, to) of rows first to last (a head
 * of the last row stands for the one merged over it), and the years a label over it or its value
 * head names.
 */
function tableOf(view: SheetView, first: number, last: number, from: number, to: number): { columns: Columns; headCells: Partial<Record<Column, string>>; period?: string; cell: string } {
    const heads = new Map<string, { c: number; cell: string }>();
    for (let c = from; c < to; c++) {
        const below = view.cell(last, c)?.origin ? view.label(last, c) : '';
        const l = below || view.label(first, c);
        if (l && !heads.has(l)) heads.set(l, { c, cell: view.cell(below ? last : first, c)!.address });
    }
    const columns: Columns = {};
    const headCells: Partial<Record<Column, string>> = {};
    for (const [column, names] of Object.entries(COLUMN_NAMES) as Array<[Column, readonly string[]]>) {
        const head = names.map(n => heads.get(n)).find(x => x !== undefined);
        if (head !== undefined) {
            columns[column] = head.c;
            headCells[column] = head.cell;
        }
    }
    for (const row of [last, first, first - 1]) {
        for (let c = from; row >= 0 && c < to; c++) {
            const period = PERIOD_LABEL.exec(view.label(row, c))?.[1];
            if (period) return { columns, headCells, period, cell: view.cell(row, c)!.address };
        }
    }
    return { columns, headCells, cell: view.cell(first, heads.get('一级指标')?.c ?? from)!.address };
}

export type Layout = FormModel['layout'];

function layoutOf(head: IndicatorHead): Layout {
    const { columns } = head;
    if (columns.actual === undefined) return 'C';
    return columns.sign !== undefined || columns.unit !== undefined || (columns.target !== undefined && columns.weight !== undefined && columns.score === undefined) ? 'B' : 'A';
}

/** Why a sheet is no known form: the first label it lacks. */
export function missingLabel(grid: SheetGrid): string {
    const view = new SheetView(grid);
    if (!view.find(l => l === '一级指标')) return '一级指标';
    if (!view.find(l => l === '二级指标')) return '二级指标';
    return '三级指标';
}

/**
 * Reads one sheet as a form of layout A, B or C, or returns undefined when it has no indicator
 * table. `fallbackName` names the project when the sheet has no `项目名称` (the file's name).
 */
export function readForm(sheet: SheetGrid, fallbackName: string): FormModel | undefined {
    const head = findIndicatorHead(new SheetView(sheet));
    if (!head) return undefined;
    const grid = withoutHiddenColumns(sheet, head);
    const view = new SheetView(grid);
    const layout = layoutOf(head);
    const problems: FormProblem[] = [...(grid.hiddenRows ?? []).map(hiddenRowsProblem), ...errorValues(grid)];
    const emptyGroups: Array<NonNullable<FormModel['emptyGroups']>[number]> = [];
    const indicators = readIndicators(view, head, layout, problems, emptyGroups);
    const titleAt = view.find(l => /(自评表|申报表|目标表|绩效目标)/.test(l) && l.length <= 40, 0, head.row);
    const title = titleAt ? { value: view.cell(titleAt.r, titleAt.c)!.text, cell: view.cell(titleAt.r, titleAt.c)!.address } : undefined;
    const yearAt = view.find(l => /\d{4}年度?/.test(l), 0, Math.min(head.row, 6));
    const year = yearAt ? /(\d{4})年/.exec(view.label(yearAt.r, yearAt.c))?.[1] : undefined;
    const titleNote = titleAt ? readNote(view.cell(titleAt.r, titleAt.c)!.note) : {};
    const assessmentId = titleNote.name;
    // An exported 自评表 names its assessment in the title's note, with the title it had (if any).
    const assessmentTitle = titleNote.title ?? (assessmentId && layout !== 'C' ? null : undefined);
    const project = projectColumn(view, head, readHeader(view, head.row, fallbackName, problems), problems);
    const nameNote = project.name.cell ? readNote(view.cellAt(project.name.cell)?.note) : {};
    const keywords = titleNote.keywords ?? nameNote.keywords;
    const base = {
        layout, sheet: grid.name, ...(title ? { title } : {}), ...(assessmentId ? { id: assessmentId } : {}), ...(year ? { year } : {}),
        ...(assessmentTitle !== undefined ? { assessmentTitle } : {}), ...(keywords ? { keywords } : {}),
        project, heads: { level1: head.headCells.level1!, ...(head.headCells.weight ? { weight: head.headCells.weight } : {}) },
        indicators, problems, ...(emptyGroups.length > 0 ? { emptyGroups } : {}),
    };
    const breakdown = readBreakdown(view, head.row + 1, problems);
    const milestones = readMilestones(view, head.row + 1, problems);
    const blocks = { ...(breakdown ? { breakdown } : {}), ...(milestones ? { milestones } : {}) };
    if (layout === 'C') {
        const funds = readFunds(view, head.row, problems);
        return { ...base, ...(funds ? { funds } : {}), goals: readTargetGoals(view, head.row), ...blocks };
    }
    // A flat sheet (Layout B) is a 自评表 too: what a province prints around its table is read as on the printed form.
    const read = readExecution(view, head.row, problems);
    const { narrative, adjustment, deviation } = readNarrative(view, head.row + 1, problems);
    const execution = read && { ...read, ...(adjustment ? { adjustment } : {}), ...(deviation ? { deviation } : {}) };
    return {
        ...base, goals: readAssessmentGoals(view, head.row), ...blocks, narrative,
        ...(execution ? { execution } : {}), ...assessed(view, head.row, problems),
    };
}

/**
 * The sheet without the hidden columns that are no column of its indicator tables: an 一体化
 * export hides its ID columns (指标ID, 项目编码), which are no part of the printed form and, read,
 * would stand between a label and its value. Passed over without a word, as they are routine;
 * a hidden column whose head the tables read (a 指标值 hidden by mistake) is read, as the form
 * cannot be read without it.
 */
function withoutHiddenColumns(grid: SheetGrid, head: IndicatorHead): SheetGrid {
    const read = new Set(head.tables.flatMap(columns => Object.values(columns)));
    const blank = (grid.hiddenColumns ?? []).filter(c => !read.has(c));
    if (blank.length === 0) return grid;
    return { ...grid, rows: grid.rows.map(row => row.map((cell, c) => (blank.includes(c) ? undefined : cell))) };
}

/** Hidden rows that held something are not read (sheet-grid's hideRows): said, so that nothing goes missing unsaid. */
function hiddenRowsProblem({ from, to, address }: HiddenRows): FormProblem {
    const rows = from === to ? `${from}` : `${from}–${to}`;
    return {
        cell: address,
        text: {
            zh: `第 ${rows} 行已隐藏，未读入：打印和提交的表单不含隐藏的行；要读入请取消隐藏，不要的行请删除`,
            en: `row${from === to ? '' : 's'} ${rows} ${from === to ? 'is' : 'are'} hidden and not read: a printed form leaves hidden rows out; unhide what should be read, delete what should not`,
        },
    };
}

/** Cells holding a formula's error value (`#REF!` where a summed row was deleted): read as blank, and said. */
function errorValues(grid: SheetGrid): FormProblem[] {
    return grid.rows.flatMap(row => row.filter(cell => cell?.error && cell.origin).map(cell => ({
        cell: cell!.address,
        text: {
            zh: `「${cell!.text}」是公式的错误值，此格按空白读：请改正公式或填入数值`,
            en: `"${cell!.text}" is a formula's error value; the cell is read as blank: correct the formula or type the value`,
        },
    })));
}

/**
 * A flat sheet's `项目名称` column (an 一体化 export prints the project on every row): its one
 * project names the form where no header does. A sheet is one form, so rows of several projects
 * are read as one, and the head says so.
 */
function projectColumn(view: SheetView, head: IndicatorHead, header: ProjectHeader, problems: FormProblem[]): ProjectHeader {
    const c = head.columns.project;
    if (c === undefined) return header;
    const cells = new Map<string, GridCell>();
    for (let r = head.row + 1; r < view.rowCount; r++) {
        const cell = view.value(r, c);
        if (cell && !cells.has(cell.text)) cells.set(cell.text, cell);
    }
    const names = [...cells.keys()];
    if (names.length > 1) {
        problems.push({
            cell: view.cell(head.row, c)!.address,
            text: {
                zh: `「项目名称」列有 ${names.length} 个项目（${names.join('、')}），一张工作表只读作一个项目「${header.name.value}」：请每个项目一张工作表`,
                en: `the 项目名称 column names ${names.length} projects (${names.join(', ')}); a sheet is read as one project, "${header.name.value}": put each project on a sheet of its own`,
            },
        });
    }
    const [only] = cells.values();
    return header.name.cell === undefined && names.length === 1 ? { ...header, name: { value: only!.text, cell: only!.address } } : header;
}

/** The total and grade below a self-assessment's indicator table. */
function assessed(view: SheetView, headRow: number, problems: FormProblem[]): Pick<FormModel, 'total' | 'grade'> {
    const total = readTotal(view, headRow + 1, problems);
    const gradeAt = view.find(l => l === '自评等级' || l === '等级' || l === '评价等级', headRow + 1);
    const grade = gradeAt ? gradeOf(view.rightOf(gradeAt)[0], problems) : undefined;
    return { ...(total ? { total } : {}), ...(grade ? { grade } : {}) };
}

/** The header's labels: the cell beside one is its value unless it is another label (a value left blank). */
const HEADER_LABELS = {
    name: ['项目名称'],
    department: ['主管部门', '主管单位', '主管部门及代码', '主管单位及代码'],
    implementer: ['实施单位', '项目实施单位'],
    period: ['项目期', '起止时间', '实施期', '项目实施期', '实施期限', '项目周期'],
} as const;
const ALL_HEADER_LABELS: readonly string[] = [...Object.values(HEADER_LABELS).flat(), '项目资金', '项目资金(万元)', '项目资金(元)', '项目属性'];

function readHeader(view: SheetView, until: number, fallbackName: string, problems: FormProblem[]): ProjectHeader {
    const after = (labels: readonly string[]) => view.valueAfter(labels, until, ALL_HEADER_LABELS);
    const name = after(HEADER_LABELS.name);
    const department = after(HEADER_LABELS.department);
    const implementer = after(HEADER_LABELS.implementer);
    const periodText = after(HEADER_LABELS.period);
    const period = periodText && parsePeriod(periodText.value);
    if (periodText && !period) {
        problems.push({ cell: periodText.cell, text: { zh: `项目期「${periodText.value}」不是起止年月（如 2023-01 至 2023-12）`, en: `the period "${periodText.value}" gives no start and end month (such as 2023-01 至 2023-12)` } });
    }
    const note = name?.cell ? readNote(view.cellAt(name.cell)?.note) : {};
    return {
        name: name ?? { value: fallbackName },
        ...(note.name ? { id: note.name } : {}),
        ...(note.applies ? { applies: note.applies } : {}),
        ...(department ? { department } : {}),
        ...(implementer ? { implementer } : {}),
        ...(period && periodText ? { period: { value: period, cell: periodText.cell } } : {}),
    };
}

function readIndicators(
    view: SheetView, head: IndicatorHead, layout: Layout, problems: FormProblem[], emptyGroups: Array<NonNullable<FormModel['emptyGroups']>[number]>,
): IndicatorRow[] {
    if (head.mediumTerm) {
        problems.push({
            cell: head.mediumTerm,
            text: {
                zh: '中期绩效指标表未读入：项目只记年度绩效指标（旁边的年度表），中期指标值不作检查',
                en: 'the medium-term (中期) indicator table is not read: a project holds the annual indicators (the 年度 table beside it); medium-term targets are not checked',
            },
        });
    }
    return head.tables.flatMap(columns => readTable(view, head.row, columns, layout, problems, emptyGroups));
}

/** The rows of one indicator table below the head row. */
function readTable(
    view: SheetView, headRow: number, columns: Columns, layout: Layout, problems: FormProblem[], emptyGroups: Array<NonNullable<FormModel['emptyGroups']>[number]>,
): IndicatorRow[] {
    const familyRows: Array<NonNullable<FormModel['emptyGroups']>[number]> = [];
    const at = (r: number, column: Column) => (columns[column] === undefined ? undefined : view.value(r, columns[column]!));
    const rows: IndicatorRow[] = [];
    const counted = new Map<string, string>();
    let level1: Sourced<string> | undefined;
    let level2: Sourced<string> | undefined;
    for (let r = headRow + 1; r < view.rowCount; r++) {
        if (view.rowHas(r, l => isTotalLabel(l) || isBlockLabel(l))) break;
        // A 小计 row (`小计`, `产出指标小计`) sums the rows of a family: no indicator, no family of its own.
        if ((['level1', 'level2', 'title'] as const).some(column => columns[column] !== undefined && /小计$/.test(view.label(r, columns[column]!)))) continue;
        // One cell merged across the family and title columns is a line of text (`填报说明：…`, `注：…`), no indicator.
        if (spansFamilyAndTitle(view, r, columns)) continue;
        const l1 = at(r, 'level1');
        const l2 = at(r, 'level2');
        // Unmerged heads print the family once and leave the rows below it blank.
        if (l1) {
            if (l1.address !== level1?.cell) level2 = undefined;
            level1 = { value: l1.text, cell: l1.address };
        }
        if (l2) level2 = { value: l2.text, cell: l2.address };
        const title = at(r, 'title');
        if (!title && (l1 || l2) && level1) familyRows.push({ level1, ...(level2 ? { level2 } : {}) });
        if (!title || title.address === view.cell(headRow, columns.title!)?.address) continue;
        if (!level1) {
            problems.push({ cell: title.address, text: { zh: `指标「${title.text}」没有一级指标`, en: `indicator "${title.text}" has no level-1 family` } });
            continue;
        }
        const targetCell = at(r, 'target');
        const target = layout === 'B' && targetCell
            ? parseSplitTarget(at(r, 'sign')?.text, targetCell.text, at(r, 'unit')?.text)
            : targetCell ? parseTarget(targetCell.text) : undefined;
        const undated = target?.kind === 'qualitative' ? undatedMonth(target.text) : undefined;
        if (undated) problems.push({ cell: targetCell!.address, text: undatedMonthMessage(undated.year, undated.month, undated.before) });
        // A range (`80%至90%`, `不低于80%且不高于90%`) is no target the language can hold, as .kpi text is told.
        const range = target?.kind === 'qualitative' ? printedRangeIn(target.text) : undefined;
        if (range) problems.push({ cell: targetCell!.address, text: rangeWords(range) });
        const actual = at(r, 'actual');
        const points = (column: 'weight' | 'score' | 'deduction') => pointsOnce(at(r, column), title.text, counted, problems);
        const weight = numberCell(points('weight'), problems);
        // Layout B's 扣减分数 where 指标得分 is left empty: the weight less the points taken off.
        const scoreCell = points('score');
        const printedScore = numberCell(scoreCell, problems);
        const deduction = points('deduction');
        const score = printedScore ?? deductedScore(weight, deduction, problems);
        const unreadScore = score ? undefined : unreadCell(scoreCell, view, r, columns.score);
        if (printedScore) deductionDisagrees(weight, printedScore, deduction, problems);
        const deviation = reasonCell(at(r, 'deviation'));
        const note = at(r, 'note');
        const source = at(r, 'source');
        const description = at(r, 'description');
        const lastYear = lastYearCell(at(r, 'lastYear'), problems);
        const measuredAs = actual ? readNote(actual.note).measuredAs : undefined;
        const id = readNote(title.note).name;
        const links = targetCell ? readNote(targetCell.note).links : undefined;
        rows.push({
            level1, ...(level2 ? { level2 } : {}),
            title: { value: title.text, cell: title.address },
            ...(id ? { id } : {}), ...(links ? { links } : {}),
            ...(target && targetCell ? { target: { value: target, cell: targetCell.address } } : {}),
            ...(note ? { note: { value: note.text, cell: note.address } } : {}),
            ...(actual ? { actual: { value: parseActual(actual.text), cell: actual.address } } : {}),
            ...(weight ? { weight } : {}),
            ...(score ? { score } : {}), ...(unreadScore ? { unreadScore } : {}),
            ...(deviation ? { deviation: { value: deviation.text, cell: deviation.address } } : {}),
            ...(source ? { source: { value: source.text, cell: source.address } } : {}),
            ...(description ? { description: { value: description.text, cell: description.address } } : {}),
            ...(lastYear ? { lastYear } : {}), ...(measuredAs ? { measuredAs } : {}),
        });
    }
    // A family printed on blank rows only is an empty group (a template's family left blank).
    const key = (g: { level1: Sourced<string>; level2?: Sourced<string> }) => `${g.level1.cell}/${g.level2?.cell ?? ''}`;
    const filled = new Set(rows.map(key));
    for (const g of familyRows) {
        if (!filled.has(key(g)) && !emptyGroups.some(e => key(e) === key(g))) emptyGroups.push(g);
    }
    return rows;
}

function spansFamilyAndTitle(view: SheetView, r: number, columns: Columns): boolean {
    const cells = (['level1', 'level2', 'title'] as const).map(column => (columns[column] === undefined ? undefined : view.cell(r, columns[column]!)));
    return cells.every(cell => cell !== undefined && cell.address === cells[0]!.address);
}

/**
 * A 分值, 得分 or 扣减分数 cell for one indicator only: merged over the rows of several (`50` for
 * two indicators), it is counted on the first (`counted` holds the cells counted), as the sums
 * add up on the form; the rows after it get none, and the merge is reported on its cell.
 */
function pointsOnce(cell: GridCell | undefined, title: string, counted: Map<string, string>, problems: FormProblem[]): GridCell | undefined {
    if (!cell) return undefined;
    const first = counted.get(cell.address);
    if (first === undefined) {
        counted.set(cell.address, title);
        return cell;
    }
    // What is no number counts for none, and is said so on the first row.
    if (!numberCell(cell, [])) return undefined;
    problems.push({
        cell: cell.address,
        text: {
            zh: `「${cell.text}」合并在多个指标的行上，只计入第一个指标「${first}」：请为每个指标分别填写`,
            en: `"${cell.text}" is merged over the rows of several indicators and counts for the first, "${first}", only: fill it in for each indicator`,
        },
    });
    return undefined;
}

/**
 * A points cell that holds something but no number (`良`, a formula's `#REF!`): what a score
 * read as missing was printed as. `read` is the cell as read, the column where it stands.
 */
function unreadCell(read: GridCell | undefined, view: SheetView, r: number, column: number | undefined): Sourced<string> | undefined {
    const printed = read ?? (column === undefined ? undefined : view.cell(r, column));
    return printed && (printed.error || read) ? { value: printed.text, cell: printed.address } : undefined;
}

/** A row's score as its weight less the points its 扣减分数 cell takes off, sourced to that cell. */
function deductedScore(weight: Sourced<string> | undefined, cell: GridCell | undefined, problems: FormProblem[]): Sourced<string> | undefined {
    const deduction = weight && numberCell(cell, problems);
    return deduction ? { value: formatNumber(Number(weight.value) - Number(deduction.value)), cell: deduction.cell } : undefined;
}

/**
 * Where both are printed, a 扣减分数 that does not take the 分值 to the 指标得分: which of the two
 * the form means cannot be read. The 指标得分 is what the row scores, as on a form without it.
 */
function deductionDisagrees(weight: Sourced<string> | undefined, score: Sourced<string>, cell: GridCell | undefined, problems: FormProblem[]): void {
    const deduction = weight && numberCell(cell, problems);
    if (!deduction) return;
    const [w, d, s] = [weight.value, deduction.value, score.value];
    const left = formatNumber(Number(w) - Number(d));
    if (Math.abs(Number(left) - Number(s)) < 0.005) return;
    problems.push({
        cell: deduction.cell,
        text: {
            zh: `扣减分数 ${d} 与指标得分不符：分值 ${w} 减 ${d} 为 ${left}，指标得分为 ${s}；按指标得分 ${s} 读`,
            en: `the deduction ${d} disagrees with the score: weight ${w} less ${d} is ${left}, the score cell says ${s}; read as ${s}`,
        },
    });
}

/** The total row's label, a note in brackets after it allowed (`总分（100分）`). */
const isTotalLabel = (l: string) => /^(总分|合计|总计|分值合计|总得分|合计得分)(\(.*\))?$/.test(l);

/** `（元）` in a funds head means 元; otherwise amounts are in 万元. */
function amountUnit(view: SheetView, from: number, to: number): Amount['unit'] {
    const at = view.find(l => /(资金|金额|预算)/.test(l) && /\((万?元)\)/.test(l), Math.max(0, from), to);
    return at && /\(元\)/.test(view.label(at.r, at.c)) ? '元' : '万元';
}

function sourceOf(label: string): FundSource | undefined {
    const l = label.replace(/^其中[:：]?/, '');
    if (/财政拨款|财政资金|财政补助/.test(l)) return '财政拨款';
    if (/上年结转|结转资金/.test(l)) return '上年结转';
    if (/^其他资金$/.test(l)) return '其他资金';
    return l && label.startsWith('其中') ? { label: l } : undefined;
}

function readExecution(view: SheetView, until: number, problems: FormProblem[]): Execution | undefined {
    const headAt = view.find(l => l === '全年执行数' || l === '执行数', 0, until);
    if (!headAt) return undefined;
    const heads = view.heads(headAt.r);
    const col = (...names: string[]) => names.map(n => heads.get(n)).find(c => c !== undefined);
    const columns = {
        initial: col('年初预算数'), budgeted: col('全年预算数', '预算数'), spent: col('全年执行数', '执行数'),
        weight: col('分值'), score: col('得分'), rate: col('执行率'),
    };
    const firstValue = Math.min(...Object.values(columns).filter((c): c is number => c !== undefined));
    const unit = amountUnit(view, headAt.r - 2, until);
    const rowColumns = (r: number): ExecutionColumns => {
        const cell = (c: number | undefined) => (c === undefined ? undefined : amountCell(view.value(r, c), unit, problems));
        const initial = cell(columns.initial), budgeted = cell(columns.budgeted), spent = cell(columns.spent);
        return { ...(initial ? { initial } : {}), ...(budgeted ? { budgeted } : {}), ...(spent ? { spent } : {}) };
    };
    let total: (ExecutionColumns & { cell: string; r: number }) | undefined;
    const parts: Array<Execution['parts'][number]> = [];
    for (let r = headAt.r + 1; r < until; r++) {
        const labelAt = rowLabel(view, r, firstValue);
        if (!labelAt) continue;
        const label = view.label(labelAt.r, labelAt.c);
        if (/总体目标|绩效指标/.test(label)) break;
        const address = view.cell(labelAt.r, labelAt.c)!.address;
        if (/资金总额|合计/.test(label) && !total) {
            total = { ...rowColumns(r), cell: address, r };
            continue;
        }
        const source = sourceOf(label);
        if (source) parts.push({ ...rowColumns(r), source, cell: address });
    }
    if (!total) return undefined;
    const weight = columns.weight === undefined ? undefined : numberCell(view.value(total.r, columns.weight), problems);
    const scoreCell = columns.score === undefined ? undefined : view.value(total.r, columns.score);
    const score = numberCell(scoreCell, problems);
    const unreadScore = score ? undefined : unreadCell(scoreCell, view, total.r, columns.score);
    const rateAt = columns.rate === undefined ? undefined : view.value(total.r, columns.rate);
    const rate = rateAt && !isComputedRate(rateAt, total.r, columns) ? rateCell(rateAt, problems) : undefined;
    const { r: _row, ...row } = total;
    return { ...row, ...(rate ? { rate } : {}), ...(weight ? { weight } : {}), ...(score ? { score } : {}), ...(unreadScore ? { unreadScore } : {}), parts };
}

/** The rightmost label left of the value columns, skipping the merged block head (`项目资金（万元）`). */
function rowLabel(view: SheetView, r: number, firstValue: number): Position | undefined {
    for (let c = Math.min(firstValue, view.width(r)) - 1; c >= 0; c--) {
        const l = view.label(r, c);
        if (l && !/^(项目资金|资金情况)/.test(l) && view.value(r, c)) return { r, c };
    }
    return undefined;
}

const columnLetters = (c: number): string => (c < 26 ? '' : columnLetters(Math.floor(c / 26) - 1)) + String.fromCharCode(65 + (c % 26));

/**
 * Whether the 执行率 is the form's own formula 全年执行数 ÷ 全年预算数 of its row (`=F6/E6`, as
 * export writes a rate the file does not state): it states nothing of its own, so no `执行率`
 * is read (funds/rate-mismatch has nothing to compare).
 */
function isComputedRate(cell: GridCell, r: number, columns: { budgeted?: number | undefined; spent?: number | undefined }): boolean {
    if (!cell.formula || columns.budgeted === undefined || columns.spent === undefined) return false;
    const formula = cell.formula.replace(/[\s$]/g, '').toUpperCase();
    return formula === `${columnLetters(columns.spent)}${r + 1}/${columnLetters(columns.budgeted)}${r + 1}`;
}

/** An execution rate printed as `76.15%`, as 76.15 or as the fraction 0.7615 (a number, or a number stored as text). */
function rateCell(cell: GridCell | undefined, problems: FormProblem[]): Sourced<string> | undefined {
    if (!cell) return undefined;
    const percent = /%$/.test(cell.text.normalize('NFKC'));
    const n = cell.number ?? Number(numberText(cell.text.normalize('NFKC').replace(/%$/, '')) ?? Number.NaN);
    if (!Number.isFinite(n)) {
        problems.push({ cell: cell.address, text: { zh: `执行率「${cell.text}」不是数值`, en: `execution rate "${cell.text}" is not a number` } });
        return undefined;
    }
    // A number cell formatted as a percent holds the fraction; one without a %, typed or stored as text (`0.7615`), is a fraction up to 1.
    const fraction = (cell.number !== undefined && percent) || (!percent && n <= 1);
    return { value: formatNumber(fraction ? Math.round(n * 1e6) / 1e4 : n), cell: cell.address };
}

function readAssessmentGoals(view: SheetView, until: number): Goal[] {
    const expectedAt = view.find(l => l === '预期目标', 0, until);
    const actualAt = view.find(l => l === '实际完成情况' || l === '实际完成', 0, until);
    const headRow = expectedAt?.r ?? actualAt?.r;
    if (headRow === undefined) return [];
    const goals: Goal[] = [];
    // One row per goal below the heads; an exported form names each goal in a note.
    for (let r = headRow + 1; r < until; r++) {
        const expected = expectedAt && view.sourced(r, expectedAt.c);
        const actual = actualAt && view.sourced(r, actualAt.c);
        const heads = [expectedAt, actualAt].map(at => (at ? view.cell(at.r, at.c)?.address : undefined));
        const fresh = (s: Sourced<string> | undefined) => (s && !heads.includes(s.cell) && !goals.some(g => g.expected?.cell === s.cell || g.actual?.cell === s.cell) ? s : undefined);
        const e = fresh(expected), a = fresh(actual);
        if (!e && !a) continue;
        const id = e ? readNote(view.cellAt(e.cell)?.note).name : undefined;
        goals.push({ name: id ?? '年度目标', ...(id ? { id } : {}), ...(e ? { expected: e } : {}), ...(a ? { actual: a } : {}) });
    }
    // Named as a 申报表 names them (readTargetGoals), so that the goals of one project read from both
    // forms have the same names: one is the 年度目标, several are 目标1 … 目标n.
    return goals.length > 1 ? goals.map((g, i) => (g.id ? g : { ...g, name: `目标${i + 1}` })) : goals;
}

function readTargetGoals(view: SheetView, until: number): Goal[] {
    const goals: Goal[] = [];
    const labels = ['中期目标', '年度目标'] as const;
    // The head may print the period it covers: `中期目标（2024年－2026年）`.
    const isHead = (text: string, label: string) => text === label || (text.startsWith(`${label}(`) && text.endsWith(')'));
    for (const label of labels) {
        const at = view.find(l => isHead(l, label), 0, until);
        if (!at) continue;
        // `中期目标 | 年度目标` heads over `— | …`: the next head is no value, the blank goal is none.
        const next = view.rightOf(at)[0];
        const right = next && !labels.some(l => isHead(normalizeLabel(next.text), l)) ? next : undefined;
        const below = view.sourced(at.r + 1, at.c);
        const text = below && below.cell !== view.cell(at.r, at.c)!.address ? below : right ? { value: right.text, cell: right.address } : undefined;
        if (text) goals.push({ name: label, expected: text });
    }
    const named = goals.length > 0;
    for (let r = 0; r < until && !named; r++) {
        for (let c = 0; c < view.width(r); c++) {
            const m = /^目标(\d+)$/.exec(view.label(r, c));
            const text = m ? view.rightOf({ r, c })[0] : undefined;
            const id = text ? readNote(text.note).name : undefined;
            if (m && text && view.cell(r, c)!.origin) goals.push({ name: id ?? `目标${m[1]}`, ...(id ? { id } : {}), expected: { value: text.text, cell: text.address } });
        }
    }
    if (goals.length > 0) return goals;
    // Neither heads nor numbered rows: the text beside the label (`总体目标 | 为2000名老年人提供助餐服务；…`) is the year's goal.
    const at = view.find(l => l === '总体目标' || l === '年度总体目标', 0, until);
    const text = at && view.rightOf(at)[0];
    // A head left without its text (`总体目标 | 中期目标 | —`) is none.
    return text && !/^(中期目标|年度目标|目标\d+)/.test(normalizeLabel(text.text)) ? [{ name: '年度目标', expected: { value: text.text, cell: text.address } }] : [];
}

function readFunds(view: SheetView, until: number, problems: FormProblem[]): Funds | undefined {
    const unit = amountUnit(view, 0, until);
    const annualAt = view.find(l => l === '年度资金总额' || l === '年度资金总额:', 0, until);
    const mediumAt = view.find(l => l === '中期资金总额', 0, until);
    if (!annualAt && !mediumAt) return undefined;
    // The first number right of the label, up to the next label (`中期资金总额 | | 年度资金总额 | 300`: no 中期).
    const amountRight = (at: Position) => {
        const cells = view.rightOf(at);
        const stop = cells.findIndex(c => c.number === undefined && /资金|总额|预算|其中|拨款|结转/.test(c.text));
        const found = cells.slice(0, stop < 0 ? undefined : stop).find(c => c.number !== undefined || numberText(c.text) !== undefined);
        return amountCell(found, unit, problems);
    };
    const annual = annualAt && amountRight(annualAt);
    const medium = mediumAt && amountRight(mediumAt);
    const budgetAt = view.find(l => l === '项目预算', 0, until);
    const budget = budgetAt && amountRight(budgetAt);
    const parts: Array<Funds['parts'][number]> = [];
    for (let r = (annualAt ?? mediumAt)!.r + 1; r < until; r++) {
        if (view.rowHas(r, l => /总体目标|绩效指标/.test(l))) break;
        // Two columns of sources (中期 and 年度): the one under 年度资金总额 is this year's.
        const found: Array<{ c: number; source: FundSource }> = [];
        for (let c = 0; c < view.width(r); c++) {
            const source = view.cell(r, c)?.origin ? sourceOf(view.label(r, c)) : undefined;
            if (source) found.push({ c, source });
        }
        const pick = found.length > 1 && annualAt ? found.reduce((a, b) => (Math.abs(b.c - annualAt.c) < Math.abs(a.c - annualAt.c) ? b : a)) : found[0];
        const amount = pick && amountRight({ r, c: pick.c });
        if (pick && amount) parts.push({ source: pick.source, amount });
    }
    const anchor = (annualAt ?? mediumAt)!;
    return { cell: view.cell(anchor.r, anchor.c)!.address, ...(medium ? { medium } : {}), ...(annual ? { annual } : {}), ...(budget ? { budget } : {}), parts };
}

function readTotal(view: SheetView, from: number, problems: FormProblem[]): FormModel['total'] {
    const at = view.find(isTotalLabel, from);
    if (!at) return undefined;
    const numbers = view.rightOf(at).filter(c => c.number !== undefined || numberText(c.text) !== undefined);
    const weight = numberCell(numbers[0], problems);
    const score = numberCell(numbers[1], problems);
    return { cell: view.cell(at.r, at.c)!.address, ...(weight ? { weight } : {}), ...(score ? { score } : {}) };
}

/**
 * The 自评等级 cell: a grade as the lexer reads it typed (优, 优秀, 较差, Excellent), a remark after it
 * allowed (`良（85.6分）`); other text is reported, an empty cell is no grade.
 */
function gradeOf(cell: GridCell | undefined, problems: FormProblem[]): Sourced<string> | undefined {
    const text = cell?.text.trim();
    if (!cell || !text || isEmptyMark(text)) return undefined;
    const grade = gradeIdOf(text.slice(0, remarkAtEnd(text)).trim());
    if (grade) return { value: GRADE_KEYWORD[grade].zh, cell: cell.address };
    problems.push({
        cell: cell.address,
        text: { zh: `「${text}」不是自评等级：应为 优、良、中、差（或 优秀、良好、中等、较差）`, en: `"${text}" is not a grade: expected 优, 良, 中 or 差 (优秀, 良好, 中等, 较差; Excellent, Good, Fair, Poor)` },
    });
    return undefined;
}
