import {
    AstUtils, createCompletionParser, DatatypeSymbol, GrammarAST, LangiumParser,
    type AstNode, type LangiumCompletionParser, type AstReflection, type CompositeCstNode, type CstNode, type LangiumCoreServices, type LexerResult, type ParseResult, type ParserOptions, type ValueConverter,
} from 'langium';
import { linkContainers } from '../model/ast-walk.js';
import { KpiCstNodeBuilder } from './cst-node-builder.js';
import { slotOf } from './lookahead.js';
import { NO_ARGS, defineRules, type DirectAlternatives, type DirectRepetition } from './parser-builder.js';
import { clauseKey, noteRepeatedClause, onceOnlyClauses, type OnceOnlyClauses } from './repeated-clauses.js';

/** The members of Langium's parser that its `parse`, `consume` and `construct` use (and the builder replaced), private in Langium's typings. */
interface LangiumParserInternals {
    nodeBuilder: {
        buildRootNode(input: string): unknown;
        addHiddenNodes(tokens: LexerResult['hidden']): void;
        buildLeafNode(token: Token, feature: GrammarAST.AbstractElement): CstNode;
        buildCompositeNode(feature: GrammarAST.AbstractElement): CompositeCstNode;
        construct(node: object): void;
    };
    lexerResult: LexerResult | undefined;
    readonly stack: ParsedNode[];
    readonly converter: ValueConverter;
    readonly astReflection: AstReflection;
    doParse(rule: unknown): AstNode;
    linkCstNode(item: unknown): void;
    computeRuleType(rule: Parameters<LangiumParser['rule']>[0]): string | symbol | undefined;
    startImplementation(type: string | symbol | undefined, infixName: undefined, implementation: RuleImplementation): RuleImplementation;
    isValidToken(token: Token): boolean;
    extractHiddenTokens(token: Token): LexerResult['hidden'];
    assign(operator: string, feature: string, value: unknown, cstNode: CstNode, crossRef: Target['crossRef']): void;
    performSubruleAssignment(result: unknown, feature: GrammarAST.AbstractElement, cstNode: CstNode): void;
}

type Token = LexerResult['tokens'][number];
type TokenType = Parameters<LangiumParser['consume']>[1];
type RuleImplementation = Parameters<LangiumParser['rule']>[1];
type RuleMethod = Parameters<LangiumParser['subrule']>[1];

/** The tokens of the direct parse, and the next one's index. */
interface DirectInput {
    readonly tokens: readonly Token[];
    next: number;
}

/** Thrown where the direct parse meets a token it cannot take: the file is parsed again by Chevrotain. */
const NOT_DIRECT = Symbol('not direct');

/** A node under construction: an AST node, or the text of a data type rule (`$type` DatatypeSymbol). */
type ParsedNode = Record<string, unknown> & { $type: string | symbol; $cstNode?: CstNode; value?: string };

/** What a token or a subrule's result is parsed for: the assignment it fills, if any, and whether it is a keyword. */
interface Target {
    readonly assignment: GrammarAST.Assignment | undefined;
    readonly crossRef: 'single' | 'multi' | undefined;
    readonly keyword: boolean;
}

/**
 * Langium's parser, with nested recoveries bounded, and without stack traces for the exceptions
 * its recovery throws: Chevrotain signals every syntax error with an Error, and capturing the
 * stack of each (deep in the recursive descent) took most of the time of parsing a pasted file
 * with thousands of errors. Nothing reads those stacks.
 *
 * A file is first parsed directly: the same rules, building the same trees with Langium's steps,
 * but each decision taken by the next token (lookahead.ts), trying the earlier way first where
 * one token cannot tell two apart, and no syntax error tolerated. Chevrotain's recognizer (its
 * rule stack, lookahead functions, recovery bookkeeping) took about half of all parsing. Where
 * the direct parse meets a token it cannot take, the file is parsed again by Chevrotain, which
 * reports and recovers. A file both parse whole gets the same tree from both: a direct parse
 * that succeeds is a derivation of the grammar in which every choice is the first alternative
 * that can go on, which is the one Chevrotain's ALL(*) lookahead predicts
 * (`test/language/parser-builder.test.ts` compares them).
 */
