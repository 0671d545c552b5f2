import { resolve } from 'node:path';
import { shownPath } from '../shown-path.js';
import type { Bilingual, Locale } from '@kpispec/language/core';
import type { SkipNoForm } from './workbook-documents.js';

/** A workbook found in a folder that holds no form, passed over. */
export interface SkippedWorkbook {
    /** Relative to the working folder when inside it, else absolute. */
    readonly file: string;
    /** Why it holds no form, in both languages: the page and the note each say it in their own. */
    readonly reason: Bilingual;
}

/**
 * How `kpispec lint`, `kpispec report` and the editor's report view treat a workbook that holds
 * no form. Named on the command line it is an error (one line, exit 2), as the user asked for it;
 * found in a folder of submissions it is a stray spreadsheet (a 预算明细 beside the forms) and is
 * skipped, so that it does not stop the review of the rest: `skipped` hears of each. KPI Spec's own
 * review workbook, saved among the submissions, is skipped without a word: it is no submission.
 */
export function skipStrayWorkbooks(paths: readonly string[], cwd: string, skipped: (workbook: SkippedWorkbook) => void): SkipNoForm {
    const named = new Set(paths.map(p => resolve(cwd, p)));
    return (file, why) => {
        if (named.has(file)) return false;
        if (why.kind === 'review') return true;
        skipped({ file: shownPath(file, cwd), reason: why.text });
        return true;
    };
}

/** The one-line note on stderr about a skipped workbook. */
export function skippedNote({ file, reason }: SkippedWorkbook, locale: Locale): string {
    return locale === 'en'
        ? `kpispec: skipped ${file}: ${reason.en}; not a performance form\n`
        : `kpispec: 已跳过 ${file}：${reason.zh}，不是绩效表单\n`;
}
