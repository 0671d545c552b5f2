// What counts as a satisfaction row, and where one is rightly filed: shared by target/misfiled
// and target/missing-satisfaction (docs/rules/target/misfiled.md lists the words).
import type { Indicator, Project } from '../../generated/ast.js';
import { familyOf } from '../../model/categories.js';
import { familiesOf, indicatorsIn, level1Groups } from '../../model/project.js';

/** Words of how the served people rate the service: a satisfaction row's title says one. */
const SATISFACTION = /满意|好评|satisf/i;
/**
 * Words of how people feel (群众获得感, 幸福感, 社区认可度): forms file them under 社会效益 as often as
 * under 满意度指标, so they are satisfaction only with one of the words above, and a row filed in
 * either place is rightly filed.
 */
const FEELING = /获得感|认可度|幸福感/;
/** A survey named in the title… */
const SURVEY = /调查|问卷|测评|回访|survey|questionnaire/i;
/** …whose reach the title measures: how well the survey was run, not what it found. */
const SURVEY_REACH = /(覆盖|回收|回复|应答|响应|完成|参与|发送|发放)率$|覆盖面$|样本[量数]$|份数$|次数$|(coverage|response rate|completion rate|sample size)$/i;

/** Whether a row's title names a satisfaction indicator (not the coverage or response of a satisfaction survey). */
export function namesSatisfaction(title: string): boolean {
    return SATISFACTION.test(title) && !(SURVEY.test(title) && SURVEY_REACH.test(title));
}

/** Whether a row's title names how people feel without naming satisfaction: rightly filed under satisfaction or elsewhere. */
export function namesFeeling(title: string): boolean {
    return FEELING.test(title) && !namesSatisfaction(title);
}

/** Filed where satisfaction rows go: under 满意度指标, or in a 服务对象满意度 group (the 2015 scheme files it under 效益指标). */
export function filedAsSatisfaction(indicator: Indicator): boolean {
    const { level1, level2 } = familiesOf(indicator);
    return level1 === 'satisfaction' || level2 === 'beneficiary';
}

/** Whether a project has a row filedAsSatisfaction, looked for group by group (every project is asked). */
export function hasSatisfactionRow(project: Project): boolean {
    return level1Groups(project).some(g1 => familyOf(g1.category) === 'satisfaction'
        ? indicatorsIn(g1).length > 0
        : g1.groups.some(g2 => familyOf(g2.category) === 'beneficiary' && g2.indicators.length > 0));
}
