import { FREE_GROUP_FAMILIES, isLevel1Label, level1Keyword, level2Keyword } from './families.js';
import type { ActualValue, Amount, FormModel, FormProblem, FundSource, Goal, IndicatorRow, Sourced, TargetValue } from './form-model.js';
import { identifierFor, kpiString, oneLine } from './names.js';
import { normalizeLabel, saysNone } from './cell-values.js';
import { FAMILY_KEYWORD } from '../model/categories.js';
import { GRADE_KEYWORD, RATING_KEYWORD } from '../scoring/keywords.js';

/** The keywords a form is written in: Chinese (the forms' own words), or English (`project`, `indicator` …). */
export type FormKeywords = 'zh' | 'en';

/** How a form is written as .kpi text. */
export interface EmitOptions {
    /** The keywords; by default those an exported form's note names, else Chinese. */
    readonly keywords?: FormKeywords;
}

/** What a span of emitted text holds: findings prefer the cell of the value they concern. */
export type SpanField = 'line' | 'title' | 'target' | 'actual' | 'weight' | 'score' | 'deviation' | 'amount' | 'rate' | 'text';

/** A range of the emitted text (offsets) and the cell it came from. */
export interface SourceSpan {
    readonly start: number;
    readonly end: number;
    readonly cell: string;
    readonly field: SpanField;
}

export interface EmittedForm {
    readonly sheet: string;
    readonly text: string;
    readonly spans: readonly SourceSpan[];
    /** The reader's problems and those of the emitter (a family it cannot place). */
    readonly problems: readonly FormProblem[];
    /** The cell a finding points at when no span covers it: the form's title or first cell. */
    readonly anchor: string;
    /**
     * Where a finding on the assessment or project as a whole that names a part of the form
     * points: a level-1 family by its keyword (`产出指标`: the family's first cell), `预算执行` (the
     * execution row), `总体目标` (the goals' first row), `一级指标` (the indicator table's family
     * head), `分值` (合计's 分值, else the 分值 head), `项目名称` (the project's name).
     */
    readonly places: Readonly<Record<string, string>>;
    /** The `指标` and `预算执行` lines (offsets) whose 得分 cell holds no number, and that cell as printed. */
    readonly unreadScores: ReadonlyArray<{ readonly start: number; readonly end: number; readonly score: Sourced<string> }>;
}

type Segment = string | readonly [text: string, cell: string | undefined, field: SpanField];

/** Chinese keywords that are written with a word of their own in English (families, ratings, grades, sources). */
const ENGLISH: ReadonlyMap<string, string> = new Map<string, string>([
    ...Object.values(FAMILY_KEYWORD).map(k => [k.zh, k.en] as const),
    ...Object.values(RATING_KEYWORD).map(k => [k.zh, k.en] as const),
    ...Object.values(GRADE_KEYWORD).map(k => [k.zh, k.en] as const),
    ['财政拨款', 'fiscal'], ['上年结转', 'carryover'], ['其他资金', 'other'], ['未统计', 'unmeasured'], ['不适用', 'n/a'],
    ['完成', 'done'], ['未完成', 'pending'],
]);

/** Text with a source span for every piece that came from a cell. */
class Writer {
    private text = '';
    readonly spans: SourceSpan[] = [];
    readonly unreadScores: Array<EmittedForm['unreadScores'][number]> = [];

    constructor(readonly keywords: FormKeywords) {}

    /** A keyword in the form's keyword language. */
    k(zh: string, en: string): string {
        return this.keywords === 'en' ? en : zh;
    }

    /** A keyword of the tables above (a family, a rating, a grade, a source), in the form's language. */
    word(zh: string): string {
        return this.keywords === 'en' ? ENGLISH.get(zh) ?? zh : zh;
    }

    line(indent: number, lineCell: string | undefined, ...segments: Segment[]): void {
        const start = this.text.length + indent * 4;
        this.text += '    '.repeat(indent);
        segments.forEach((s, i) => {
            if (i > 0) this.text += ' ';
            if (typeof s === 'string') {
                this.text += s;
                return;
            }
            const [text, cell, field] = s;
            if (cell) this.spans.push({ start: this.text.length, end: this.text.length + text.length, cell, field });
            this.text += text;
        });
        if (lineCell) this.spans.push({ start, end: this.text.length, cell: lineCell, field: 'line' });
        this.text += '\n';
    }

