import { AstUtils, CstUtils, GrammarAST, GrammarUtils, isReference, type AstNode, type AstReflection, type CstNode, type LeafCstNode } from 'langium';
import { AbstractSemanticTokenProvider, type SemanticTokenAcceptor } from 'langium/lsp';
import { SemanticTokenModifiers, SemanticTokenTypes } from 'vscode-languageserver';
import type { KpiServices } from '../kpi-module.js';
import { qualifiedParts } from './qualified-names.js';

/**
 * Token types by what a name denotes (docs: editors.md lists the same mapping):
 * blocks are classes, indicators variables, goals namespaces, milestones events, clauses
 * properties, requirements and baselines enum members (baselines also `readonly`), breakdown
 * components properties;
 * units are types, numbers and dates numbers, comparators operators, keywords keywords.
 */
const NAME_TYPES: Record<string, string> = {
    Project: SemanticTokenTypes.class,
    Contract: SemanticTokenTypes.class,
    Standard: SemanticTokenTypes.class,
    Assessment: SemanticTokenTypes.class,
    Compliance: SemanticTokenTypes.class,
    Indicator: SemanticTokenTypes.variable,
    Goal: SemanticTokenTypes.namespace,
    Milestone: SemanticTokenTypes.event,
    Clause: SemanticTokenTypes.property,
    Requirement: SemanticTokenTypes.enumMember,
    Baseline: SemanticTokenTypes.enumMember,
    BreakdownComponent: SemanticTokenTypes.property,
    // An unresolved `依据` link: most are clauses.
    LinkTarget: SemanticTokenTypes.property,
};

const TERMINAL_TYPES: Record<string, string> = {
    NUMBER: SemanticTokenTypes.number,
    DATE: SemanticTokenTypes.number,
    MONTH: SemanticTokenTypes.number,
    STRING: SemanticTokenTypes.string,
};

export class KpiSemanticTokenProvider extends AbstractSemanticTokenProvider {
    private readonly reflection: AstReflection;

    constructor(services: KpiServices) {
        super(services);
        this.reflection = services.shared.AstReflection;
    }

    protected override highlightElement(node: AstNode, acceptor: SemanticTokenAcceptor): void {
        if (!node.$cstNode) return;
        const referenceLeaves = this.highlightReferences(node, acceptor);
        for (const leaf of CstUtils.flattenCst(node.$cstNode)) {
            if (leaf.hidden || leaf.astNode !== node || referenceLeaves.has(leaf)) continue;
            this.highlightLeaf(node, leaf, acceptor);
        }
    }

    /**
     * A reference is colored as what it names; in `合同.条款` the owner part as a block. Done per
     * reference (not per leaf) so that a row with many links stays linear. Returns the leaves done.
     */
    private highlightReferences(node: AstNode, acceptor: SemanticTokenAcceptor): Set<CstNode> {
        const done = new Set<CstNode>();
        for (const info of AstUtils.streamReferences(node)) {
            const reference = info.reference;
            const refNode = reference.$refNode;
            if (!isReference(reference) || !refNode) continue;
            for (const leaf of CstUtils.flattenCst(refNode)) done.add(leaf);
            const type = NAME_TYPES[reference.ref?.$type ?? this.reflection.getReferenceType(info)];
            const parts = qualifiedParts(refNode);
            if (parts) acceptor({ cst: parts.owner, type: SemanticTokenTypes.class });
            if (type) acceptor({ cst: parts?.member ?? refNode, type });
        }
        return done;
    }

    private highlightLeaf(node: AstNode, leaf: LeafCstNode, acceptor: SemanticTokenAcceptor): void {
        const feature = GrammarUtils.findAssignment(leaf)?.feature;
        if (feature === 'name' && NAME_TYPES[node.$type]) {
            const modifier = node.$type === 'Baseline'
                ? [SemanticTokenModifiers.declaration, SemanticTokenModifiers.readonly]
                : SemanticTokenModifiers.declaration;
            acceptor({ cst: leaf, type: NAME_TYPES[node.$type]!, modifier });
            return;
        }
        if (feature === 'unit') {
            // A compound unit (元/人*月) is one token.
            const unit = GrammarUtils.findNodeForProperty(node.$cstNode, 'unit');
            if (unit?.offset === leaf.offset) acceptor({ cst: unit, type: SemanticTokenTypes.type });
            return;
        }
        // Comparators in signs or words, before the value or after it (不低于 95%, 95%以上).
        if (feature === 'comparator' || feature === 'bound') {
            acceptor({ cst: leaf, type: SemanticTokenTypes.operator });
            return;
        }
        const terminal = TERMINAL_TYPES[leaf.tokenType.name];
        if (terminal) {
            acceptor({ cst: leaf, type: terminal });
        } else if (GrammarAST.isKeyword(leaf.grammarSource) && /\p{L}/u.test(leaf.text)) {
            acceptor({ cst: leaf, type: SemanticTokenTypes.keyword });
        }
    }
}
