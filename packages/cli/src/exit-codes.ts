/** kpispec exit codes, as linters use them. */
export const ExitCode = {
    /** No errors, warnings within --max-warnings. */
    Clean: 0,
    /** Errors, or more warnings than allowed. */
    Problems: 1,
    /** Usage, configuration or I/O error. */
    Fatal: 2,
} as const;

/** An error the user can act on: printed as one line, never with a stack trace. */
export class UserError extends Error {}