    /** A line, noting the 得分 cell it could not read. */
    scoredLine(unreadScore: Sourced<string> | undefined, indent: number, lineCell: string | undefined, ...segments: Segment[]): void {
        const start = this.text.length;
        this.line(indent, lineCell, ...segments);
        if (unreadScore) this.unreadScores.push({ start, end: this.text.length - 1, score: unreadScore });
    }

    blank(): void {
        this.text += '\n';
    }

    result(): string {
        return this.text;
    }
}

const amountText = (a: Amount) => `${a.number} ${a.unit}`;
/** `95%` and `8 个`, as the formatter writes quantities. */
const quantityText = (number: string, unit: string | undefined) => (unit === undefined ? number : /^[%‰]$/.test(unit) ? `${number}${unit}` : `${number} ${unit}`);
const sourced = <T>(s: Sourced<T> | undefined, format: (v: T) => string, field: SpanField): Segment[] =>
    s ? [[format(s.value), s.cell, field]] : [];

/** A name as written after 涉及 or as a group's label: bare when it can be, else a string. */
const nameText = (name: string) => (identifierFor(name) === name ? name : kpiString(name));

function targetText(w: Writer, t: TargetValue): string {
    if (t.kind === 'qualitative') return `${w.k('定性', 'qualitative')} ${kpiString(t.text)}`;
    return valueText(t.comparator, t.kind === 'date' ? t.date : quantityText(t.number, t.unit), t.remark);
}

function actualText(w: Writer, a: ActualValue): string {
    if (a.kind === 'rating') return w.word(a.rating);
    if (a.kind === 'text' && a.text === '未统计') return w.word('未统计');
    if (a.kind === 'text') return /^不适用/.test(a.text) ? `${w.word('不适用')}${a.text.length > 3 ? ` ${kpiString(a.text.replace(/^不适用[:：,，\s]*/, ''))}` : ''}` : kpiString(a.text);
    return valueText(a.comparator, a.kind === 'date' ? a.date : quantityText(a.number, a.unit), a.remark);
}

/** A value with its comparator and the remark printed after it, glued to it as the form prints it. */
function valueText(comparator: string | undefined, value: string, remark: string | undefined): string {
    return `${comparator ? `${comparator} ` : ''}${value}${remark ?? ''}`;
}

function sourceText(w: Writer, s: FundSource): string {
    return typeof s === 'string' ? w.word(s) : kpiString(s.label);
}

/** Indicator rows grouped as the language nests them, in the order the form prints them. */
interface Placed {
    readonly row: IndicatorRow;
    readonly level1: string;
    readonly level2: string | undefined;
}

function place(rows: readonly IndicatorRow[], problems: FormProblem[]): Placed[] {
    const placed: Placed[] = [];
    for (const row of rows) {
        const level1 = level1Keyword(row.level1.value);
        if (!level1) {
            problems.push({ cell: row.level1.cell, text: { zh: `一级指标「${row.level1.value}」不是已知的指标类别，其下的指标未读入`, en: `level-1 family "${row.level1.value}" is unknown; its indicators were not read` } });
            continue;
        }
        const printed = row.level2?.value;
        if (FREE_GROUP_FAMILIES.has(level1)) {
            placed.push({ row, level1, level2: freeLabel(printed, row.level1.value, level1) });
            continue;
        }
        if (printed === undefined) {
            problems.push({ cell: row.title.cell, text: { zh: `指标「${row.title.value}」没有二级指标，未读入`, en: `indicator "${row.title.value}" has no level-2 family; it was not read` } });
            continue;
        }
        const level2 = level2Keyword(level1, printed);
        if (!level2) {
            problems.push({ cell: row.level2!.cell, text: { zh: `二级指标「${printed}」不是「${level1}」下已知的指标类别，指标「${row.title.value}」未读入`, en: `level-2 family "${printed}" is not known under ${level1}; indicator "${row.title.value}" was not read` } });
            continue;
        }
        placed.push({ row, level1, level2 });
    }
    for (const { row } of placed) {
        if (!row.target) problems.push({ cell: row.title.cell, text: { zh: `指标「${row.title.value}」没有指标值`, en: `indicator "${row.title.value}" has no target value` } });
    }
    return placed;
}

