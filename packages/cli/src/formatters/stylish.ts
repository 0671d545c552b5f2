import { relative } from 'node:path';
import type { FileResult } from '../results.js';

const SEVERITY = ['info', 'warning', 'error'] as const;

/** Grouped by file, one line per problem, a summary line; colours only on a TTY. */
export function formatStylish(results: readonly FileResult[], color: boolean): string {
    const paint = (code: number, s: string) => (color ? `\u001b[${code}m${s}\u001b[0m` : s);
    const lines: string[] = [];
    let errors = 0, warnings = 0, infos = 0;
    for (const r of results) {
        errors += r.errorCount; warnings += r.warningCount; infos += r.infoCount;
        if (r.messages.length === 0) continue;
        lines.push(paint(4, relative(process.cwd(), r.filePath) || r.filePath));
        for (const m of r.messages) {
            const sev = SEVERITY[m.severity];
            const sevText = m.severity === 2 ? paint(31, sev) : m.severity === 1 ? paint(33, sev) : paint(36, sev);
            lines.push(`  ${`${m.line}:${m.column}`.padEnd(7)} ${sevText.padEnd(color ? 16 : 7)}  ${m.message}  ${paint(2, m.ruleId)}`);
        }
        lines.push('');
    }
    const total = errors + warnings + infos;
    if (total === 0) return '';
    const summary = `✖ ${total} problem${total === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}, ${infos} info)`;
    lines.push(errors > 0 ? paint(31, summary) : paint(33, summary));
    return lines.join('\n') + '\n';
}
