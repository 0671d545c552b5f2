import type { Locale } from '@kpispec/language';
import type { Findings } from '../protocol.js';
import { translate } from './i18n.js';
import { escapeHtml } from './markdown.js';

/**
 * The reviewer report of the dropped files. The hook for `kpispec report`: when its renderer
 * exists, it takes the findings and returns the report's HTML here (and the page can offer
 * that HTML for saving). Until then: each file's counts, then the score sheets (their tab).
 */
export type ReportRenderer = (findings: Findings, locale: Locale) => string;

let renderer: ReportRenderer | undefined;

export function registerReportRenderer(render: ReportRenderer): void {
    renderer = render;
}

export function renderReport(root: HTMLElement, findings: Findings, locale: Locale): void {
    if (renderer) {
        root.innerHTML = renderer(findings, locale);
        return;
    }
    const t = (key: Parameters<typeof translate>[1]) => escapeHtml(translate(locale, key));
    const rows = findings.results.map(r => `<tr><td>${escapeHtml(r.filePath)}</td><td class="num">${r.errorCount}</td>`
        + `<td class="num">${r.warningCount}</td><td class="num">${r.infoCount}</td></tr>`);
    root.innerHTML = `<p class="note">${t('reportPending')}</p><table><thead><tr><th>${t('reportFiles')}</th><th>${t('error')}</th>`
        + `<th>${t('warning')}</th><th>${t('info')}</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}
