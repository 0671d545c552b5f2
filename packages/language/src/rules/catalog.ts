/**
 * The rule catalog, the single source of truth about rules: every diagnostic KPI Spec reports has
 * an id from here (ESLint-style `group/name`), a default severity, a one-line title, whether the
 * editor offers a quick fix that writes the right value, and its source. `RuleId` is the union
 * of the ids, so a misspelled id in a check or a fix does not compile; test/rules-catalog.test.ts
 * holds every id to a docs page (title and severity as here) and a fixture folder.
 * The CLI (SARIF rules, docs links), the configuration (valid ids) and the editor read it.
 */
import type { Bilingual } from '../i18n/locale.js';
import { RULE_SOURCES } from './sources.js';

export type Severity = 'error' | 'warn' | 'info';
export type SeveritySetting = Severity | 'off';

/** `fix`: the editor's quick fix writes the value the check computed (lsp/code-action-provider.ts). */
const rule = <const I extends string>(id: I, severity: Severity, zh: string, en: string, fix?: 'fix') =>
    ({ id, severity, title: { zh, en }, fixable: fix === 'fix', source: RULE_SOURCES[id] }) as const;

export const RULES = [
    // Parse, link and names
    rule('syntax/lexing', 'error', '无法识别的字符', 'Unrecognised characters', 'fix'),
    rule('syntax/parsing', 'error', '语法错误', 'Syntax error', 'fix'),
    rule('reference/unresolved', 'error', '引用无法解析', 'Unresolved reference'),
    rule('name/duplicate', 'error', '名称重复', 'Duplicate name'),
    // Targets
    rule('target/below-contract', 'error', '目标值弱于合同约定', 'Target weaker than the contract', 'fix'),
    rule('target/below-standard', 'error', '目标值弱于适用标准的要求', 'Target weaker than an applied standard', 'fix'),
    rule('target/unit-mismatch', 'error', '目标值与引用的单位无法比较', 'Target and reference units cannot be compared'),
    rule('target/missing-quantity', 'error', '缺少数量指标', 'No quantity indicator', 'fix'),
    rule('target/missing-benefit', 'error', '缺少效益指标', 'No benefit indicator', 'fix'),
    rule('target/missing-satisfaction', 'warn', '缺少满意度指标', 'No satisfaction indicator', 'fix'),
    rule('target/required-indicator', 'warn', '未设置适用标准的必设指标', 'A required indicator of an applied standard is not set', 'fix'),
    rule('target/above-baseline', 'warn', '目标值劣于基准水平', 'Target worse than a baseline', 'fix'),
    rule('target/no-comparator', 'warn', '目标值缺少比较符', 'Target value without a comparator', 'fix'),
    rule('target/no-unit', 'warn', '目标值缺少计量单位', 'Target value without a unit', 'fix'),
    rule('target/vague', 'info', '目标不可衡量', 'Target not measurable', 'fix'),
    rule('target/no-source', 'info', '指标未注明数据来源', 'Indicator without a data source'),
    rule('target/mixed-scheme', 'warn', '混用2020与2021指标体系', 'Mixed 2020 and 2021 indicator schemes'),
    rule('contract/no-penalty', 'warn', '合同条款未约定违约责任', 'Contract clause without a penalty', 'fix'),
    rule('contract/untracked-clause', 'warn', '合同条款未被项目指标跟踪', 'Contract clause not tracked by any indicator'),
    // Self-assessment
    rule('score/full-despite-shortfall', 'error', '未达目标却得满分', 'Full marks for a missed target', 'fix'),
    rule('score/deducted-despite-met', 'warn', '达到目标却扣分且未说明原因', 'Points deducted from a met target without a reason', 'fix'),
    rule('score/off-rule', 'warn', '得分与评分规则不符', 'Score differs from the scoring rule', 'fix'),
    rule('score/over-weight', 'error', '得分超过分值', 'Score above the weight', 'fix'),
    rule('score/qualitative-band', 'error', '定性评分超出等级区间', 'Qualitative score outside its band', 'fix'),
    rule('score/weights-total', 'error', '分值合计不符', 'Weights do not add up to the total'),
    rule('score/profile-weights', 'warn', '一级指标分值与评分方案不符', 'Level-1 weights differ from the profile'),
    rule('score/total-mismatch', 'error', '得分合计不符', 'Scores do not add up to the total', 'fix'),
    rule('score/grade-mismatch', 'error', '等级与总分不符', 'Grade does not match the total', 'fix'),
    rule('score/execution', 'error', '预算执行得分不符', 'Budget execution score off the rule', 'fix'),
    rule('score/ignores-problem', 'warn', '承认存在问题却未扣分', 'Problem admitted but full marks kept'),
    rule('assessment/below-contract', 'warn', '实际值未达到合同约定', 'Actual misses the contract'),
    rule('assessment/below-standard', 'warn', '实际值未达到标准要求', 'Actual misses a standard requirement'),
    rule('assessment/above-baseline', 'warn', '实际值劣于基准水平', 'Actual worse than a baseline'),
    rule('assessment/goal-not-covered', 'warn', '总体目标未自评', 'Overall goal not assessed', 'fix'),
    rule('assessment/indicator-not-assessed', 'warn', '指标未自评', 'Indicator not assessed'),
    rule('assessment/no-actual', 'warn', '缺少实际完成值', 'No actual value', 'fix'),
    rule('assessment/actual-not-value', 'error', '实际值写成了比较式', 'Actual written as a comparison', 'fix'),
    rule('assessment/missing-deviation', 'warn', '缺少偏差原因', 'Deviation reason missing', 'fix'),
    rule('assessment/unit-mismatch', 'error', '实际值与目标值单位无法比较', 'Actual and target units cannot be compared', 'fix'),
    rule('milestone/late', 'warn', '里程碑滞后完成', 'Milestone done late'),
    rule('milestone/overdue', 'error', '里程碑逾期未完成', 'Milestone overdue'),
    // Complete forms
    rule('assessment/denies-problems', 'warn', '自评称无问题却存在未完成事项', 'No problem stated while shortfalls are shown'),
    rule('assessment/placeholder-text', 'warn', '文字仍是表格填写说明', 'Text still the form\'s instruction', 'fix'),
    rule('assessment/metric-mismatch', 'warn', '实际值口径与指标不符', 'Actual measured on another metric'),
    rule('score/missing', 'error', '有分值却未填得分', 'Weight without a score', 'fix'),
    rule('target/below-history', 'warn', '目标值低于上年实际', 'Target worse than last year\'s actual', 'fix'),
    rule('target/misfiled', 'warn', '指标归类错误', 'Indicator filed under the wrong family', 'fix'),
    rule('target/empty-group', 'warn', '指标组为空', 'Empty indicator group', 'fix'),
    // Compliance review
    rule('compliance/unassessed-met', 'error', '未考核即认定达标', 'Met without assessment'),
    rule('compliance/no-data', 'warn', '考核无数据支撑', 'Verdict without data'),
    rule('compliance/verdict-contradicts', 'error', '考核结论与实际不符', 'Verdict contradicts the actual'),
    rule('compliance/unmet-no-penalty', 'warn', '未达标条款无违约责任', 'Unmet clause without a penalty'),
    rule('compliance/clause-not-reviewed', 'warn', '合同条款未考核', 'Contract clause not reviewed', 'fix'),
    // Complete forms: funds
    rule('funds/sources-total', 'error', '其中各行与资金总额不符', 'Fund sources do not add up to the total', 'fix'),
    rule('funds/rate-mismatch', 'error', '执行率与执行数÷预算数不符', 'Execution rate differs from spent ÷ budgeted', 'fix'),
    rule('funds/adjusted-no-reason', 'warn', '预算调整未说明原因', 'Budget adjusted without a reason', 'fix'),
    rule('funds/low-execution-no-reason', 'warn', '预算执行率偏低未说明原因', 'Low budget execution without a reason', 'fix'),
    rule('funds/medium-term-below-annual', 'error', '中期资金少于年度资金', 'Medium-term funds below the annual funds'),
    rule('funds/budget-mismatch', 'warn', '资金总额与项目预算不符', 'Funds differ from the project budget'),
    rule('funds/breakdown-total', 'warn', '测算各项与合计不符', 'Breakdown components do not add up to the total', 'fix'),
    rule('funds/breakdown-formula', 'error', '测算金额与计算式不符', 'Breakdown amount differs from its product', 'fix'),
    rule('funds/component-shortfall', 'warn', '测算项目支出偏低未说明原因', 'Breakdown component under-spent without a reason', 'fix'),
    // Excel forms
    rule('excel/unreadable-cell', 'warn', '表单单元格无法读取', 'Form cell could not be read'),
    // Inline configuration
    rule('suppression/unused', 'warn', '抑制注释未抑制任何诊断', 'Suppression comment suppresses nothing', 'fix'),
    rule('suppression/no-reason', 'warn', '抑制注释缺少理由', 'Suppression comment without a reason', 'fix'),
] as const;

