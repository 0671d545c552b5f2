import type { Bilingual } from '../i18n/locale.js';

/**
 * A form as read from one sheet, before it becomes .kpi text. Every value keeps the address of
 * the cell it came from, so that findings on the emitted text can point back into Excel.
 */
export interface Sourced<T> {
    readonly value: T;
    /** Excel address on the form's sheet (`F14`); for a merged cell, its top-left cell. */
    readonly cell: string;
}

/** A printed amount; the unit is the one of the block's head (`（万元）` or `（元）`). */
export interface Amount {
    /** The number as printed (`260`, `76.15`). */
    readonly number: string;
    readonly unit: '万元' | '元';
}

/** A remark printed in brackets after a value (`96.5%（全部转办）`: `（全部转办）`), written after it again (parser/remarks.ts). */
interface Remarked {
    readonly remark?: string;
}

export type TargetValue =
    | { readonly kind: 'comparison'; readonly comparator?: string; readonly number: string; readonly unit?: string } & Remarked
    /** A deadline (`≤2023-11-30`, `2023年11月底前` → `<= 2023-11`): the language's date value. */
    | { readonly kind: 'date'; readonly comparator?: string; readonly date: string } & Remarked
    | { readonly kind: 'qualitative'; readonly text: string };

export type ActualValue =
    | { readonly kind: 'measured'; readonly comparator?: string; readonly number: string; readonly unit?: string } & Remarked
    /** A date (`2023-11-25`, `2023年11月25日`, an Excel date cell): when the row's deadline was met. */
    | { readonly kind: 'date'; readonly comparator?: string; readonly date: string } & Remarked
    | { readonly kind: 'rating'; readonly rating: '达成' | '部分达成' | '未达成' }
    | { readonly kind: 'text'; readonly text: string };

/** The funds sources a form prints below its total row. */
export type FundSource = '财政拨款' | '上年结转' | '其他资金' | { readonly label: string };

export interface IndicatorRow {
    /** The level-1 and level-2 family as printed (`产出指标`, `数量指标`). */
    readonly level1: Sourced<string>;
    readonly level2?: Sourced<string>;
    readonly title: Sourced<string>;
    /** The row's identifier, when the form keeps one (an exported form's note). */
    readonly id?: string;
    /** 依据 links (`合同.条款`), kept in an exported form's note on the target cell. */
    readonly links?: readonly string[];
    readonly target?: Sourced<TargetValue>;
    readonly note?: Sourced<string>;
    readonly actual?: Sourced<ActualValue>;
    readonly weight?: Sourced<string>;
    readonly score?: Sourced<string>;
    /** The 得分 cell as printed where it holds no number (`良`, `#REF!`): no score is read from it. */
    readonly unreadScore?: Sourced<string>;
    readonly deviation?: Sourced<string>;
    /** `来源`, from a `数据来源` column. */
    readonly source?: Sourced<string>;
    /** `上年`, from a `上年实际值` column (`2000人`, `65%`). */
    readonly lastYear?: Sourced<string>;
    /** `口径` of the actual, kept in an exported form's note on the actual cell. */
    readonly measuredAs?: string;
    /**
     * Layout B's `完成情况简要描述`: the language has no field for it, so it is written as a comment
     * above the row's assessment line, not dropped.
     */
    readonly description?: Sourced<string>;
}

export interface ProjectHeader {
    /** From the `项目名称` cell, else the sheet or file name (then without a cell). */
    readonly name: { readonly value: string; readonly cell?: string };
    /** The project's identifier and 适用 standards, when an exported form's note keeps them. */
    readonly id?: string;
    readonly applies?: readonly string[];
    readonly department?: Sourced<string>;
    readonly implementer?: Sourced<string>;
    readonly period?: Sourced<{ readonly start: string; readonly end: string }>;
}

export interface ExecutionColumns {
    readonly initial?: Sourced<Amount>;
    readonly budgeted?: Sourced<Amount>;
    readonly spent?: Sourced<Amount>;
}

export interface Execution extends ExecutionColumns {
    /** The total row's label cell: where a finding on the whole line points. */
    readonly cell: string;
    /** Percent as printed (`76.15`). */
    readonly rate?: Sourced<string>;
    readonly weight?: Sourced<string>;
    readonly score?: Sourced<string>;
    /** The 得分 cell as printed where it holds no number, as IndicatorRow's. */
    readonly unreadScore?: Sourced<string>;
    readonly parts: ReadonlyArray<ExecutionColumns & { readonly source: FundSource; readonly cell: string }>;
    /** `调整` and `偏差` of the execution line, from the rows 预算调整说明 and 执行偏差原因. */
    readonly adjustment?: Sourced<string>;
    readonly deviation?: Sourced<string>;
}

