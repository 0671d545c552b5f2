import { AstUtils, GrammarAST, GrammarUtils, type LangiumParser, type Lexer } from 'langium';
import { crossReferenceTerminal, GrammarLookahead, type Decision } from './lookahead.js';

type TokenTypeDictionary = Lexer['definition'];

type Alternative = Parameters<LangiumParser['alternatives']>[1][number];
type Repetition = Parameters<LangiumParser['many']>[1];
type TokenType = TokenTypeDictionary[string];

/** What a grammar element becomes: a parsing step, built once, that takes no arguments. */
type Step = () => void;

/** An alternation's alternatives, and the body of a `?`, `*` or `+`, with how KpiParser's direct parse decides (lookahead.ts). */
export type DirectAlternatives = Alternative[] & { readonly decision: Decision };
export type DirectRepetition = Exclude<Repetition, () => unknown> & { readonly decision: Decision };

/** Rule arguments: KPI Spec's rules take no parameters, so every call passes this one object. */
export const NO_ARGS: Readonly<Record<string, never>> = Object.freeze({});

/** Occurrence counters of one rule: Chevrotain tells apart two calls of a kind by their index. */
interface Occurrences {
    consume: number;
    subrule: number;
    or: number;
    many: number;
    optional: number;
}

/**
 * Defines the parser's rules from the grammar, as Langium's `createParser` does, for the
 * constructs KPI Spec's grammar uses. Langium's builder creates, at every decision it parses,
 * an array of `{ ALT }` objects with a closure each (and `{ DEF }` objects at every `?`, `*`
 * and `+`): 40 % of all that parsing allocated, and the garbage collection it caused. Here each
 * decision's alternatives are built once. Guards, rule parameters, unordered groups, infix
 * rules and `EOF` are refused when the parser is created (the grammar test builds it).
 */
export function defineRules(grammar: GrammarAST.Grammar, parser: LangiumParser, tokens: TokenTypeDictionary): void {
    const reachable = GrammarUtils.getAllReachableRules(grammar, false);
    const lookahead = new GrammarLookahead(reachable, (name, element) => tokenOf(tokens, name, element), Object.values(tokens));
    for (const rule of grammar.rules) {
        if (!reachable.has(rule)) continue;
        if (GrammarAST.isInfixRule(rule)) unsupported(rule, 'infix rule');
        if (!GrammarAST.isParserRule(rule)) continue;
        if (rule.parameters.length > 0) unsupported(rule, 'rule parameters');
        const occurrences: Occurrences = { consume: 1, subrule: 1, or: 1, many: 1, optional: 1 };
        parser.rule(rule, stepOf(rule.definition, { parser, tokens, occurrences, lookahead }));
    }
}

interface Context {
    parser: LangiumParser;
    tokens: TokenTypeDictionary;
    occurrences: Occurrences;
    lookahead: GrammarLookahead;
}

function stepOf(element: GrammarAST.AbstractElement, ctx: Context): Step {
    if (GrammarAST.isGroup(element) && element.guardCondition) unsupported(element, 'guard condition');
    return repeated(element, elementStep(element, ctx), ctx);
}

function elementStep(element: GrammarAST.AbstractElement, ctx: Context): Step {
    const { parser } = ctx;
    if (GrammarAST.isKeyword(element)) return consumeStep(tokenOf(ctx.tokens, element.value, element), element, ctx);
    if (GrammarAST.isAction(element)) {
        const type = GrammarUtils.getTypeName(element);
        return () => parser.action(type, element);
    }
    if (GrammarAST.isAssignment(element)) return stepOf(element.terminal, ctx);
    if (GrammarAST.isCrossReference(element)) return crossReferenceStep(element, ctx);
    if (GrammarAST.isRuleCall(element)) return ruleCallStep(element, element, ctx);
    if (GrammarAST.isAlternatives(element)) {
        if (element.elements.length === 1) return stepOf(element.elements[0], ctx);
        const alternatives: DirectAlternatives = Object.assign(element.elements.map(e => ({ ALT: stepOf(e, ctx) })), { decision: ctx.lookahead.alternatives(element) });
        const idx = ctx.occurrences.or++;
        return () => parser.alternatives(idx, alternatives);
    }
    if (GrammarAST.isGroup(element)) {
        const steps = element.elements.map(e => stepOf(e, ctx));
        if (steps.length === 1) return steps[0];
        return () => {
            for (let i = 0; i < steps.length; i++) steps[i]();
        };
    }
    return unsupported(element, element.$type);
}

