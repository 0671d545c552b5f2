// Markdown shown on hover: what an element is, the values behind it, and how they compare.
// Every text that comes from a file (names, titles, sources, units, …) goes through
// `markdownText`: only the markup written here renders.
import { AstUtils, type AstNode, type CstNode } from 'langium';
import {
    isAssessment, isBaseline, isClause, isClauseReview, isCompliance, isContract, isExecution, isExecutionShare, isGoal,
    isGoalAssessment, isIndicator, isIndicatorAssessment, isMilestone, isMilestoneAssessment, isProblemStatement, isProject, isRequirement,
    isAsOf, isBreakdownActual, isBreakdownComponent, isFundsShare, isFundsTotal, isGradeStatement, isLevel1Group, isLevel2Group, isStandard, isTotal,
    type Level1Group, type Level2Group,
    type AsOf, type BreakdownActual, type BreakdownComponent, type BreakdownSection, type FundsShare, type FundsTotal, type Project,
    type ClauseReview, type Execution, type ExecutionShare, type GoalAssessment, type Indicator, type MilestoneAssessment, type ProblemStatement,
    type GradeStatement, type IndicatorAssessment, type LinkTarget, type Quantity, type Total,
    isConclusion, isImprovement, isSummary, type Conclusion, type Improvement, type Summary,
} from '../generated/ast.js';
import { pick, type Bilingual, type Locale } from '../i18n/locale.js';
import type { KpiServices } from '../kpi-module.js';
import { actualMeasure, constraintOf, measureOf } from '../model/values.js';
import { amountOf, annualOf, COLUMN_LABEL, componentAmount, executionBasis, FUNDS_COLUMNS, fundsSourcesSum, shareRow } from '../model/funds.js';
import { assessedProject, goalsOf, groupName, indicatorsIn, level1Of } from '../model/project.js';
import { asOfInSpan, assessedYear, periodSpan, yearInSpan } from '../model/period.js';
import { comparable, formatMeasure, inUnitOf, productOf, ratio, sameAmount, sumOf, type Measure } from '../units/index.js';
import {
    actualAgainst, compareTarget, compareWithBaseline, formatPercent, formatScore,
    linkValueText, same, targetText,
} from './describe.js';
import { remarkAfter } from '../parser/remarks.js';
import { describeReference, referencesOf } from '../model/held-to.js';
import { assessmentsOf, indicatorsLinking } from './indicator-links.js';
import { actualWords, GRADE_KEYWORD } from '../scoring/index.js';
import { markdownText } from './markdown-text.js';
import { delay, lateness, overdueness } from '../validation/milestone-checks.js';

type Row = [Bilingual | string, Bilingual | string | undefined, Bilingual | string | undefined];

/** The header lines of a project that a hover describes: 主管部门, 实施单位, 实施期. */
export type ProjectField = 'department' | 'implementer' | 'period';

export class HoverContent {
    constructor(private readonly services: KpiServices) {}

    /** The language of the file being hovered, as its diagnostics speak it. */
    private locale: Locale = 'zh-CN';

    /** Markdown for a node, in `locale`, or undefined when there is nothing useful to say. */
    describe(node: AstNode, locale: Locale): string | undefined {
        this.locale = locale;
        if (isIndicatorAssessment(node)) return this.assessmentRow(node);
        if (isExecution(node)) return this.execution(node);
        if (isExecutionShare(node)) return this.executionShare(node);
        if (isGoalAssessment(node)) return this.goalRow(node);
        if (isMilestoneAssessment(node)) return this.milestoneRow(node);
        if (isProblemStatement(node)) return this.problem(node);
        if (isTotal(node)) return this.total(node);
        if (isGradeStatement(node)) return this.grade(node);
        if (isAsOf(node)) return this.asOf(node);
        if (isFundsTotal(node)) return this.fundsTotal(node);
        if (isFundsShare(node)) return this.fundsShare(node);
        if (isClauseReview(node)) return this.review(node);
        if (isSummary(node)) return this.summary(node);
        if (isImprovement(node)) return this.improvement(node);
        if (isConclusion(node)) return this.conclusion(node);
        if (isIndicator(node)) return this.indicator(node);
        if (isLevel1Group(node) || isLevel2Group(node)) return this.group(node);
        if (isClause(node) || isRequirement(node) || isBaseline(node)) return this.linkTarget(node);
        if (isGoal(node)) return this.lines([this.heading({ zh: '总体目标', en: 'Goal' }, node.name), this.text(node.text)]);
        if (isMilestone(node)) {
            return this.lines([this.heading({ zh: '里程碑', en: 'Milestone' }, node.name, node.title),
                this.field({ zh: '计划', en: 'Planned' }, remarked(node.planned?.value, node.planned?.$cstNode))]);
        }
        if (isBreakdownComponent(node)) return this.component(node);
        if (isBreakdownActual(node)) return node.component?.ref && this.component(node.component.ref, node);
        if (isProject(node)) return this.lines([this.heading({ zh: '项目', en: 'Project' }, node.name, node.title)]);
        if (isContract(node)) {
            return this.lines([this.heading({ zh: '合同', en: 'Contract' }, node.name, node.title),
                this.field({ zh: '对象', en: 'For' }, node.project?.ref?.name),
                this.field({ zh: '金额', en: 'Amount' }, node.amount && measureText(node.amount))]);
        }
        if (isStandard(node)) return this.lines([this.heading({ zh: '标准', en: 'Standard' }, node.name, node.title)]);
        if (isAssessment(node)) {
            return this.lines([this.heading({ zh: '自评', en: 'Assessment' }, node.name, node.title),
                this.field({ zh: '对象', en: 'For' }, node.project?.ref?.name)]);
        }
        if (isCompliance(node)) {
            return this.lines([this.heading({ zh: '履约考核', en: 'Compliance review' }, node.name, node.title),
                this.field({ zh: '对象', en: 'For' }, node.contract?.ref?.name)]);
        }
        return undefined;
    }

