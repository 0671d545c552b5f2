import type { Bilingual } from '@kpispec/language/core';

/** kpispec exit codes, as linters use them. */
export const ExitCode = {
    /** No errors, warnings within --max-warnings. */
    Clean: 0,
    /** Errors, or more warnings than allowed. */
    Problems: 1,
    /** Usage, configuration or I/O error. */
    Fatal: 2,
} as const;

/**
 * An error the user can act on: printed as one line, never with a stack trace, in the CLI's
 * language (commandLineLocale). Words given in one language only (a system's error code) are
 * the same in both.
 */
export class UserError extends Error {
    readonly text: Bilingual;

    constructor(text: string | Bilingual) {
        const both = typeof text === 'string' ? { zh: text, en: text } : text;
        super(both.en);
        this.text = both;
    }
}
