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

/**
 * Each clause keyword (clauseKeywords) with the clause keywords of the rules it stands in: the
 * clauses it may stand beside (`依据` with `来源`, `说明` …; `指标` with `实际`, `分值` …).
 */
export function clauseRows(grammar: Grammar): Map<string, Set<string>> {
    const clauses = clauseKeywords(grammar);
    const rows = new Map<string, Set<string>>();
    for (const rule of grammar.rules.filter(GrammarAST.isParserRule)) {
        const inRule = AstUtils.streamAllContents(rule).filter(GrammarAST.isKeyword).map(k => k.value).filter(k => clauses.has(k)).toArray();
        for (const keyword of inRule) {
            const row = rows.get(keyword) ?? new Set<string>();
            for (const other of inRule) row.add(other);
            rows.set(keyword, row);
        }
    }
    return rows;
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