    /** A remark after a value: what it is, and that nothing reads it. */
    remark(text: string, locale: Locale): string {
        this.locale = locale;
        return `**${pick(locale, { zh: '备注', en: 'Remark' })}** ${markdownText(text)}${pick(locale, { zh: '：说明文字，比较和计分时不读', en: ': a note, not read when comparing or scoring' })}`;
    }

    private indicator(indicator: Indicator): string {
        const level1 = level1Of(indicator);
        const group = indicator.$container;
        const constraint = constraintOf(indicator.target);
        const rows = referencesOf(indicator).map(h => h.entry).map((ref): Row => [describeReference(ref), linkValue(ref), compareTarget(constraint, ref)]);
        return this.lines([
            this.heading({ zh: '指标', en: 'Indicator' }, indicator.name, indicator.title),
            level1 ? this.text([level1, ...(isLevel2Group(group) ? [group] : [])].map(groupName).join(' › ')) : undefined,
            this.field({ zh: '目标', en: 'Target' }, remarked(targetText(indicator.target), indicator.target?.$cstNode)),
            this.table([{ zh: '依据', en: 'Held to' }, { zh: '值', en: 'Value' }, { zh: '比较', en: 'Comparison' }], rows),
            this.field({ zh: '上年', en: 'Last year' }, indicator.lastYear?.$cstNode?.text),
            this.field({ zh: '来源', en: 'Source' }, indicator.source),
            this.field({ zh: '说明', en: 'Note' }, indicator.note),
        ]);
    }

    /**
     * A 一级/二级指标 line: where it stands, its rows, and what each assessment weights and scores
     * them (a county framework's 项目决策 2 / 项目管理 13 are such sums).
     */
    private group(group: Level1Group | Level2Group): string {
        const indicators = isLevel1Group(group) ? indicatorsIn(group) : group.indicators;
        const project = AstUtils.getContainerOfType(group, isProject);
        const rows = (project ? assessmentsOf(project, this.services) : []).flatMap((assessment): Row[] => {
            const scored = assessment.items.filter(isIndicatorAssessment).filter(row => row.indicator?.ref && indicators.includes(row.indicator.ref))
                .map(row => this.services.kpi.Scores.row(row)?.row).filter(score => score !== undefined);
            if (scored.length === 0) return [];
            const sum = (of: (score: (typeof scored)[number]) => number | undefined) => formatScore(scored.reduce((total, score) => total + (of(score) ?? 0), 0));
            return [[assessment.name, sum(score => score.weight), sum(score => score.ruleScore ?? score.claimed)]];
        });
        return this.lines([
            `**${pick(this.locale, isLevel1Group(group) ? { zh: '一级指标', en: 'Level-1 indicator' } : { zh: '二级指标', en: 'Level-2 indicator' })}** ${markdownText(groupName(group))}`,
            isLevel2Group(group) ? this.text([group.$container, group].map(groupName).join(' › ')) : undefined,
            this.field({ zh: '指标', en: 'Indicators' }, { zh: `${indicators.length} 项`, en: String(indicators.length) }),
            this.table([{ zh: '自评', en: 'Assessment' }, { zh: '分值合计', en: 'Weights' }, { zh: '规则得分合计', en: 'Rule scores' }], rows),
        ]);
    }

    private linkTarget(target: LinkTarget): string {
        const kind = isClause(target) ? { zh: '条款', en: 'Clause' } : isRequirement(target) ? { zh: '要求', en: 'Requirement' } : { zh: '基准', en: 'Baseline' };
        const value = linkValue(target);
        const linking = indicatorsLinking(target, this.services).map((indicator): Row => [
            `${AstUtils.getContainerOfType(indicator, isProject)?.name ?? '?'}.${indicator.name}`,
            targetText(indicator.target),
            compareTarget(constraintOf(indicator.target), target),
        ]);
        return this.lines([
            this.heading(kind, target.name, target.title),
            this.text(describeReference(target)),
            this.field(isClause(target) ? { zh: '约定', en: 'Committed' } : { zh: '值', en: 'Value' }, value),
            isRequirement(target) && target.required ? this.text({ zh: '必设：适用此标准的项目必须设置该指标', en: 'Required: projects applying this standard must set it' }) : undefined,
            isClause(target) ? this.field({ zh: '违约', en: 'Penalty' }, target.penalty ?? pick(this.locale, { zh: '（未约定）', en: '(none)' })) : undefined,
            this.table([{ zh: '依据它的指标', en: 'Indicators held to it' }, { zh: '目标', en: 'Target' }, { zh: '比较', en: 'Comparison' }], linking),
        ]);
    }

