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

export type TargetValue =
    | { readonly kind: 'comparison'; readonly comparator?: string; readonly number: string; readonly unit?: string }
    | { readonly kind: 'qualitative'; readonly text: string };

export type ActualValue =
    | { readonly kind: 'measured'; readonly comparator?: string; readonly number: string; readonly unit?: string }
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
    readonly deviation?: Sourced<string>;
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
    readonly parts: ReadonlyArray<ExecutionColumns & { readonly source: FundSource; readonly cell: string }>;
}

export interface Funds {
    readonly cell: string;
    readonly medium?: Sourced<Amount>;
    readonly annual?: Sourced<Amount>;
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
    readonly year?: string;
    readonly project: ProjectHeader;
    /** Layout C only. */
    readonly funds?: Funds;
    readonly goals: readonly Goal[];
    readonly indicators: readonly IndicatorRow[];
    /** Layouts A and B: the self-assessment part. */
    readonly execution?: Execution;
    readonly total?: { readonly cell: string; readonly weight?: Sourced<string>; readonly score?: Sourced<string> };
    readonly grade?: Sourced<string>;
    readonly problems: readonly FormProblem[];
}
