import { URI, type AstNode } from 'langium';
import { displayName } from '../excel/index.js';
import type { Block, Contract, Model, Project, Standard } from '../generated/ast.js';
import { goalsOf, indicatorsOf, milestonesOf } from '../model/project.js';
import type { KpiCoreServices } from '../kpi-core-module.js';
import type { KpiIndexManager } from '../workspace/index-manager.js';
import { ownFile } from './check-reads.js';
import type { KpiChecks, Report } from './report.js';

type Named = AstNode & { name: string };

/** Reports every node after the first with the same name among `nodes`. */
function reportDuplicates(nodes: Named[], report: Report, kind: { zh: string; en: string }): void {
    const seen = new Map<string, Named>();
    for (const node of nodes) {
        if (!node.name) continue;
        if (seen.has(node.name)) {
            report('name/duplicate', {
                node, property: 'name',
                message: {
                    zh: `${kind.zh}名称「${node.name}」重复`,
                    en: `Duplicate ${kind.en} name '${node.name}'`,
                },
                related: [{ node: seen.get(node.name)!, message: { zh: `「${node.name}」首次定义于此`, en: `'${node.name}' is first defined here` } }],
            });
        } else {
            seen.set(node.name, node);
        }
    }
}

export function nameChecks(services: KpiCoreServices): KpiChecks {
    const index = services.shared.workspace.IndexManager as KpiIndexManager;

    /** Top-level names are global: a block named like a block in this or another file. */
    function blockNameMustBeUnique(model: Model, report: Report): void {
        const here = model.$document?.uri.toString();
        reportDuplicates(model.blocks as Named[], report, { zh: '', en: 'block' });
        if (!here) return;
        const except = new Set([here]);
        for (const block of model.blocks as Block[]) {
            if (!block.name) continue;
            // The first other file (in index order) that exports the name.
            const [other] = index.documentsExporting([block.name], except);
            if (!other) continue;
            const file = displayName(URI.parse(other).path, model.$document!.uri.path);
            report('name/duplicate', {
                node: block, property: 'name',
                message: {
                    zh: `名称「${block.name}」已在 ${file} 中定义`,
                    en: `'${block.name}' is already defined in ${file}`,
                },
            });
        }
    }

    function projectMemberNamesMustBeUnique(project: Project, report: Report): void {
        reportDuplicates(indicatorsOf(project), report, { zh: '指标', en: 'indicator' });
        reportDuplicates(goalsOf(project), report, { zh: '总体目标', en: 'goal' });
        reportDuplicates(milestonesOf(project), report, { zh: '里程碑', en: 'milestone' });
    }

    function clauseNamesMustBeUnique(contract: Contract, report: Report): void {
        reportDuplicates(contract.clauses, report, { zh: '条款', en: 'clause' });
    }

    function entryNamesMustBeUnique(standard: Standard, report: Report): void {
        reportDuplicates(standard.entries, report, { zh: '标准条目', en: 'standard entry' });
    }

    return {
        Model: [blockNameMustBeUnique],
        Project: ownFile(projectMemberNamesMustBeUnique),
        Contract: ownFile(clauseNamesMustBeUnique),
        Standard: ownFile(entryNamesMustBeUnique),
    };
}
