import { GrammarUtils, type AstNode, type CompositeCstNode, type CstNode } from 'langium';
import type { KpiCoreServices } from '../kpi-core-module.js';
import { onceOnlyClauses, repeatedClausesOf } from '../parser/repeated-clauses.js';
import { ownFile } from './check-reads.js';
import type { Check, KpiChecks, Report } from './report.js';

/** A clause's value as the message quotes it: its text, long texts cut. */
function quoted(node: CstNode): string {
    const text = node.text.replace(/\s+/g, ' ').trim();
    return text.length > 24 ? `${text.slice(0, 23)}…` : text;
}

/** The token before a clause's value, comments aside: the clause's keyword as written. */
function keywordBefore(value: CstNode): CstNode {
    const siblings = (value.container as CompositeCstNode | undefined)?.content ?? [];
    let k = siblings.indexOf(value) - 1;
    while (k >= 0 && siblings[k]!.hidden) k--;
    return siblings[k] ?? value;
}

export function clauseChecks(services: KpiCoreServices): KpiChecks {
    /**
     * A clause given twice in one row (the parser notes it, see repeated-clauses.ts): the last
     * value counts, the first is silently lost. Reported on each repetition, naming both values.
     */
    function clauseMustBeGivenOnce(node: AstNode, report: Report): void {
        for (const feature of repeatedClausesOf(node) ?? []) {
            const [first, ...again] = GrammarUtils.findNodesForProperty(node.$cstNode, feature);
            for (const value of again) {
                const keyword = keywordBefore(value);
                report('syntax/parsing', {
                    node,
                    range: { start: keyword.range.start, end: value.range.end },
                    message: {
                        zh: `「${keyword.text}」写了两次：${quoted(first!)} 和 ${quoted(value)}，只有后一个有效；请删去其中一个`,
                        en: `'${keyword.text}' is given twice, ${quoted(first!)} and ${quoted(value)}: only the last counts; remove one`,
                    },
                });
            }
        }
    }

    const checks: Record<string, Array<Check<AstNode>>> = {};
    for (const type of onceOnlyClauses(services.Grammar).types) checks[type] = ownFile(clauseMustBeGivenOnce);
    return checks as KpiChecks;
}
