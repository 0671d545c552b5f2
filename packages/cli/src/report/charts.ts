import type { Locale } from '@kpispec/language/core';
import { escapeHtml } from './escape.js';
import { aside, comma, label, semicolon } from './i18n.js';
import type { FundsLine, MilestoneRow, TargetRow } from './model.js';

// Charts are inline SVG: no script, no external file, readable by screen readers through
// role="img", <title> and aria-label, and printed as vectors.

let serial = 0;

/** Restarts the ids of chart titles: one page's ids are unique, and the same data renders the same. */
export function startCharts(): void {
    serial = 0;
}

function svg(width: number, height: number, title: string, body: string, className: string): string {
    const id = `chart-${++serial}`;
    return `<svg class="${className}" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="${id}" aria-label="${escapeHtml(title)}"><title id="${id}">${escapeHtml(title)}</title>${body}</svg>`;
}

const fmt = (n: number) => String(Math.round(n * 100) / 100);

export interface GradeCount {
    grade: string;
    claimed: number;
    recomputed: number;
}

/** Grouped bars: how many assessments claim each grade, and how many the rules give. */
export function gradeChart(counts: readonly GradeCount[], locale: Locale): string {
    const width = 480, height = 200, left = 36, bottom = 28, top = 16;
    const max = Math.max(1, ...counts.flatMap(c => [c.claimed, c.recomputed]));
    const slot = (width - left - 8) / Math.max(1, counts.length);
    const bar = Math.min(36, slot / 3);
    const y = (n: number) => top + (height - top - bottom) * (1 - n / max);
    let body = `<line x1="${left}" y1="${height - bottom}" x2="${width}" y2="${height - bottom}" class="axis"/>`;
    counts.forEach((c, i) => {
        const x = left + i * slot + slot / 2;
        for (const [k, n, cls] of [[-1, c.claimed, 'claimed'], [0, c.recomputed, 'recomputed']] as const) {
            const bx = x + k * bar;
            body += `<rect class="${cls}" x="${fmt(bx)}" y="${fmt(y(n))}" width="${fmt(bar - 2)}" height="${fmt(height - bottom - y(n))}"/>`;
            body += `<text x="${fmt(bx + bar / 2 - 1)}" y="${fmt(y(n) - 3)}" text-anchor="middle" class="value">${n}</text>`;
        }
        body += `<text x="${fmt(x)}" y="${height - bottom + 16}" text-anchor="middle">${escapeHtml(c.grade)}</text>`;
    });
    const list = counts.map(c => `${c.grade} ${label(locale, 'claimed')} ${c.claimed} / ${label(locale, 'recomputed')} ${c.recomputed}`).join(semicolon(locale));
    return svg(width, height, label(locale, 'gradeChartAlt', { list }), body, 'chart grades');
}

/**
 * A bullet chart of one indicator: the target as a bar, each clause, requirement, baseline and
 * last year's value as a tick, the actual as a dot, on one scale from 0 (or the lowest value).
 */
export function bulletChart(row: TargetRow, locale: Locale): string | undefined {
    const target = row.target?.value;
    if (target === undefined) return undefined;
    const marks = [...row.references.map(r => ({ value: r.value, cls: r.kind, text: r.text })),
        ...(row.lastYear ? [{ value: row.lastYear.value, cls: 'last-year', text: row.lastYear.text }] : [])]
        .filter((m): m is { value: number; cls: string; text: string } => m.value !== undefined);
    const actual = row.actual?.value;
    const values = [target, ...marks.map(m => m.value), ...(actual === undefined ? [] : [actual])];
    // Zoomed on the values (80 %, 89.19 %, 90 %, 95 % are far apart on 0–100 % only in print).
    const min = Math.min(...values), max = Math.max(...values);
    const spread = max - min || Math.abs(max) * 0.2 || 1;
    const lo = min >= 0 ? Math.max(0, min - spread * 0.6) : min - spread * 0.6;
    const hi = max + spread * 0.4;
    const width = 220, height = 30, pad = 4;
    const x = (v: number) => pad + (width - 2 * pad) * (v - lo) / (hi - lo);
    const lower = row.target?.op === '<=' || row.target?.op === '<';
    // The bar covers what the target accepts: up to it for a ceiling, from it for a floor.
    const [from, to] = lower ? [lo, target] : [target, hi];
    let body = `<rect class="track" x="${pad}" y="9" width="${width - 2 * pad}" height="12"/>`;
    body += `<rect class="accepted${row.weaker ? ' weaker' : ''}" x="${fmt(x(from))}" y="9" width="${fmt(x(to) - x(from))}" height="12"/>`;
    for (const m of marks) body += `<line class="tick ${m.cls}" x1="${fmt(x(m.value))}" y1="4" x2="${fmt(x(m.value))}" y2="26"/>`;
    if (actual !== undefined) body += `<circle class="actual" cx="${fmt(x(actual))}" cy="15" r="4"/>`;
    const refs = marks.map(m => `${comma(locale)}${m.text}`).join('');
    const title = label(locale, 'bulletAlt', {
        indicator: row.title ?? row.indicator, target: row.target!.text, refs,
        actual: row.actual ? label(locale, 'bulletActual', { actual: row.actual.text }) : '',
    }) + (row.weaker ? aside(locale, label(locale, 'weaker')) : '');
    return svg(width, height, title, body, 'chart bullet');
}