/** A group of the indicator tree and its row, or none for a group the form leaves empty. */
interface TreeEntry {
    readonly level1: string;
    readonly level2: string | undefined;
    readonly level1Cell: string;
    readonly level2Cell: string | undefined;
    readonly row?: IndicatorRow;
}

const rowNumber = (cell: string) => Number(/\d+$/.exec(cell)?.[0] ?? 0);

/**
 * The free label of a group under 项目决策 / 项目管理 (`资金管理`), or none when the level-2 cell
 * repeats the level-1 family (a row directly under it, as an exported form prints it).
 */
function freeLabel(printed: string | undefined, level1Printed: string, level1: string): string | undefined {
    if (printed === undefined || normalizeLabel(printed) === normalizeLabel(level1Printed)) return undefined;
    return isLevel1Label(printed, level1) ? undefined : printed;
}

/** The placed rows and the empty groups (those whose families are known) in the form's order. */
function treeEntries(placed: readonly Placed[], empty: NonNullable<FormModel['emptyGroups']>): TreeEntry[] {
    const entries: Array<TreeEntry & { at: number }> = placed.map(p => ({ level1: p.level1, level2: p.level2, level1Cell: p.row.level1.cell, level2Cell: p.row.level2?.cell, row: p.row, at: rowNumber(p.row.title.cell) }));
    for (const g of empty) {
        const level1 = level1Keyword(g.level1.value);
        const printed = g.level2?.value;
        if (!level1) continue;
        // As place() files rows: a free label under 决策 / 过程, a family keyword elsewhere.
        const free = FREE_GROUP_FAMILIES.has(level1);
        const level2 = printed === undefined ? undefined : free ? freeLabel(printed, g.level1.value, level1) : level2Keyword(level1, printed);
        if (printed !== undefined && !free && !level2) continue;
        entries.push({ level1, level2, level1Cell: g.level1.cell, level2Cell: g.level2?.cell, at: rowNumber(g.level2?.cell ?? g.level1.cell) });
    }
    return entries.sort((a, b) => a.at - b.at);
}

/** Groups items by a key, keeping the order in which keys first appear. */
function groupBy<T, K>(items: readonly T[], key: (t: T) => K): Array<[K, T[]]> {
    const out = new Map<K, T[]>();
    for (const item of items) {
        const k = key(item);
        const list = out.get(k);
        if (list) list.push(item);
        else out.set(k, [item]);
    }
    return [...out];
}

/**
 * Writes a form as .kpi text: a project (header, funds, goals, indicator tree) and, for a
 * self-assessment (layouts A and B), its assessment; a comment names the workbook and sheet.
 * A self-assessment whose project is already defined (`definedProjects`: a 申报表 sheet or a
 * .kpi file of the workspace) is written without a project of its own and scored against it.
 */
export function emitForm(
    form: FormModel, workbookName: string, definedProjects: ReadonlySet<string> = new Set(), options: EmitOptions = {},
    projectGoals: ReadonlyMap<string, readonly Goal[]> = new Map(),
): EmittedForm {
    const w = new Writer(options.keywords ?? form.keywords ?? 'zh');
    const problems = [...form.problems];
    const placed = place(form.indicators, problems);
    const projectName = projectNameOf(form);
    const ownProject = form.layout === 'C' || !definedProjects.has(projectName);
    problems.push(...unplanned(form, ownProject));
    const kind = form.layout === 'C' ? w.k('绩效目标表', 'target form') : w.k('绩效自评表', 'self-assessment form');
    w.line(0, undefined, w.keywords === 'en'
        ? `// ${workbookName} sheet "${form.sheet}" (${kind}, layout ${form.layout})`
        : `// ${workbookName} 工作表「${form.sheet}」（${kind}，版式 ${form.layout}）`);
    if (ownProject) emitProject(w, form, projectName, placed);
    if (form.layout !== 'C') emitAssessment(w, form, projectName, placed, ownProject, projectGoals.get(projectName) ?? []);
    const anchor = form.title?.cell ?? form.project.name.cell ?? form.indicators[0]?.title.cell ?? 'A1';
    const goal = form.goals.find(g => g.actual ?? g.expected);
    const places: Record<string, string> = {
        ...(form.execution ? { 预算执行: form.execution.cell } : {}),
        ...(goal ? { 总体目标: (goal.actual ?? goal.expected)!.cell } : {}),
        ...(form.heads ? { 一级指标: form.heads.level1 } : {}),
        ...((form.total?.weight?.cell ?? form.heads?.weight) ? { 分值: (form.total?.weight?.cell ?? form.heads?.weight)! } : {}),
        ...(form.project.name.cell ? { 项目名称: form.project.name.cell } : {}),
    };
    for (const { row, level1 } of placed) places[level1] ??= row.level1.cell;
    // A cell merged over rows is read on each of them: what is wrong with it is said once.
    const said = new Set<string>();
    const distinct = problems.filter(p => !said.has(`${p.cell} ${p.text.zh}`) && said.add(`${p.cell} ${p.text.zh}`));
    return { sheet: form.sheet, text: w.result(), spans: w.spans, problems: distinct, anchor, places, unreadScores: w.unreadScores };
}

