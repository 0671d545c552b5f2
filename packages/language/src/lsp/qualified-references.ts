import { CstUtils, DefaultReferences, type AstNode, type CstNode, type FindReferencesOptions, type ReferenceDescription, type Stream } from 'langium';
import { isContract, isIndicator, isStandard } from '../generated/ast.js';
import { qualifiedParts, qualifiedTargetAt, type QualifiedParts } from './qualified-names.js';

/**
 * References that know `依据 合同.条款` names two elements. A qualified link counts as a
 * reference to the clause by its member part and as a reference to the contract by its owner
 * part, so go to definition, find references, highlights and rename (which replaces exactly
 * these segments) each touch only the part that names the element.
 */
export class KpiReferences extends DefaultReferences {
    override findDeclarations(source: CstNode): AstNode[] {
        const qualified = qualifiedTargetAt(source);
        return qualified ? [qualified] : super.findDeclarations(source);
    }

    override findReferences(target: AstNode, options: FindReferencesOptions): Stream<ReferenceDescription> {
        const own = super.findReferences(target, options).map(ref => this.narrow(ref, 'member') ?? ref);
        const members: AstNode[] = isContract(target) ? target.clauses : isStandard(target) ? target.entries : [];
        const viaMembers = members
            .flatMap(member => super.findReferences(member, { ...options, includeDeclaration: false }).toArray())
            .map(ref => this.narrow(ref, 'owner'))
            .filter((ref): ref is ReferenceDescription => ref !== undefined);
        return own.concat(viaMembers);
    }

    /** The reference restricted to one part of its qualified name; undefined when it is not qualified. */
    private narrow(ref: ReferenceDescription, part: keyof QualifiedParts): ReferenceDescription | undefined {
        const parts = this.partsOf(ref);
        // Field by field: a description may work out its fields when asked (reference-descriptions.ts), and a spread copies none of them.
        const { sourceUri, sourcePath, targetUri, targetPath, local } = ref;
        return parts && { sourceUri, sourcePath, targetUri, targetPath, local, segment: CstUtils.toDocumentSegment(parts[part]) };
    }

    private partsOf(ref: ReferenceDescription): QualifiedParts | undefined {
        const root = this.documents.getDocument(ref.sourceUri)?.parseResult.value;
        const source = root && this.nodeLocator.getAstNode(root, ref.sourcePath);
        if (!isIndicator(source)) return undefined;
        const link = source.links.find(l => l.$refNode?.offset === ref.segment.offset);
        return qualifiedParts(link?.$refNode);
    }
}
