import type { Locale } from '@kpispec/language';
import { num, signed } from '../../../cli/src/score/table.js';
import type { ScoreSheet } from '../protocol.js';
import { translate, type StringKey } from './i18n.js';
import { escapeHtml } from './markdown.js';

/** Each assessment's recomputed form: the rows, level-1 sums and total of `kpispec score`, then the grade. */
export function renderScoreSheets(root: HTMLElement, sheets: readonly ScoreSheet[], locale: Locale): void {
    const t = (key: StringKey, values?: Record<string, string | number>) => translate(locale, key, values);
    if (sheets.length === 0) {
        root.innerHTML = `<p class="empty">${escapeHtml(t('noSheets'))}</p>`;
        return;
    }
    const cells = (values: readonly string[], tag = 'td') => values.map((v, i) => `<${tag}${i >= 4 && i <= 7 ? ' class="num"' : ''}>${escapeHtml(v)}</${tag}>`).join('');
    root.innerHTML = sheets.map(s => {
        const heading = `${s.file}: ${s.assessment}${s.title ? ` "${s.title}"` : ''} (${t('sheetProfile')} ${s.profile})`;
        const head = cells(['sheetRow', 'sheetFamily', 'sheetTarget', 'sheetActual', 'sheetWeight', 'sheetClaimed', 'sheetRule', 'sheetDiff', 'sheetReason']
            .map(k => t(k as StringKey)), 'th');
        const rows = s.rows.map(r => `<tr class="${r.difference ? 'off' : ''}">${cells([r.row, r.family ?? '', r.target ?? '', r.actual ?? '',
            num(r.weight), num(r.claimed), num(r.ruleScore), signed(r.difference), r.reason])}</tr>`);
        // A form without scores (no line has a 分值) gets no sums, total or grade, as in `kpispec score`.
        if (!s.scored) {
            return `<section class="sheet"><h3>${escapeHtml(heading)}</h3><table><thead><tr>${head}</tr></thead>`
                + `<tbody>${rows.join('')}</tbody></table><p class="grade">${escapeHtml(t('sheetUnscored'))}</p></section>`;
        }
        const sums = s.level1.map(x => `<tr class="sum">${cells([x.family, '', '', '', num(x.weight), num(x.claimed), num(x.ruleScore), signed(x.difference), ''])}</tr>`);
        const total = `<tr class="total">${cells([t('sheetTotal'), '', '', '', num(s.total.declaredWeight ?? s.total.weight),
            num(s.total.declaredScore ?? s.total.claimed), num(s.total.ruleScore), signed(s.total.difference), ''])}</tr>`;
        const grade = t('sheetGrade', { claimed: s.grade.claimed ?? '—', computed: s.grade.computed ?? '—' });
        return `<section class="sheet"><h3>${escapeHtml(heading)}</h3><table><thead><tr>${head}</tr></thead>`
            + `<tbody>${[...rows, ...sums, total].join('')}</tbody></table><p class="grade">${escapeHtml(grade)}</p></section>`;
    }).join('');
}