    private assessmentRow(row: IndicatorAssessment): string {
        const indicator = row.indicator?.ref;
        const score = this.services.kpi.Scores.row(row)?.row;
        const actual = actualMeasure(row.actual, indicator?.target);
        const held = indicator ? referencesOf(indicator).map(h => h.entry).map((ref): Row => [
            describeReference(ref),
            linkValue(ref),
            isBaseline(ref)
                ? actual && compareWithBaseline(actual, constraintOf(indicator.target)?.op ?? '>=', ref)
                : actualAgainst(actual, ref),
        ]) : [];
        return this.lines([
            this.heading({ zh: '指标', en: 'Indicator' }, row.indicator?.$refText ?? '', indicator?.title),
            this.field({ zh: '目标', en: 'Target' }, remarked(targetText(indicator?.target), indicator?.target?.$cstNode)),
            // As scored: a bare number in the target's unit (`实际 97` against `≥95%` is 97%).
            // A rating in the hover's language, as the explanation below names it.
            this.field({ zh: '实际', en: 'Actual' }, remarked(score?.rating ? actualWords(score) : score?.actual ?? row.actual?.$cstNode?.text, row.actual?.$cstNode)),
            score?.achievement !== undefined ? this.field({ zh: '达成率', en: 'Achievement' }, formatPercent(score.achievement)) : undefined,
            score?.ruleScore !== undefined ? this.ruleScore(score.ruleScore, score.weight, score.claimed) : undefined,
            score ? this.text(score.explanation) : undefined,
            this.table([{ zh: '依据', en: 'Held to' }, { zh: '值', en: 'Value' }, { zh: '实际', en: 'Actual' }], held),
        ]);
    }

    /**
     * A breakdown component: its plan and how it is computed, with what the product comes to
     * (funds/breakdown-formula); with what it spent, from the assessment.
     */
    private component(component: BreakdownComponent, spent?: BreakdownActual): string {
        const plan = component.amount && measureOf(component.amount);
        const actual = spent?.actual && measureOf(spent.actual);
        const share = plan && actual ? ratio(actual, plan) : undefined;
        const factors = component.formula?.factors.map(f => measureOf(f));
        const product = factors && factors.every(f => f !== undefined) ? productOf(factors as Measure[]) : undefined;
        const amount = componentAmount(component);
        const comesTo = product?.ok && amount ? inUnitOf(product.value, amount) ?? product.value : undefined;
        return this.lines([
            this.heading({ zh: '测算', en: 'Breakdown' }, component.name, component.title),
            this.field({ zh: '计划', en: 'Plan' }, plan && formatMeasure(plan)),
            this.field({ zh: '计算', en: 'Computed as' }, component.formula?.$cstNode?.text),
            comesTo && amount ? this.field({ zh: '乘积', en: 'Product' }, `${formatMeasure(comesTo)}${pick(this.locale, bracketed(agreement(comesTo, amount, { zh: '计划', en: 'the plan' })))}`) : undefined,
            this.field({ zh: '实际', en: 'Spent' }, actual && formatMeasure(actual)),
            this.field({ zh: '执行比例', en: 'Share of plan' }, share !== undefined ? formatPercent(share) : undefined),
        ]);
    }

    /**
     * The 预算执行 line: the amounts it is scored and checked on (the sums of the 其中 rows under a
     * total row printed empty) with the project's 预算, the rate and the rule score.
     */
    private execution(execution: Execution): string | undefined {
        const score = this.services.kpi.Scores.of(execution.$container).score.execution;
        const basis = executionBasis(execution);
        const project = isAssessment(execution.$container) ? assessedProject(execution.$container) : undefined;
        const budget = amountOf(project?.budget);
        return this.lines([
            `**${pick(this.locale, { zh: '预算执行', en: 'Budget execution' })}**`,
            basis.fromSources ? this.text({ zh: '合计行为空：按其中各行合计读取', en: 'The total row is empty: read as the sums of the of-which rows' }) : undefined,
            ...FUNDS_COLUMNS.map(column => this.field(asLabel(COLUMN_LABEL[column]), basis[column] && formatMeasure(basis[column]))),
            this.field({ zh: '项目预算', en: 'Project budget' }, budget && formatMeasure(budget)),
            score?.rate !== undefined ? this.field({ zh: '执行率', en: 'Execution rate' }, formatPercent(score.rate)) : undefined,
            score?.ruleScore !== undefined ? this.ruleScore(score.ruleScore, score.weight, score.claimed) : undefined,
            score ? this.text(score.explanation) : undefined,
        ]);
    }

