import { GrammarAST, GrammarUtils, type AstNode, type CstNode, type Grammar } from 'langium';

/**
 * The clauses a row may give in any order, but each once: assignments with `=` inside a
 * repetition (`( 实际 actual=… | 得分 score=… )*`), as `type feature` keys, and the types
 * of node whose rows have them. Read from the grammar, so a clause added to it is covered.
 */
export interface OnceOnlyClauses {
    readonly keys: ReadonlySet<string>;
    readonly types: ReadonlySet<string>;
}

/** Worked out once per grammar: the parser and the check both ask. */
const known = new WeakMap<Grammar, OnceOnlyClauses>();

export function onceOnlyClauses(grammar: Grammar): OnceOnlyClauses {
    let clauses = known.get(grammar);
    if (!clauses) known.set(grammar, clauses = findOnceOnlyClauses(grammar));
    return clauses;
}

function findOnceOnlyClauses(grammar: Grammar): OnceOnlyClauses {
    const keys = new Set<string>();
    const types = new Set<string>();
    const collect = (type: string, element: GrammarAST.AbstractElement, repeated: boolean, within: ReadonlySet<GrammarAST.ParserRule>): void => {
        const inRepetition = repeated || element.cardinality === '*' || element.cardinality === '+';
        if (GrammarAST.isAssignment(element)) {
            if (inRepetition && element.operator === '=') {
                keys.add(clauseKey(type, element.feature));
                types.add(type);
            }
        } else if (GrammarAST.isRuleCall(element)) {
            // A fragment's clauses fill the node of the rule that calls it.
            const rule = element.rule.ref;
            if (GrammarAST.isParserRule(rule) && rule.fragment && !within.has(rule)) collect(type, rule.definition, inRepetition, new Set([...within, rule]));
        } else if (GrammarAST.isGroup(element) || GrammarAST.isAlternatives(element) || GrammarAST.isUnorderedGroup(element)) {
            for (const child of element.elements) collect(type, child, inRepetition, within);
        }
    };
    for (const rule of grammar.rules) {
        if (GrammarAST.isParserRule(rule) && !rule.fragment) collect(GrammarUtils.getRuleTypeName(rule), rule.definition, false, new Set([rule]));
    }
    return { keys, types };
}

/** A clause as OnceOnlyClauses.keys holds it. */
export function clauseKey(type: string, feature: string): string {
    return `${type} ${feature}`;
}

/** The features of a node that its row gave twice or more (the parser keeps the last value). */
const REPEATED = Symbol('repeated clauses');

type Noted = AstNode & { [REPEATED]?: string[] };

/** Notes that the parser assigns a once-only clause of `node` again. */
export function noteRepeatedClause(node: object, feature: string): void {
    const noted = node as Noted;
    const features = noted[REPEATED] ??= [];
    if (!features.includes(feature)) features.push(feature);
}

/** The once-only clauses `node`'s row gave more than once, if any. */
export function repeatedClausesOf(node: AstNode): readonly string[] | undefined {
    return (node as Noted)[REPEATED];
}

/**
 * Where a node's property is written: for a clause its row gave twice, the value that counts
 * (the last, which the parser keeps), so that findings quoting the value and quick fixes
 * rewriting it are on that one, not on the value the parser dropped.
 */
export function writtenAt(node: AstNode | undefined, feature: string): CstNode | undefined {
    if (!node) return undefined;
    return repeatedClausesOf(node)?.includes(feature)
        ? GrammarUtils.findNodesForProperty(node.$cstNode, feature).at(-1)
        : GrammarUtils.findNodeForProperty(node.$cstNode, feature);
}