/** 测算 rows without 金额 and milestones without 计划完成时间, which a project written here cannot plan. */
function unplanned(form: FormModel, ownProject: boolean): FormProblem[] {
    if (!ownProject) return [];
    return [
        ...(form.breakdown?.rows ?? []).filter(c => !c.amount).map(c => ({
            cell: c.title.cell, text: { zh: `测算「${c.title.value}」没有金额，未读入`, en: `breakdown component "${c.title.value}" has no amount; it was not read` },
        })),
        ...(form.milestones ?? []).filter(m => !m.planned).map(m => ({
            cell: m.title.cell, text: { zh: `里程碑「${m.title.value}」没有计划完成时间，未读入`, en: `milestone "${m.title.value}" has no planned date; it was not read` },
        })),
    ];
}

/** The identifier a form's project gets in .kpi text. */
export function projectNameOf(form: FormModel): string {
    return form.project.id ?? identifierFor(form.project.name.value);
}

function emitProject(w: Writer, form: FormModel, projectName: string, placed: readonly Placed[]): void {
    const projectTitle = form.project.name.value;
    const applies = form.project.applies;

    w.line(0, form.project.name.cell, w.k('项目', 'project'), [projectName, form.project.name.cell, 'title'], [kpiString(projectTitle), form.project.name.cell, 'title'], '{');
    const header = form.project;
    if (header.department) w.line(1, header.department.cell, w.k('主管部门', 'department'), [kpiString(header.department.value), header.department.cell, 'text']);
    if (header.implementer) w.line(1, header.implementer.cell, w.k('实施单位', 'implementer'), [kpiString(header.implementer.value), header.implementer.cell, 'text']);
    if (header.period) w.line(1, header.period.cell, w.k('实施期', 'period'), [`${header.period.value.start} ${w.k('至', 'to')} ${header.period.value.end}`, header.period.cell, 'text']);
    const budget = form.funds?.budget ?? form.funds?.annual ?? form.execution?.initial ?? form.execution?.budgeted;
    if (budget) w.line(1, budget.cell, w.k('预算', 'budget'), [amountText(budget.value), budget.cell, 'amount']);
    if (applies?.length) w.line(1, form.project.name.cell, w.k('适用', 'applies'), applies.join(', '));
    const funds = form.funds;
    // 年度资金总额 alone is the 预算 just written, from the same cell: no 资金 block says it twice.
    const annual = funds?.annual && (funds.budget || funds.medium || funds.parts.length > 0) ? funds.annual : undefined;
    if (funds && (funds.medium || annual || funds.parts.length > 0)) {
        w.line(1, funds.cell, `${w.k('资金', 'funds')} {`);
        if (funds.medium) w.line(2, funds.medium.cell, w.k('中期', 'medium-term'), [amountText(funds.medium.value), funds.medium.cell, 'amount']);
        if (annual) w.line(2, annual.cell, w.k('年度', 'annual'), [amountText(annual.value), annual.cell, 'amount']);
        for (const part of funds.parts) w.line(2, part.amount.cell, w.k('其中', 'of-which'), sourceText(w, part.source), [amountText(part.amount.value), part.amount.cell, 'amount']);
        w.line(1, undefined, '}');
    }
    emitBreakdown(w, form);
    const goals = form.goals.filter(g => g.expected);
    if (goals.length > 0) {
        w.line(1, undefined, `${w.k('总体目标', 'goals')} {`);
        for (const g of goals) w.line(2, g.expected!.cell, g.name, [kpiString(g.expected!.value), g.expected!.cell, 'text']);
        w.line(1, undefined, '}');
    }
    const tree = treeEntries(placed, form.emptyGroups ?? []);
    if (tree.length > 0) {
        w.line(1, undefined, `${w.k('绩效指标', 'indicators')} {`);
        for (const [level1, rows1] of groupBy(tree, p => p.level1)) {
            w.line(2, rows1[0]!.level1Cell, `${w.word(level1)} {`);
            for (const [level2, rows2] of groupBy(rows1, p => p.level2)) {
                const inner = level2 === undefined ? 3 : 4;
                if (level2 !== undefined) {
                    const label = FREE_GROUP_FAMILIES.has(level1) ? nameText(level2) : w.word(level2);
                    w.line(3, rows2[0]!.level2Cell, `${label} {`);
                }
                for (const { row } of rows2) if (row) emitIndicator(w, inner, row);
                if (level2 !== undefined) w.line(3, undefined, '}');
            }
            w.line(2, undefined, '}');
        }
        w.line(1, undefined, '}');
    }
    emitMilestones(w, form);
    w.line(0, undefined, '}');
    w.blank();
}

