import { isExecution, isFundsShare, isFundsTotal, isGoalAssessment, isLevel2Group, isGradeStatement, isIndicatorAssessment, isMeasuredActual, isNotApplicableActual, isQualitative, isRatingActual, isTextActual, isTotal, isUnmeasuredActual, type Actual, type Assessment, type Indicator, type Project, type Quantity, type Target } from '../generated/ast.js';
import { FAMILY_KEYWORD, familyOf } from '../model/categories.js';
import { goalsOf, indicatorsOf, level1Of, titleOf } from '../model/project.js';
import { GRADE_KEYWORD, gradeIdOf, RATING_KEYWORD, ratingOf } from '../scoring/keywords.js';
import type { AssessmentScore } from '../scoring/assessment-score.js';
import { writeNote } from './form-notes.js';
import type { PlannedCell, SheetPlan } from './sheet-plan.js';

type Row = Array<PlannedCell | undefined>;
const HEADS: ReadonlySet<string> = new Set(['项目名称', '主管部门', '实施单位', '项目期', '项目资金（万元）', '中期资金总额', '年度资金总额',
    '总体目标', '绩效指标', '一级指标', '二级指标', '三级指标', '指标值', '指标值说明', '年初预算数', '全年预算数', '全年执行数', '分值',
    '执行率', '得分', '年度总体目标', '预期目标', '实际完成情况', '年度指标值', '实际完成值', '偏差原因分析及改进措施', '总分', '自评等级', '复核得分']);

/** A row of plain values; labels of the form are heads. */
function row(...values: Array<string | number | PlannedCell | undefined | null>): Row {
    return values.map(v => (v === undefined || v === null || v === '' ? undefined
        : typeof v === 'object' ? v : { value: v, ...(typeof v === 'string' && HEADS.has(v) ? { head: true } : {}) }));
}

const noted = (value: string | number, note: string | undefined): PlannedCell => ({ value, ...(note ? { note } : {}) });

/** `>= 95%` as forms print it: `≥95%`. */
function printed(text: string): string {
    return text.replace(/>=/g, '≥').replace(/<=/g, '≤').replace(/(\d)\s+(?=[^\s\d])/g, '$1').trim();
}

function targetText(target: Target): string {
    return isQualitative(target) ? target.text : printed(target.$cstNode?.text ?? '');
}

