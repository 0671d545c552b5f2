import type { Locale } from '@kpispec/language';
import { gradeLine, NUMERIC, rowCells, sheetColumns, sheetHeading, sheetLabels, sumCells, totalCells } from '../../../cli/src/score/table.js';
import type { ScoreSheet } from '../protocol.js';
import { translate } from './i18n.js';
import { escapeHtml } from './markdown.js';

/** Each assessment's recomputed form: the rows, level-1 sums and total of `kpispec score`, then the grade, in its words. */
export function renderScoreSheets(root: HTMLElement, sheets: readonly ScoreSheet[], locale: Locale): void {
    if (sheets.length === 0) {
        root.innerHTML = `<p class="empty">${escapeHtml(translate(locale, 'noSheets'))}</p>`;
        return;
    }
    const cells = (values: readonly string[], tag = 'td') => values.map((v, i) => `<${tag}${NUMERIC.has(i) ? ' class="num"' : ''}>${escapeHtml(v)}</${tag}>`).join('');
    root.innerHTML = sheets.map(s => {
        const heading = `<h3>${escapeHtml(sheetHeading(s, locale))}</h3>`;
        const head = `<thead><tr>${cells(sheetColumns(locale), 'th')}</tr></thead>`;
        const rows = s.rows.map(r => `<tr class="${r.difference ? 'off' : ''}">${cells(rowCells(r))}</tr>`);
        // A form without scores (no line has a 分值) gets no sums, total or grade, as in `kpispec score`.
        if (!s.scored) {
            return `<section class="sheet">${heading}<table>${head}<tbody>${rows.join('')}</tbody></table>`
                + `<p class="grade">${escapeHtml(sheetLabels(locale).unscored)}</p></section>`;
        }
        const sums = s.level1.map(x => `<tr class="sum">${cells(sumCells(x))}</tr>`);
        const total = `<tr class="total">${cells(totalCells(s, locale))}</tr>`;
        return `<section class="sheet">${heading}<table>${head}<tbody>${[...rows, ...sums, total].join('')}</tbody></table>`
            + `<p class="grade">${escapeHtml(gradeLine(s, locale))}</p></section>`;
    }).join('');
}
