import { relative } from 'node:path';
import { pick, SEVERITY_WORDS, visibleControls } from '@kpispec/language/core';
import { displayWidth, pad } from '@kpispec/language/display-width';
import { SEVERITY_NAME, totals, type FileResult, type ReportContext } from '../results.js';
import { countsText } from './counts.js';
import { plural } from './plural.js';
import { relatedText } from './related.js';

const COLOR = { error: 31, warning: 33, info: 36, dim: 2, underline: 4 } as const;

/** A message on one line: its line breaks (in syntax errors) become spaces; control characters show as escapes. */
function oneLine(s: string): string {
    return visibleControls(s.replace(/\s*\r?\n\s*/g, ' '));
}

/**
 * Grouped by file, one aligned row per problem (wide characters count two columns), under it a
 * dim line per place it names elsewhere (`→ contract.kpi:9:8  合同…条款「接通率」`), a summary
 * line, in the run's language. File names and messages (which quote the file) show control
 * characters as escapes.
 */
export function formatStylish(results: readonly FileResult[], context: ReportContext): string {
    const paint = (code: number, s: string) => (context.color ? `\u001b[${code}m${s}\u001b[0m` : s);
    // Paths relative to the working folder, as the file headers and the related places name them.
    const path = (file: string) => visibleControls(relative(context.cwd, file) || file);
    const lines: string[] = [];
    const severityWidth = Math.max(...Object.values(SEVERITY_WORDS).map(words => displayWidth(pick(context.locale, words))));
    for (const r of results) {
        if (r.messages.length === 0) continue;
        lines.push(paint(COLOR.underline, path(r.filePath)));
        const rows = r.messages.map(m => ({
            position: m.cell ?? `${m.line}:${m.column}`,
            severity: m.severity,
            message: oneLine(m.message),
            rule: visibleControls(m.ruleId),
            related: m.related,
        }));
        // Not Math.max(...rows): spreading 125,000 rows into arguments overflows the stack.
        const widths = {
            position: rows.reduce((w, x) => Math.max(w, displayWidth(x.position)), 0),
            message: rows.reduce((w, x) => Math.max(w, displayWidth(x.message)), 0),
        };
        for (const row of rows) {
            const severity = paint(COLOR[SEVERITY_NAME[row.severity]], pad(pick(context.locale, SEVERITY_WORDS[row.severity]), severityWidth));
            lines.push(`  ${pad(row.position, widths.position)}  ${severity}  ${pad(row.message, widths.message)}  ${paint(COLOR.dim, row.rule)}`.trimEnd());
            // Not part of the alignment: a long path would widen every row of the file.
            for (const related of row.related ?? []) {
                lines.push(paint(COLOR.dim, `    ${relatedText({ ...related, message: oneLine(related.message) }, path, true, '  ')}`));
            }
        }
        lines.push('');
    }
    const counts = totals(results);
    const { errors, warnings, infos } = counts;
    const total = errors + warnings + infos;
    if (total === 0) return '';
    const summary = context.locale === 'en' ? `✖ ${plural(total, 'problem')} (${countsText(counts, 'en')})` : `✖ ${total} 个问题（${countsText(counts, 'zh-CN')}）`;
    lines.push(paint(errors > 0 ? COLOR.error : warnings > 0 ? COLOR.warning : COLOR.info, summary));
    return lines.join('\n') + '\n';
}