export class KpiParser extends LangiumParser {
    /** Off where every text must go through Chevrotain (the test that the grammar's decisions are not ambiguous). */
    parseDirectly = true;
    private input: DirectInput | undefined;
    /** How deep in trials the direct parse is: a way tried reads tokens and builds nothing. */
    private trying = 0;
    /** Each rule's implementation, by the rule method Chevrotain calls instead: Langium's, which builds the node, and the bare steps, for trials. */
    private readonly implementations = new Map<RuleMethod, { readonly build: RuleImplementation; readonly steps: RuleImplementation }>();

    constructor(services: LangiumCoreServices) {
        super(services);
        const langium = this as unknown as LangiumParserInternals;
        // Langium's builder spreads a run of comments into one call's arguments (see KpiCstNodeBuilder).
        langium.nodeBuilder = new KpiCstNodeBuilder();
        // Langium asks which assignment a grammar element fills, and whether it is a keyword,
        // for every token and subrule result (two map lookups and a type test), and lists the
        // properties of a node's type for every node it completes: here each is worked out
        // once per element and per type, which took a tenth of parsing off.
        Reflect.set(this, 'getAssignment', (feature: GrammarAST.AbstractElement) => this.targetOf(feature));
        Reflect.set(this, 'construct', () => this.completeNode());
        Reflect.set(this, 'assignWithoutOverride', mergeInto);
        noteRepeatedClauses(langium, onceOnlyClauses(services.Grammar));
        rememberNextTokenTypes(this.wrapper);
        rememberExpectations(this.wrapper);
        callSubrulesWithoutArguments(this.wrapper);
        buildLookaheadWhenAsked(this.wrapper);
        rememberReSyncPoints(this.wrapper);
        resyncRowsOnTheirOwnLines(this);
        recoverInRepetitionsInTurn(this.wrapper);
    }

    private readonly targets = new Map<GrammarAST.AbstractElement, Target>();
    /** Per node type, its properties with a default (`[]`, `false`) that a parsed node must have. */
    private readonly defaults = new Map<string, Array<readonly [string, unknown]>>();

    private analysed = false;

    /**
     * Chevrotain's analysis of the grammar (it records every rule and builds its lookahead and
     * recovery tables) took 65–80 ms of every start, and only a file the direct parse gives up
     * on needs it: it is done before the first such file. Done once, however often called.
     */
    override finalize(): void {
        if (this.analysed) return;
        this.analysed = true;
        super.finalize();
    }

    /** Chevrotain records the grammar only in its analysis, never during a direct parse (asked at every token and node: 8 % of a direct parse). */
    override isRecording(): boolean {
        return this.input === undefined && super.isRecording();
    }

    override rule(rule: Parameters<LangiumParser['rule']>[0], implementation: RuleImplementation): RuleMethod {
        const method = super.rule(rule, implementation);
        const langium = this as unknown as LangiumParserInternals;
        const build = langium.startImplementation(langium.computeRuleType(rule), undefined, implementation);
        this.implementations.set(method, { build, steps: implementation });
        return method;
    }

    /**
     * The direct parse takes the first alternative that can begin with the next token (or,
     * matching nothing, be followed by it). Where a later one can too, the earlier one is taken
     * only if it reads to its end, tried first.
     */
    override alternatives(idx: number, alternatives: DirectAlternatives): void {
        if (!this.input) return super.alternatives(idx, alternatives);
        const { ways, shared } = alternatives.decision;
        const slot = slotOf(this.input.tokens[this.input.next], shared);
        for (let i = 0; i < ways.length; i++) {
            if (ways[i]![slot] !== 1) continue;
            if (shared[slot] === 1 && ways.some((way, j) => j > i && way[slot] === 1) && !this.reads(alternatives[i]!.ALT)) continue;
            alternatives[i]!.ALT();
            return;
        }
        throw NOT_DIRECT;
    }

    override optional(idx: number, repetition: DirectRepetition): void {
        if (!this.input) return super.optional(idx, repetition);
        if (this.passes(repetition)) repetition.DEF();
    }

    override many(idx: number, repetition: DirectRepetition): void {
        if (!this.input) return super.many(idx, repetition);
        while (this.passes(repetition)) repetition.DEF();
    }

    override atLeastOne(idx: number, repetition: DirectRepetition): void {
        if (!this.input) return super.atLeastOne(idx, repetition);
        do repetition.DEF();
        while (this.passes(repetition));
    }

    override action($type: string, action: GrammarAST.Action): void {
        if (this.trying === 0) super.action($type, action);
    }