/** A block row's name in .kpi text: its identifier, else its title as a string. */
const rowName = (row: { id?: string; title: Sourced<string> }): string => row.id ?? kpiString(row.title.value);

/** The project's 测算 section: the plan the form's 项目测算 block prints (written after 资金, as files keep it). */
function emitBreakdown(w: Writer, form: FormModel): void {
    const breakdown = form.breakdown;
    const components = breakdown?.rows.filter(r => r.amount) ?? [];
    if (breakdown && (components.length > 0 || breakdown.total)) {
        w.line(1, breakdown.cell, `${w.k('测算', 'breakdown')} {`);
        for (const c of components) {
            w.line(2, c.title.cell, [rowName(c), c.title.cell, 'title'], ...(c.id ? [kpiString(c.title.value)] : []),
                [amountText(c.amount!.value), c.amount!.cell, 'amount'], ...(c.formula ? ['=', [c.formula.value, c.formula.cell, 'text'] as const] : []));
        }
        if (breakdown.total) w.line(2, breakdown.total.cell, w.k('合计', 'total'), [amountText(breakdown.total.value), breakdown.total.cell, 'amount']);
        w.line(1, undefined, '}');
    }
}

/** The project's 里程碑 section: the plan the form's 项目里程碑 block prints. */
function emitMilestones(w: Writer, form: FormModel): void {
    const milestones = form.milestones?.filter(m => m.planned) ?? [];
    if (milestones.length > 0) {
        w.line(1, undefined, `${w.k('里程碑', 'milestones')} {`);
        for (const m of milestones) {
            w.line(2, m.title.cell, [rowName(m), m.title.cell, 'title'], ...(m.id ? [kpiString(m.title.value)] : []), w.k('计划', 'planned'), [m.planned!.value, m.planned!.cell, 'text']);
        }
        w.line(1, undefined, '}');
    }
}

function emitIndicator(w: Writer, indent: number, row: IndicatorRow): void {
    const target: Segment[] = row.target
        ? [[targetText(w, row.target.value), row.target.cell, 'target']]
        : [[`${w.k('定性', 'qualitative')} ""`, row.title.cell, 'target']];
    const note: Segment[] = row.note ? [w.k('说明', 'note'), [kpiString(row.note.value), row.note.cell, 'text']] : [];
    const links: Segment[] = row.links?.length ? [w.k('依据', 'per'), row.links.join(', ')] : [];
    const name: Segment[] = row.id ? [[row.id, row.title.cell, 'title']] : [];
    const lastYear: Segment[] = row.lastYear ? [w.k('上年', 'last-year'), [row.lastYear.value, row.lastYear.cell, 'text']] : [];
    const source: Segment[] = row.source ? [w.k('来源', 'source'), [kpiString(row.source.value), row.source.cell, 'text']] : [];
    w.line(indent, row.title.cell, ...name, [kpiString(row.title.value), row.title.cell, 'title'], ...target, ...links, ...lastYear, ...source, ...note);
}

/**
 * The assessment's title: the one an exported form's note keeps (none when the note says the
 * assessment had none), else one made up from the project and the year, as the printed form's
 * title is only the form's name (项目支出绩效自评表). A project titled in Chinese gives
 * `…2023年度绩效自评`, one titled in other words `…, self-assessment 2023`.
 */