/** A cross-reference parses as its terminal: the one written, or the target type's name. */
function crossReferenceStep(crossRef: GrammarAST.CrossReference, ctx: Context): Step {
    const terminal = crossReferenceTerminal(crossRef);
    if (!terminal) return unsupported(crossRef, `cross-reference to ${crossRef.type.$refText} without a name`);
    if (GrammarAST.isKeyword(terminal)) return consumeStep(tokenOf(ctx.tokens, terminal.value, crossRef), crossRef, ctx);
    if (GrammarAST.isRuleCall(terminal)) return ruleCallStep(terminal, crossRef, ctx);
    return unsupported(crossRef, `cross-reference terminal ${terminal.$type}`);
}

/** A call of a parser rule (a subrule) or a terminal (a token); `feature` is what the CST records. */
function ruleCallStep(call: GrammarAST.RuleCall, feature: GrammarAST.AbstractElement, ctx: Context): Step {
    const rule = call.rule.ref;
    if (GrammarAST.isTerminalRule(rule)) return consumeStep(tokenOf(ctx.tokens, rule.name, call), feature, ctx);
    if (!GrammarAST.isParserRule(rule)) return unsupported(call, `call of ${call.rule.$refText}`);
    if (call.arguments.length > 0) unsupported(call, 'rule arguments');
    const { parser } = ctx;
    const idx = ctx.occurrences.subrule++;
    const fragment = rule.fragment;
    // Rules are defined in grammar order, so a call may come before its rule exists.
    let subrule: ReturnType<LangiumParser['getRule']>;
    return () => {
        subrule ??= parser.getRule(rule.name);
        parser.subrule(idx, subrule!, fragment, feature, NO_ARGS);
    };
}

function consumeStep(token: TokenType, feature: GrammarAST.AbstractElement, ctx: Context): Step {
    const { parser } = ctx;
    const idx = ctx.occurrences.consume++;
    return () => parser.consume(idx, token, feature);
}

function repeated(element: GrammarAST.AbstractElement, step: Step, ctx: Context): Step {
    const cardinality = element.cardinality;
    if (!cardinality) return step;
    const { parser } = ctx;
    const { empty, ...decision } = ctx.lookahead.repetition(element);
    // Chevrotain refuses it too, when it analyses the grammar: the repetition would never end.
    if (empty) unsupported(element, 'a repetition of what can match nothing');
    const options: DirectRepetition = { DEF: step, decision };
    if (cardinality === '?') {
        const idx = ctx.occurrences.optional++;
        return () => parser.optional(idx, options);
    }
    const idx = ctx.occurrences.many++;
    return cardinality === '*' ? () => parser.many(idx, options) : () => parser.atLeastOne(idx, options);
}

function tokenOf(tokens: TokenTypeDictionary, name: string, element: GrammarAST.AbstractElement): TokenType {
    return tokens[name] ?? unsupported(element, `token ${name} missing from the lexer`);
}

function unsupported(element: GrammarAST.AbstractElement | GrammarAST.AbstractRule, what: string): never {
    const rule = AstUtils.getContainerOfType(element, GrammarAST.isParserRule)?.name ?? ('name' in element ? element.name : '?');
    throw new Error(`KPI Spec's parser builder does not support ${what} (in rule ${rule})`);
}