    /**
     * Whether the direct parse makes another pass of a repetition: the next token can begin one
     * and, if it could also follow the repetition, the pass reads to its end, tried first.
     */
    private passes(repetition: DirectRepetition): boolean {
        const { ways: [pass], shared } = repetition.decision;
        const slot = slotOf(this.input!.tokens[this.input!.next], shared);
        return pass![slot] === 1 && (shared[slot] !== 1 || this.reads(repetition.DEF));
    }

    /** Whether a way reads to its end from the next token, tried without building anything. */
    private reads(way: () => unknown): boolean {
        const input = this.input!;
        const at = input.next;
        this.trying++;
        try {
            way();
            return true;
        } catch (error) {
            if (error !== NOT_DIRECT) throw error;
            return false;
        } finally {
            this.trying--;
            input.next = at;
        }
    }

    /** The next token of the direct parse, if it is of the type (or category) expected. */
    private directToken(tokenType: TokenType): Token {
        const input = this.input!;
        const token = input.tokens[input.next];
        if (token === undefined || (token.tokenTypeIdx !== tokenType.tokenTypeIdx && tokenType.categoryMatchesMap?.[token.tokenTypeIdx] !== true)) throw NOT_DIRECT;
        input.next++;
        return token;
    }

    private targetOf(feature: GrammarAST.AbstractElement): Target {
        let target = this.targets.get(feature);
        if (!target) {
            const assignment = AstUtils.getContainerOfType(feature, GrammarAST.isAssignment);
            const terminal = assignment?.terminal;
            const crossRef = GrammarAST.isCrossReference(terminal) ? (terminal.isMulti ? 'multi' : 'single') : undefined;
            this.targets.set(feature, target = { assignment, crossRef, keyword: GrammarAST.isKeyword(feature) });
        }
        return target;
    }

    /** Consumes a token into the syntax tree and the node under construction, as Langium does. */
    override consume(idx: number, tokenType: Parameters<LangiumParser['consume']>[1], feature: GrammarAST.AbstractElement): void {
        const langium = this as unknown as LangiumParserInternals;
        const token = this.input ? this.directToken(tokenType) : this.wrapper.wrapConsume(idx, tokenType);
        if (this.trying > 0) return;
        // Tokens the recovery makes up, and consumes while Chevrotain records the grammar, are not in the text.
        if (this.isRecording() || !langium.isValidToken(token)) return;
        // The comments before a token go into the tree before it. Most tokens have none: Langium
        // would still make two empty lists and search the tree for where to put nothing.
        const hidden = langium.lexerResult!.hidden;
        if (hidden.length > 0 && hidden[0]!.startOffset <= token.startOffset) {
            langium.nodeBuilder.addHiddenNodes(langium.extractHiddenTokens(token));
        }
        const leaf = langium.nodeBuilder.buildLeafNode(token, feature);
        const { assignment, crossRef, keyword } = this.targetOf(feature);
        const text = keyword ? token.image : undefined;
        if (assignment) {
            langium.assign(assignment.operator, assignment.feature, text ?? langium.converter.convert(token.image, leaf), leaf, crossRef);
            return;
        }
        const current = langium.stack[langium.stack.length - 1]!;
        if (current.$type === DatatypeSymbol) current.value += text ?? String(langium.converter.convert(token.image, leaf));
    }

    /**
     * Langium's `subrule`, but for how it tells that the subrule read any tokens: Langium asks
     * the subrule's syntax tree node for its length, which walks down to its first and last
     * leaves, at every call. A node holds nodes only if tokens were read into it: every leaf
     * has a length (tokens the recovery makes up get none, see `consume`), and a node left
     * empty is taken out of the tree when its rule ends.
     */
    override subrule(idx: number, rule: Parameters<LangiumParser['subrule']>[1], fragment: boolean, feature: GrammarAST.AbstractElement, args: Parameters<LangiumParser['subrule']>[4]): void {
        if (this.trying > 0) {
            this.implementations.get(rule)!.steps(args);
            return;
        }
        const langium = this as unknown as LangiumParserInternals;
        // A fragment fills the node of the rule that calls it.
        const cstNode = this.isRecording() || fragment ? undefined : langium.nodeBuilder.buildCompositeNode(feature);
        let result: unknown;
        let ended = false;
        try {
            result = this.input ? this.implementations.get(rule)!.build(args) : this.wrapper.wrapSubrule(idx, rule, args);
            ended = true;
        } finally {
            // After a recognition error (no result) the node is completed here, and assigned if tokens were read, as in Langium.
            // A direct parse that gives up is thrown away whole.
            if (!this.isRecording() && (ended || !this.input)) {
                if (result === undefined && !fragment) result = this.completeNode();
                if (result !== undefined && cstNode && cstNode.content.length > 0) langium.performSubruleAssignment(result, feature, cstNode);
            }
        }
    }

