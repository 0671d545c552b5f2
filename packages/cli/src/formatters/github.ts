import { relative, sep } from 'node:path';
import { markdownText, pick, SEVERITY_WORDS, visibleControls, type Bilingual } from '@kpispec/language/core';
import { totals, type FileResult, type LintMessage, type ReportContext } from '../results.js';
import { countsText } from './counts.js';
import { fillPlaceholders } from './plural.js';
import { relatedText } from './related.js';
import { ruleHelpUri } from '../rule-links.js';

const COMMAND = ['notice', 'warning', 'error'] as const;

/**
 * Workflow-command data: `%`, CR and LF are encoded so a message stays one command; other
 * control characters are shown as escapes (the log would interpret ESC sequences).
 */
export function escapeData(s: string): string {
    return visibleControls(s, '\r\n').replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Workflow-command properties also encode the `:` and `,` that delimit them. */
export function escapeProperty(s: string): string {
    return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function repoPath(file: string, context: ReportContext): string {
    return relative(context.env['GITHUB_WORKSPACE'] || context.cwd, file).split(sep).join('/');
}

/**
 * The message and, a line each, the places it names elsewhere (`→ contract.kpi:9 合同…条款「接通率」`),
 * so an annotation or a summary row says which clause a target is below.
 */
function withRelated(text: string, m: LintMessage, context: ReportContext): string {
    return text + (m.related ?? []).map(r => `\n${relatedText(r, file => repoPath(file, context), false)}`).join('');
}

/**
 * GitHub Actions annotations, one workflow command per problem, the places it names elsewhere on
 * lines of its message (`%0A`). GitHub shows only the first few annotations of a step, so `lint`
 * also appends `stepSummary` to the job summary.
 */
export function formatGithub(results: readonly FileResult[], context: ReportContext): string {
    const lines = results.flatMap(r => r.messages.map(m => {
        const props = [
            `file=${escapeProperty(repoPath(r.filePath, context))}`,
            `line=${m.line}`, `col=${m.column}`, `endLine=${m.endLine}`, `endColumn=${m.endColumn}`,
            `title=${escapeProperty(m.ruleId)}`,
        ].join(',');
        return `::${COMMAND[m.severity]} ${props}::${escapeData(withRelated(m.cell ? `${m.cell}: ${m.message}` : m.message, m, context))}`;
    }));
    return lines.length ? lines.join('\n') + '\n' : '';
}

const MAX_SUMMARY_ROWS = 1000;

/** The job summary's words; its table's heads are the web page's. */
const SUMMARY = {
    noProblems: { zh: '未发现问题。', en: 'No problems found.' },
    heads: { zh: '| 文件 | 位置 | 级别 | 规则 | 说明 |', en: '| File | Line | Severity | Rule | Message |' },
    more: { zh: '… 另有 {more} 条：在本地运行 `kpispec lint` 查看完整清单。', en: '… and {more} more: run `kpispec lint` locally for the full list.' },
} satisfies Record<string, Bilingual>;

/** A table cell: text whose line breaks (in syntax errors) become `<br>`. */
function cell(s: string): string {
    return s.split(/\r?\n/).map(markdownText).join('<br>');
}

/**
 * A Markdown table of every problem (up to a thousand rows), linking each rule to its page; the
 * places a problem names elsewhere are lines of its Message cell. File names and messages are
 * text: their Markdown and HTML are escaped, not rendered. In the run's language.
 */
export function stepSummary(results: readonly FileResult[], context: ReportContext): string {
    const t = (text: Bilingual) => pick(context.locale, text);
    const rows = results.flatMap(r => r.messages.map(m => ({ file: repoPath(r.filePath, context), m })));
    const out = [`### KPI Spec${context.locale === 'en' ? ': ' : '：'}${countsText(totals(results), context.locale)}`, ''];
    if (rows.length === 0) return out.concat(t(SUMMARY.noProblems), '', '').join('\n');
    out.push(t(SUMMARY.heads), '| --- | ---: | --- | --- | --- |');
    for (const { file, m } of rows.slice(0, MAX_SUMMARY_ROWS)) {
        out.push(`| ${cell(file)} | ${m.cell ? cell(m.cell) : m.line} | ${t(SEVERITY_WORDS[m.severity])} | [${cell(m.ruleId)}](${ruleHelpUri(context.docsBaseUrl, m.ruleId)}) | ${cell(withRelated(m.message, m, context))} |`);
    }
    if (rows.length > MAX_SUMMARY_ROWS) out.push('', fillPlaceholders(t(SUMMARY.more), { more: rows.length - MAX_SUMMARY_ROWS }));
    return out.join('\n') + '\n\n';
}
