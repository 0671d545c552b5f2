import type { LangiumServices } from 'langium/lsp';
import { isIndicator, type Indicator, type LinkTarget } from '../generated/ast.js';

/** The indicators that link a clause or standard entry with `依据`, in any file. */
export function indicatorsLinking(target: LinkTarget, services: LangiumServices): Indicator[] {
    const documents = services.shared.workspace.LangiumDocuments;
    const locator = services.workspace.AstNodeLocator;
    return services.references.References.findReferences(target, { includeDeclaration: false })
        .map(ref => {
            const root = documents.getDocument(ref.sourceUri)?.parseResult.value;
            return root && locator.getAstNode(root, ref.sourcePath);
        })
        .filter(isIndicator)
        .distinct()
        .toArray();
}
