import { AstUtils, type AstNode } from 'langium';
import {
    isAsOf, isBreakdownActual, isConclusion, isExecution, isFundsShare, isFundsTotal, isGoalAssessment, isGradeStatement, isImprovement,
    isIndicatorAssessment, isLevel2Group, isMeasuredActual, isMilestoneAssessment, isNotApplicableActual, isProblemStatement, isQualitative,
    isRatingActual, isSummary, isTextActual, isTotal, isUnmeasuredActual,
    isAssessment, isProject,
    type Actual, type Assessment, type BreakdownComponent, type DateLiteral, type Execution, type Indicator, type Milestone, type Model, type Project, type Quantity, type Target,
} from '../generated/ast.js';
import { remarkAfter } from '../parser/remarks.js';
import { unitBracketAfter } from '../parser/unit-brackets.js';
import { FAMILY_KEYWORD, familyOf } from '../model/categories.js';
import { breakdownOf, goalsOf, indicatorsIn, level1Groups, level1Of, milestonesOf, titleOf } from '../model/project.js';
import { GRADE_KEYWORD, gradeIdOf, RATING_KEYWORD, ratingOf } from '../scoring/keywords.js';
import type { AssessmentScore } from '../scoring/assessment-score.js';
import { writeNote } from './form-notes.js';
import type { PlannedCell, SheetPlan } from './sheet-plan.js';
import { BLOCK_LABELS } from './block-labels.js';
import { detectKeywordLanguage } from '../lsp/keyword-language.js';

type Row = Array<PlannedCell | undefined>;
const HEADS: ReadonlySet<string> = new Set(['项目名称', '主管部门', '实施单位', '项目期', '项目资金（万元）', '中期资金总额', '年度资金总额',
    '总体目标', '绩效指标', '一级指标', '二级指标', '三级指标', '指标值', '指标值说明', '年初预算数', '全年预算数', '全年执行数', '分值',
    '执行率', '得分', '年度总体目标', '预期目标', '实际完成情况', '年度指标值', '实际完成值', '偏差原因分析及改进措施', '总分', '自评等级', '复核得分',
    '上年实际值', '数据来源', '测算项目', '金额', '测算依据', '实际金额', '偏差原因', '里程碑', '计划完成时间', '完成情况', '实际完成时间',
    ...Object.values(BLOCK_LABELS).flat()]);

/** A row of plain values; labels of the form are heads. */
function row(...values: Array<string | number | PlannedCell | undefined | null>): Row {
    return values.map(v => (v === undefined || v === null || v === '' ? undefined
        : typeof v === 'object' ? v : { value: v, ...(typeof v === 'string' && HEADS.has(v) ? { head: true } : {}) }));
}

const noted = (value: string | number, note: string | undefined): PlannedCell => ({ value, ...(note ? { note } : {}) });

/** `>= 95%` and `<= 2023-11-30` as forms print them: `≥95%`, `≤2023-11-30`. */
function printed(text: string): string {
    return text.replace(/>=/g, '≥').replace(/<=/g, '≤').replace(/([≥≤=<>＝])\s+/g, '$1').replace(/(\d)\s+(?=[^\s\d])/g, '$1').trim();
}

function targetText(target: Target): string {
    return isQualitative(target) ? target.text : printed((target.$cstNode?.text ?? '') + unitBracketAfter(target.$cstNode)) + remarkAfter(target.$cstNode);
}

/** A date with the remark printed after it (`2023-06-30（暂定）`). */
function dateText(date: DateLiteral): string {
    return date.value + remarkAfter(date.$cstNode);
}

function actualText(actual: Actual | undefined): string | undefined {
    if (!actual) return undefined;
    if (isTextActual(actual)) return actual.text;
    if (isRatingActual(actual)) return RATING_KEYWORD[ratingOf(actual.rating) ?? 'achieved'].zh;
    if (isUnmeasuredActual(actual)) return '未统计';
    if (isNotApplicableActual(actual)) return actual.reason ? `不适用：${actual.reason}` : '不适用';
    if (isMeasuredActual(actual)) return printed((actual.$cstNode?.text ?? '') + unitBracketAfter(actual.$cstNode)) + remarkAfter(actual.$cstNode);
    return undefined;
}