    /** A 其中 row: its amounts (in the units of the 预算执行 line) and its own execution rate. */
    private executionShare(share: ExecutionShare): string | undefined {
        const row = shareRow(share);
        const rate = row.spent && row.budgeted ? ratio(row.spent, row.budgeted) : undefined;
        return this.lines([
            `**${pick(this.locale, { zh: '预算执行', en: 'Budget execution' })} · ${pick(this.locale, { zh: '其中', en: 'of which' })} ${markdownText(share.source ?? '')}**`,
            ...FUNDS_COLUMNS.map(column => this.field(asLabel(COLUMN_LABEL[column]), row[column] && formatMeasure(row[column]))),
            this.field({ zh: '执行率', en: 'Execution rate' }, rate !== undefined ? formatPercent(rate) : undefined),
        ]);
    }

    /** A 总体目标 line of an assessment: the goal as the project set it, and what the assessment says of it. */
    private goalRow(row: GoalAssessment): string | undefined {
        const goal = row.goal?.ref;
        return this.lines([
            this.heading({ zh: '总体目标', en: 'Goal' }, row.goal?.$refText),
            this.field({ zh: '目标', en: 'Set' }, goal?.text),
            this.field({ zh: '完成情况', en: 'Achieved' }, row.text),
        ]);
    }

    /** A 里程碑 line of an assessment: planned and done, and how late (as milestone/late and milestone/overdue count it). */
    private milestoneRow(row: MilestoneAssessment): string | undefined {
        const milestone = row.milestone?.ref;
        const late = lateness(row);
        const overdue = overdueness(row);
        const lateBy = late && delay(late.days).text;
        const overdueBy = overdue && delay(overdue.days).text;
        return this.lines([
            this.heading({ zh: '里程碑', en: 'Milestone' }, row.milestone?.$refText, milestone?.title),
            this.field({ zh: '计划', en: 'Planned' }, remarked(milestone?.planned?.value, milestone?.planned?.$cstNode)),
            this.field({ zh: '完成', en: 'Done' }, row.done ? remarked(row.date?.value, row.date?.$cstNode) ?? pick(this.locale, { zh: '已完成', en: 'yes' }) : row.pending ? pick(this.locale, { zh: '未完成', en: 'not yet' }) : undefined),
            lateBy ? this.text({ zh: `滞后 ${lateBy.zh}`, en: `${lateBy.en} late` }) : undefined,
            overdue && overdueBy ? this.text({ zh: `截至 ${overdue.asOf.text} 逾期 ${overdueBy.zh}`, en: `${overdueBy.en} overdue as of ${overdue.asOf.text}` }) : undefined,
        ]);
    }

    /** A 问题 line: the rows of the indicators it concerns, with their scores (a problem should cost points). */
    private problem(problem: ProblemStatement): string | undefined {
        const assessment = problem.$container;
        const rows: Row[] = (problem.concerns ?? []).map(concern => {
            const row = isAssessment(assessment) ? assessment.items.find((item): item is IndicatorAssessment => isIndicatorAssessment(item) && item.indicator?.ref === concern.ref) : undefined;
            const score = row && this.services.kpi.Scores.row(row)?.row;
            return [concern.$refText, score?.claimed !== undefined ? formatScore(score.claimed) : undefined, score?.weight !== undefined ? formatScore(score.weight) : undefined];
        });
        return this.lines([
            `**${pick(this.locale, { zh: '问题', en: 'Problem' })}** ${markdownText(problem.text ?? '')}`,
            this.table([{ zh: '涉及的指标', en: 'Concerns' }, { zh: '自评得分', en: 'Claimed' }, { zh: '分值', en: 'Weight' }], rows),
        ]);
    }

    private total(total: Total): string | undefined {
        const { score } = this.services.kpi.Scores.of(total.$container);
        return this.lines([
            `**${pick(this.locale, { zh: '合计', en: 'Total' })}**`,
            this.ruleScore(score.total.ruleScore, score.total.declaredWeight ?? score.total.weight, score.total.declaredScore ?? score.total.claimed),
            this.field({ zh: '按规则的等级', en: 'Grade by the rule' }, GRADE_KEYWORD[score.grade.computed]),
        ]);
    }

    /** The 等级 line: the grade the rule gives the total beside the one written, and the grade of the total claimed. */
    private grade(statement: GradeStatement): string | undefined {
        const { score } = this.services.kpi.Scores.of(statement.$container);
        return this.lines([
            `**${pick(this.locale, { zh: '等级', en: 'Grade' })}** ${markdownText(statement.grade ?? '')}`,
            this.ruleScore(score.total.ruleScore, score.total.declaredWeight ?? score.total.weight, score.total.declaredScore ?? score.total.claimed),
            this.field({ zh: '按规则的等级', en: 'Grade by the rule' }, GRADE_KEYWORD[score.grade.computed]),
            this.field({ zh: '自评合计的等级', en: 'Grade of the claimed total' }, score.grade.ofClaimed && GRADE_KEYWORD[score.grade.ofClaimed]),
        ]);
    }

