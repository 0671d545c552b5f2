import { AstUtils, type AstNode } from 'langium';
import {
    isBlock, isBreakdownComponent, isClause, isGoal, isIndicator, isMilestone, isProject, isStandard, isStandardEntry,
    type Contract, type Project, type Standard,
} from '../generated/ast.js';
import type { Bilingual } from '../i18n/locale.js';
import { breakdownOf, goalsOf, indicatorsOf, milestonesOf } from '../model/project.js';
import type { KpiIndexManager } from '../workspace/index-manager.js';

type Named = AstNode & { name?: string };

/**
 * Why `node` may not be renamed to `name`: another element of its kind in the same scope has
 * that name already (a block anywhere in the workspace, an indicator of the same project, a
 * clause of the same contract …). Renaming would merge the two in every reference to either,
 * which no later rename can take apart.
 */
export function renameConflict(node: AstNode, name: string, index: KpiIndexManager): Bilingual | undefined {
    if ((node as Named).name === name) return undefined;
    if (isBlock(node)) {
        return index.documentsExporting([name], new Set()).size > 0
            ? { zh: `不能改名为「${name}」：工作区中已有名为「${name}」的块`, en: `Cannot rename to '${name}': the workspace already has a block named '${name}'` }
            : undefined;
    }
    const scope = siblingsOf(node);
    if (!scope || !scope.nodes.some(n => n !== node && (n as Named).name === name)) return undefined;
    return {
        zh: `不能改名为「${name}」：${scope.owner.zh}中已有名为「${name}」的${scope.kind.zh}`,
        en: `Cannot rename to '${name}': ${scope.owner.en} already has a ${scope.kind.en} named '${name}'`,
    };
}

/** The elements whose names must differ from the node's, with what they are and whose they are. */
function siblingsOf(node: AstNode): { nodes: AstNode[]; kind: Bilingual; owner: Bilingual } | undefined {
    const block = AstUtils.getContainerOfType(node, isBlock);
    if (isProject(block)) {
        const project: Project = block;
        const owner = { zh: `项目「${project.name}」`, en: `project '${project.name}'` };
        if (isIndicator(node)) return { nodes: indicatorsOf(project), kind: { zh: '指标', en: 'indicator' }, owner };
        if (isGoal(node)) return { nodes: goalsOf(project), kind: { zh: '总体目标', en: 'goal' }, owner };
        if (isMilestone(node)) return { nodes: milestonesOf(project), kind: { zh: '里程碑', en: 'milestone' }, owner };
        if (isBreakdownComponent(node)) return { nodes: breakdownOf(project), kind: { zh: '测算项', en: 'breakdown component' }, owner };
    }
    if (isClause(node)) {
        const contract = node.$container as Contract;
        return { nodes: contract.clauses, kind: { zh: '条款', en: 'clause' }, owner: { zh: `合同「${contract.name}」`, en: `contract '${contract.name}'` } };
    }
    if (isStandardEntry(node) && isStandard(node.$container)) {
        const standard: Standard = node.$container;
        return { nodes: standard.entries, kind: { zh: '条目', en: 'entry' }, owner: { zh: `标准「${standard.name}」`, en: `standard '${standard.name}'` } };
    }
    return undefined;
}
