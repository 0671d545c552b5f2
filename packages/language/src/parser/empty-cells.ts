import { AstUtils, GrammarAST, type Grammar } from 'langium';

/**
 * Whether `text.slice(start, end)` is a printed form's mark for a cell left empty: dashes (—, ——,
 * –, －, ―) wherever they stand, a slash (/, ／) standing alone between blanks or the line's ends
 * (`实际 / 分值`, not the operator of `元/通`).
 */
export function isEmptyCellMarkAt(text: string, start: number, end: number): boolean {
    const mark = text.slice(start, end);
    if (/^[—–―－]+$/.test(mark)) return true;
    const alone = (start === 0 || /\s/.test(text[start - 1]!)) && (end >= text.length || /\s/.test(text[end]!));
    return alone && /^[/／]+$/.test(mark);
}

/** The assignment a keyword introduces, right after it in its group (`('分值' | 'weight') weight=NUMBER`). */
export function clauseAfter(keyword: GrammarAST.AbstractElement): GrammarAST.Assignment | undefined {
    let child: GrammarAST.AbstractElement = keyword;
    while (GrammarAST.isAlternatives(child.$container)) child = child.$container;
    const group = child.$container;
    if (!GrammarAST.isGroup(group)) return undefined;
    const after = group.elements[group.elements.indexOf(child) + 1];
    return GrammarAST.isAssignment(after) ? after : undefined;
}

/**
 * The keywords that stand for a form's cell: words that introduce a value (`实际`, `分值`, `得分`,
 * `偏差` …), not a link (`指标 接通率`, `对象 P`) or a name (`项目 P`, `条款 A`). A cell printed
 * empty after one (`得分 —`) is the clause not given.
 */
export function cellKeywords(grammar: Grammar): Set<string> {
    const keywords = new Set<string>();
    for (const keyword of AstUtils.streamAllContents(grammar).filter(GrammarAST.isKeyword)) {
        const clause = clauseAfter(keyword);
        if (clause && clause.feature !== 'name' && !GrammarAST.isCrossReference(clause.terminal) && /\p{L}/u.test(keyword.value)) keywords.add(keyword.value);
    }
    return keywords;
}
