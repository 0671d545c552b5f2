// 适用: a project must set every 必设 requirement of the standards it applies.
import { isRequirement, type Project, type Requirement, type Standard } from '../../generated/ast.js';
import { familyOf, type Level1Family, type Level2Family } from '../../model/categories.js';
import { indicatorsOf, level1Groups } from '../../model/project.js';
import { formatConstraint, parseUnit } from '../../units/index.js';
import { mayBeUnread } from '../broken-text.js';
import type { Report } from '../report.js';
import { describeReference, qualifiedName, sourceText } from '../../model/held-to.js';
import { constraintOf } from '../../model/values.js';

interface FamilySuggestion {
    level1: Level1Family;
    level2: Level2Family;
}

// Wording that places a requirement in the indicator tree, tried in this order.
const SATISFACTION = /满意[度率]$|satisfaction$/i;
const TIMELINESS = /时长|时限|及时|按时|时效|等待|小时内|天内|on[- ]?time|timel|waiting|duration/i;
const COST = /成本|费用|单价|\bcost|price/i;
const QUANTITY = /数量|量$|\bcount$|\bnumber\b|volume/i;
const RATE = /率$|rate$|ratio$/i;

/** Where a fix would file the missing row: a guess from the requirement's wording and unit. */
function suggestFamily(requirement: Requirement, project: Project): FamilySuggestion | undefined {
    const says = (pattern: RegExp) => [requirement.name, requirement.title].some(t => t !== undefined && pattern.test(t));
    const value = constraintOf(requirement.target)?.value;
    const dimension = value?.kind === 'date' ? 'date' : value && parseUnit(value.unit).dimension;
    // 101号 moved cost to level 1; follow the project if it already does.
    const costAtLevel1 = level1Groups(project).some(g => g.category !== undefined && familyOf(g.category) === 'cost');
    if (says(SATISFACTION)) return { level1: 'satisfaction', level2: 'beneficiary' };
    if (says(TIMELINESS) || dimension === 'duration' || dimension === 'date') return { level1: 'output', level2: 'timeliness' };
    if (says(COST) || dimension === 'money') {
        return costAtLevel1 ? { level1: 'cost', level2: 'economic-cost' } : { level1: 'output', level2: 'cost' };
    }
    if (says(QUANTITY) || dimension === 'count') return { level1: 'output', level2: 'quantity' };
    if (says(RATE) || dimension === 'percent') return { level1: 'output', level2: 'quality' };
    return undefined;
}

/**
 * One finding per missing requirement, on the standard's name in the 适用 line; not for one whose
 * row may be text of the project the parser could not read (mayBeUnread).
 */
export function targetRequiredIndicator(project: Project, report: Report): void {
    const indicators = indicatorsOf(project);
    const linked = new Set(indicators.flatMap(i => i.links.map(l => l?.ref)));
    const names = new Set(indicators.map(i => i.name));
    const seen = new Set<Standard>();
    for (const applies of project.applies) {
        applies.standards.forEach((ref, index) => {
            const standard = ref?.ref;
            if (!standard || seen.has(standard)) return;
            seen.add(standard);
            for (const entry of standard.entries) {
                if (!isRequirement(entry) || !entry.name || !entry.required || linked.has(entry) || names.has(entry.name)) continue;
                if (mayBeUnread(project, [entry.name, entry.title])) continue;
                const target = constraintOf(entry.target);
                const title = entry.title ?? '';
                report('target/required-indicator', {
                    node: applies, property: 'standards', index,
                    message: {
                        zh: `未设置适用标准「${standard.name}」的必设指标「${entry.name}」（${title}）${target ? `，要求 ${formatConstraint(target)}` : ''}`,
                        en: `Required indicator '${entry.name}' ("${title}") of applied standard '${standard.name}' is not set${target ? `; required: ${formatConstraint(target)}` : ''}`,
                    },
                    data: {
                        requirement: qualifiedName(entry),
                        requirementName: entry.name,
                        standard: standard.name,
                        title,
                        target: target && sourceText(target),
                        family: suggestFamily(entry, project),
                    },
                    related: [{ node: entry, message: describeReference(entry) }],
                });
            }
        });
    }
}