function actualText(actual: Actual | undefined): string | undefined {
    if (!actual) return undefined;
    if (isTextActual(actual)) return actual.text;
    if (isRatingActual(actual)) return RATING_KEYWORD[ratingOf(actual.rating) ?? 'achieved'].zh;
    if (isUnmeasuredActual(actual)) return '未统计';
    if (isNotApplicableActual(actual)) return actual.reason ? `不适用：${actual.reason}` : '不适用';
    if (isMeasuredActual(actual)) return printed(actual.$cstNode?.text ?? '');
    return undefined;
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

/** The row's family labels as a Chinese form prints them (English keywords translated), or a free label. */
function families(indicator: Indicator): [string, string] {
    const zh = (keyword: Parameters<typeof familyOf>[0]) => {
        const family = familyOf(keyword);
        return family ? FAMILY_KEYWORD[family].zh : keyword ?? '';
    };
    const level1 = level1Of(indicator);
    const l1 = zh(level1?.category);
    const container = indicator.$container;
    return [l1, isLevel2Group(container) ? (container.category ? zh(container.category) : container.label ?? '') : l1];
}

const idNote = (node: { name: string; title?: string }) => (node.title !== undefined && node.title !== node.name ? node.name : undefined);
const yearOf = (project: Project | undefined) => project?.period?.end.value.slice(0, 4);

/** Layout C, the 绩效目标申报表 of a project. */
export function targetFormPlan(project: Project, sheetName: string): SheetPlan {
    const year = yearOf(project);
    const applies = project.applies.flatMap(a => a.standards.map(s => s.$refText));
    const rows: Row[] = [
        row('项目支出绩效目标申报表'),
        row(year ? `（${year}年度）` : undefined),
        row('项目名称', null, noted(titleOf(project), writeNote({ name: idNote(project) ?? project.name, applies }))),
        row('主管部门', null, project.department, null, '实施单位', project.implementer),
        row(null, null, null, null, '项目期', project.period ? `${project.period.start.value} 至 ${project.period.end.value}` : undefined),
    ];
    const merges = ['A1:F1', 'A2:F2', 'A3:B3', 'C3:F3', 'A4:B4'];
    const lines = project.funds.flatMap(f => f.lines);
    const total = (...kinds: string[]) => lines.filter(isFundsTotal).find(l => kinds.includes(l.kind));
    const medium = total('中期', 'medium-term');
    const annual = total('年度', 'annual');
    const shares = lines.filter(isFundsShare);
    const fundsStart = rows.length + 1;
    rows.push(row('项目资金（万元）', null, '中期资金总额', wan(medium?.amount), '年度资金总额', wan(annual?.amount ?? project.budget)));
    for (const share of shares) {
        const label = `其中：${share.source.replace(/^"|"$/g, '')}`;
        rows.push(row(null, null, null, null, label, wan(share.amount)));
    }
    merges.push(`A${fundsStart}:B${rows.length}`);
    const goals = goalsOf(project);
    if (goals.length > 0) {
        const start = rows.length + 1;
        goals.forEach((goal, i) => rows.push(row(i === 0 ? '总体目标' : null, null, `目标${i + 1}`, noted(goal.text, writeNote({ name: goal.name })))));
        merges.push(`A${start}:B${rows.length}`, ...goals.map((_, i) => `D${start + i}:F${start + i}`));
    }
    const head = rows.length + 1;
    rows.push(row('绩效指标', '一级指标', '二级指标', '三级指标', '指标值', '指标值说明'));
    const indicators = indicatorsOf(project);
    for (const indicator of indicators) {
        const [l1, l2] = families(indicator);
        const links = indicator.links.map(l => l.$refText);
        rows.push(row(null, l1, l2, noted(titleOf(indicator), writeNote({ name: idNote(indicator) })),
            noted(targetText(indicator.target), writeNote({ links })), indicator.note));
    }
    const first = head + 1;
    merges.push(`A${head}:A${head + indicators.length}`,
        ...runMerges('B', first, indicators.map(i => families(i)[0])),
        ...runMerges('C', first, indicators.map(i => families(i).join('/'))));
    return { name: sheetName, rows, merges: merges.filter(m => !/^([A-Z]+)(\d+):\1\2$/.test(m)), widths: [10, 12, 18, 24, 16, 24], tableFrom: 2, titleRow: 0 };
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
        row(noted('项目支出绩效自评表', writeNote({ name: assessment.name }))),
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
        const rate = execution.rate ? { value: execution.rate.value / 100, numFmt: '0.00%' } : computed !== undefined ? { value: Number(computed.toFixed(6)), numFmt: '0.00%' } : undefined;
        rows.push(row(null, null, '年度资金总额', wan(execution.initial), wan(execution.budgeted), wan(execution.spent), execution.weight, rate, execution.score,
            ...(review ? [review.execution?.ruleScore] : [])));
        for (const share of execution.sources) {
            rows.push(row(null, null, `其中：${share.source.replace(/^"|"$/g, '')}`, wan(share.initial), wan(share.budgeted), wan(share.spent)));
        }
    }
    merges.push(`A${fundsStart}:B${rows.length}`);
    const goalLines = assessment.items.filter(isGoalAssessment);
    if (goalLines.length > 0) {
        const start = rows.length + 1;
        rows.push(row('年度总体目标', '预期目标', null, null, null, '实际完成情况'));
        for (const line of goalLines) {
            const goal = line.goal.ref;
            rows.push(row(null, noted(goal?.text ?? line.goal.$refText, writeNote({ name: line.goal.$refText })), null, null, null, line.text));
        }
        merges.push(`A${start}:A${rows.length}`, ...Array.from({ length: goalLines.length + 1 }, (_, i) => [`B${start + i}:E${start + i}`, `F${start + i}:${last}${start + i}`]).flat());
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
            actualText(line.actual), line.weight, line.score, line.deviation, ...(review ? [ruleScore === undefined ? undefined : Number(ruleScore.toFixed(2))] : [])));
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
    const widths = [10, 12, 16, 22, 14, 14, 8, 10, 30, 10].slice(0, width);
    return { name: sheetName, rows, merges: merges.filter(m => !/^([A-Z]+)(\d+):\1\2$/.test(m)), widths, tableFrom: 2, titleRow: 0 };
}