/** An actual as its cell holds it: a bare number as a number, which Excel does not flag as a number stored as text. */
function actualCell(actual: Actual): string | number | undefined {
    const text = actualText(actual);
    return text !== undefined && /^-?\d+(\.\d+)?$/.test(text) && String(Number(text)) === text ? Number(text) : text;
}

/** An amount in 万元, the unit of the forms' funds blocks (元 and 亿元 converted). */
function wan(q: Quantity | undefined): number | undefined {
    if (!q) return undefined;
    const factor = q.unit === '元' ? 1e-4 : q.unit === '亿元' ? 1e4 : 1;
    return Number.parseFloat((q.value * factor).toPrecision(12));
}

/** Merges one column over each run of equal keys, rows from `first` (1-based). */
function runMerges(column: string, first: number, keys: readonly string[]): string[] {
    const merges: string[] = [];
    let start = 0;
    for (let i = 1; i <= keys.length; i++) {
        if (i < keys.length && keys[i] === keys[start]) continue;
        if (i - start > 1) merges.push(`${column}${first + start}:${column}${first + i - 1}`);
        start = i;
    }
    return merges;
}

/** A family keyword as a Chinese form prints it (English keywords translated). */
function zhFamily(keyword: Parameters<typeof familyOf>[0]): string {
    const family = familyOf(keyword);
    return family ? FAMILY_KEYWORD[family].zh : keyword ?? '';
}

/** The row's family labels as a Chinese form prints them, or a free label. */
function families(indicator: Indicator): [string, string] {
    const level1 = level1Of(indicator);
    const l1 = zhFamily(level1?.category);
    const container = indicator.$container;
    return [l1, isLevel2Group(container) ? (container.category ? zhFamily(container.category) : container.label ?? '') : l1];
}

/**
 * The rows of a 申报表's indicator table in the order of the tree: an empty group is a row with
 * its families and no indicator, as an officer leaves a family of the template blank.
 */
function tableEntries(project: Project): Array<{ indicator?: Indicator; families: [string, string] }> {
    return level1Groups(project).flatMap(g1 => {
        const rows = indicatorsIn(g1).map(indicator => ({ indicator, families: families(indicator) }));
        const l1 = zhFamily(g1.category);
        if (g1.groups.length === 0 && g1.indicators.length === 0) return [{ families: [l1, ''] as [string, string] }];
        const empty = g1.groups.filter(g2 => g2.indicators.length === 0)
            .map(g2 => ({ families: [l1, g2.category ? zhFamily(g2.category) : g2.label ?? ''] as [string, string] }));
        return [...rows, ...empty];
    });
}

const idNote = (node: { name: string; title?: string }) => (node.title !== undefined && node.title !== node.name ? node.name : undefined);

/** `en` when the block's file is written in English keywords: a note keeps it, so that import writes them again. */
function keywordsOf(node: AstNode): 'en' | undefined {
    const document = AstUtils.findRootNode(node).$document;
    return document && detectKeywordLanguage(document) === 'en' ? 'en' : undefined;
}

/** A funds source as a form prints it after `其中：` (English keywords in Chinese). */
const SOURCE_LABEL: Readonly<Record<string, string>> = { fiscal: '财政拨款', carryover: '上年结转', other: '其他资金' };
const sourceLabel = (source: string) => SOURCE_LABEL[source] ?? source.replace(/^"|"$/g, '');
const yearOf = (project: Project | undefined) => project?.period?.end.value.slice(0, 4);

