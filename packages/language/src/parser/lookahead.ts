import { AstUtils, GrammarAST, GrammarUtils, type Lexer } from 'langium';

type TokenType = Lexer['definition'][string];

/** The end of the input, among the tokens that may come next. */
const END = Symbol('end of input');
type Next = TokenType | typeof END;

/**
 * A set of token types: `set[token.tokenTypeIdx]` is 1 for each member and each type a member
 * category stands for; the last slot stands for the end of the input.
 */
export type TokenSet = Uint8Array;

/** The slot of a token in a TokenSet: its type, or the end of the input. */
export function slotOf(token: { tokenTypeIdx: number } | undefined, set: TokenSet): number {
    return token === undefined ? set.length - 1 : token.tokenTypeIdx;
}

/**
 * How the direct parse (parser.ts) takes one decision by the next token. `ways` lists, per
 * alternative in grammar order (for a `?`, `*` or `+`: one, another pass), the tokens that can
 * begin it or, where it can match nothing, come after it. `shared` holds the tokens with which
 * more than one way can go on (another pass, or what follows the repetition): there each way is
 * tried in turn.
 */
export interface Decision {
    readonly ways: readonly TokenSet[];
    readonly shared: TokenSet;
}

interface First {
    readonly tokens: ReadonlySet<Next>;
    readonly empty: boolean;
}

/** Works out the decisions of a grammar's alternatives and repetitions from its first and follow tokens (LL(1) sets). */
export class GrammarLookahead {
    private readonly firstOfRule = new Map<GrammarAST.ParserRule, First | 'pending'>();
    private readonly followOfRule = new Map<GrammarAST.ParserRule, ReadonlySet<Next> | 'pending'>();
    /** Each element's first tokens (one pass) and follow tokens, once: the elements of a rule share their containers'. */
    private readonly firstOfElement = new Map<GrammarAST.AbstractElement, First>();
    private readonly followOfElement = new Map<GrammarAST.AbstractElement, ReadonlySet<Next>>();
    /** Where each parser rule is called (a rule call, or a cross-reference that names its target by the rule). */
    private readonly calls = new Map<GrammarAST.ParserRule, GrammarAST.AbstractElement[]>();
    private readonly size: number;

    constructor(
        rules: Iterable<GrammarAST.AbstractRule>,
        private readonly tokenOf: (name: string, element: GrammarAST.AbstractElement) => TokenType,
        tokens: readonly TokenType[],
    ) {
        this.size = Math.max(0, ...tokens.map(token => token.tokenTypeIdx ?? 0)) + 2;
        for (const rule of rules) {
            if (!GrammarAST.isParserRule(rule)) continue;
            // The definition itself too: a rule may be one call of another (`A: B;`).
            for (const element of [rule.definition, ...AstUtils.streamAllContents(rule.definition)]) {
                if (!GrammarAST.isAbstractElement(element)) continue;
                const called: GrammarAST.AbstractRule | undefined = GrammarAST.isRuleCall(element) ? element.rule.ref
                    : GrammarAST.isCrossReference(element) && !element.terminal ? nameRuleOf(element) : undefined;
                if (GrammarAST.isParserRule(called)) this.calls.set(called, [...this.calls.get(called) ?? [], element]);
            }
        }
    }

    /** An alternation's decision: each alternative's first tokens, and what follows the alternation for one that can match nothing. */
    alternatives(element: GrammarAST.Alternatives): Decision {
        const follow = element.elements.some(e => this.first(e).empty) ? this.follow(element) : new Set<Next>();
        const shared = new Uint8Array(this.size);
        const seen = new Uint8Array(this.size);
        const ways = element.elements.map(e => {
            const first = this.first(e);
            const slots = this.slotsOf(first.empty ? [...first.tokens, ...follow] : first.tokens);
            for (const slot of slots) {
                if (seen[slot] === 1) shared[slot] = 1;
                seen[slot] = 1;
            }
            return this.setOf(slots);
        });
        return { ways, shared };
    }

    /** A `?`, `*` or `+`: the first tokens of one pass, shared with what follows the repetition where they may also come next. */
    repetition(element: GrammarAST.AbstractElement): Decision & { readonly empty: boolean } {
        const first = this.firstOnce(element);
        const pass = this.setOf(this.slotsOf(first.tokens));
        const shared = this.setOf([...this.slotsOf(this.follow(element))].filter(slot => pass[slot] === 1));
        return { ways: [pass], shared, empty: first.empty };
    }

    /** The slots of tokens in a TokenSet: each type's, and those of the types a category stands for. */
    private slotsOf(tokens: Iterable<Next>): Set<number> {
        const slots = new Set<number>();
        for (const token of tokens) {
            if (token === END) {
                slots.add(this.size - 1);
                continue;
            }
            slots.add(token.tokenTypeIdx!);
            for (const idx of token.categoryMatches ?? []) slots.add(idx);
        }
        return slots;
    }

    private setOf(slots: Iterable<number>): TokenSet {
        const set = new Uint8Array(this.size);
        for (const slot of slots) set[slot] = 1;
        return set;
    }

