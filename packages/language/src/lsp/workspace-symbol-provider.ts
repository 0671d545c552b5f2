import { AstUtils, GrammarUtils, type AstNode, type LangiumDocuments } from 'langium';
import type { FuzzyMatcher, LangiumSharedServices, NodeKindProvider, WorkspaceSymbolProvider } from 'langium/lsp';
import type { WorkspaceSymbol, WorkspaceSymbolParams } from 'vscode-languageserver';
import { isBlock, isContract, isModel, isProject, isStandard } from '../generated/ast.js';
import { goalsOf, indicatorsOf, milestonesOf } from '../model/project.js';

/**
 * Every named element of the workspace, not only the exported ones: a reviewer looking for
 * 接通率 wants the indicator, the clause and the requirement of that name.
 */
export class KpiWorkspaceSymbolProvider implements WorkspaceSymbolProvider {
    private readonly documents: LangiumDocuments;
    private readonly kinds: NodeKindProvider;
    private readonly matcher: FuzzyMatcher;

    constructor(services: LangiumSharedServices) {
        this.documents = services.workspace.LangiumDocuments;
        this.kinds = services.lsp.NodeKindProvider;
        this.matcher = services.lsp.FuzzyMatcher;
    }

    getSymbols(params: WorkspaceSymbolParams): WorkspaceSymbol[] {
        const symbols: WorkspaceSymbol[] = [];
        for (const document of this.documents.all) {
            const model = document.parseResult?.value;
            if (!isModel(model)) continue;
            for (const block of model.blocks) {
                for (const node of [block, ...membersOf(block)]) {
                    const symbol = this.symbolOf(node, document.uri.toString(), params.query);
                    if (symbol) symbols.push(symbol);
                }
            }
        }
        return symbols;
    }

    private symbolOf(node: AstNode, uri: string, query: string): WorkspaceSymbol | undefined {
        const name = (node as AstNode & { name?: string }).name;
        const range = GrammarUtils.findNodeForProperty(node.$cstNode, 'name')?.range;
        if (!name || !range || (query && !this.matcher.match(query, name))) return undefined;
        const owner = isBlock(node) ? undefined : AstUtils.getContainerOfType(node.$container, isBlock)?.name;
        return { name, kind: this.kinds.getSymbolKind(node), containerName: owner, location: { uri, range } };
    }
}

function membersOf(block: AstNode): AstNode[] {
    if (isProject(block)) return [...goalsOf(block), ...indicatorsOf(block), ...milestonesOf(block)];
    if (isContract(block)) return block.clauses;
    if (isStandard(block)) return block.entries;
    return [];
}