function assessmentTitle(form: FormModel): string | undefined {
    if (form.assessmentTitle !== undefined) return form.assessmentTitle ?? undefined;
    const name = form.project.name.value.trim();
    if (/[\u3400-\u9fff\uf900-\ufaff]/.test(name)) return `${name}${form.year ? `${form.year}年度` : ''}绩效自评`;
    return `${name}, self-assessment${form.year ? ` ${form.year}` : ''}`;
}

/**
 * The goal of a project defined elsewhere (a 申报表 read with the 自评表) that each of the 自评表's
 * goal rows assesses: the one whose text its 预期目标 repeats, else the one of its name (the
 * 年度目标; 目标1 … 目标n), each goal once.
 */
function assessedGoals(goals: readonly Goal[], projectGoals: readonly Goal[]): Map<Goal, string> {
    const text = (g: Goal) => (g.expected ? normalizeLabel(g.expected.value) : undefined);
    const taken = new Set<Goal>();
    const out = new Map<Goal, string>();
    for (const match of [(g: Goal, p: Goal) => text(g) !== undefined && text(g) === text(p), (g: Goal, p: Goal) => g.name === p.name]) {
        for (const g of goals) {
            const goal = out.has(g) || !g.actual ? undefined : projectGoals.find(p => !taken.has(p) && match(g, p));
            if (goal) {
                taken.add(goal);
                out.set(g, goal.name);
            }
        }
    }
    return out;
}

