import { GrammarAST, type AstNode, type AstReflection } from 'langium';

/**
 * The property a clause keyword introduces where the grammar lets a row's clauses come in any
 * order, each once (`实际` before `actual=Actual`, `来源` before `source=STRING`); undefined for
 * a keyword that may come again (`依据` adds to `links+=`) or that begins no clause.
 */
export function clauseProperty(keyword: GrammarAST.Keyword): string | undefined {
    let element: AstNode = keyword;
    // `('实际' | 'actual' | '实际完成值') actual=Actual`: the spellings are alternatives.
    while (GrammarAST.isAlternatives(element.$container)) element = element.$container;
    const group = element.$container;
    if (!GrammarAST.isGroup(group)) return undefined;
    const index = group.elements.indexOf(element as GrammarAST.AbstractElement);
    // The keyword that begins a row (`指标 接通率`) begins the next row too.
    if (index === 0 && GrammarAST.isParserRule(group.$container)) return undefined;
    const next = group.elements[index + 1];
    return GrammarAST.isAssignment(next) && next.operator !== '+=' ? next.feature : undefined;
}

/**
 * Whether the row the cursor is in already has the clause `property`: the nearest node up from
 * the one before the cursor whose type has that property. Offering its keyword again would
 * write the clause twice, a syntax error.
 */
export function isClauseWritten(node: AstNode | undefined, property: string, reflection: AstReflection): boolean {
    for (let row = node; row; row = row.$container) {
        if (!(property in reflection.getTypeMetaData(row.$type).properties)) continue;
        const value = (row as unknown as Record<string, unknown>)[property];
        return value !== undefined && value !== false;
    }
    return false;
}