    /** The 完成情况 line: the project's goals beside what the assessment says of each; it is not scored. */
    private summary(line: Summary): string {
        const assessment = line.$container;
        const project = assessedProject(assessment);
        const said = new Map(assessment.items.filter(isGoalAssessment).map(row => [row.goal?.ref, row.text]));
        const rows = project ? goalsOf(project).map((goal): Row => [goal.name, goal.text, said.get(goal)]) : [];
        return this.lines([
            `**${pick(this.locale, { zh: '完成情况', en: 'Summary' })}** ${markdownText(line.text ?? '')}`,
            this.text({
                zh: '表样「实际完成情况」栏：年度总体目标的完成情况。不计分，得分只由预算执行和各指标行计算',
                en: 'The form\'s 实际完成情况: what came of the year\'s goals. Not scored: the score comes from the budget execution and the indicator rows only',
            }),
            this.table([{ zh: '总体目标', en: 'Goal' }, { zh: '预期目标', en: 'Set' }, { zh: '本自评的总体目标行', en: 'This assessment\'s goal line' }], rows),
        ]);
    }

    /** The 改进 line: what it should answer (the 问题 lines and the deviations the rows explain, with their scores); it is not scored. */
    private improvement(line: Improvement): string {
        const score = (claimed: number | undefined, weight: number | undefined) =>
            claimed === undefined ? undefined : weight === undefined ? formatScore(claimed) : `${formatScore(claimed)} / ${formatScore(weight)}`;
        const rows = line.$container.items.flatMap((item): Row[] => {
            if (isProblemStatement(item)) {
                const none = item.none ? { zh: `无${item.text ? `（${item.text}）` : ''}`, en: `none${item.text ? ` (${item.text})` : ''}` } : item.text;
                return [[{ zh: '存在问题', en: 'Problem' }, none, undefined]];
            }
            if (isExecution(item) && item.deviation !== undefined) return [[{ zh: '预算执行偏差', en: 'Execution deviation' }, item.deviation, score(item.score, item.weight)]];
            if (isIndicatorAssessment(item) && item.deviation !== undefined) {
                const name = item.indicator?.ref?.name ?? item.indicator?.$refText ?? '';
                return [[{ zh: `指标 ${name}`, en: `Indicator ${name}` }, item.deviation, score(item.score, item.weight)]];
            }
            if (isBreakdownActual(item) && item.deviation !== undefined) {
                const name = item.component?.ref?.name ?? item.component?.$refText ?? '';
                return [[{ zh: `测算 ${name}`, en: `Breakdown ${name}` }, item.deviation, undefined]];
            }
            return [];
        });
        return this.lines([
            `**${pick(this.locale, { zh: '改进', en: 'Improvement' })}** ${markdownText(line.text ?? '')}`,
            this.text({
                zh: '表样「改进措施」栏：应针对存在问题和各行说明的偏差。不计分',
                en: 'The form\'s 改进措施: they should answer the problems and the deviations the rows explain. Not scored',
            }),
            this.table([{ zh: '应针对', en: 'To answer' }, { zh: '内容', en: 'What it says' }, { zh: '自评得分', en: 'Claimed' }], rows),
        ]);
    }

    /** The 结论 line: not scored, so the rule's total and grade beside it, which it should agree with. */
    private conclusion(line: Conclusion): string {
        const { score } = this.services.kpi.Scores.of(line.$container);
        return this.lines([
            `**${pick(this.locale, { zh: '结论', en: 'Conclusion' })}** ${markdownText(line.text ?? '')}`,
            this.text(score.scored
                ? { zh: '表样「评价结论」栏：不计分，应与按规则的合计和等级相符', en: 'The form\'s 评价结论: not scored; it should agree with the total and grade by the rule' }
                : { zh: '表样「评价结论」栏：不计分', en: 'The form\'s 评价结论: not scored' }),
            score.scored ? this.ruleScore(score.total.ruleScore, score.total.declaredWeight ?? score.total.weight, score.total.declaredScore ?? score.total.claimed) : undefined,
            score.scored ? this.field({ zh: '按规则的等级', en: 'Grade by the rule' }, GRADE_KEYWORD[score.grade.computed]) : undefined,
            this.field({ zh: '自评等级', en: 'Grade written' }, score.grade.claimed && GRADE_KEYWORD[score.grade.claimed]),
        ]);
    }

