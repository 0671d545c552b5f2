import { unreadMessage, type Locale, type Unread } from '@kpispec/language/core';
import { UserError } from './exit-codes.js';

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
 * Reading a source file that is not UTF-8 or cannot be read: one line that stops the run, or a
 * note where a run over several files goes on without it (passedOverNote).
 */
export class PassedOverError extends UserError {
    constructor(readonly passedOver: PassedOverFile) {
        super(unreadMessage(passedOver.file, passedOver, 'en'));
    }
}
