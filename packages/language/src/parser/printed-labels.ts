/**
 * The labels the printed forms give a clause (`实际完成值`, `全年预算数`, `自评等级`), which the
 * grammar accepts as aliases of the clause's keyword where that keyword stands, so that a row
 * typed as the form prints it parses to the same tree as with the keyword: `实际完成值 92.3%` is
 * `实际 92.3%`. Each label is written in the grammar beside its keyword, in the same alternation
 * (`('实际' | 'actual' | '实际完成值')`); `test/language/printed-labels.test.ts` checks that the
 * grammar and this table agree.
 *
 * Only labels that mean the clause wherever they stand: none that is also a plausible indicator
 * name (`预算执行率` is a row of many 项目管理 frameworks), none that says something else than the
 * keyword (`上年指标值` is last year's target, `上年` last year's actual), none for a keyword whose
 * text the tree keeps (a grade, a funds source) unless the value converter writes the keyword
 * (KEYWORD_VALUE_RULES: 中期资金总额 is 中期), and none for the project's header (`实施期限`,
 * `项目周期` name 时效指标 rows). The workbook reader knows the same labels (excel/read-form.ts,
 * excel/block-labels.ts), and docs/forms.md lists them.
 *
 * An alias is accepted, never offered: completion and the syntax errors' "此处可以写" give the
 * keyword (lsp/keyword-language.ts, isKeywordOf). Text the tool writes uses the keyword too.
 */
export const PRINTED_LABELS: Readonly<Record<string, string>> = {
    // 资金: the 项目资金 rows' heads (a data type rule's alternatives: the value converter keeps the keyword).
    中期资金总额: '中期',
    年度资金总额: '年度',
    // 预算执行 and its 其中 rows: the funds table's heads.
    年初预算数: '年初预算',
    全年预算数: '全年预算',
    预算数: '全年预算',
    全年执行数: '全年执行',
    执行数: '全年执行',
    // The continuation lines of 预算执行: the labels of the rows some 自评表 print below the table.
    预算调整说明: '调整',
    预算调整原因: '调整',
    调整原因: '调整',
    执行偏差原因: '偏差',
    预算执行偏差原因: '偏差',
    // 指标 lines of a self-assessment: the indicator table's heads.
    实际完成值: '实际',
    全年实际值: '实际',
    实际值: '实际',
    指标分值: '分值',
    指标得分: '得分',
    自评得分: '得分',
    偏差原因: '偏差',
    偏差原因分析: '偏差',
    偏差原因及改进措施: '偏差',
    偏差原因分析及改进措施: '偏差',
    // The rows below a self-assessment's indicator table.
    存在问题: '问题',
    存在的问题: '问题',
    主要问题: '问题',
    改进措施: '改进',
    整改措施: '改进',
    改进建议: '改进',
    评价结论: '结论',
    自评结论: '结论',
    评价日期: '评价日',
    自评日期: '评价日',
    总分: '合计',
    自评等级: '等级',
    评价等级: '等级',
    // Indicator rows of a project (申报表): the indicator table's heads.
    数据来源: '来源',
    指标值说明: '说明',
    上年实际值: '上年',
    上年完成值: '上年',
};

/** The labels, looked up for every keyword a syntax error lists (a pasted line may hold thousands of errors). */
const LABELS: ReadonlySet<string> = new Set(Object.keys(PRINTED_LABELS));

/** Whether a keyword of the grammar is a printed label (an alias), not a keyword the tool offers. */
export function isPrintedLabel(keyword: string): boolean {
    return LABELS.has(keyword);
}

/** The keyword a printed label stands for (`实际完成值` → 实际); a keyword stands for itself. */
export function keywordOfLabel(keyword: string): string {
    return isPrintedLabel(keyword) ? PRINTED_LABELS[keyword]! : keyword;
}

/** Keywords with the printed labels that stand for them (`['实际', 'actual']` → 实际, actual, 实际完成值, 全年实际值, 实际值). */
export function withPrintedLabels(keywords: readonly string[]): string[] {
    return [...keywords, ...Object.keys(PRINTED_LABELS).filter(label => keywords.includes(PRINTED_LABELS[label]!))];
}