/** Layout C, the 绩效目标申报表 of a project, with 上年 and 来源 columns and 测算 and 里程碑 blocks. */
export function targetFormPlan(project: Project, sheetName: string): SheetPlan {
    const year = yearOf(project);
    const applies = project.applies.flatMap(a => a.standards.map(s => s.$refText));
    const rows: Row[] = [
        row('项目支出绩效目标申报表'),
        row(year ? `（${year}年度）` : undefined),
        row('项目名称', null, noted(titleOf(project), writeNote({ name: idNote(project) ?? project.name, applies, keywords: keywordsOf(project) }))),
        row('主管部门', null, project.department, null, '实施单位', project.implementer),
        row(null, null, null, null, '项目期', project.period ? `${project.period.start.value} 至 ${project.period.end.value}` : undefined),
    ];
    const merges = ['A1:H1', 'A2:H2', 'A3:B3', 'C3:H3', 'A4:B4', 'F4:H4', 'F5:H5'];
    const lines = project.funds.flatMap(f => f.lines);
    const total = (...kinds: string[]) => lines.filter(isFundsTotal).find(l => kinds.includes(l.kind));
    const medium = total('中期', 'medium-term');
    const annual = total('年度', 'annual');
    const shares = lines.filter(isFundsShare);
    const fundsStart = rows.length + 1;
    // A 预算 that differs from the annual total has no printed cell: a labelled one beside it keeps it (and funds/budget-mismatch) through a round trip.
    const budget = annual && project.budget && wan(project.budget) !== wan(annual.amount) ? ['项目预算', wan(project.budget)] : [];
    rows.push(row('项目资金（万元）', null, '中期资金总额', wan(medium?.amount), '年度资金总额', wan(annual?.amount ?? project.budget), ...budget));
    for (const share of shares) {
        const label = `其中：${sourceLabel(share.source)}`;
        rows.push(row(null, null, null, null, label, wan(share.amount)));
    }
    merges.push(`A${fundsStart}:B${rows.length}`);
    const goals = goalsOf(project);
    if (goals.length > 0) {
        const start = rows.length + 1;
        goals.forEach((goal, i) => rows.push(row(i === 0 ? '总体目标' : null, null, `目标${i + 1}`, noted(goal.text, writeNote({ name: goal.name })))));
        merges.push(`A${start}:B${rows.length}`, ...goals.map((_, i) => `D${start + i}:H${start + i}`));
    }
    const head = rows.length + 1;
    rows.push(row('绩效指标', '一级指标', '二级指标', '三级指标', '指标值', '指标值说明', '上年实际值', '数据来源'));
    const entries = tableEntries(project);
    for (const { indicator, families: [l1, l2] } of entries) {
        if (!indicator) {
            rows.push(row(null, l1, l2));
            continue;
        }
        const links = indicator.links.map(l => l.$refText);
        rows.push(row(null, l1, l2, noted(titleOf(indicator), writeNote({ name: idNote(indicator) })),
            noted(targetText(indicator.target), writeNote({ links })), indicator.note,
            indicator.lastYear ? printed(indicator.lastYear.$cstNode?.text ?? '') : undefined, indicator.source));
    }
    const first = head + 1;
    merges.push(`A${head}:A${head + entries.length}`,
        ...runMerges('B', first, entries.map(e => e.families[0])),
        ...runMerges('C', first, entries.map(e => e.families.join('/'))));
    merges.push(...breakdownBlock(rows, project, undefined, 'H'), ...milestoneBlock(rows, project, undefined, 'H'));
    return { name: sheetName, rows, merges: merges.filter(m => !/^([A-Z]+)(\d+):\1\2$/.test(m)), widths: [10, 12, 18, 24, 16, 24, 12, 18], tableFrom: 2, titleRow: 0 };
}

/**
 * The 项目测算（万元） block: each component's plan, the product it is computed from (申报表) or
 * what it spent and why it fell short (自评表, `assessment`), and the 合计. Returns its merges.
 */
