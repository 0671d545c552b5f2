import { CstUtils, GrammarUtils, isLeafCstNode, type AstNode, type CompositeCstNode, type CstNode } from 'langium';
import type { Assessment } from '../generated/ast.js';
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

/** The lines of a self-assessment that it holds once: figures and a date (text lines such as 结论 may run on over several). */
export const ONCE_PER_ASSESSMENT: ReadonlySet<string> = new Set(['Execution', 'Total', 'GradeStatement', 'AsOf']);

/** The first token of a node's text, comments aside: a line's keyword as written. */
export function firstToken(node: CstNode | undefined): CstNode | undefined {
    return node && CstUtils.streamCst(node).find(n => isLeafCstNode(n) && !n.hidden);
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

    /**
     * A line a self-assessment holds once (预算执行, 合计, 等级, 评价日) written again:
     * only one of them is read, the other silently lost. Reported on each repetition.
     */
    function assessmentLineOnce(assessment: Assessment, report: Report): void {
        const seen = new Map<string, AstNode>();
        for (const item of assessment.items) {
            if (!ONCE_PER_ASSESSMENT.has(item.$type)) continue;
            const first = seen.get(item.$type);
            if (!first) {
                seen.set(item.$type, item);
                continue;
            }
            const keyword = firstToken(item.$cstNode);
            const line = (first.$cstNode?.range.start.line ?? 0) + 1;
            report('syntax/parsing', {
                node: item,
                ...(keyword ? { range: keyword.range } : {}),
                message: {
                    zh: `「${keyword?.text ?? item.$type}」一份自评只写一行：第 ${line} 行已写过，只有其中一行有效；请删去其中一行`,
                    en: `'${keyword?.text ?? item.$type}' is written once per assessment: line ${line} has it already and only one of them counts; remove one`,
                },
            });
        }
    }

    const checks: Record<string, Array<Check<AstNode>>> = {};
    for (const type of onceOnlyClauses(services.Grammar).types) checks[type] = ownFile(clauseMustBeGivenOnce);
    checks['Assessment'] = [...(checks['Assessment'] ?? []), ...ownFile(assessmentLineOnce as Check<AstNode>)];
    return checks as KpiChecks;
}
