import { basename } from 'node:path';
import { unreadMessage, type Locale, type Unread } from '@kpispec/language/core';
import { UserError } from './exit-codes.js';
import { resultOf, type FileResult } from './results.js';

export type { Unread } from '@kpispec/language/core';

/**
 * A .kpi file that `lint`, `report`, `score` and `format` pass over in a run over several files,
 * named on stderr, while the rest is still reported (exit 2).
 */
export type PassedOverFile = { readonly file: string } & Unread;

/** The note on stderr about a file passed over, in the run's language. */
export function passedOverNote(passed: PassedOverFile, locale: Locale): string {
    return `kpispec: ${unreadMessage(passed.file, passed, locale)}\n`;
}

/**
 * A file passed over as a result of its own: the error the editor shows on it (a fatal
 * syntax/lexing at its start), so that every format (JSON, SARIF, JUnit, annotations) names it.
 */
export function passedOverResult(passed: PassedOverFile, locale: Locale): FileResult {
    return resultOf(passed.file, [{
        ruleId: 'syntax/lexing', severity: 2, fatal: true, line: 1, column: 1, endLine: 1, endColumn: 1,
        message: unreadMessage(basename(passed.file), passed, locale),
    }]);
}

/**
 * Reading a source file that is not UTF-8 or cannot be read: one line that stops the run, or a
 * note where a run over several files goes on without it (passedOverNote).
 */
export class PassedOverError extends UserError {
    constructor(readonly passedOver: PassedOverFile) {
        super({ zh: unreadMessage(passedOver.file, passedOver, 'zh-CN'), en: unreadMessage(passedOver.file, passedOver, 'en') });
    }
}