    /** The first tokens of an element as written: `?` and `*` can match nothing. */
    private first(element: GrammarAST.AbstractElement): First {
        const once = this.firstOnce(element);
        return element.cardinality === '?' || element.cardinality === '*' ? { tokens: once.tokens, empty: true } : once;
    }

    /** The first tokens of one pass of an element: without its cardinality. */
    private firstOnce(element: GrammarAST.AbstractElement): First {
        let first = this.firstOfElement.get(element);
        if (!first) this.firstOfElement.set(element, first = this.firstOnceOf(element));
        return first;
    }

    private firstOnceOf(element: GrammarAST.AbstractElement): First {
        if (GrammarAST.isKeyword(element)) return { tokens: new Set([this.tokenOf(element.value, element)]), empty: false };
        if (GrammarAST.isAssignment(element)) return this.first(element.terminal);
        if (GrammarAST.isCrossReference(element)) {
            const terminal = crossReferenceTerminal(element);
            return terminal ? this.first(terminal) : NOTHING;
        }
        if (GrammarAST.isRuleCall(element)) {
            const rule = element.rule.ref;
            if (GrammarAST.isTerminalRule(rule)) return { tokens: new Set([this.tokenOf(rule.name, element)]), empty: false };
            return GrammarAST.isParserRule(rule) ? this.firstOfParserRule(rule) : NOTHING;
        }
        if (GrammarAST.isAlternatives(element)) {
            const parts = element.elements.map(e => this.first(e));
            return { tokens: new Set(parts.flatMap(p => [...p.tokens])), empty: parts.some(p => p.empty) };
        }
        if (GrammarAST.isGroup(element)) return this.firstOfSequence(element.elements);
        // An action reads no token.
        return NOTHING;
    }

    /** The first tokens of elements in a row: up to the first that cannot match nothing. */
    private firstOfSequence(elements: readonly GrammarAST.AbstractElement[]): First {
        const tokens = new Set<Next>();
        for (const e of elements) {
            const part = this.first(e);
            for (const token of part.tokens) tokens.add(token);
            if (!part.empty) return { tokens, empty: false };
        }
        return { tokens, empty: true };
    }

    private firstOfParserRule(rule: GrammarAST.ParserRule): First {
        const known = this.firstOfRule.get(rule);
        if (known === 'pending') unsupported(rule, 'left recursion');
        if (known) return known;
        this.firstOfRule.set(rule, 'pending');
        const first = this.first(rule.definition);
        this.firstOfRule.set(rule, first);
        return first;
    }

    /** The tokens that can come right after an element (after all its passes, if it repeats). */
    private follow(element: GrammarAST.AbstractElement): ReadonlySet<Next> {
        let follow = this.followOfElement.get(element);
        if (!follow) this.followOfElement.set(element, follow = this.followOf(element));
        return follow;
    }

    private followOf(element: GrammarAST.AbstractElement): ReadonlySet<Next> {
        const container = element.$container;
        if (GrammarAST.isParserRule(container)) return this.followOfParserRule(container);
        if (!container || !GrammarAST.isAbstractElement(container)) return new Set();
        const tokens = new Set<Next>();
        if (GrammarAST.isGroup(container)) {
            const after = this.firstOfSequence(container.elements.slice(container.elements.indexOf(element) + 1));
            for (const token of after.tokens) tokens.add(token);
            if (!after.empty) return tokens;
        }
        // The element ends its container: another pass of the container may follow, then what follows it.
        if (container.cardinality === '*' || container.cardinality === '+') {
            for (const token of this.firstOnce(container).tokens) tokens.add(token);
        }
        for (const token of this.follow(container)) tokens.add(token);
        return tokens;
    }

    private followOfParserRule(rule: GrammarAST.ParserRule): ReadonlySet<Next> {
        const known = this.followOfRule.get(rule);
        // The follow of a recursive rule needs a fixed point; KPI Spec's grammar has no recursion.
        if (known === 'pending') unsupported(rule, 'a recursive rule');
        if (known) return known;
        this.followOfRule.set(rule, 'pending');
        const tokens = new Set<Next>(rule.entry ? [END] : []);
        for (const call of this.calls.get(rule) ?? []) {
            for (const token of this.follow(call)) tokens.add(token);
        }
        this.followOfRule.set(rule, tokens);
        return tokens;
    }
}

const NOTHING: First = { tokens: new Set(), empty: true };

/** What a cross-reference parses as: the terminal written, or else its target type's name. */
export function crossReferenceTerminal(crossRef: GrammarAST.CrossReference): GrammarAST.AbstractElement | undefined {
    return crossRef.terminal ?? (crossRef.type.ref && GrammarUtils.findNameAssignment(crossRef.type.ref)?.terminal);
}

function nameRuleOf(crossRef: GrammarAST.CrossReference): GrammarAST.AbstractRule | undefined {
    const terminal = crossReferenceTerminal(crossRef);
    return GrammarAST.isRuleCall(terminal) ? terminal.rule.ref : undefined;
}

function unsupported(rule: GrammarAST.ParserRule, what: string): never {
    throw new Error(`KPI Spec's parser builder does not support ${what} (in rule ${rule.name})`);
}
