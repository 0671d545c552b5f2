import { AstUtils, GrammarAST, type Grammar } from 'langium';
import { clauseAfter } from './empty-cells.js';

/**
 * The keywords that open a clause of a row or a header: a word before what it introduces
 * (`来源 "…"`, `分值 30`, `依据 C.c`, `对象 P`), not before a block's or a row's name (`项目 P`, `条款 A`).
 */
export function clauseKeywords(grammar: Grammar): Set<string> {
    const keywords = new Set<string>();
    for (const keyword of AstUtils.streamAllContents(grammar).filter(GrammarAST.isKeyword)) {
        const clause = clauseAfter(keyword);
        if (clause && clause.feature !== 'name' && /\p{L}/u.test(keyword.value)) keywords.add(keyword.value);
    }
    return keywords;
}

/** The keywords a name may be (the grammar's `Name` rule: `分值`, `质量` …): a list's next item after a comma. */
export function nameKeywords(grammar: Grammar): Set<string> {
    const keywords = new Set<string>();
    const seen = new Set<GrammarAST.AbstractRule>();
    const collect = (rule: GrammarAST.AbstractRule | undefined) => {
        if (!GrammarAST.isParserRule(rule) || seen.has(rule)) return;
        seen.add(rule);
        for (const node of AstUtils.streamAllContents(rule)) {
            if (GrammarAST.isKeyword(node)) keywords.add(node.value);
            else if (GrammarAST.isRuleCall(node)) collect(node.rule.ref);
        }
    };
    collect(grammar.rules.find(rule => rule.name === 'Name'));
    return keywords;
}