    /**
     * A project's 主管部门 and 实施单位 lines: what the form's field means; its 实施期: how long it
     * lasts, and whether the year each assessment of the project reports on lies in it.
     */
    projectField(project: Project, field: ProjectField, locale: Locale): string | undefined {
        this.locale = locale;
        if (field === 'department') {
            return this.lines([
                `**${pick(this.locale, { zh: '主管部门', en: 'Department' })}** ${markdownText(project.department ?? '')}`,
                this.text({
                    zh: '表头「主管部门」栏：项目预算所属的主管预算部门。申报表和自评表都填此栏，自评沿用所评项目的',
                    en: 'The form header\'s 主管部门: the budget department the project\'s budget belongs to. Both the targets form and the self-assessment print it; an assessment takes its project\'s',
                }),
            ]);
        }
        if (field === 'implementer') {
            return this.lines([
                `**${pick(this.locale, { zh: '实施单位', en: 'Implementer' })}** ${markdownText(project.implementer ?? '')}`,
                this.text({
                    zh: '表头「实施单位」栏：具体实施项目、使用项目资金的单位。申报表和自评表都填此栏，自评沿用所评项目的',
                    en: 'The form header\'s 实施单位: the unit that carries out the project and spends its funds. Both the targets form and the self-assessment print it; an assessment takes its project\'s',
                }),
            ]);
        }
        const span = periodSpan(project.period);
        const ends = span !== undefined && span.days <= 0;
        const rows = span && !ends ? assessmentsOf(project, this.services).map((assessment): Row => {
            const year = assessedYear(assessment);
            if (year !== undefined) return [assessment.name, String(year), IN_PERIOD[yearInSpan(year, span)]];
            // A title naming no single year (`2019-07至2020-06`): the 评价日 places the assessment.
            const asOf = asOfInSpan(assessment, span);
            if (asOf) return [assessment.name, { zh: `评价日 ${asOf.text}`, en: `as of ${asOf.text}` }, AS_OF_IN_PERIOD[asOf.where]];
            return [assessment.name, undefined, { zh: '标题未写评价年度，也未写评价日', en: 'its title names no year and it has no as-of date' }];
        }) : [];
        return this.lines([
            `**${pick(this.locale, { zh: '实施期', en: 'Period' })}** ${markdownText(project.period?.$cstNode?.text ?? '')}`,
            this.text({ zh: '表头「项目期」栏：项目实施的起止时间', en: 'The form header\'s 项目期: when the project starts and ends' }),
            ends ? this.text({ zh: '⚠ 结束早于开始', en: '⚠ it ends before it starts' })
                : this.field({ zh: '时长', en: 'Length' }, span && (span.months !== undefined ? { zh: `${span.months} 个月`, en: `${span.months} ${span.months === 1 ? 'month' : 'months'}` } : delay(span.days).text)),
            this.table([{ zh: '自评', en: 'Assessment' }, { zh: '评价年度', en: 'Year assessed' }, { zh: '与实施期', en: 'Against the period' }], rows),
        ]);
    }

    /** The 评价日 line: the day milestones not done are judged overdue by, and those that are. */
    private asOf(line: AsOf): string | undefined {
        const assessment = line.$container;
        const rows = (isAssessment(assessment) ? assessment.items.filter(isMilestoneAssessment) : []).flatMap((row): Row[] => {
            const overdue = overdueness(row);
            if (!overdue) return [];
            const by = delay(overdue.days).text;
            return [[row.milestone?.$refText ?? '', overdue.planned.text, { zh: `逾期 ${by.zh}`, en: `${by.en} overdue` }]];
        });
        return this.lines([
            `**${pick(this.locale, { zh: '评价日', en: 'As of' })}** ${markdownText(line.date?.value ?? '')}`,
            this.text({ zh: '未完成的里程碑按此日判断是否逾期（未写评价日时按今日）', en: 'Milestones not done are judged overdue as of this day (as of today without it)' }),
            rows.length === 0 && isAssessment(assessment) && assessment.items.some(i => isMilestoneAssessment(i) && i.pending)
                ? this.text({ zh: '未完成的里程碑均未逾期', en: 'No milestone not done is overdue' }) : undefined,
            this.table([{ zh: '逾期的里程碑', en: 'Overdue milestone' }, { zh: '计划', en: 'Planned' }, { zh: '截至评价日', en: 'As of this day' }], rows),
        ]);
    }

    /**
     * A project's 预算 line: what is checked against it (funds/budget-mismatch, funds/breakdown-total):
     * 资金's 年度, the 测算 components when it has no 合计, and each assessment's 年初预算.
     */
    budget(project: Project, locale: Locale): string | undefined {
        this.locale = locale;
        const budget = amountOf(project.budget);
        if (!budget) return undefined;
        const against = (label: Bilingual, amount: Measure | undefined): Row[] => amount ? [[label, formatMeasure(amount), agreement(amount, budget, BUDGET)]] : [];
        const breakdown = project.breakdowns.find(b => b.total === undefined && b.components.length > 0);
        const parts = breakdown?.components.map(componentAmount);
        const annual = project.funds.map(annualOf).find(a => a !== undefined);
        const rows: Row[] = [
            ...against({ zh: '资金 年度', en: 'Funds, annual' }, annual && amountOf(annual.amount, budget)),
            ...against({ zh: '测算各项合计', en: 'Breakdown components' }, parts?.every(p => p !== undefined) ? sumOf(parts as Measure[]) : undefined),
            ...assessmentsOf(project, this.services).flatMap(a => {
                const execution = a.items.find(isExecution);
                return against({ zh: `自评「${a.name}」年初预算`, en: `Initial budget of assessment '${a.name}'` }, execution && executionBasis(execution).initial);
            }),
        ];
        return this.lines([
            `**${pick(this.locale, { zh: '预算', en: 'Budget' })}** ${markdownText(formatMeasure(budget))}`,
            this.text({ zh: '项目预算：资金的年度资金总额、无合计时的测算各项、自评的年初预算都与之核对', en: 'The project\'s budget: the annual funds, the breakdown components without a total and each assessment\'s initial budget are checked against it' }),
            this.table([{ zh: '与预算核对', en: 'Checked against it' }, { zh: '金额', en: 'Amount' }, { zh: '比较', en: 'Comparison' }], rows),
        ]);
    }

