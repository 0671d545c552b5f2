import type { Locale } from '@kpispec/language';
import type { FileResult, LintMessage } from '../protocol.js';
import { translate, type StringKey } from './i18n.js';
import { escapeHtml } from './markdown.js';
import { hasRulePage, ruleHref, ruleTitle } from './rule-docs.js';

const SEVERITY: Record<LintMessage['severity'], StringKey> = { 2: 'error', 1: 'warning', 0: 'info' };

export interface Filters {
    severity: string;
    rule: string;
    file: string;
}

/** Fills a filter's options, keeping the choice when it is still offered. */
function fillSelect(select: HTMLSelectElement, all: string, options: ReadonlyArray<[string, string]>): void {
    const keep = select.value;
    select.innerHTML = [`<option value="">${escapeHtml(all)}</option>`,
        ...options.map(([value, label]) => `<option value="${escapeHtml(value)}">${escapeHtml(label)}</option>`)].join('');
    select.value = options.some(([value]) => value === keep) ? keep : '';
}

/**
 * The findings table and its three filters (severity, rule, file); a .kpi file's row opens it in
 * the editor, and so does each place its message names elsewhere (the contract clause a target
 * is weaker than), listed under the message.
 */
export function renderFindings(root: HTMLElement, results: readonly FileResult[], locale: Locale, filters: Filters): void {
    const t = (key: StringKey, values?: Record<string, string | number>) => translate(locale, key, values);
    const [severity, rule, file] = ['severity', 'rule', 'file'].map(name => root.querySelector<HTMLSelectElement>(`select[name=${name}]`)!);
    fillSelect(severity!, t('allSeverities'), (['2', '1', '0'] as const).map(s => [s, t(SEVERITY[s])]));
    const rules = [...new Set(results.flatMap(r => r.messages.map(m => m.ruleId)))].sort();
    fillSelect(rule!, t('allRules'), rules.map(id => [id, ruleTitle(id, locale) ? `${id} — ${ruleTitle(id, locale)}` : id]));
    fillSelect(file!, t('allFiles'), results.map(r => [r.filePath, r.filePath]));
    Object.assign(filters, { severity: severity!.value, rule: rule!.value, file: file!.value });

    const rows = results.flatMap(r => r.messages.map(m => ({ file: r.filePath, m })))
        .filter(({ file: f, m }) => (!filters.severity || String(m.severity) === filters.severity)
            && (!filters.rule || m.ruleId === filters.rule) && (!filters.file || f === filters.file));
    const total = results.reduce((n, r) => n + r.messages.length, 0);
    root.querySelector('.count')!.textContent = total === 0 ? t('noFindings') : t('shown', { shown: rows.length, total });
    root.querySelector('tbody')!.innerHTML = rows.map(({ file: f, m }) => {
        const rule = hasRulePage(m.ruleId)
            ? `<a class="rule" href="${escapeHtml(ruleHref(m.ruleId))}" title="${escapeHtml(ruleTitle(m.ruleId, locale) ?? '')}">${escapeHtml(m.ruleId)}</a>`
            : `<span class="rule">${escapeHtml(m.ruleId)}</span>`;
        // A workbook's finding names its sheet and cell (`自评表!F14`), as `kpispec lint` does; there is no text to edit.
        const file = m.cell === undefined ? `<a href="#edit" data-open="${escapeHtml(f)}" data-line="${m.line}">${escapeHtml(f)}</a>` : escapeHtml(f);
        const related = (m.related ?? []).map(r => `<a class="related" href="#edit" data-open="${escapeHtml(r.filePath)}" data-line="${r.line}">`
            + `${escapeHtml(t('relatedPlace', { what: r.message, where: `${r.filePath}:${r.line}` }))}</a>`).join('');
        return `<tr class="sev-${m.severity}">`
            + `<td class="file">${file}</td>`
            + `<td class="line">${escapeHtml(m.cell ?? `${m.line}:${m.column}`)}</td>`
            + `<td class="severity">${escapeHtml(t(SEVERITY[m.severity]))}</td>`
            + `<td>${rule}</td><td class="message"><span class="text">${escapeHtml(m.message)}</span>${related}</td></tr>`;
    }).join('');
}
