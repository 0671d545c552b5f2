import type { Clause, Contract } from '../generated/ast.js';
import type { KpiCoreServices } from '../kpi-core-module.js';
import { indicatorsOf } from '../model/project.js';
import { someBuiltFromBrokenText } from './broken-text.js';
import { LINKS_ELSEWHERE, ownFile, reading } from './check-reads.js';
import type { KpiChecks, Report } from './report.js';
import { describeElement, qualifiedName } from '../model/held-to.js';

function contractNoPenalty(clause: Clause, report: Report): void {
    // A clause without a name is a parse error already; its message would name nothing.
    if (!clause.name || clause.penalty?.trim()) return;
    const contract = clause.$container?.name;
    report('contract/no-penalty', {
        node: clause, property: 'name',
        message: {
            zh: `合同「${contract}」条款「${clause.name}」未约定违约责任（违约 "…"）`,
            en: `Clause '${clause.name}' of contract '${contract}' has no penalty (penalty "…")`,
        },
        data: { clause: clause.name, contract },
    });
}

/**
 * A clause of a contract `对象 P` must be linked with 依据 by some indicator of P; a same-named
 * indicator does not count, since a name says nothing about which figure it measures.
 */
function contractUntrackedClause(contract: Contract, report: Report): void {
    const project = contract.project?.ref;
    if (!project) return;
    const indicators = indicatorsOf(project);
    // An indicator the parser could not read may have lost its 依据 (a half-typed `依据`): wait for it.
    if (someBuiltFromBrokenText(project, indicators)) return;
    const tracked = new Set(indicators.flatMap(i => i.links.map(l => l?.ref)));
    for (const clause of contract.clauses) {
        // A clause without a name is a parse error already; its message would name nothing.
        if (!clause.name || tracked.has(clause)) continue;
        report('contract/untracked-clause', {
            node: clause, property: 'name',
            message: {
                zh: `合同「${contract.name}」条款「${clause.name}」没有被项目「${project.name}」的任何指标用“依据”跟踪`,
                en: `Clause '${clause.name}' of contract '${contract.name}' is not tracked by any indicator of project '${project.name}' (per)`,
            },
            data: { clause: qualifiedName(clause), project: project.name },
            related: [{ node: project, message: describeElement(project) }],
        });
    }
}

/** The `contract/*` rules of RULES.md, one function each, named as the rule. */
export function contractChecks(_services: KpiCoreServices): KpiChecks {
    return {
        Clause: ownFile(contractNoPenalty),
        // Its project's indicators, and what their 依据 resolve to.
        Contract: reading(['Project', 'Contract', 'Standard', LINKS_ELSEWHERE], contractUntrackedClause),
    };
}