/** Every rule id, as a union of literals. */
export type RuleId = (typeof RULES)[number]['id'];

export interface RuleMeta {
    readonly id: RuleId;
    readonly severity: Severity;
    readonly title: { readonly zh: string; readonly en: string };
    /** A quick fix writes the right value (the raised target, the rule score, the computed rate…). */
    readonly fixable: boolean;
    /** The 文号 and clause, or the evaluation finding, the rule comes from (rules/sources.ts). */
    readonly source?: Bilingual;
}

const byId = new Map<string, RuleMeta>(RULES.map(r => [r.id, r]));

export function ruleMeta(id: string): RuleMeta | undefined {
    return byId.get(id);
}

export function isRuleId(id: string): id is RuleId {
    return byId.has(id);
}

/**
 * Parse errors cannot be switched off, lowered or suppressed (as in ESLint): until they are
 * fixed, nobody knows what the file says.
 */
export function isConfigurable(id: string): boolean {
    return byId.has(id) && !id.startsWith('syntax/');
}

export const CONFIGURABLE_RULES: readonly RuleMeta[] = RULES.filter(r => isConfigurable(r.id));

/** Whether a suppression comment can hide the rule's findings: not a parse error's, nor a suppression comment's own (found after suppressing). */
export function isSuppressible(id: string): boolean {
    return isConfigurable(id) && !id.startsWith('suppression/');
}

/** Why a `syntax/*` rule takes no setting in kpispec.json and no suppression comment, for the messages that refuse one. */
export const PARSE_ERRORS_STAY: Bilingual = { zh: '语法错误不能关闭、降级或抑制', en: 'parse errors cannot be switched off, lowered or suppressed' };

/** Path of the rule's docs page, relative to the repository root. */
export function ruleDocsPath(id: string): string {
    return `docs/rules/${id}.md`;
}
