import { DefaultScopeComputation, MultiMap, type AstNode, type AstNodeDescription, type LangiumDocument, type LocalSymbols } from 'langium';
import { isContract, isModel, isStandard, type Model } from '../generated/ast.js';

/**
 * Exports every top-level block by its name, and contract clauses and standard entries by
 * their qualified name (`合同.条款`, `标准.要求`), so that `依据` links resolve across files.
 * Nothing is scoped locally: all other references are resolved through their block's target
 * (see KpiScopeProvider), which saves building a local symbol table per document.
 */
export class KpiScopeComputation extends DefaultScopeComputation {
    override async collectExportedSymbols(document: LangiumDocument): Promise<AstNodeDescription[]> {
        const root = document.parseResult.value;
        if (!isModel(root)) return [];
        const exports: AstNodeDescription[] = [];
        for (const block of (root as Model).blocks) {
            if (!block.name) continue;
            exports.push(this.descriptions.createDescription(block, block.name, document));
            const members: AstNode[] = isContract(block) ? block.clauses : isStandard(block) ? block.entries : [];
            for (const member of members) {
                const name = this.nameProvider.getName(member);
                if (name) exports.push(this.descriptions.createDescription(member, `${block.name}.${name}`, document));
            }
        }
        return exports;
    }

    override async collectLocalSymbols(): Promise<LocalSymbols> {
        return new MultiMap();
    }
}
