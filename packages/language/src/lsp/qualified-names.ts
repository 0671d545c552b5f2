import { CstUtils, type AstNode, type CstNode, type Reference } from 'langium';
import { isIndicator, isLinkTarget, type LinkTarget } from '../generated/ast.js';

/**
 * `依据 合同.条款` links a clause (or a standard's entry) by a qualified name: one reference
 * whose text names two elements. Editor features treat the parts separately: the owner part
 * goes to, highlights and renames with the contract or standard, the member part with the clause.
 */
export interface QualifiedParts {
    owner: CstNode;
    member: CstNode;
}

export function qualifiedParts(refNode: CstNode | undefined): QualifiedParts | undefined {
    if (!refNode) return undefined;
    const leaves = CstUtils.flattenCst(refNode).filter(l => !l.hidden).toArray();
    const dot = leaves.findIndex(l => l.text === '.');
    if (dot <= 0 || dot !== leaves.length - 2) return undefined;
    return { owner: leaves[dot - 1]!, member: leaves[dot + 1]! };
}

/** The `依据` reference (of an indicator) whose text contains the given CST leaf, if any. */
export function linkAt(leaf: CstNode): Reference<LinkTarget> | undefined {
    const node = leaf.astNode;
    if (!isIndicator(node)) return undefined;
    return node.links.find(l => l.$refNode && l.$refNode.offset <= leaf.offset && leaf.end <= l.$refNode.end);
}

/**
 * What a leaf inside a qualified link names: the contract or standard when it is the owner
 * part, else the linked clause or entry.
 */
export function qualifiedTargetAt(leaf: CstNode): AstNode | undefined {
    const link = linkAt(leaf);
    const target = link?.ref;
    if (!link || !isLinkTarget(target)) return undefined;
    const parts = qualifiedParts(link.$refNode);
    return parts && leaf.end <= parts.owner.end ? target.$container : target;
}
