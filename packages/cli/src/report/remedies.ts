import type { Bilingual } from '@kpispec/language/core';
import type { ProblemHeading } from './model.js';

/**
 * 整改建议: what the unit should do about each rule's finding, in the words an evaluation report
 * uses (the Shenzhen 12345 evaluation report's §五 makes the same recommendations).
 */
const REMEDIES: Readonly<Record<string, Bilingual>> = {
    'syntax/lexing': { zh: '删除或改正无法识别的字符（常见于从 Excel 粘贴的格式字符）', en: 'Remove or correct the characters (often formatting pasted from Excel)' },
    'syntax/parsing': { zh: '按语言说明改正该行写法，使其可被读取和复核', en: 'Correct the line as the language reference writes it, so it can be read and checked' },
    'reference/unresolved': { zh: '改正引用名称，或补充被引用的合同条款、标准要求', en: 'Correct the name, or add the clause or requirement it refers to' },
    'name/duplicate': { zh: '为重名的块或条目改用唯一名称', en: 'Give the duplicate a unique name' },
    'target/below-contract': { zh: '将目标值提高到合同约定水平，使绩效目标与合同一致', en: 'Raise the target to the contract\'s level, so targets and contract agree' },
    'target/below-standard': { zh: '将目标值提高到适用标准的要求', en: 'Raise the target to the applied standard\'s requirement' },
    'target/unit-mismatch': { zh: '核对所引用的条款或要求是否正确，统一计量单位', en: 'Check that the right clause or requirement is linked, and use comparable units' },
    'target/missing-quantity': { zh: '补充数量指标，完整反映项目预期产出', en: 'Add quantity indicators that state the expected output' },
    'target/missing-benefit': { zh: '补充效益指标，反映资金使用的预期效果', en: 'Add benefit indicators that state the expected effect of the spending' },
    'target/missing-satisfaction': { zh: '根据服务对象范围设置服务对象满意度指标', en: 'Add a satisfaction indicator for the people the project serves' },
    'target/required-indicator': { zh: '按适用标准补设必设指标，并用“依据”关联该要求', en: 'Add the required indicator, linked to the requirement with "per"' },
    'target/above-baseline': { zh: '参照基准水平（如同类地区单位成本）设定目标，合理压减预算', en: 'Set the target against the baseline (e.g. a comparable city\'s unit cost) and trim the budget' },
    'target/no-comparator': { zh: '写明指标性质（≥ 正向、≤ 反向、= 定额）', en: 'State the comparator (≥, ≤ or =)' },
    'target/no-unit': { zh: '写明计量单位', en: 'State the unit' },
    'target/vague': { zh: '将指标细化为明确、可衡量的目标值', en: 'Make the target specific and measurable' },
    'target/no-source': { zh: '注明数据来源，确保指标可统计、可考核', en: 'Name the data source, so the indicator can be measured and assessed' },
    'target/mixed-scheme': { zh: '按同一年度的指标体系归类指标', en: 'File the indicators under one scheme' },
    'contract/no-penalty': { zh: '为合同条款约定违约责任，并严格执行奖惩', en: 'Agree a penalty for the clause and enforce it' },
    'contract/untracked-clause': { zh: '将合同关键条款纳入项目绩效指标跟踪', en: 'Track the contract\'s key clauses with project indicators' },
    'score/full-despite-shortfall': { zh: '未完成目标的指标按完成比例计分，如实反映绩效', en: 'Score a missed target by its achievement ratio, as the rule says' },
    'score/deducted-despite-met': { zh: '达到目标的指标给满分，或在偏差原因中说明扣分理由', en: 'Give a met target full marks, or explain the deduction' },
    'score/off-rule': { zh: '按评分规则重新计分', en: 'Rescore the row by the scoring rule' },
    'score/over-weight': { zh: '将得分降至不超过该指标分值', en: 'Lower the score to at most the weight' },
    'score/qualitative-band': { zh: '按定性等级对应的分数区间计分', en: 'Score within the band of the rating' },
    'score/weights-total': { zh: '调整各指标分值，使合计为100分', en: 'Adjust the weights so they add up to the total' },
    'score/profile-weights': { zh: '按评分方案调整一级指标分值，或在配置中选用正确方案', en: 'Adjust level-1 weights to the profile, or select the right profile' },
    'score/total-mismatch': { zh: '按各行得分重新合计总分', en: 'Recompute the total from the rows' },
    'score/grade-mismatch': { zh: '按总分对应的等级填写', en: 'Write the grade the total falls in' },
    'score/execution': { zh: '预算执行得分按“分值 × 执行数 ÷ 预算数”重新计算', en: 'Rescore execution as weight × spent ÷ budgeted' },
    'score/ignores-problem': { zh: '对自评承认的问题扣减相应分数，使得分与问题对应', en: 'Deduct points for the problems the assessment admits' },
    'assessment/below-contract': { zh: '督促服务方达到合同约定，并按合同追究违约责任', en: 'Hold the vendor to the contract and apply its penalty' },
    'assessment/below-standard': { zh: '分析未达标原因，制定整改措施达到标准要求', en: 'Analyse the shortfall and plan how to meet the standard' },
    'assessment/above-baseline': { zh: '对标基准水平，提高资金使用效益', en: 'Close the gap to the baseline; spend more efficiently' },
    'assessment/goal-not-covered': { zh: '逐项自评年度总体目标的完成情况', en: 'Assess every annual overall goal' },
    'assessment/indicator-not-assessed': { zh: '对每项绩效指标填报实际完成值并自评', en: 'Report an actual and a score for every indicator' },
    'assessment/no-actual': { zh: '统计并填写实际完成值', en: 'Measure and report the actual' },
    'assessment/actual-not-value': { zh: '填写实际完成的具体数值，而非比较式', en: 'Report the achieved figure, not a comparison' },
    'assessment/missing-deviation': { zh: '说明偏差原因并提出改进措施', en: 'Explain the deviation and how it will be corrected' },
    'assessment/unit-mismatch': { zh: '以目标值的计量单位填写实际值', en: 'Report the actual in the target\'s unit' },
    'milestone/late': { zh: '分析滞后原因，及时调整进度计划', en: 'Analyse the delay and adjust the schedule in time' },
    'milestone/overdue': { zh: '制定完成计划，加快推进并及时调整进度方案', en: 'Plan the completion, speed it up, and revise the schedule' },
    'compliance/unassessed-met': { zh: '对未考核事项重新考核，未考核不得认定达标', en: 'Review the item; do not pass what was not assessed' },
    'compliance/no-data': { zh: '建立数据统计口径，补充考核数据', en: 'Define how the item is measured and supply the data' },
    'compliance/verdict-contradicts': { zh: '按实际数据更正考核结论', en: 'Correct the verdict to match the figures' },
    'compliance/unmet-no-penalty': { zh: '明确惩罚措施并严格执行', en: 'Set a penalty and enforce it' },
    'compliance/clause-not-reviewed': { zh: '将该合同条款纳入履约考核', en: 'Include the clause in the compliance review' },
    'funds/sources-total': { zh: '核对各资金来源，使其合计等于总额', en: 'Check the sources so they add up to the total' },
    'funds/rate-mismatch': { zh: '按“全年执行 ÷ 全年预算”更正执行率', en: 'Correct the rate to spent ÷ budgeted' },
    'funds/adjusted-no-reason': { zh: '说明年初预算调整的原因', en: 'Explain why the initial budget was adjusted' },
    'funds/low-execution-no-reason': { zh: '说明预算执行率偏低的原因并提出改进措施', en: 'Explain the low execution and how it will be corrected' },
    'funds/medium-term-below-annual': { zh: '核对中期资金与年度资金', en: 'Check the medium-term and annual amounts' },
    'funds/budget-mismatch': { zh: '使年度资金、年初预算与申报预算一致', en: 'Make the annual funds and initial budget equal the budget' },
    'funds/breakdown-total': { zh: '核对测算明细，使其合计等于预算', en: 'Make the breakdown add up to the budget' },
    'funds/breakdown-formula': { zh: '更正测算公式或金额，统一计量单位', en: 'Correct the formula or the amount, with units that cancel to money' },
    'funds/component-shortfall': { zh: '说明测算项目支出不足的原因', en: 'Explain why the component spent less than planned' },
    'assessment/denies-problems': { zh: '如实填写存在的问题，不得以“无问题”掩盖未完成的目标', en: 'State the problems the figures show instead of "no problems"' },
    'assessment/placeholder-text': { zh: '以实际情况替换表格的填写说明', en: 'Replace the form\'s instructions with what happened' },
    'assessment/metric-mismatch': { zh: '按指标口径统计实际值，或说明口径差异', en: 'Measure the actual as the indicator defines it, or explain the difference' },
    'score/missing': { zh: '填写该行得分', en: 'Give the line its score' },
    'target/below-history': { zh: '参照上年实际完成值设定目标，不低于历史水平', en: 'Set the target no worse than last year\'s actual' },
    'target/misfiled': { zh: '将指标归入正确的指标类别', en: 'File the row under the right family' },
    'target/empty-group': { zh: '删除空的指标类别或补充指标', en: 'Remove the empty group or add its rows' },
    'excel/unreadable-cell': { zh: '在表单中改正该单元格（填写数值、完整日期或规定的指标类别、等级），使其可被读取和复核', en: 'Correct the cell on the form (a number, a full date, a listed family or grade), so it can be read and checked' },
    'suppression/unused': { zh: '删除不再需要的抑制注释', en: 'Remove the stale suppression' },
    'suppression/no-reason': { zh: '为抑制注释写明理由', en: 'Give the suppression a reason' },
};

const FALLBACK: Bilingual = { zh: '按规则说明整改', en: 'Fix as the rule page explains' };

export function remedyOf(ruleId: string): Bilingual {
    return REMEDIES[ruleId] ?? FALLBACK;
}

/** The evaluation report's problem heading a rule's findings go under, by the rule's group. */
export function headingOf(ruleId: string): ProblemHeading {
    const group = ruleId.split('/')[0];
    switch (group) {
        case 'target': return 'targets';
        case 'score': case 'assessment': return 'scores';
        case 'contract': case 'compliance': return 'contract';
        case 'funds': case 'breakdown': case 'execution': return 'funds';
        case 'milestone': return 'milestones';
        default: return 'files';
    }
}
