import { relative } from 'node:path';
import { SEVERITY_NAME, type FileResult, type ReportContext } from '../results.js';

/** XML 1.0 text: escaped markup characters, no control characters it forbids. */
function xml(s: string): string {
    return s
        .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
        .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
        .replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/**
 * JUnit XML for CI test reports: a suite per file, a failing test case per error or warning
 * (infos are passing cases that say what they found), one passing case for a clean file.
 */
export function formatJunit(results: readonly FileResult[], context: ReportContext): string {
    const suites = results.map(r => {
        const name = relative(context.cwd, r.filePath) || r.filePath;
        const failures = r.errorCount + r.warningCount;
        const cases = r.messages.length === 0
            ? [`    <testcase name="kpispec" classname="${xml(name)}"/>`]
            : r.messages.map(m => {
                const where = m.cell ?? `${m.line}:${m.column}`;
                const caseName = `${where} ${m.ruleId}`;
                const detail = `${name}${m.cell ? ` ${m.cell}` : `:${where}`} ${SEVERITY_NAME[m.severity]} ${m.ruleId}: ${m.message}`;
                const body = m.severity === 0
                    ? `<system-out>${xml(detail)}</system-out>`
                    : `<failure message="${xml(m.message)}" type="${SEVERITY_NAME[m.severity]}">${xml(detail)}</failure>`;
                return `    <testcase name="${xml(caseName)}" classname="${xml(name)}">${body}</testcase>`;
            });
        const tests = Math.max(1, r.messages.length);
        return [`  <testsuite name="${xml(name)}" tests="${tests}" failures="${failures}" errors="0">`, ...cases, '  </testsuite>'].join('\n');
    });
    const tests = results.reduce((n, r) => n + Math.max(1, r.messages.length), 0);
    const failures = results.reduce((n, r) => n + r.errorCount + r.warningCount, 0);
    return [
        '<?xml version="1.0" encoding="utf-8"?>',
        `<testsuites name="kpispec" tests="${tests}" failures="${failures}" errors="0">`,
        ...suites,
        '</testsuites>',
        '',
    ].join('\n');
}