export interface Funds {
    readonly cell: string;
    readonly medium?: Sourced<Amount>;
    readonly annual?: Sourced<Amount>;
    /** The project's 预算 where it differs from the annual total (an exported form's `项目预算` cell). */
    readonly budget?: Sourced<Amount>;
    readonly parts: ReadonlyArray<{ readonly source: FundSource; readonly amount: Sourced<Amount> }>;
}

export interface Goal {
    /** An identifier for the goal (`年度目标`, `目标1`). */
    readonly name: string;
    /** Set when an exported form's note named the goal: it is the project's, wherever that is. */
    readonly id?: string;
    readonly expected?: Sourced<string>;
    readonly actual?: Sourced<string>;
}

/** A row of the 项目测算 block: the plan (申报表) and, on a 自评表, what was spent. */
export interface BreakdownRow {
    readonly title: Sourced<string>;
    /** The component's identifier when an exported form's note keeps it. */
    readonly id?: string;
    readonly amount?: Sourced<Amount>;
    /** The product the amount is computed from (`2000 人 × 50 元/人*月 × 12 月`), as .kpi text. */
    readonly formula?: Sourced<string>;
    readonly actual?: Sourced<Amount>;
    readonly deviation?: Sourced<string>;
}

export interface Breakdown {
    readonly cell: string;
    readonly rows: readonly BreakdownRow[];
    readonly total?: Sourced<Amount>;
}

/** A row of the 里程碑 block: the plan and, on a 自评表, whether and when it was done. */
export interface MilestoneRow {
    readonly title: Sourced<string>;
    readonly id?: string;
    /** `2018-04-30` or `2018-04`, and a remark printed after it (`2018-04-30（暂定）`). */
    readonly planned?: Sourced<string>;
    readonly status?: Sourced<'完成' | '未完成'>;
    readonly done?: Sourced<string>;
}

/** A `问题` line: the 存在问题 row, with the indicators it concerns (an exported form's note). */
export interface ProblemRow {
    readonly text: Sourced<string>;
    /** `问题 无`: the printed text is `无`, or a note says so. */
    readonly none: boolean;
    readonly concerns: readonly string[];
}

/** What a 自评表 says in words below its tables (存在问题, 改进措施, 评价结论, 评价日期). */
export interface Narrative {
    readonly problems: readonly ProblemRow[];
    readonly improvements: readonly Sourced<string>[];
    readonly conclusions: readonly Sourced<string>[];
    readonly asOf?: Sourced<string>;
}

/** A value the reader found but could not read: becomes an `excel/unreadable-cell` finding. */
export interface FormProblem {
    readonly cell: string;
    readonly text: Bilingual;
}

export interface FormModel {
    /** A: printed 自评表; B: the 一体化 flat sheet; C: 申报表 / 绩效目标表. */
    readonly layout: 'A' | 'B' | 'C';
    readonly sheet: string;
    readonly title?: Sourced<string>;
    /** The assessment's identifier, when an exported form's note keeps it. */
    readonly id?: string;
    /**
     * The assessment's own title, when an exported form's note keeps it; null when that note
     * names the assessment without a title (it had none). The printed form has no place for it.
     */
    readonly assessmentTitle?: string | null;
    /** `en` when an exported form's note says its file was written in English keywords. */
    readonly keywords?: 'en';
    readonly year?: string;
    readonly project: ProjectHeader;
    /** The indicator table's 一级指标 and 分值 heads: where a finding on the tree or the weights as a whole points. */
    readonly heads?: { readonly level1: string; readonly weight?: string };
    /** Layout C only. */
    readonly funds?: Funds;
    readonly goals: readonly Goal[];
    readonly indicators: readonly IndicatorRow[];
    /** Family rows of the indicator table with no indicator in their group (an empty group). */
    readonly emptyGroups?: ReadonlyArray<{ readonly level1: Sourced<string>; readonly level2?: Sourced<string> }>;
    /** Layouts A and B: the self-assessment part. */
    readonly execution?: Execution;
    readonly total?: { readonly cell: string; readonly weight?: Sourced<string>; readonly score?: Sourced<string> };
    readonly grade?: Sourced<string>;
    /** Both layouts A and C: the 项目测算 and 里程碑 blocks, when the form has them. */
    readonly breakdown?: Breakdown;
    readonly milestones?: readonly MilestoneRow[];
    /** Layout A: 存在问题, 改进措施, 评价结论, 评价日期. */
    readonly narrative?: Narrative;
    readonly problems: readonly FormProblem[];
}