    /**
     * Completes the node of a rule that has ended (Langium's `construct`): its syntax tree node
     * is closed, a data type rule's text converted, and an AST node given its defaults. The
     * grammar has no infix rules (parser-builder.ts refuses them).
     */
    private completeNode(): unknown {
        if (this.isRecording()) return undefined;
        const langium = this as unknown as LangiumParserInternals;
        const node = langium.stack.pop()!;
        langium.nodeBuilder.construct(node);
        if (node.$type === DatatypeSymbol) return langium.converter.convert(node.value ?? '', node.$cstNode!);
        for (const [name, value] of this.defaultsOf(node.$type as string)) {
            // The defaults are `[]` and `false`: an array is copied, as every node needs its own.
            if (node[name] === undefined) node[name] = Array.isArray(value) ? value.slice() : value;
        }
        return node;
    }

    private defaultsOf(type: string): ReadonlyArray<readonly [string, unknown]> {
        let defaults = this.defaults.get(type);
        if (!defaults) {
            const { properties } = (this as unknown as LangiumParserInternals).astReflection.getTypeMetaData(type);
            defaults = Object.values(properties).flatMap(p => p.defaultValue === undefined ? [] : [[p.name, p.defaultValue] as const]);
            this.defaults.set(type, defaults);
        }
        return defaults;
    }

    /**
     * Langium's `parse`, step by step, but for the links from each node to its container: Langium
     * sets them in a recursive walk that copies every node's entries into a new array (a seventh
     * of what a keystroke in a 1,000-line file allocates); `linkContainers` reads the keys in place.
     */
    override parse<T extends AstNode = AstNode>(input: string, options: ParserOptions = {}): ParseResult<T> {
        return withoutStackTraces(() => this.parseText<T>(input, options));
    }

    private parseText<T extends AstNode>(input: string, options: ParserOptions): ParseResult<T> {
        const langium = this as unknown as LangiumParserInternals;
        const lexerResult = langium.lexerResult = this.lexer.tokenize(input);
        const rule = options.rule ? this.allRules.get(options.rule) : this.mainRule;
        if (!rule) throw new Error(options.rule ? `No rule found with name '${options.rule}'` : 'No main rule available.');
        let value = this.parseDirectly ? this.directParse(input, rule, lexerResult) : undefined;
        let parserErrors: ParseResult['parserErrors'] = [];
        if (value === undefined) {
            this.finalize();
            langium.nodeBuilder.buildRootNode(input);
            this.wrapper.input = lexerResult.tokens;
            value = langium.doParse(rule);
            parserErrors = this.wrapper.errors;
            // The parser would hold the file's tokens until the next parse: a file's worth of
            // garbage that the young-generation collector copies (see workspace/dismantle.ts).
            this.wrapper.input = [];
        }
        langium.nodeBuilder.addHiddenNodes(lexerResult.hidden);
        this.unorderedGroups.clear();
        langium.lexerResult = undefined;
        linkContainers(value);
        return { value: value as T, lexerErrors: lexerResult.errors, lexerReport: lexerResult.report, parserErrors };
    }

    /** The direct parse (see the class), or undefined where it gives up, with the parser as it was. */
    private directParse(input: string, rule: RuleMethod, lexerResult: LexerResult): AstNode | undefined {
        const langium = this as unknown as LangiumParserInternals;
        // The comments are taken from the list as the tokens after them are read.
        const hidden = lexerResult.hidden.length > 0 ? lexerResult.hidden.slice() : undefined;
        langium.nodeBuilder.buildRootNode(input);
        const direct = this.input = { tokens: lexerResult.tokens, next: 0 };
        try {
            const value = this.implementations.get(rule)!.build(NO_ARGS);
            if (direct.next < direct.tokens.length) throw NOT_DIRECT;
            langium.linkCstNode(value);
            return value as AstNode;
        } catch (error) {
            if (error !== NOT_DIRECT) throw error;
            langium.stack.length = 0;
            if (hidden) lexerResult.hidden = hidden;
            return undefined;
        } finally {
            this.input = undefined;
        }
    }
}

