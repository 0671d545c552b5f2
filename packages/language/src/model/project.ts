import type { Assessment, Goal, Indicator, Level1Group, Milestone, Project } from '../generated/ast.js';
import { familyOf, type Family } from './categories.js';

/** Navigation over a project's sections, which may each appear more than once in a file. */
export function level1Groups(project: Project): Level1Group[] {
    return project.indicatorSections.flatMap(s => s.groups);
}

export function indicatorsOf(project: Project): Indicator[] {
    return level1Groups(project).flatMap(g => g.groups.flatMap(g2 => g2.indicators));
}

export function goalsOf(project: Project): Goal[] {
    return project.goalSections.flatMap(s => s.goals);
}

export function milestonesOf(project: Project): Milestone[] {
    return project.milestoneSections.flatMap(s => s.milestones);
}

/** Level-1 and level-2 family of an indicator row. */
export function familiesOf(indicator: Indicator): { level1: Family; level2: Family } {
    const level2 = indicator.$container;
    return { level1: familyOf(level2.$container.category), level2: familyOf(level2.category) };
}

/** The project an assessment is about, when its reference resolves. */
export function assessedProject(assessment: Assessment): Project | undefined {
    return assessment.project?.ref;
}