function breakdownBlock(rows: Row[], project: Project | undefined, assessment: Assessment | undefined, last: string): string[] {
    const components = project ? breakdownOf(project) : [];
    const actuals = assessment?.items.filter(isBreakdownActual) ?? [];
    const section = project?.breakdowns.find(b => b.total);
    if (components.length === 0 && actuals.length === 0) return [];
    const start = rows.length + 1;
    const name = (c: BreakdownComponent | undefined, refText: string) => noted(c ? titleOf(c) : refText, writeNote({ name: c ? idNote(c) : undefined }));
    const merges: string[] = [];
    if (assessment) {
        rows.push(row(BLOCK_LABELS.breakdown[0], '测算项目', null, '金额', '实际金额', '偏差原因'));
        // Assessed components first, in the form's order; then the plan's others.
        const listed = [...actuals.map(a => [a.component.ref, a] as const),
            ...components.filter(c => !actuals.some(a => a.component.ref === c)).map(c => [c, undefined] as const)];
        for (const [c, a] of listed) rows.push(row(null, name(c, a?.component.$refText ?? ''), null, wan(c?.amount), wan(a?.actual), a?.deviation));
        merges.push(...rows.slice(start - 1).map((_, i) => `F${start + i}:${last}${start + i}`));
    } else {
        rows.push(row(BLOCK_LABELS.breakdown[0], '测算项目', null, '金额', '测算依据'));
        for (const c of components) rows.push(row(null, name(c, c.name), null, wan(c.amount), c.formula ? c.formula.$cstNode?.text.replace(/\s+/g, ' ') : undefined));
        merges.push(...rows.slice(start - 1).map((_, i) => `E${start + i}:${last}${start + i}`));
    }
    if (section?.total) rows.push(row(null, '合计', null, wan(section.total)));
    merges.push(`A${start}:A${rows.length}`, ...rows.slice(start - 1).map((_, i) => `B${start + i}:C${start + i}`));
    return merges;
}

/** The 项目里程碑 block: each milestone's plan and, on a 自评表, whether and when it was done. */
function milestoneBlock(rows: Row[], project: Project | undefined, assessment: Assessment | undefined, last: string): string[] {
    const milestones = project ? milestonesOf(project) : [];
    const assessed = assessment?.items.filter(isMilestoneAssessment) ?? [];
    if (milestones.length === 0 && assessed.length === 0) return [];
    const start = rows.length + 1;
    const name = (m: Milestone | undefined, refText: string) => noted(m ? titleOf(m) : refText, writeNote({ name: m ? idNote(m) : undefined }));
    if (assessment) {
        rows.push(row(BLOCK_LABELS.milestones[0], '里程碑', null, null, '计划完成时间', '完成情况', '实际完成时间'));
        const listed = [...assessed.map(a => [a.milestone.ref, a] as const),
            ...milestones.filter(m => !assessed.some(a => a.milestone.ref === m)).map(m => [m, undefined] as const)];
        for (const [m, a] of listed) {
            rows.push(row(null, name(m, a?.milestone.$refText ?? ''), null, null, m && dateText(m.planned), a?.done ? '完成' : a?.pending ? '未完成' : undefined, a?.date && dateText(a.date)));
        }
    } else {
        rows.push(row(BLOCK_LABELS.milestones[0], '里程碑', null, null, '计划完成时间'));
        for (const m of milestones) rows.push(row(null, name(m, m.name), null, null, dateText(m.planned)));
    }
    // The name over B:D; the last column's width to the right edge: 实际完成时间 (自评表) or 计划完成时间.
    const wide = assessment ? 'G' : 'E';
    return [`A${start}:A${rows.length}`, ...rows.slice(start - 1).flatMap((_, i) => [`B${start + i}:D${start + i}`, `${wide}${start + i}:${last}${start + i}`])];
}

/**
 * Layout A, the 项目支出绩效自评表 of an assessment; with `review`, a 复核得分 column holds the
 * scores the scoring engine recomputes.
 */
