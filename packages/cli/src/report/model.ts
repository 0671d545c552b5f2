import type { Bilingual, Locale } from '@kpispec/language/core';
import type { PassedOverFile } from '../passed-over.js';
import type { ScoreSheet } from '../score/sheet.js';

/**
 * What a reviewer's report holds, collected once from a validated workspace and rendered to HTML
 * (or any other format) without going back to the AST. Every number comes from the engines that
 * `kpispec score` and `kpispec lint` use: scores are their `ScoreSheet`s, findings their messages.
 */
export interface ReportData {
    locale: Locale;
    /** What was reported on, as the user named it (folder or files). */
    scope: string;
    files: number;
    projects: ProjectReport[];
    /** Findings in no project's blocks: shared standards, files that do not parse, stray blocks. */
    other: Finding[];
    /** Every finding of the workspace counted by rule, most frequent first (= `kpispec lint -f json`). */
    byRule: RuleCount[];
    totals: Counts;
    /** Workbooks of the folders reviewed that hold no form, passed over (none: not set; see excel/stray-workbooks.ts). */
    skipped?: Array<{ file: string; reason: Bilingual }>;
    /** .kpi files that cannot be read or are not UTF-8, passed over, with why (none: not set). */
    passedOver?: PassedOverFile[];
}

export interface Counts {
    errors: number;
    warnings: number;
    infos: number;
}

export interface RuleCount extends Counts {
    ruleId: string;
    title: string;
    count: number;
    docsUrl: string;
}

export interface ProjectReport {
    /** Unique in the report: an HTML id and a file name for one-page-per-project output. */
    anchor: string;
    name: string;
    title?: string;
    department?: string;
    file: string;
    period?: string;
    /** The 申报表's 预算, as written ('10666 万元'). */
    budget?: string;
    assessments: AssessmentReview[];
    targets: TargetRow[];
    /** The 申报表's 资金 lines: 中期, 年度 and their 其中 sources. */
    declaredFunds: Array<{ label: string; amount: string }>;
    /** The self-assessments' execution lines (年初 → 全年 → 执行) and their 其中 rows. */
    funds: FundsLine[];
    milestones: MilestoneRow[];
    findings: Finding[];
    counts: Counts;
}

/** One self-assessment re-scored: the sheet is exactly `kpispec score -f json`'s entry. */
export interface AssessmentReview {
    sheet: ScoreSheet;
    /** The total the form claims (合计 得分, else the sum of the rows). */
    claimedTotal?: number;
    /** claimed total − rule total: how far the form inflates its score. */
    inflation?: number;
}

/** A value on the scale of its indicator's target, for the bullet chart. */
export interface ScaledValue {
    text: string;
    /** On the target's scale; undefined when it cannot be put there (units that do not compare). */
    value?: number;
}

export interface Reference extends ScaledValue {
    kind: 'clause' | 'requirement' | 'baseline';
    /** 合同.条款 / 标准.要求 as linked. */
    name: string;
    title?: string;
}

export interface TargetRow {
    indicator: string;
    title?: string;
    family?: string;
    line: number;
    target?: ScaledValue & { op?: '>=' | '>' | '<=' | '<' | '=' };
    references: Reference[];
    /** Last year's actual (上年), when the form gives it. */
    lastYear?: ScaledValue;
    actual?: ScaledValue;
    /** The checks found the target weaker than a clause, requirement, baseline or last year. */
    weaker: boolean;
}

/**
 * One money line of a project: the assessment's execution row (全年预算 → 全年执行) and, where the
 * form has them, 年初预算 and the `其中` source rows. `rate` is the engine's spent ÷ budgeted.
 */
export interface FundsLine {
    label: string;
    initial?: string;
    budgeted?: string;
    spent?: string;
    rate?: number;
    /** The amounts in one unit for the bar drawing. */
    values: { initial?: number; budgeted?: number; spent?: number };
    /** A source row (其中) rather than the total. */
    source?: boolean;
}

export interface MilestoneRow {
    name: string;
    title?: string;
    planned?: string;
    plannedDay?: number;
    /** Done on, or the assessment date (评价日) for one still pending. */
    done?: string;
    doneDay?: number;
    status: 'done' | 'pending' | 'unknown';
    /** Days after the plan (done or, when pending, as of the assessment date); ≤ 0 on time. */
    delayDays?: number;
}

export interface Finding {
    ruleId: string;
    severity: 0 | 1 | 2;
    message: string;
    /** Relative to the report's working folder. */
    file: string;
    line: number;
    column: number;
    /** On a form read from a workbook: its sheet and cell (`自评表!F14`), the evidence shown. */
    cell?: string;
    /** What the message names elsewhere (the contract clause a target is weaker than), to compare with: evidence too. */
    related?: Array<{ file: string; line: number; message: string }>;
    ruleTitle: string;
    source?: string;
    remedy: string;
    heading: ProblemHeading;
    docsUrl: string;
}

/** The problem headings of an evaluation report (存在的主要问题), in the report's order. */
export const PROBLEM_HEADINGS = ['targets', 'scores', 'contract', 'funds', 'milestones', 'files'] as const;
export type ProblemHeading = (typeof PROBLEM_HEADINGS)[number];