    /**
     * A 资金 block's 年度 line: the sum of its 其中 rows and the project's 预算 against it
     * (funds/sources-total, funds/budget-mismatch); a 中期 line: the 年度 it may not be less than.
     */
    private fundsTotal(line: FundsTotal): string | undefined {
        const amount = amountOf(line.amount);
        const annual = annualOf(line.$container);
        if (!amount) return undefined;
        const label = annual === line ? { zh: '年度资金总额', en: 'Annual funds' } : { zh: '中期资金总额', en: 'Medium-term funds' };
        const sum = annual === line ? fundsSourcesSum(line.$container, amount) : undefined;
        const budget = annual === line ? amountOf(line.$container.$container.budget) : undefined;
        const annualAmount = annual && annual !== line ? amountOf(annual.amount, amount) : undefined;
        const rows: Row[] = [
            ...(sum ? [[{ zh: '其中各行合计', en: 'Of-which rows' }, formatMeasure(sum), agreement(sum, amount, { zh: '年度资金总额', en: 'the annual funds' })] as Row] : []),
            ...(budget ? [[{ zh: '项目预算', en: 'Project budget' }, formatMeasure(budget), agreement(budget, amount, { zh: '年度资金总额', en: 'the annual funds' })] as Row] : []),
            ...(annualAmount ? [[{ zh: '年度资金总额', en: 'Annual funds' }, formatMeasure(annualAmount),
                compareAmounts(annualAmount, amount) === 'more' ? { zh: '⚠ 超过中期资金总额', en: '⚠ more than the medium-term funds' } : { zh: '✓ 不超过中期资金总额', en: '✓ within the medium-term funds' }] as Row] : []),
        ];
        return this.lines([
            `**${pick(this.locale, label)}** ${markdownText(formatMeasure(amount))}`,
            this.table([{ zh: '与之核对', en: 'Checked against it' }, { zh: '金额', en: 'Amount' }, { zh: '比较', en: 'Comparison' }], rows),
        ]);
    }

    /**
     * A 资金 block's 其中 row: its share of the 年度 total (a bare number in that total's unit), and
     * what all the 其中 rows add up to against the total (funds/sources-total).
     */
    private fundsShare(line: FundsShare): string | undefined {
        const annual = annualOf(line.$container);
        const total = amountOf(annual?.amount);
        const amount = amountOf(line.amount, total);
        const share = amount && total ? ratio(amount, total) : undefined;
        const sum = total && fundsSourcesSum(line.$container, total);
        return this.lines([
            `**${pick(this.locale, { zh: '资金 · 其中', en: 'Funds · of which' })} ${markdownText(line.source ?? '')}**${amount ? ` ${markdownText(formatMeasure(amount))}` : ''}`,
            this.field({ zh: '占年度资金总额', en: 'Share of the annual funds' }, share !== undefined ? formatPercent(share) : undefined),
            this.table([{ zh: '与之核对', en: 'Checked against it' }, { zh: '金额', en: 'Amount' }, { zh: '比较', en: 'Comparison' }],
                sum && total ? [[{ zh: '其中各行合计', en: 'Of-which rows' }, formatMeasure(sum), agreement(sum, total, { zh: '年度资金总额', en: 'the annual funds' })]] : []),
        ]);
    }

    /** A 测算 block's 合计 line: the sum of its components against it (funds/breakdown-total). */
    breakdownTotal(section: BreakdownSection, locale: Locale): string | undefined {
        this.locale = locale;
        const total = amountOf(section.total);
        if (!total) return undefined;
        const parts = section.components.map(componentAmount);
        const sum = parts.length > 0 && parts.every(p => p !== undefined) ? sumOf(parts as Measure[]) : undefined;
        const rows: Row[] = sum ? [[{ zh: '测算各项合计', en: 'Breakdown components' }, formatMeasure(inUnitOf(sum, total) ?? sum), agreement(sum, total, { zh: '合计', en: 'the total' })]] : [];
        return this.lines([
            `**${pick(this.locale, { zh: '测算合计', en: 'Breakdown total' })}** ${markdownText(formatMeasure(total))}`,
            this.table([{ zh: '与之核对', en: 'Checked against it' }, { zh: '金额', en: 'Amount' }, { zh: '比较', en: 'Comparison' }], rows),
        ]);
    }

    private review(review: ClauseReview): string | undefined {
        const clause = review.clause?.ref;
        if (!clause) return undefined;
        const actual = actualMeasure(review.actual, clause.target);
        return this.lines([
            this.linkTarget(clause),
            this.field({ zh: '实际', en: 'Actual' }, remarked(actual ? formatMeasure(actual) : review.actual?.$cstNode?.text, review.actual?.$cstNode)),
            this.field({ zh: '考核', en: 'Review' }, actualAgainst(actual, clause)),
        ]);
    }