export function assessmentFormPlan(assessment: Assessment, sheetName: string, review?: AssessmentScore): SheetPlan {
    const project = assessment.project.ref;
    const year = yearOf(project);
    const width = review ? 10 : 9;
    const last = review ? 'J' : 'I';
    const rows: Row[] = [
        // The form prints only its own name: the assessment's name and title (and the file's keywords) are kept in a note.
        row(noted('项目支出绩效自评表', writeNote({ name: assessment.name, ...(assessment.title !== undefined ? { title: assessment.title } : {}), keywords: keywordsOf(assessment) }))),
        row(year ? `（${year}年度）` : undefined),
        row('项目名称', null, noted(project ? titleOf(project) : assessment.project.$refText, writeNote({ name: project?.name ?? assessment.project.$refText }))),
        row('主管部门', null, project?.department, null, null, '实施单位', null, project?.implementer),
    ];
    const merges = [`A1:${last}1`, `A2:${last}2`, 'A3:B3', `C3:${last}3`, 'A4:B4', 'C4:E4', 'F4:G4', `H4:${last}4`];
    const execution = assessment.items.find(isExecution);
    rows.push(row('项目资金（万元）', null, null, '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分', ...(review ? ['复核得分'] : [])));
    const fundsStart = rows.length;
    if (execution) {
        const computed = execution.budgeted.value > 0 ? wan(execution.spent)! / wan(execution.budgeted)! : undefined;
        // A rate the file does not state is printed as the form computes it, a formula: read back, it states nothing.
        const r = rows.length + 1;
        const rate = execution.rate ? { value: execution.rate.value / 100, numFmt: '0.00%' }
            : computed !== undefined ? { value: Number(computed.toFixed(6)), numFmt: '0.00%', formula: `F${r}/E${r}` } : undefined;
        rows.push(row(null, null, '年度资金总额', wan(execution.initial), wan(execution.budgeted), wan(execution.spent), execution.weight, rate, execution.score,
            ...(review ? [review.execution?.ruleScore] : [])));
        for (const share of execution.sources) {
            rows.push(row(null, null, `其中：${sourceLabel(share.source)}`, wan(share.initial), wan(share.budgeted), wan(share.spent)));
        }
    }
    merges.push(`A${fundsStart}:B${rows.length}`);
    const goalLines = assessment.items.filter(isGoalAssessment);
    // 完成情况 is the 实际完成情况 of the whole: a row without a 预期目标.
    const summaries = assessment.items.filter(isSummary);
    if (goalLines.length + summaries.length > 0) {
        const start = rows.length + 1;
        rows.push(row('年度总体目标', '预期目标', null, null, null, '实际完成情况'));
        for (const summary of summaries) rows.push(row(null, null, null, null, null, summary.text));
        for (const line of goalLines) {
            const goal = line.goal.ref;
            rows.push(row(null, noted(goal?.text ?? line.goal.$refText, writeNote({ name: line.goal.$refText })), null, null, null, line.text));
        }
        merges.push(`A${start}:A${rows.length}`, ...Array.from({ length: rows.length - start + 1 }, (_, i) => [`B${start + i}:E${start + i}`, `F${start + i}:${last}${start + i}`]).flat());
    }
    const head = rows.length + 1;
    rows.push(row('绩效指标', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施', ...(review ? ['复核得分'] : [])));
    const lines = assessment.items.filter(isIndicatorAssessment);
    const keys: Array<[string, string]> = [];
    for (const line of lines) {
        const indicator = line.indicator.ref;
        const [l1, l2] = indicator ? families(indicator) : ['', ''];
        keys.push([l1, l2]);
        const ruleScore = review?.rows.find(r => r.node === line)?.ruleScore;
        rows.push(row(null, l1, l2,
            noted(indicator ? titleOf(indicator) : line.indicator.$refText, writeNote({ name: indicator ? idNote(indicator) : undefined })),
            indicator ? noted(targetText(indicator.target), writeNote({ links: indicator.links.map(l => l.$refText) })) : undefined,
            line.actual ? noted(actualCell(line.actual)!, writeNote({ measuredAs: line.measuredAs })) : undefined, line.weight, line.score, line.deviation, ...(review ? [ruleScore === undefined ? undefined : Number(ruleScore.toFixed(2))] : [])));
    }
    const first = head + 1;
    merges.push(`A${head}:A${head + lines.length}`, ...runMerges('B', first, keys.map(k => k[0])), ...runMerges('C', first, keys.map(k => k.join('/'))));
    const total = assessment.items.find(isTotal);
    const grade = assessment.items.find(isGradeStatement);
    rows.push(row('总分', null, null, null, null, null, total?.weight, total?.score, null, ...(review ? [Number(review.total.ruleScore.toFixed(2))] : [])));
    merges.push(`A${rows.length}:F${rows.length}`);
    const gradeText = (id: keyof typeof GRADE_KEYWORD | undefined) => (id ? GRADE_KEYWORD[id].zh : undefined);
    rows.push(row('自评等级', null, null, null, null, null, gradeText(gradeIdOf(grade?.grade)), null, null, ...(review ? [gradeText(review.grade.computed)] : [])));
    merges.push(`A${rows.length}:F${rows.length}`);
    merges.push(...narrativeRows(rows, assessment, execution, last));
    merges.push(...breakdownBlock(rows, project, assessment, last), ...milestoneBlock(rows, project, assessment, last));
    const widths = [10, 12, 16, 22, 14, 14, 8, 10, 30, 10].slice(0, width);
    return { name: sheetName, rows, merges: merges.filter(m => !/^([A-Z]+)(\d+):\1\2$/.test(m)), widths, tableFrom: 2, titleRow: 0 };
}

/**
 * What the 自评表 says in words, one labelled row each below the total: 预算调整说明 and
 * 执行偏差原因 (the execution line's 调整 and 偏差), 存在问题 (a note keeps the indicators it
 * concerns, and 无), 改进措施, 评价结论, 评价日期. Returns their merges.
 */
function narrativeRows(rows: Row[], assessment: Assessment, execution: Execution | undefined, last: string): string[] {
    const texts: Array<[string, string | PlannedCell | undefined]> = [
        [BLOCK_LABELS.adjustment[0], execution?.adjustment],
        [BLOCK_LABELS.executionDeviation[0], execution?.deviation],
    ];
    for (const item of assessment.items) {
        if (isProblemStatement(item)) {
            const concerns = item.concerns.map(c => c.ref?.name ?? c.$refText.replace(/^"|"$/g, ''));
            texts.push([BLOCK_LABELS.problems[0], noted(item.text ?? '无', writeNote({ concerns, none: item.none && item.text !== undefined }))]);
        }
        if (isImprovement(item)) texts.push([BLOCK_LABELS.improvements[0], item.text]);
        if (isConclusion(item)) texts.push([BLOCK_LABELS.conclusions[0], item.text]);
        if (isAsOf(item)) texts.push([BLOCK_LABELS.asOf[0], dateText(item.date)]);
    }
    const merges: string[] = [];
    for (const [label, text] of texts) {
        if (text === undefined) continue;
        rows.push(row(label, null, null, text));
        merges.push(`A${rows.length}:C${rows.length}`, `D${rows.length}:${last}${rows.length}`);
    }
    return merges;
}

/** Excel's sheet names: at most 31 characters, none of []:*?/\\, unique in the workbook. */
function sheetNamer(): (name: string) => string {
    const used = new Set<string>();
    return name => {
        const base = name.replace(/[[\]:*?/\\]/g, '_').slice(0, 28) || 'Sheet';
        let candidate = base;
        for (let i = 2; used.has(candidate); i++) candidate = `${base}-${i}`;
        used.add(candidate);
        return candidate;
    };
}

/**
 * A form's sheet name: the block's name and the form's, without saying twice what the name ends
 * with (`热线二期自评` → `热线二期自评表`, not `热线二期自评自评表`).
 */
export function formSheetName(blockName: string, form: '申报表' | '自评表'): string {
    for (let k = form.length; k >= 2; k--) {
        if (blockName.endsWith(form.slice(0, k))) return blockName + form.slice(k);
    }
    return blockName + form;
}

/**
 * The official forms of the files' blocks, one sheet each: a 绩效目标申报表 per project, then a
 * 项目支出绩效自评表 per self-assessment (read back, an assessment's sheet finds its project
 * among the sheets before it). `review` gives an assessment's recomputed scores for a 复核得分 column.
 */
export function formPlans(models: readonly Model[], review?: (assessment: Assessment) => AssessmentScore): SheetPlan[] {
    const name = sheetNamer();
    const blocks = models.flatMap(model => model.blocks ?? []);
    return [
        ...blocks.filter(isProject).map(project => targetFormPlan(project, name(formSheetName(project.name, '申报表')))),
        ...blocks.filter(isAssessment).map(assessment => assessmentFormPlan(assessment, name(formSheetName(assessment.name, '自评表')), review?.(assessment))),
    ];
}
