import type { AstNode } from 'langium';
import type { LangiumServices } from 'langium/lsp';
import { isAssessment, isIndicator, type Assessment, type Indicator, type LinkTarget, type Project } from '../generated/ast.js';

/** The indicators that link a clause or standard entry with `依据`, in any file. */
export function indicatorsLinking(target: LinkTarget, services: LangiumServices): Indicator[] {
    return referring(target, services, isIndicator);
}

/** The assessments of a project (`对象 P`), in any file. */
export function assessmentsOf(project: Project, services: LangiumServices): Assessment[] {
    return referring(project, services, isAssessment);
}

/** The nodes of a type that hold a reference to `target`, in any file. */
function referring<T extends AstNode>(target: AstNode, services: LangiumServices, is: (node: unknown) => node is T): T[] {
    const documents = services.shared.workspace.LangiumDocuments;
    const locator = services.workspace.AstNodeLocator;
    return services.references.References.findReferences(target, { includeDeclaration: false })
        .map(ref => {
            const root = documents.getDocument(ref.sourceUri)?.parseResult.value;
            return root && locator.getAstNode(root, ref.sourcePath);
        })
        .filter(is)
        .distinct()
        .toArray();
}
