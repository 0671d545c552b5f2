import { AstUtils } from 'langium';
import type { LangiumServices } from 'langium/lsp';
import { isIndicator, isLinkTarget, isProject, type Indicator, type LinkTarget } from '../generated/ast.js';

/**
 * What an indicator is held to: its `依据` links and, as the checks read RULES.md, the
 * same-named entries of the standards its project applies.
 */
export function referencesOf(indicator: Indicator): LinkTarget[] {
    const linked = (indicator.links ?? []).map(l => l.ref).filter(isLinkTarget);
    const project = AstUtils.getContainerOfType(indicator, isProject);
    const sameNamed = (project?.applies ?? [])
        .flatMap(a => a.standards.map(s => s.ref?.entries ?? []))
        .flat()
        .filter(e => e.name === indicator.name);
    return [...new Set([...linked, ...sameNamed])];
}

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
