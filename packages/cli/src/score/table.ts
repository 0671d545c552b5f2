import type { Locale } from '@kpispec/language/core';
import { displayWidth, pad } from '@kpispec/language/display-width';
import type { ScoreSheet } from './sheet.js';

const LABELS = {
    'zh-CN': {
        row: '行', family: '一级指标', target: '目标', actual: '实际', weight: '分值', claimed: '自评得分', rule: '规则得分', diff: '差异', reason: '说明',
        assessment: '自评', profile: '评分方案', total: '合计', grade: '等级', claimedGrade: '自评', computedGrade: '复算',
        unscored: '未计分：没有任何一行填写分值（无分值的自评表），不计算合计与等级',
    },
    en: {
        row: 'Row', family: 'Level 1', target: 'Target', actual: 'Actual', weight: 'Weight', claimed: 'Claimed', rule: 'Rule', diff: 'Diff', reason: 'Reason',
        assessment: 'assessment', profile: 'profile', total: 'Total', grade: 'Grade', claimedGrade: 'claimed', computedGrade: 'computed',
        unscored: 'Not scored: no line has a weight (a form without scores), so no total or grade is computed',
    },
} as const;

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

const NUMERIC = new Set([4, 5, 6, 7]);

/**
 * The recomputed form of each assessment: rows, level-1 sums and total in one table, then the
 * grade. Each in its own language (`localeOf`, the language its sheet was made in: its file's, as
 * lint's messages about that file), or all in one.
 */
export function formatScoreTable(sheets: readonly ScoreSheet[], localeOf: Locale | ((sheet: ScoreSheet) => Locale)): string {
    return sheets.map(s => {
        const l = LABELS[typeof localeOf === 'function' ? localeOf(s) : localeOf];
        const title = s.title ? ` "${s.title}"` : '';
        const heading = `${s.file}: ${l.assessment} ${s.assessment}${title} (${l.profile} ${s.profile})`;
        const header = [l.row, l.family, l.target, l.actual, l.weight, l.claimed, l.rule, l.diff, l.reason];
        const lines = s.rows.map(r => [r.row, r.family ?? '', r.target ?? '', r.actual ?? '', num(r.weight), num(r.claimed), num(r.ruleScore), signed(r.difference), r.reason]);
        if (!s.scored) return [heading, '', ...table([header, ...lines], NUMERIC), '', l.unscored, ''].join('\n');
        const rows = [
            header,
            ...lines,
            [],
            ...s.level1.map(x => [`  ${x.family}`, '', '', '', num(x.weight), num(x.claimed), num(x.ruleScore), signed(x.difference), '']),
            [],
            [l.total, '', '', '', num(s.total.declaredWeight ?? s.total.weight), num(s.total.declaredScore ?? s.total.claimed), num(s.total.ruleScore), signed(s.total.difference), ''],
        ];
        const grade = `${l.grade}: ${l.claimedGrade} ${s.grade.claimed ?? '—'}, ${l.computedGrade} ${s.grade.computed}`;
        return [heading, '', ...table(rows, NUMERIC), '', grade, ''].join('\n');
    }).join('\n');
}
