import { createParser, LangiumParser, type AstNode, type LangiumCoreServices, type ParseResult, type ParserOptions } from 'langium';

/**
 * Langium's parser, without stack traces for the exceptions its recovery throws: Chevrotain
 * signals every syntax error with an Error, and capturing the stack of each (deep in the
 * recursive descent) took most of the time of parsing a pasted file with thousands of errors.
 * Nothing reads those stacks; an exception that escapes the parser is a fault in it and keeps
 * its stack (the limit is restored before it leaves).
 */
export class KpiParser extends LangiumParser {
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