/**
 * A rule called without an assignment returns the node the rule before it had begun: what that
 * node has so far goes into the returned one, lists appended, other properties only where the
 * returned node has none (Langium's `assignWithoutOverride`, which made an array per property
 * with `Object.entries`, and spread lists into `push`).
 */
function mergeInto(target: ParsedNode, source: ParsedNode): ParsedNode {
    for (const name in source) {
        const had = source[name];
        const has = target[name];
        if (has === undefined) {
            target[name] = had;
        } else if (Array.isArray(has) && Array.isArray(had)) {
            for (const item of has) had.push(item);
            target[name] = had;
        }
    }
    // Its syntax tree node is set when the node is completed.
    target.$cstNode = undefined;
    return target;
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

/** What Chevrotain's parser offers for raising an error (not in its typings). */
interface RaisingParser {
    getCurrRuleFullName(): string;
    LA(offset: number): unknown;
    SAVE_ERROR(error: Error): Error;
}

/**
 * Where no alternative fits, Chevrotain walks the grammar for the paths that could have come,
 * for the error's message, at every such error. KPI Spec's messages name only the tokens
 * expected (syntax-errors.ts), which depend on the decision alone: each decision's message is
 * worked out once. A pasted line of 7,000 `project` words took 2.4 s to lint, 1.3 s with this.
 * (The grammar has no `+` repetitions, so Chevrotain's other such walk, for an early exit, never runs.)
 */
function rememberExpectations(chevrotain: object): void {
    const raise = Reflect.get(chevrotain, 'raiseNoAltException') as ((occurrence: number, userMessage: unknown) => never) | undefined;
    if (typeof raise !== 'function') return;
    type Raised = new (message: string, token: unknown, previous: unknown) => Error;
    const known = new Map<string, { message: string; Exception: Raised }>();
    Reflect.set(chevrotain, 'raiseNoAltException', function (this: RaisingParser, occurrence: number, userMessage: unknown): never {
        const key = `${this.getCurrRuleFullName()} ${occurrence} ${String(userMessage)}`;
        const seen = known.get(key);
        if (seen) throw this.SAVE_ERROR(new seen.Exception(seen.message, this.LA(1), this.LA(0)));
        try {
            return raise.call(this, occurrence, userMessage);
        } catch (e) {
            if (e instanceof Error) known.set(key, { message: e.message, Exception: e.constructor as Raised });
            throw e;
        }
    });
}

/**
 * A clause given twice in a row (`得分 30 … 得分 25`): Langium's `assign` keeps the last value, and
 * the first is lost without a word. Each `=` assignment to a property already set is noted on
 * the node if it is a once-only clause (repeated-clauses.ts), for validation/clause-checks.ts to
 * report. A check walking every row's syntax instead cost 40 ms of a cold lint of 1,000
 * projects; this costs one property read per assignment.
 */
function noteRepeatedClauses(langium: LangiumParserInternals, clauses: OnceOnlyClauses): void {
    const assign = langium.assign;
    Reflect.set(langium, 'assign', function (this: LangiumParserInternals, operator: string, feature: string, value: unknown, cstNode: CstNode, crossRef: Target['crossRef']): void {
        if (operator === '=') {
            const node = this.stack[this.stack.length - 1]!;
            if (node[feature] !== undefined && typeof node.$type === 'string' && clauses.keys.has(clauseKey(node.$type, feature))) noteRepeatedClause(node, feature);
        }
        assign.call(this, operator, feature, value, cstNode, crossRef);
    });
}

/**
 * Chevrotain's analysis of the grammar builds a lookahead function for each of its decisions:
 * 38 of the analysis's 70 ms, paid by the first file with a syntax error (in every `kpispec` run
 * that meets one, and once in the language server), though a parse meets few decisions. Each
 * function is built the first time Chevrotain calls it, from what the analysis gave.
 */
function buildLookaheadWhenAsked(chevrotain: object): void {
    const strategy = Reflect.get(chevrotain, 'lookaheadStrategy') as Record<string, unknown> | undefined;
    if (!strategy) return;
    for (const name of ['buildLookaheadForAlternation', 'buildLookaheadForOptional']) {
        const build = strategy[name];
        if (typeof build !== 'function') continue;
        strategy[name] = (options: unknown) => {
            let lookahead: ((this: unknown, alternatives: unknown) => unknown) | undefined;
            return function (this: unknown, alternatives: unknown): unknown {
                lookahead ??= build.call(strategy, options) as (this: unknown, alternatives: unknown) => unknown;
                return lookahead.call(this, alternatives);
            };
        };
    }
}

/** Where Chevrotain is when a repetition ends (not in its typings): the rule being parsed, and how deep. */
interface RepetitionState {
    RULE_STACK_IDX: number;
    currRuleShortName: number;
}

/** Chevrotain's `attemptInRepetitionRecovery(repetition, args, lookahead, dslMethodIdx, occurrence, walker, notStuck)`. */
type RepetitionRecovery = (this: RepetitionState, repetition: (...args: unknown[]) => void, args: unknown[], ...rest: unknown[]) => void;

/**
 * Chevrotain recovers from a stray token in a repetition (a row of a block) by skipping to where
 * a new row can start and running the repetition again from inside the recovery; the repetition's
 * own end may recover again, and so on: a block with 5,000 broken rows nested 5,000 deep. That
 * took 7 s and overflowed the stack of `kpispec lint` and the server, and a bound on the depth
 * lost every row after the 100th broken one. Here the recoveries take turns in one loop instead:
 * the re-run is called by the loop, and the recovery it ends with (at the same rule and depth,
 * Chevrotain's last step of a repetition) is the loop's next turn. The same steps in the same
 * order, so the same trees and errors, without the nesting.
 */
function recoverInRepetitionsInTurn(chevrotain: object): void {
    // Chevrotain's method is set on the instance when recovery is enabled.
    const recover = Reflect.get(chevrotain, 'attemptInRepetitionRecovery') as RepetitionRecovery | undefined;
    if (typeof recover !== 'function') return;
    /** The repetition the loop is running again, and its recovery once it has ended. */
    let rerun: { rule: number; depth: number; key: number; next?: Parameters<RepetitionRecovery> } | undefined;
    Reflect.set(chevrotain, 'attemptInRepetitionRecovery', function (this: RepetitionState, ...call: Parameters<RepetitionRecovery>): void {
        const [, , , dslMethodIdx, occurrence] = call as [unknown, unknown, unknown, number, number];
        const key = dslMethodIdx | occurrence;
        if (rerun && rerun.rule === this.currRuleShortName && rerun.depth === this.RULE_STACK_IDX && rerun.key === key) {
            rerun.next = call;
            return;
        }
        const outer = rerun;
        try {
            for (let turn: Parameters<RepetitionRecovery> | undefined = call; turn;) {
                const [repetition, args, ...rest] = turn;
                let resynced = false;
                recover.call(this, () => { resynced = true; }, args, ...rest);
                if (!resynced) break;
                rerun = { rule: this.currRuleShortName, depth: this.RULE_STACK_IDX, key };
                repetition.apply(this, args);
                turn = rerun.next;
            }
        } finally {
            rerun = outer;
        }
    });
}

/** Where Chevrotain's recovery stands (not in its typings): the token before the stray one, and the ones after. */
interface LineState {
    LA(offset: number): LineToken;
    flattenFollowSet(): unknown[];
    exportLexerState(): number;
    importLexerState(state: number): void;
    tokenMatcher(token: LineToken, type: unknown): boolean;
}

/** A recognition error as Chevrotain's recovery saves it (the tokens it skipped are not in its typings). */
interface SkippedError {
    token: LineToken;
    resyncedTokens?: LineToken[];
}

interface LineToken {
    image: string;
    startLine?: number;
    endLine?: number;
    tokenType?: { name: string };
}

/**
 * Where a row is complete and a stray token follows on its line (`>= 90%，来源 "系统"`), Chevrotain
 * re-syncs at the first token that can start a row. A clause's keyword may also be a row's name,
 * so the rest of the line became a row of its own, broken in turn, with a second error where it
 * ended and a row in the outline that nobody wrote. Rows stand on lines of their own: here the
 * recovery looks for the next row at the head of a later line, and for where to give up, from
 * the next line on (the block's end may still come on the line), unless the block opened on the
 * stray token's line (`数量指标 { @@ "管网长度" >= 80 公里 }`). A stray line is skipped whole
 * (`合计 >= 1 个 来源 "台账"`, a keyword heading a row, is not a row `"台账"`). A policy, not an optimisation: the tests hold Langium's
 * own parser, with this policy, to the same trees.
 */
export function resyncRowsOnTheirOwnLines(parser: LangiumParser): void {
    const chevrotain = Reflect.get(parser, 'wrapper') as object;
    // Chevrotain's methods; the first is set on the instance when recovery is enabled.
    const recover = Reflect.get(chevrotain, 'attemptInRepetitionRecovery') as RepetitionRecovery | undefined;
    const findReSync = Reflect.get(chevrotain, 'findReSyncTokenType') as ((this: LineState) => unknown) | undefined;
    if (typeof recover !== 'function' || typeof findReSync !== 'function') return;
    /** The line of the row being recovered from, while its recovery runs, and the token type it gives up at. */
    let rowLine: number | undefined;
    let giveUpAt: unknown;
    /** The heads of later lines the recovery skips without an error of their own (below), in order. */
    let skipped: LineToken[] = [];
    const onLaterLine = (token: LineToken) => token.tokenType?.name === 'EOF' || token.startLine !== rowLine;
    // A row re-synced at begins its line: not the rest of a stray line (`指标 >= 2 个 来源 "台账"` read as a row `"台账"`).
    const beginsLine = (state: LineState) => onLaterLine(state.LA(1)) && (state.LA(1).tokenType?.name === 'EOF' || state.LA(1).startLine! > state.LA(0).endLine!);
    // Chevrotain gives up where a token of that type comes: not on the row's line, and, but for a block's end, at the head of a line.
    const matches = Reflect.get(chevrotain, 'tokenMatcher') as LineState['tokenMatcher'];
    Reflect.set(chevrotain, 'tokenMatcher', function (this: LineState, token: LineToken, type: unknown): boolean {
        if (type !== giveUpAt || rowLine === undefined) return matches(token, type);
        // Where no token of that type stands where it may be given up at, the end of the file is: the
        // recovery skips tokens until it gives up, and past the end it would skip the end forever.
        if (token.tokenType?.name === 'EOF') return true;
        return onLaterLine(token) && (token.image === '}' || token !== this.LA(1) || beginsLine(this)) && matches(token, type);
    });
    Reflect.set(chevrotain, 'attemptInRepetitionRecovery', function (this: RepetitionState & LineState, repetition: (...args: unknown[]) => void, args: unknown[], lookahead: unknown, ...rest: unknown[]): void {
        const before = this.LA(0);
        const stray = this.LA(1);
        const line = before.image === '{' && stray.startLine === before.endLine ? undefined : before.endLine;
        if (line === undefined || typeof lookahead !== 'function') return recover.call(this, repetition, args, lookahead, ...rest);
        const outer = { rowLine, giveUpAt, skipped };
        rowLine = line;
        giveUpAt = undefined;
        skipped = [];
        try {
            recover.call(this, function (this: unknown, ...again: unknown[]): void {
                // Re-synced: the rows after it are read as any others.
                const inner = rowLine;
                rowLine = undefined;
                try {
                    repetition.apply(this, again);
                } finally {
                    rowLine = inner;
                }
            }, args, function (this: LineState): unknown {
                if (!beginsLine(this)) return false;
                if (lookahead.call(this)) return true;
                // A later line that cannot begin a row either is re-entered too, to be reported as a stray line of its
                // own, unless what it begins may follow the block (its `}`, the next section after a `}` left out).
                const next = this.LA(1);
                const follows = this.flattenFollowSet().some(type => matches(next, type));
                // Such a line is skipped with the stray one (re-entered, Chevrotain would close the block before it);
                // unless the recovery gives up there, it gets an error of its own too (below).
                if (follows && next !== stray && next.image !== '}' && next.tokenType?.name !== 'EOF' && !matches(next, giveUpAt)) skipped.push(next);
                return next !== stray && !follows;
            }, ...rest);
        } finally {
            ({ rowLine, giveUpAt, skipped } = outer);
        }
    });
    // The error of a stray line, saved where the recovery ends, is split at the heads of the lines it skipped:
    // each such line is reported as a stray line of its own, as one the recovery re-entered is.
    const save = Reflect.get(chevrotain, 'SAVE_ERROR') as ((this: unknown, error: SkippedError) => unknown) | undefined;
    if (typeof save !== 'function') return;
    Reflect.set(chevrotain, 'SAVE_ERROR', function (this: unknown, error: SkippedError): unknown {
        const tokens = error.resyncedTokens;
        const first = skipped.length > 0 && tokens ? tokens.indexOf(skipped[0]!) : -1;
        if (first < 0) return save.call(this, error);
        const heads = skipped.map(head => tokens!.indexOf(head)).filter(at => at >= 0);
        skipped = [];
        const result = save.call(this, Object.assign(error, { resyncedTokens: tokens!.slice(0, first) }));
        heads.forEach((at, i) => save.call(this, Object.assign(Object.create(Object.getPrototypeOf(error) as object) as SkippedError, error, {
            token: tokens![at], resyncedTokens: tokens!.slice(at + 1, heads[i + 1] ?? tokens!.length),
        })));
        return result;
    });
    Reflect.set(chevrotain, 'findReSyncTokenType', function (this: LineState): unknown {
        if (rowLine === undefined) return findReSync.call(this);
        const at = this.exportLexerState();
        let skip = 0;
        while (!onLaterLine(this.LA(skip + 1))) skip++;
        this.importLexerState(at + skip);
        try {
            return giveUpAt = findReSync.call(this);
        } finally {
            this.importLexerState(at);
        }
    });
}

/** What Chevrotain's recovery reads to find where to re-sync (not in its typings). */
interface ReSyncState {
    currIdx: number;
    tokVector: unknown[];
    LA(offset: number): unknown;
    tokenMatcher(token: unknown, type: unknown): boolean;
    flattenFollowSet(): unknown[];
}

/**
 * Every recovery first looks for the next token that could follow any rule being parsed (a
 * block's `}`, the end of the file), scanning from the stray token on: in a block of thousands
 * of broken rows each scan went to the block's end, 4 s for 4,000 rows. The answer holds for
 * every start between the last scan's start and the token it found, for the same tokens that
 * may follow: it is remembered until the parse moves past it.
 */
function rememberReSyncPoints(chevrotain: object): void {
    // Per parse (its tokens), the last answer: kept no longer than the tokens.
    const lastOf = new WeakMap<unknown[], { follow: unknown[]; from: number; at: number; type: unknown }>();
    Reflect.set(chevrotain, 'findReSyncTokenType', function (this: ReSyncState): unknown {
        const follow = this.flattenFollowSet();
        const from = this.currIdx + 1;
        const last = lastOf.get(this.tokVector);
        if (last && last.from <= from && from <= last.at && sameItems(last.follow, follow)) return last.type;
        // Chevrotain's search: the first token any of them matches (past the end, the end of file, which the outermost rule expects).
        for (let offset = 1; ; offset++) {
            const token = this.LA(offset);
            const type = follow.find(candidate => this.tokenMatcher(token, candidate));
            if (type === undefined) continue;
            lastOf.set(this.tokVector, { follow, from, at: this.currIdx + offset, type });
            return type;
        }
    });
}

function sameItems(a: readonly unknown[], b: readonly unknown[]): boolean {
    return a.length === b.length && a.every((item, i) => item === b[i]);
}

/**
 * A recognition error is an Error, and V8 records the stack where each is made: a parser deep in
 * its rules, thousands of times in pasted text. Chevrotain and Langium never read those stacks.
 */
export function withoutStackTraces<T>(run: () => T): T {
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    try {
        return run();
    } finally {
        Error.stackTraceLimit = limit;
    }
}

/**
 * Langium's completion parser, which reads the text before the cursor with Chevrotain, with what
 * KpiParser remembers of each decision's expectations and re-sync points, and its recovery in
 * turns: at the end of a pasted 16,000-character line, a completion took 1.5 s.
 */
export function createKpiCompletionParser(services: LangiumCoreServices): LangiumCompletionParser {
    const parser = createCompletionParser(services);
    const chevrotain = Reflect.get(parser, 'wrapper') as object;
    rememberExpectations(chevrotain);
    rememberReSyncPoints(chevrotain);
    recoverInRepetitionsInTurn(chevrotain);
    return parser;
}

/** Langium's createLangiumParser, with a KpiParser and rules that allocate nothing per decision; Chevrotain's analysis waits for the first file it parses. */
export function createKpiParser(services: LangiumCoreServices): KpiParser {
    const parser = new KpiParser(services);
    defineRules(services.Grammar, parser, services.parser.Lexer.definition);
    return parser;
}