/** Milestones on one time axis: each planned date, and the line to when it was done (or the assessment date). */
export function timelineChart(milestones: readonly MilestoneRow[], locale: Locale): string | undefined {
    const dated = milestones.filter(m => m.plannedDay !== undefined);
    if (dated.length === 0) return undefined;
    const days = dated.flatMap(m => [m.plannedDay!, ...(m.doneDay === undefined ? [] : [m.doneDay])]);
    const lo = Math.min(...days) - 30, hi = Math.max(...days) + 30;
    const width = 640, rowHeight = 26, top = 8, labelWidth = 150, bottom = 24;
    const height = top + dated.length * rowHeight + bottom;
    const x = (d: number) => labelWidth + (width - labelWidth - 12) * (d - lo) / (hi - lo);
    let body = '';
    // Year ticks.
    const first = new Date(lo * 86_400_000).getUTCFullYear() + 1, last = new Date(hi * 86_400_000).getUTCFullYear();
    for (let year = first; year <= last; year++) {
        const d = Date.UTC(year, 0, 1) / 86_400_000;
        body += `<line class="grid" x1="${fmt(x(d))}" y1="${top}" x2="${fmt(x(d))}" y2="${height - bottom}"/><text x="${fmt(x(d))}" y="${height - 8}" text-anchor="middle">${year}</text>`;
    }
    dated.forEach((m, i) => {
        const cy = top + i * rowHeight + rowHeight / 2;
        body += `<text x="4" y="${fmt(cy + 4)}" class="name">${escapeHtml(truncate(m.title ?? m.name, 12))}</text>`;
        if (m.doneDay !== undefined) {
            const late = (m.delayDays ?? 0) > 0;
            body += `<line class="span ${late ? 'late' : 'on-time'} ${m.status}" x1="${fmt(x(m.plannedDay!))}" y1="${fmt(cy)}" x2="${fmt(x(m.doneDay))}" y2="${fmt(cy)}"/>`;
            body += m.status === 'done'
                ? `<circle class="done ${late ? 'late' : ''}" cx="${fmt(x(m.doneDay))}" cy="${fmt(cy)}" r="5"/>`
                : `<path class="pending" d="M${fmt(x(m.doneDay))},${fmt(cy - 6)} l6,6 l-6,6 l-6,-6 z"/>`;
        }
        body += `<rect class="planned" x="${fmt(x(m.plannedDay!) - 1.5)}" y="${fmt(cy - 8)}" width="3" height="16"/>`;
    });
    const items = dated.map(m => [
        `${m.title ?? m.name} ${label(locale, 'plannedOn', { date: m.planned ?? '' })}`,
        ...(m.done ? [`${statusText(m, locale)} ${m.done}`] : []),
        // "10 days late" (滞后 10 天), or "on time" (按期).
        ...(m.delayDays === undefined ? [] : [m.delayDays > 0 ? label(locale, 'lateBy', { days: delayText(m, locale)! }) : label(locale, 'onTime')]),
    ].join(comma(locale))).join(semicolon(locale));
    return svg(width, height, label(locale, 'timelineAlt', { items }), body, 'chart timeline');
}

/** Bars of 年初预算, 全年预算 and 全年执行 per funds line. */
export function fundsChart(lines: readonly FundsLine[], locale: Locale): string | undefined {
    const drawn = lines.filter(l => l.values.budgeted !== undefined || l.values.spent !== undefined);
    if (drawn.length === 0) return undefined;
    const max = Math.max(...drawn.flatMap(l => [l.values.initial ?? 0, l.values.budgeted ?? 0, l.values.spent ?? 0])) || 1;
    const width = 640, labelWidth = 150, barHeight = 13, gap = 10;
    const kinds = ['initial', 'budgeted', 'spent'] as const;
    const rowHeight = kinds.length * (barHeight + 5) + gap;
    const height = drawn.length * rowHeight + 4;
    // Room on the right for the longest value label (Annual budget 10666 万元).
    const w = (v: number) => (width - labelWidth - 190) * v / max;
    let body = '';
    drawn.forEach((l, i) => {
        const y0 = 2 + i * rowHeight;
        body += `<text x="4" y="${y0 + 24}" class="name">${escapeHtml(truncate(l.label, 12))}</text>`;
        kinds.forEach((k, j) => {
            const v = l.values[k];
            if (v === undefined) return;
            const y = y0 + j * (barHeight + 5);
            body += `<rect class="${k}" x="${labelWidth}" y="${y}" width="${fmt(w(v))}" height="${barHeight}"/>`;
            body += `<text x="${fmt(labelWidth + w(v) + 4)}" y="${y + barHeight - 2}" class="value">${escapeHtml(`${label(locale, k)} ${l[k]}`)}</text>`;
        });
    });
    const items = drawn.map(l => [l.label, ...kinds.filter(k => l[k]).map(k => `${label(locale, k)} ${l[k]}`), ...(l.rate === undefined ? [] : [`${label(locale, 'rate')} ${fmt(l.rate * 100)}%`])].join(' ')).join(semicolon(locale));
    return svg(width, height, label(locale, 'fundsAlt', { items }), body, 'chart funds');
}

export function statusText(m: MilestoneRow, locale: Locale): string {
    return label(locale, m.status === 'done' ? 'statusDone' : m.status === 'pending' ? 'statusPending' : 'statusUnknown');
}

export function delayText(m: MilestoneRow, locale: Locale): string | undefined {
    if (m.delayDays === undefined) return undefined;
    return m.delayDays > 0 ? label(locale, m.delayDays === 1 ? 'day' : 'days', { n: m.delayDays }) : label(locale, 'onTime');
}

/** Shortens a label to about `width` Chinese characters (two Latin letters take the room of one). */
function truncate(text: string, width: number): string {
    let used = 0, out = '';
    for (const c of text) {
        used += /[\u0000-\u00ff]/.test(c) ? 0.55 : 1;
        if (used > width) return `${out}…`;
        out += c;
    }
    return out;
}
