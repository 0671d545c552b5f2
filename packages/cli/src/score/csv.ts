import type { ScoreSheet } from './sheet.js';
import { num, signed } from './table.js';

const HEADER = ['file', 'assessment', 'section', 'row', 'level1', 'target', 'actual', 'weight', 'claimed', 'rule_score', 'difference', 'reason'];

/** A plain number, signed or not (`-0.5`, `+2`): Excel reads it as a number, never as a formula. */
const NUMBER = /^[+-]?\d+(\.\d+)?%?$/;

/** A comparison or a negative figure: `=100%` (a target), `-3 天`, `=2023-11-30`, `=6 万元/公里`. */
const FIGURE = /^[=-]\d+(\.\d+)?(%|-\d\d-\d\d| [^\s=+\-@(),;"]+)?$/;
/** Look-alikes no spreadsheet reads as the start of a formula: full-width equals, the minus sign. */
const LOOK_ALIKE: Readonly<Record<string, string>> = { '=': '\uff1d', '-': '\u2212' };

/**
 * Excel and WPS run a cell that begins with `=`, `+`, `-` or `@` (or a tab or CR before one) as a
 * formula (CSV injection): a title such as `=HYPERLINK(…)` copied from a form would run on the
 * reviewer's machine. OWASP's advice is that no cell begin with those characters, else that each
 * be led by an apostrophe; but the apostrophe is then part of the value (scripts reading the file
 * see it, Excel opening a CSV shows it), and a target `=100%` is no formula to its reader but a
 * comparison, which Excel would compute and show as 1. So:
 * - a plain number (`-0.5`, `+2`, `95%`) stays as it is: Excel reads it as the number;
 * - a comparison or a negative figure (`=100%`, `-3 天`) is written with the look-alike ＝ or −,
 *   which reads the same and is text to every spreadsheet;
 * - any other text starting so (`=HYPERLINK(…)`, `@SUM(…)`) gets the apostrophe (OWASP, ASVS 1.2.10).
 */
function guarded(value: string): string {
    if (!/^[=+\-@\t\r]/.test(value) || NUMBER.test(value)) return value;
    if (FIGURE.test(value)) return LOOK_ALIKE[value[0]!] + value.slice(1);
    return `'${value}`;
}

/** RFC 4180 quoting: fields with commas, quotes or line breaks are quoted, quotes doubled. */
function field(raw: string): string {
    const value = guarded(raw);
    return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * One CSV for every assessment: a line per row (section `indicator` or `execution`), per level-1 sum
 * (`level1`), the total and the grade. Starts with a UTF-8 byte order mark, without which Excel
 * reads Chinese text as mojibake.
 */
export function formatScoreCsv(sheets: readonly ScoreSheet[]): string {
    const lines = [HEADER];
    for (const s of sheets) {
        const base = [s.file, s.assessment];
        for (const r of s.rows) {
            lines.push([...base, r.kind, r.row, r.family ?? '', r.target ?? '', r.actual ?? '', num(r.weight), num(r.claimed), num(r.ruleScore), signed(r.difference), r.reason]);
        }
        for (const x of s.level1) lines.push([...base, 'level1', '', x.family, '', '', num(x.weight), num(x.claimed), num(x.ruleScore), signed(x.difference), '']);
        lines.push([...base, 'total', '', '', '', '', num(s.total.declaredWeight ?? s.total.weight), num(s.total.declaredScore ?? s.total.claimed), num(s.total.ruleScore), signed(s.total.difference), '']);
        lines.push([...base, 'grade', '', '', '', '', '', s.grade.claimed ?? '', s.grade.computed ?? '', '', s.scored ? '' : 'not scored']);
    }
    return '\ufeff' + lines.map(l => l.map(field).join(',')).join('\r\n') + '\r\n';
}
