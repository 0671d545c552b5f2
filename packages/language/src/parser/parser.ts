import { LangiumParser, type AstNode, type LangiumCoreServices, type LexerResult, type ParseResult, type ParserOptions } from 'langium';
import { linkContainers } from '../model/ast-walk.js';
import { KpiCstNodeBuilder } from './cst-node-builder.js';
import { NO_ARGS, defineRules } from './parser-builder.js';

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

/** The members of Langium's parser that its `parse` uses (and the builder replaced), private in Langium's typings. */
interface LangiumParserInternals {
    nodeBuilder: { buildRootNode(input: string): unknown; addHiddenNodes(tokens: LexerResult['hidden']): void };
    lexerResult: LexerResult | undefined;
    doParse(rule: unknown): AstNode;
}

/**
 * Langium's parser, with nested recoveries bounded, and without stack traces for the exceptions
 * its recovery throws: Chevrotain signals every syntax error with an Error, and capturing the
 * stack of each (deep in the recursive descent) took most of the time of parsing a pasted file
 * with thousands of errors. Nothing reads those stacks.
 */
export class KpiParser extends LangiumParser {
    constructor(services: LangiumCoreServices) {
        super(services);
        // Langium's builder spreads a run of comments into one call's arguments (see KpiCstNodeBuilder).
        (this as unknown as LangiumParserInternals).nodeBuilder = new KpiCstNodeBuilder();
        // Chevrotain's method (not in its typings) is set on the instance when recovery is enabled.
        rememberNextTokenTypes(this.wrapper);
        callSubrulesWithoutArguments(this.wrapper);
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

    /**
     * Langium's `parse`, step by step, but for the links from each node to its container: Langium
     * sets them in a recursive walk that copies every node's entries into a new array (a seventh
     * of what a keystroke in a 1,000-line file allocates); `linkContainers` reads the keys in place.
     */
    override parse<T extends AstNode = AstNode>(input: string, options: ParserOptions = {}): ParseResult<T> {
        const limit = Error.stackTraceLimit;
        Error.stackTraceLimit = 0;
        const langium = this as unknown as LangiumParserInternals;
        try {
            langium.nodeBuilder.buildRootNode(input);
            const lexerResult = langium.lexerResult = this.lexer.tokenize(input);
            this.wrapper.input = lexerResult.tokens;
            const rule = options.rule ? this.allRules.get(options.rule) : this.mainRule;
            if (!rule) throw new Error(options.rule ? `No rule found with name '${options.rule}'` : 'No main rule available.');
            const value = langium.doParse(rule);
            langium.nodeBuilder.addHiddenNodes(lexerResult.hidden);
            this.unorderedGroups.clear();
            langium.lexerResult = undefined;
            const parserErrors = this.wrapper.errors;
            // The parser would hold the file's tokens until the next parse: a file's worth of
            // garbage that the young-generation collector copies (see workspace/dismantle.ts).
            this.wrapper.input = [];
            linkContainers(value);
            return { value: value as T, lexerErrors: lexerResult.errors, lexerReport: lexerResult.report, parserErrors };
        } finally {
            Error.stackTraceLimit = limit;
        }
    }
}

/** Chevrotain's options for a subrule call: every call passes the same (no) arguments. */
const SUBRULE_OPTIONS = { ARGS: [NO_ARGS] };

/**
 * Langium's wrapper builds `{ ARGS: [args] }` for every subrule call; the rules defined by
 * `defineRules` take no arguments, so one object serves every call.
 */
function callSubrulesWithoutArguments(chevrotain: object): void {
    if (typeof Reflect.get(chevrotain, 'wrapSubrule') !== 'function') return;
    // Chevrotain swaps `subrule` for a recording one while it analyses the grammar: look it up per call.
    Reflect.set(chevrotain, 'wrapSubrule', function (this: { subrule(idx: number, rule: unknown, options: unknown): unknown }, idx: number, rule: unknown): unknown {
        return this.subrule(idx, rule, SUBRULE_OPTIONS);
    });
}

/** Where Chevrotain is in the grammar when a token does not fit (its `getCurrentGrammarPath`). */
interface GrammarPath {
    ruleStack: string[];
    occurrenceStack: number[];
    lastTok: { name: string };
    lastTokOccurrence: number;
}

/** Grammar paths remembered per parser; past this many the memory starts again. */
const REMEMBERED_PATHS = 10_000;

/**
 * Chevrotain works out which tokens may follow a grammar path by walking the grammar, at every
 * token that does not fit, and never remembers it: on a row with 20,000 stray tokens that was
 * 2 s of the 2.8 s of a validation. The answer depends on the path alone (the grammar does not
 * change), so it is remembered.
 */
function rememberNextTokenTypes(chevrotain: object): void {
    const walk = Reflect.get(chevrotain, 'getNextPossibleTokenTypes') as ((path: GrammarPath) => unknown) | undefined;
    if (typeof walk !== 'function') return;
    const known = new Map<string, unknown>();
    Reflect.set(chevrotain, 'getNextPossibleTokenTypes', function (this: unknown, path: GrammarPath): unknown {
        const key = `${path.ruleStack.join(' ')}|${path.occurrenceStack.join(' ')}|${path.lastTok.name}|${path.lastTokOccurrence}`;
        let next = known.get(key);
        if (next === undefined) {
            if (known.size >= REMEMBERED_PATHS) known.clear();
            known.set(key, next = walk.call(this, path));
        }
        return next;
    });
}

/** Langium's createLangiumParser, with a KpiParser and rules that allocate nothing per decision. */
export function createKpiParser(services: LangiumCoreServices): KpiParser {
    const parser = new KpiParser(services);
    defineRules(services.Grammar, parser, services.parser.Lexer.definition);
    parser.finalize();
    return parser;
}