function emitAssessment(w: Writer, form: FormModel, projectName: string, placed: readonly Placed[], ownProject: boolean, projectGoals: readonly Goal[]): void {
    const title = assessmentTitle(form);
    w.line(0, form.title?.cell, w.k('自评', 'assessment'), [form.id ?? identifierFor(`${projectName}${w.k('自评', 'Review')}`), form.title?.cell, 'title'],
        ...(title === undefined ? [] : [[kpiString(title), form.title?.cell, 'title'] as const]), w.k('对象', 'for'), projectName, '{');
    const ex = form.execution;
    if (ex?.budgeted && ex.spent) {
        w.scoredLine(ex.score ? undefined : ex.unreadScore, 1, ex.cell, w.k('预算执行', 'execution'),
            ...(ex.initial ? [w.k('年初预算', 'initial'), [amountText(ex.initial.value), ex.initial.cell, 'amount'] as const] : []),
            w.k('全年预算', 'budgeted'), [amountText(ex.budgeted.value), ex.budgeted.cell, 'amount'],
            w.k('全年执行', 'spent'), [amountText(ex.spent.value), ex.spent.cell, 'amount'],
            ...(ex.rate ? [w.k('执行率', 'rate'), [`${ex.rate.value}%`, ex.rate.cell, 'rate'] as const] : []),
            ...(ex.weight ? [w.k('分值', 'weight'), ...sourced(ex.weight, v => v, 'weight')] : []),
            ...(ex.score ? [w.k('得分', 'score'), ...sourced(ex.score, v => v, 'score')] : []));
        if (ex.adjustment) w.line(2, ex.adjustment.cell, w.k('调整', 'adjustment'), [kpiString(ex.adjustment.value), ex.adjustment.cell, 'text']);
        if (ex.deviation) w.line(2, ex.deviation.cell, w.k('偏差', 'deviation'), [kpiString(ex.deviation.value), ex.deviation.cell, 'deviation']);
        for (const part of ex.parts) {
            const columns: Segment[] = [];
            if (part.initial) columns.push(w.k('年初预算', 'initial'), [amountText(part.initial.value), part.initial.cell, 'amount']);
            if (part.budgeted) columns.push(w.k('全年预算', 'budgeted'), [amountText(part.budgeted.value), part.budgeted.cell, 'amount']);
            if (part.spent) columns.push(w.k('全年执行', 'spent'), [amountText(part.spent.value), part.spent.cell, 'amount']);
            if (columns.length > 0) w.line(2, part.cell, w.k('其中', 'of-which'), sourceText(w, part.source), ...columns);
        }
    }
    // The form's 预期目标 is a goal of the project written here; another project has goals of its own,
    // which the rows assess where they match (a 申报表 read with the 自评表).
    const assessed = ownProject ? new Map<Goal, string>() : assessedGoals(form.goals, projectGoals);
    for (const g of form.goals) {
        const goal = g.id ?? (g.expected && ownProject ? g.name : assessed.get(g));
        if (g.actual && goal) w.line(1, g.actual.cell, w.k('总体目标', 'goals'), goal, [kpiString(g.actual.value), g.actual.cell, 'text']);
        else if (g.actual) w.line(1, g.actual.cell, w.k('完成情况', 'summary'), [kpiString(g.actual.value), g.actual.cell, 'text']);
    }
    for (const { row } of placed) {
        if (row.description) w.line(1, row.description.cell, `// ${w.k('完成情况：', 'Completion: ')}${oneLine(row.description.value).replace(/\s+/g, ' ').trim()}`);
        w.scoredLine(row.unreadScore, 1, row.title.cell, w.k('指标', 'indicator'), [row.id ?? kpiString(row.title.value), row.title.cell, 'title'],
            ...(row.actual ? [w.k('实际', 'actual'), [actualText(w, row.actual.value), row.actual.cell, 'actual'] as const] : []),
            ...(row.measuredAs && row.actual ? [w.k('口径', 'measured-as'), [kpiString(row.measuredAs), row.actual.cell, 'actual'] as const] : []),
            ...(row.weight ? [w.k('分值', 'weight'), [row.weight.value, row.weight.cell, 'weight'] as const] : []),
            ...(row.score ? [w.k('得分', 'score'), [row.score.value, row.score.cell, 'score'] as const] : []),
            ...(row.deviation ? [w.k('偏差', 'deviation'), [kpiString(row.deviation.value), row.deviation.cell, 'deviation'] as const] : []));
    }
    for (const c of form.breakdown?.rows ?? []) {
        // A component the form's own project does not plan (no 金额) cannot be assessed.
        if (!c.actual || (ownProject && !c.amount)) continue;
        w.line(1, c.actual.cell, w.k('测算', 'breakdown'), [rowName(c), c.title.cell, 'title'], w.k('实际', 'actual'), [amountText(c.actual.value), c.actual.cell, 'amount'],
            ...(c.deviation ? [w.k('偏差', 'deviation'), [kpiString(c.deviation.value), c.deviation.cell, 'deviation'] as const] : []));
    }
    const narrative = form.narrative;
    for (const p of narrative?.problems ?? []) {
        const text = saysNone(p.text.value) ? [] : [[kpiString(p.text.value), p.text.cell, 'text'] as const];
        const concerns = p.none || p.concerns.length === 0 ? [] : [w.k('涉及', 'concerns'), p.concerns.map(nameText).join(', ')];
        w.line(1, p.text.cell, w.k('问题', 'problem'), ...(p.none ? [w.k('无', 'none')] : []), ...text, ...concerns);
    }
    for (const t of narrative?.improvements ?? []) w.line(1, t.cell, w.k('改进', 'improvement'), [kpiString(t.value), t.cell, 'text']);
    for (const t of narrative?.conclusions ?? []) w.line(1, t.cell, w.k('结论', 'conclusion'), [kpiString(t.value), t.cell, 'text']);
    for (const m of form.milestones ?? []) {
        if (!m.status || (ownProject && !m.planned)) continue;
        w.line(1, m.status.cell, w.k('里程碑', 'milestone'), [rowName(m), m.title.cell, 'title'], [w.word(m.status.value), m.status.cell, 'text'],
            ...(m.status.value === '完成' && m.done ? [[m.done.value, m.done.cell, 'text'] as const] : []));
    }
    if (narrative?.asOf) w.line(1, narrative.asOf.cell, w.k('评价日', 'as-of'), [narrative.asOf.value, narrative.asOf.cell, 'text']);
    const total = form.total;
    if (total && (total.weight || total.score)) {
        w.line(1, total.cell, w.k('合计', 'total'),
            ...(total.weight ? [w.k('分值', 'weight'), [total.weight.value, total.weight.cell, 'weight'] as const] : []),
            ...(total.score ? [w.k('得分', 'score'), [total.score.value, total.score.cell, 'score'] as const] : []));
    }
    if (form.grade) w.line(1, form.grade.cell, w.k('等级', 'grade'), [w.word(form.grade.value), form.grade.cell, 'text']);
    w.line(0, undefined, '}');
}
