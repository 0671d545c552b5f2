import type { Locale } from '@kpispec/language/core';
import { displayWidth, pad } from '@kpispec/language/display-width';
import { fillPlaceholders } from '../formatters/plural.js';
import type { ScoreSheet, SheetRow, SheetSum } from './sheet.js';

/** The labels of a score sheet, printed by `kpispec score` and shown by the web page alike. */
const LABELS = {
    'zh-CN': {
        row: '行', family: '一级指标', target: '目标', actual: '实际', weight: '分值', claimed: '自评得分', rule: '规则得分', diff: '差异', reason: '说明',
        total: '合计',
        heading: '{file}: 自评 {assessment}{title}（评分方案 {profile}）', title: ' "{title}"',
        grade: '等级：自评 {claimed}，复算 {computed}',
        unscored: '未计分：没有任何一行填写分值（无分值的自评表），不计算合计与等级',
    },
    en: {
        row: 'Row', family: 'Level 1', target: 'Target', actual: 'Actual', weight: 'Weight', claimed: 'Claimed', rule: 'Rule', diff: 'Diff', reason: 'Reason',
        total: 'Total',
        heading: '{file}: assessment {assessment}{title} (profile {profile})', title: ' "{title}"',
        grade: 'Grade: claimed {claimed}, computed {computed}',
        unscored: 'Not scored: no line has a weight (a form without scores), so no total or grade is computed',
    },
} as const;

export type SheetLabels = (typeof LABELS)[Locale];

export function sheetLabels(locale: Locale): SheetLabels {
    return LABELS[locale];
}

/** The column heads, in the order of the table's cells. */
export function sheetColumns(locale: Locale): string[] {
    const l = LABELS[locale];
    return [l.row, l.family, l.target, l.actual, l.weight, l.claimed, l.rule, l.diff, l.reason];
}

/** `a.kpi: 自评 甲自评 "…"（评分方案 national-2020）`: which assessment, of which file, by which profile. */
export function sheetHeading(s: ScoreSheet, locale: Locale): string {
    const l = LABELS[locale];
    return fillPlaceholders(l.heading, { file: s.file, assessment: s.assessment, title: s.title ? fillPlaceholders(l.title, { title: s.title }) : '', profile: s.profile });
}

/** The grade claimed and the one the rules give, under a scored sheet. */
export function gradeLine(s: ScoreSheet, locale: Locale): string {
    return fillPlaceholders(LABELS[locale].grade, { claimed: s.grade.claimed ?? '—', computed: s.grade.computed ?? '—' });
}

/** 12.5, 10, 4.17: two decimals at most, no trailing zeros. */
export function num(n: number | undefined): string {
    return n === undefined ? '' : String(Math.round(n * 100) / 100);
}

export function signed(n: number | undefined): string {
    return n === undefined ? '' : n > 0 ? `+${num(n)}` : num(n);
}

/** Columns padded by display width, so Chinese text lines up in a terminal; the last column runs free. */
function table(rows: string[][], numeric: ReadonlySet<number>): string[] {
    const widths = rows[0]!.map((_, i) => rows.reduce((w, r) => Math.max(w, displayWidth(r[i] ?? '')), 0));
    return rows.map(cells => cells
        .map((c, i) => (i === cells.length - 1 ? c : pad(c, widths[i]!, numeric.has(i) ? 'right' : 'left')))
        .join('  ')
        .trimEnd());
}

/** The columns that hold numbers (weight, claimed, rule score, difference): right-aligned. */
export const NUMERIC = new Set([4, 5, 6, 7]);

/** A row's cells, under sheetColumns. */
export const rowCells = (r: SheetRow): string[] =>
    [r.row, r.family ?? '', r.target ?? '', r.actual ?? '', num(r.weight), num(r.claimed), num(r.ruleScore), signed(r.difference), r.reason];

/** A level-1 sum's cells. */
export const sumCells = (x: SheetSum): string[] => [x.family, '', '', '', num(x.weight), num(x.claimed), num(x.ruleScore), signed(x.difference), ''];

/** The total's cells: the declared 合计 where the form writes one. */
export const totalCells = (s: ScoreSheet, locale: Locale): string[] => [LABELS[locale].total, '', '', '',
    num(s.total.declaredWeight ?? s.total.weight), num(s.total.declaredScore ?? s.total.claimed), num(s.total.ruleScore), signed(s.total.difference), ''];

/**
 * The recomputed form of each assessment: rows, level-1 sums and total in one table, then the
 * grade. Each in its own language (`localeOf`, the language its sheet was made in: its file's, as
 * lint's messages about that file), or all in one.
 */
export function formatScoreTable(sheets: readonly ScoreSheet[], localeOf: Locale | ((sheet: ScoreSheet) => Locale)): string {
    return sheets.map(s => {
        const locale = typeof localeOf === 'function' ? localeOf(s) : localeOf;
        const heading = sheetHeading(s, locale);
        const header = sheetColumns(locale);
        const lines = s.rows.map(rowCells);
        if (!s.scored) return [heading, '', ...table([header, ...lines], NUMERIC), '', LABELS[locale].unscored, ''].join('\n');
        const rows = [
            header,
            ...lines,
            [],
            ...s.level1.map(x => sumCells({ ...x, family: `  ${x.family}` })),
            [],
            totalCells(s, locale),
        ];
        return [heading, '', ...table(rows, NUMERIC), '', gradeLine(s, locale), ''].join('\n');
    }).join('\n');
}
