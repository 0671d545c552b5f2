import { relative, resolve } from 'node:path';
import type { Locale } from '@kpispec/language';
import type { Io } from '../io.js';
import type { SkipNoForm } from './workbook-documents.js';

/**
 * How `kpispec lint` treats a workbook that holds no form. Named on the command line it is an
 * error (one line, exit 2), as the user asked for it; found in a folder of submissions it is a
 * stray spreadsheet (a 预算明细 beside the forms) and is skipped with a one-line note on stderr,
 * so that it does not stop the review of the rest.
 */
export function skipStrayWorkbooks(paths: readonly string[], io: Io, locale: Locale): SkipNoForm {
    const named = new Set(paths.map(p => resolve(io.cwd, p)));
    return (file, reason) => {
        if (named.has(file)) return false;
        const inside = relative(io.cwd, file);
        const shown = inside && !inside.startsWith('..') ? inside : file;
        io.stderr(locale === 'en'
            ? `kpispec: skipped ${shown}: ${reason}; not a performance form\n`
            : `kpispec: 已跳过 ${shown}：${reason}，不是绩效表单\n`);
        return true;
    };
}
