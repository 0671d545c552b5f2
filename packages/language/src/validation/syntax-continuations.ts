import { CstUtils, GrammarAST, GrammarUtils, isCompositeCstNode, type AstNode, type CstNode, type Grammar } from 'langium';
import { findFirstFeatures, findNextFeatures } from 'langium/lsp';
import { clauseAfter } from '../parser/empty-cells.js';
import { clauseKey, onceOnlyClauses, type OnceOnlyClauses } from '../parser/repeated-clauses.js';

/** What may come next: its token types, and the property a clause's keyword introduces (`分值` → weight). */
interface Continuation {
    readonly names: readonly string[];
    readonly clause?: string;
}

/**
 * What may follow the token before a stray one, by the grammar, for the stray token's message.
 * After a complete row (`条款 B "b" >= 95% <= 5`) the parser reports it where the block's rows end,
 * expecting only what ends the block (`}`); after a header, only the `{`. The officer wants to
 * know what the row may still take (违约, 来源 …), or what may start the next row.
 *
 * The grammar path to the token before is the chain of grammar elements of its syntax nodes;
 * what may follow it is what Langium's completion offers there. On the row's own line, the row's
 * continuations; on a later line, what may start a row or end the block. Each answer depends on
 * the path alone, and is kept.
 */
export class SyntaxContinuations {
    private readonly ids = new Map<GrammarAST.AbstractElement, number>();
    private readonly known = new Map<string, readonly Continuation[]>();
    /** Paths kept; past this many (blocks nested without end) the memory starts again. */
    private static readonly KEPT = 10_000;
    private readonly clauses: OnceOnlyClauses;

    constructor(grammar: Grammar) {
        this.clauses = onceOnlyClauses(grammar);
    }

    /**
     * Token type names (keywords, terminal names) that may stand at `offset` of `text` instead of
     * what is there. A clause the row may give once and gave already is not offered again.
     */
    at(root: CstNode, text: string, offset: number): readonly string[] {
        const leaf = lastTokenBefore(root, offset);
        if (!leaf) return [];
        const chain: CstNode[] = [];
        for (let node: CstNode | undefined = leaf; node && node !== root; node = node.container) chain.unshift(node);
        // The row: the outermost node that ends with the token (the block around it goes on to its `}`).
        // Its own grammar element (the block's call of the row's rule) is left out of its path:
        // from there, what may follow is the block's next row or its end.
        const row = chain.findIndex(node => node.end === leaf.end);
        const path = grammarPath(chain);
        const rowPath = grammarPath(chain.slice(row + 1));
        const inRow = this.following(rowPath);
        const sameLine = !/[\r\n]/.test(text.slice(leaf.end, offset));
        const open = inRow.filter(next => !next.clause || !this.given(leaf.astNode, next.clause));
        if (sameLine && open.length > 0) return namesOf(open);
        const own = new Set(namesOf(inRow));
        return namesOf(this.following(path)).filter(name => !own.has(name));
    }

    /** Whether the node of a row (or one around it) gave a once-only clause already. */
    private given(node: AstNode, feature: string): boolean {
        for (let owner: AstNode | undefined = node; owner; owner = owner.$container) {
            if (this.clauses.keys.has(clauseKey(owner.$type, feature))) return (owner as unknown as Record<string, unknown>)[feature] !== undefined;
        }
        return false;
    }

    private following(path: readonly GrammarAST.AbstractElement[]): readonly Continuation[] {
        const key = path.map(element => this.idOf(element)).join(' ');
        let next = this.known.get(key);
        if (!next) {
            if (this.known.size >= SyntaxContinuations.KEPT) this.known.clear();
            const features = path.length === 0 ? [] : findNextFeatures([path.map(feature => ({ feature }))], []);
            this.known.set(key, next = features.map(({ feature }) => ({ names: tokenNames(feature), clause: clauseOf(feature) })));
        }
        return next;
    }

    private idOf(element: GrammarAST.AbstractElement): number {
        let id = this.ids.get(element);
        if (id === undefined) this.ids.set(element, id = this.ids.size);
        return id;
    }
}

function namesOf(next: readonly Continuation[]): string[] {
    return [...new Set(next.flatMap(n => n.names))];
}

/** The property a keyword introduces (`分值` → weight). */
function clauseOf(element: GrammarAST.AbstractElement): string | undefined {
    return GrammarAST.isKeyword(element) ? clauseAfter(element)?.feature : undefined;
}

function grammarPath(nodes: readonly CstNode[]): GrammarAST.AbstractElement[] {
    return nodes.map(node => node.grammarSource).filter((e): e is GrammarAST.AbstractElement => e !== undefined);
}

/** The last token of the syntax tree that ends at or before `offset` (comments left out). */
function lastTokenBefore(root: CstNode, offset: number): CstNode | undefined {
    let node: CstNode | undefined = CstUtils.findLeafNodeBeforeOffset(root, offset);
    while (node && (node.hidden || node.end > offset || isCompositeCstNode(node))) {
        if (isCompositeCstNode(node) && !node.hidden && node.end <= offset) {
            const visible: CstNode[] = node.content.filter(child => !child.hidden);
            if (visible.length > 0) {
                node = visible[visible.length - 1];
                continue;
            }
        }
        node = CstUtils.getPreviousNode(node, false);
    }
    return node;
}

/** The token types an element is read from: a keyword's text, a terminal's name; a parser rule's first tokens. */
function tokenNames(element: GrammarAST.AbstractElement): string[] {
    if (GrammarAST.isKeyword(element)) return [element.value];
    if (GrammarAST.isCrossReference(element)) {
        const terminal = GrammarUtils.getCrossReferenceTerminal(element);
        return terminal ? tokenNames(terminal) : [];
    }
    if (GrammarAST.isRuleCall(element)) {
        const rule = element.rule.ref;
        if (GrammarAST.isTerminalRule(rule)) return [rule.name];
        if (GrammarAST.isParserRule(rule)) return findFirstFeatures(rule.definition).flatMap(path => tokenNames(path[path.length - 1]!.feature));
    }
    return [];
}
