import { AstUtils, GrammarAST, type AstNode, type AstReflection } from 'langium';
import { isAssessment, isFundsSection, isFundsTotal } from '../generated/ast.js';
import { isAnnualKind } from '../model/funds.js';
import { firstToken, ONCE_PER_ASSESSMENT } from '../validation/clause-checks.js';

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

/**
 * Whether `keyword` begins a line the self-assessment at the cursor holds once and already has
 * (`等级` under `等级 优`): written again, only one counts (validation/clause-checks.ts). The line
 * whose keyword is the word at `tokenOffset` is the one being typed (`预算执行|`), not another.
 */
export function isLineWritten(node: AstNode | undefined, keyword: GrammarAST.Keyword, tokenOffset: number): boolean {
    const rule = AstUtils.getContainerOfType(keyword, GrammarAST.isParserRule);
    if (!rule || !ONCE_PER_ASSESSMENT.has(rule.name) || !beginsRule(keyword, rule)) return false;
    const assessment = node && AstUtils.getContainerOfType(node, isAssessment);
    return assessment?.items.some(item => item.$type === rule.name && firstToken(item.$cstNode)?.offset !== tokenOffset) === true;
}

/**
 * Whether `keyword` is a 资金 block's 中期 or 年度 and the block at the cursor already has that
 * line (not the one being typed at `tokenOffset`): written again, only the first is read.
 */
export function isFundsTotalWritten(node: AstNode | undefined, keyword: GrammarAST.Keyword, tokenOffset: number): boolean {
    if (AstUtils.getContainerOfType(keyword, GrammarAST.isParserRule)?.name !== 'FundsTotalKind') return false;
    const section = node && AstUtils.getContainerOfType(node, isFundsSection);
    return section?.lines.some(line => isFundsTotal(line) && isAnnualKind(line.kind) === isAnnualKind(keyword.value)
        && firstToken(line.$cstNode)?.offset !== tokenOffset) === true;
}

/** Whether a keyword (or one of its spellings) is the first element of its rule. */
function beginsRule(keyword: GrammarAST.Keyword, rule: GrammarAST.ParserRule): boolean {
    let element: AstNode = keyword;
    while (GrammarAST.isAlternatives(element.$container)) element = element.$container;
    const group = element.$container;
    if (group === rule) return true;
    // `{infer Total} ('合计' | …)`: an action before it reads no text.
    return GrammarAST.isGroup(group) && group.$container === rule && group.elements.find(e => !GrammarAST.isAction(e)) === element;
}
