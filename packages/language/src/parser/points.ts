import { AstUtils, GrammarAST, type Grammar } from 'langium';
import { clauseAfter } from './empty-cells.js';

/**
 * The keywords before a score's points (`分值 15`, `得分 13.5`, in every row that scores), after
 * which a form may print the unit 分 glued to the number (`分值 15分`): KpiLexer reads the number
 * alone, as a workbook's score cell is read.
 */
export function pointsKeywords(grammar: Grammar): Set<string> {
    const keywords = new Set<string>();
    for (const keyword of AstUtils.streamAllContents(grammar).filter(GrammarAST.isKeyword)) {
        const clause = clauseAfter(keyword);
        if (clause?.feature === 'weight' || clause?.feature === 'score') keywords.add(keyword.value);
    }
    return keywords;
}