    private ruleScore(rule: number, weight: number | undefined, claimed: number | undefined): string {
        const of = weight !== undefined ? ` / ${formatScore(weight)}` : '';
        const self = claimed !== undefined ? pick(this.locale, { zh: `（自评 ${formatScore(claimed)}）`, en: ` (claimed ${formatScore(claimed)})` }) : '';
        return `${pick(this.locale, { zh: '规则得分', en: 'Rule score' })} **${formatScore(rule)}${of}**${self}`;
    }

    /** In broken text a name may be missing. */
    private heading(kind: Bilingual, name: string | undefined, title?: string): string {
        return `**${pick(this.locale, kind)} ${markdownText(name ?? '')}**` + (title ? ` · ${markdownText(title)}` : '');
    }

    private field(label: Bilingual, value: Bilingual | string | undefined): string | undefined {
        if (value === undefined || value === '') return undefined;
        return `${pick(this.locale, label)}${this.locale === 'en' ? ': ' : '：'}${this.text(value)}`;
    }

    private table(header: [Bilingual, Bilingual, Bilingual], rows: Row[]): string | undefined {
        if (rows.length === 0) return undefined;
        const cell = (c: Bilingual | string | undefined) => (c === undefined ? '—' : this.text(c));
        return [
            `| ${header.map(cell).join(' | ')} |`,
            '|---|---|---|',
            ...rows.map(r => `| ${r.map(cell).join(' | ')} |`),
        ].join('\n');
    }

    /** Text (a file's, or a message quoting it) as Markdown that shows it as it is. */
    private text(value: Bilingual | string | undefined): string | undefined {
        return value === undefined ? undefined : markdownText(typeof value === 'string' ? value : pick(this.locale, value));
    }

    private lines(parts: Array<string | undefined>): string {
        return parts.filter((p): p is string => p !== undefined && p !== '').join('\n\n');
    }
}

/** Whether `a` is more than `b` (undefined when they do not compare). */
function compareAmounts(a: Measure, b: Measure): 'more' | 'not-more' | undefined {
    const c = comparable(a, b);
    return c.ok ? (c.a > c.b ? 'more' : 'not-more') : undefined;
}

function bracketed({ zh, en }: Bilingual): Bilingual {
    return { zh: `（${zh}）`, en: ` (${en})` };
}

const BUDGET: Bilingual = { zh: '预算', en: 'the budget' };

/** How much of the year an assessment reports on lies in its project's 实施期. */
const IN_PERIOD: Record<'whole' | 'part' | 'none', Bilingual> = {
    whole: { zh: '✓ 全年在实施期内', en: '✓ the whole year lies in the period' },
    part: { zh: '部分在实施期内', en: 'partly in the period' },
    none: { zh: '⚠ 不在实施期内', en: '⚠ outside the period' },
};

/** Where an assessment's 评价日 lies against the 实施期: after it ends is a final assessment, before it starts is a slip. */
const AS_OF_IN_PERIOD: Record<'before' | 'in' | 'after', Bilingual> = {
    in: { zh: '✓ 评价日在实施期内', en: '✓ its as-of date lies in the period' },
    after: { zh: '评价日在实施期结束之后', en: 'its as-of date is after the period ends' },
    before: { zh: '⚠ 评价日早于实施期开始', en: '⚠ its as-of date is before the period starts' },
};

/** Whether an amount is the one it is checked against: equal (to the cent), different, or in a unit that does not compare. */
function agreement(amount: Measure, reference: Measure, what: Bilingual): Bilingual {
    const same = sameAmount(amount, reference);
    return same === undefined ? { zh: '单位无法比较', en: 'units do not compare' }
        : same ? { zh: `✓ 与${what.zh}一致`, en: `✓ equals ${what.en}` } : { zh: `⚠ 与${what.zh}不符`, en: `⚠ differs from ${what.en}` };
}

/** A column's name, as messages write it within a sentence, as a field's label. */
function asLabel({ zh, en }: Bilingual): Bilingual {
    return { zh, en: en.charAt(0).toUpperCase() + en.slice(1) };
}

/** A value with the remark printed after it (`≥2 万人（户籍）`): read past when comparing, shown as printed. */
function remarked<T extends Bilingual | string>(text: T | undefined, node: CstNode | undefined): T | Bilingual | undefined {
    const remark = remarkAfter(node);
    if (text === undefined || remark === '') return text;
    return typeof text === 'string' ? same(text + remark) : { zh: text.zh + remark, en: text.en + remark };
}

/** What a clause or requirement sets, or a baseline's figure, as printed with its remark. */
function linkValue(target: LinkTarget): Bilingual | undefined {
    return remarked(linkValueText(target), isBaseline(target) ? target.value?.$cstNode : target.target?.$cstNode);
}

function measureText(quantity: Quantity): string | undefined {
    const m = measureOf(quantity);
    return m && formatMeasure(m);
}
