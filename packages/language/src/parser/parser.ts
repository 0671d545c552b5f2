import { createParser, LangiumParser, type AstNode, type LangiumCoreServices, type ParseResult, type ParserOptions } from 'langium';

/**
 * Re-syncs inside one repetition that may nest. Chevrotain recovers from a stray token in a
 * repetition (a row of a block) by skipping to where a new row can start and calling the
 * repetition again from inside the recovery: 5,000 stray strings on one row nested 5,000 deep,
 * took 7 s (each re-sync looks through the whole rule stack) and overflowed the main thread's
 * stack (`kpispec lint`: "internal error"). Past this depth the repetition ends and the
 * recovery between rules skips to the end of the block: the rows after such a row are lost,
 * the rest of the file is not.
 */
const MAX_NESTED_RECOVERIES = 100;

/**
 * Langium's parser, with nested recoveries bounded, and without stack traces for the exceptions
 * its recovery throws: Chevrotain signals every syntax error with an Error, and capturing the
 * stack of each (deep in the recursive descent) took most of the time of parsing a pasted file
 * with thousands of errors. Nothing reads those stacks.
 */
export class KpiParser extends LangiumParser {
    constructor(services: LangiumCoreServices) {
        super(services);
        // Chevrotain's method (not in its typings) is set on the instance when recovery is enabled.
        const recover = Reflect.get(this.wrapper, 'attemptInRepetitionRecovery') as ((...args: unknown[]) => void) | undefined;
        if (typeof recover !== 'function') return;
        let depth = 0;
        Reflect.set(this.wrapper, 'attemptInRepetitionRecovery', function (this: unknown, ...args: unknown[]): void {
            if (depth >= MAX_NESTED_RECOVERIES) return;
            depth++;
            try {
                recover.apply(this, args);
            } finally {
                depth--;
            }
        });
    }

    override parse<T extends AstNode = AstNode>(input: string, options?: ParserOptions): ParseResult<T> {
        const limit = Error.stackTraceLimit;
        Error.stackTraceLimit = 0;
        try {
            return super.parse<T>(input, options);
        } finally {
            Error.stackTraceLimit = limit;
        }
    }
}

/** Langium's createLangiumParser, with a KpiParser. */
export function createKpiParser(services: LangiumCoreServices): KpiParser {
    const parser = createParser(services.Grammar, new KpiParser(services), services.parser.Lexer.definition);
    parser.finalize();
    return parser;
}
