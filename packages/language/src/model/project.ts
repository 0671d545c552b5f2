import { isLevel1Group, isLevel2Group, type Assessment, type BreakdownComponent, type Goal, type Indicator, type Level1Group, type Level2Group, type Milestone, type Project } from '../generated/ast.js';
import { familyOf, type Family } from './categories.js';

/** Navigation over a project's sections, which may each appear more than once in a file. */
export function level1Groups(project: Project): Level1Group[] {
    return project.indicatorSections.flatMap(s => s.groups);
}

/** Every indicator row: those in level-2 groups and those standing directly under a level-1 family. */
export function indicatorsOf(project: Project): Indicator[] {
    return level1Groups(project).flatMap(indicatorsIn);
}

export function indicatorsIn(group: Level1Group): Indicator[] {
    return [...group.indicators, ...group.groups.flatMap(g2 => g2.indicators)];
}

/** The level-1 group a row belongs to, whether it stands in a level-2 group or directly under it. */
export function level1Of(indicator: Indicator): Level1Group | undefined {
    const container = indicator.$container;
    return isLevel1Group(container) ? container : isLevel2Group(container) ? container.$container : undefined;
}

/** A group's name as written: its family keyword or its free label. */
export function groupName(group: Level1Group | Level2Group): string {
    return (isLevel2Group(group) ? group.category ?? group.label : group.category) ?? '';
}

/** `「name」（title）` and `'name' ("title")` for messages; a row named by its title is named once. */
export function namedAs(node: { name?: string; title?: string }): { zh: string; en: string } {
    const name = node.name ?? '';
    const title = node.title !== undefined && node.title !== name ? node.title : undefined;
    return {
        zh: `「${name}」${title === undefined ? '' : `（${title}）`}`,
        en: `'${name}'${title === undefined ? '' : ` ("${title}")`}`,
    };
}

/** What a row is called on the form: its title, or its name when the title is its name. */
export function titleOf(node: { name?: string; title?: string }): string {
    return node.title ?? node.name ?? '';
}

export function goalsOf(project: Project): Goal[] {
    return project.goalSections.flatMap(s => s.goals);
}

export function milestonesOf(project: Project): Milestone[] {
    return project.milestoneSections.flatMap(s => s.milestones);
}

/** The components of the project's budget breakdown (测算). */
export function breakdownOf(project: Project): BreakdownComponent[] {
    return project.breakdowns.flatMap(b => b.components);
}

/** Level-1 and level-2 family of an indicator row (none for a free label or a row directly under level 1). */
export function familiesOf(indicator: Indicator): { level1?: Family; level2?: Family } {
    const container = indicator.$container;
    return {
        level1: familyOf(level1Of(indicator)?.category),
        level2: isLevel2Group(container) ? familyOf(container.category) : undefined,
    };
}

/** The project an assessment is about, when its reference resolves. */
export function assessedProject(assessment: Assessment): Project | undefined {
    return assessment.project?.ref;
}
