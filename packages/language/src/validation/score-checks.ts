import type { AstNode } from 'langium';
import {
    isAssessment, isExecution, isIndicatorAssessment, isProblemStatement, isTotal,
    type Assessment, type Execution, type GradeStatement, type IndicatorAssessment, type ProblemStatement, type Total,
} from '../generated/ast.js';
import type { Bilingual } from '../i18n/locale.js';
import type { KpiCoreServices } from '../kpi-core-module.js';
import { FAMILY_KEYWORD } from '../model/categories.js';
import { actualWords, GRADE_KEYWORD, gradeIdOf, round, type Level1Score, type ScoringProfile } from '../scoring/index.js';
import { indicatorTreeBroken, someBuiltFromBrokenText } from './broken-text.js';
import { reading } from './check-reads.js';
import type { KpiChecks, Report } from './report.js';
import { Attached } from '../workspace/attached.js';

const LEVEL1_LABEL: Record<Level1Score['family'], { zh: string; en: string }> = {
    execution: { zh: '预算执行', en: 'execution' },
    output: FAMILY_KEYWORD.output,
    benefit: FAMILY_KEYWORD.benefit,
    satisfaction: FAMILY_KEYWORD.satisfaction,
    cost: FAMILY_KEYWORD.cost,
    decision: FAMILY_KEYWORD.decision,
    process: FAMILY_KEYWORD.process,
};

/** Differences within the profile's tolerance are rounding, not errors. */
const beyond = (difference: number, profile: ScoringProfile) => Math.abs(round(difference)) > profile.tolerance;

const indicatorName = (node: IndicatorAssessment) => node.indicator?.$refText ?? '';

/**
 * Whether a scored line of the assessment (预算执行, 指标, 合计) is text the parser could not read (a
 * half-typed `得分`): its sums are then not what the officer wrote, and the rules on them wait for
 * the line to be fixed. A broken 里程碑 or 问题 line changes no sum.
 */
const hasBrokenScoredLine = (assessment: Assessment) =>
    someBuiltFromBrokenText(assessment, assessment.items, item => isIndicatorAssessment(item) || isExecution(item) || isTotal(item));

/**
 * The `score/*` rules of RULES.md, one function each, named as the rule. A form without scores
 * (no line has a 分值) is not scored: the row rules need a weight, the others check `scored`.
 */
export function scoreChecks(services: KpiCoreServices): KpiChecks {
    const scores = services.kpi.Scores;

    /** A missed quantitative target scored at the full weight. Qualitative ratings: see scoreQualitativeBand. */
    function scoreFullDespiteShortfall(node: IndicatorAssessment, report: Report): void {
        const row = scores.row(node)?.row;
        if (!row || row.met !== false || row.band || row.weight === undefined || row.ruleScore === undefined) return;
        if (row.claimed !== row.weight || row.ruleScore >= row.weight) return;
        report('score/full-despite-shortfall', {
            node, property: 'score',
            message: {
                zh: `实际 ${row.actual} 未达到目标 ${row.target}，却得满分 ${row.weight}；按规则应得 ${row.ruleScore} 分`,
                en: `Actual ${row.actual} misses the target ${row.target} but keeps the full weight ${row.weight}; the rule gives ${row.ruleScore}`,
            },
            data: { ruleScore: row.ruleScore },
        });
    }

    /** A met target with points taken off and no 偏差 saying why. */
    function scoreDeductedDespiteMet(node: IndicatorAssessment, report: Report): void {
        const row = scores.row(node)?.row;
        if (!row || row.met !== true || row.band || row.weight === undefined || row.claimed === undefined) return;
        if (row.claimed >= row.weight || node.deviation?.trim()) return;
        report('score/deducted-despite-met', {
            node, property: 'score',
            message: {
                zh: `实际 ${row.actual} 达到目标 ${row.target}，得分 ${row.claimed} 却低于分值 ${row.weight}，且未填写偏差原因`,
                en: `Actual ${row.actual} meets the target ${row.target}, yet the score ${row.claimed} is below the weight ${row.weight} and no deviation reason is given`,
            },
            data: { ruleScore: row.weight },
        });
    }

    /**
     * A missed quantitative target scored other than the profile's formula gives. Full marks,
     * scores above the weight, met targets and ratings have rules of their own.
     */
    function scoreOffRule(node: IndicatorAssessment, report: Report): void {
        const scored = scores.row(node);
        if (!scored) return;
        const { row, profile } = scored;
        if (row.met !== false || row.band || row.weight === undefined || row.claimed === undefined || row.ruleScore === undefined) return;
        if (row.claimed >= row.weight || !beyond(row.claimed - row.ruleScore, profile)) return;
        report('score/off-rule', {
            node, property: 'score',
            message: {
                zh: `按规则应得 ${row.ruleScore} 分，自评 ${row.claimed} 分（${row.explanation.zh}）`,
                en: `The rule gives ${row.ruleScore}, the assessment claims ${row.claimed} (${row.explanation.en})`,
            },
            data: { ruleScore: row.ruleScore },
        });
    }

    function scoreOverWeight(node: IndicatorAssessment | Execution, report: Report): void {
        if (node.weight === undefined || node.score === undefined || node.score <= node.weight) return;
        const what = node.$type === 'Execution' ? { zh: '预算执行', en: 'Budget execution' } : { zh: `指标「${indicatorName(node)}」`, en: `Indicator '${indicatorName(node)}'` };
        report('score/over-weight', {
            node, property: 'score',
            message: {
                zh: `${what.zh}得分 ${node.score} 超过分值 ${node.weight}`,
                en: `${what.en}: score ${node.score} is above the weight ${node.weight}`,
            },
            data: { ruleScore: node.weight },
        });
    }

    /** A rated row (达成/部分达成/未达成) scored outside its band; scores above the weight are scoreOverWeight's. */
    function scoreQualitativeBand(node: IndicatorAssessment, report: Report): void {
        const row = scores.row(node)?.row;
        if (!row?.band || row.claimed === undefined || row.weight === undefined || row.ruleScore === undefined) return;
        if (row.claimed > row.weight || row.difference === 0) return;
        const [lo, hi] = row.band;
        const rated = actualWords(row);
        report('score/qualitative-band', {
            node, property: 'score',
            message: {
                zh: `评级「${rated.zh}」应得 ${lo}–${hi} 分（分值 ${row.weight}），自评 ${row.claimed} 分`,
                en: `Rated '${rated.en}': ${lo}–${hi} of the weight ${row.weight}, but the score is ${row.claimed}`,
            },
            data: { ruleScore: row.ruleScore, band: row.band },
        });
    }

    /**
     * The 问题 lines of an assessment by the indicators they concern, once per validation of its
     * document (per Report): searched per line, a form of n lines cost n² (4 ms of every keystroke
     * in a 380-line assessment). Links change between validations, so it is not kept longer.
     */
    const problemsByIndicator = new Attached<Report, Map<Assessment, Map<AstNode, ProblemStatement[]>>>();
    function problemsConcerning(indicator: AstNode, assessment: Assessment, report: Report): ProblemStatement[] {
        let byAssessment = problemsByIndicator.get(report);
        if (!byAssessment) problemsByIndicator.set(report, byAssessment = new Map());
        let byIndicator = byAssessment.get(assessment);
        if (!byIndicator) {
            byAssessment.set(assessment, byIndicator = new Map());
            for (const problem of assessment.items.filter(isProblemStatement)) {
                // Each problem once per indicator, however often it names it.
                for (const target of new Set(problem.concerns?.map(c => c.ref))) {
                    if (!target) continue;
                    let problems = byIndicator.get(target);
                    if (!problems) byIndicator.set(target, problems = []);
                    problems.push(problem);
                }
            }
        }
        return byIndicator.get(indicator) ?? [];
    }

    /** A 问题 that concerns an indicator whose 指标 line keeps full marks. */
    function scoreIgnoresProblem(node: IndicatorAssessment, report: Report): void {
        const indicator = node.indicator?.ref;
        if (!indicator || node.weight === undefined || node.score === undefined || node.score < node.weight) return;
        const assessment = node.$container;
        if (!isAssessment(assessment)) return;
        const lines = problemsConcerning(indicator, assessment, report);
        if (lines.length === 0) return;
        const problems = lines.map(p => p.text ?? '');
        report('score/ignores-problem', {
            node, property: 'score',
            message: {
                zh: `问题${problems.map(p => `「${p}」`).join('、')}涉及本指标，但仍得满分 ${node.weight}`,
                en: `Problem ${problems.map(p => `'${p}'`).join(', ')} concerns this indicator, yet it keeps full marks ${node.weight}`,
            },
            data: { ruleScore: scores.row(node)?.row.ruleScore, problems },
            related: lines.map(line => ({ node: line, message: { zh: `问题「${line.text ?? ''}」`, en: `problem '${line.text ?? ''}'` } })),
        });
    }

    /**
     * A line with a 分值 and no 得分: it counts 0 in the claimed total, and no other score rule
     * reports it. The fix writes the rule score (for 合计, the sum of the scores).
     */
    function scoreMissing(node: IndicatorAssessment | Execution | Total, report: Report): void {
        const assessment = node.$container;
        if (node.weight === undefined || node.score !== undefined || !isAssessment(assessment)) return;
        const { score } = scores.of(assessment);
        const missing: MissingScore = isTotal(node)
            ? { line: 'total', weight: node.weight, sum: score.total.claimed ?? 0 }
            : isExecution(node)
                ? { line: 'execution', weight: node.weight, ruleScore: score.execution?.ruleScore }
                : { line: 'indicator', indicator: indicatorName(node), weight: node.weight, ruleScore: scores.row(node)?.row.ruleScore };
        report('score/missing', {
            node, property: 'weight',
            message: scoreMissingMessage(missing),
            data: { ruleScore: missing.line === 'total' ? missing.sum : missing.ruleScore, missing },
        });
    }

    function scoreExecution(node: Execution, report: Report): void {
        const assessment = node.$container;
        if (!isAssessment(assessment)) return;
        const { score, profile } = scores.of(assessment);
        const execution = score.execution;
        if (execution?.node !== node || execution.ruleScore === undefined || node.score === undefined) return;
        if (node.weight !== undefined && node.score > node.weight) return;
        if (!beyond(node.score - execution.ruleScore, profile)) return;
        report('score/execution', {
            node, property: 'score',
            message: {
                zh: `按规则应得 ${execution.ruleScore} 分，自评 ${node.score} 分（${execution.explanation.zh}）`,
                en: `The rule gives ${execution.ruleScore}, the assessment claims ${node.score} (${execution.explanation.en})`,
            },
            data: { ruleScore: execution.ruleScore },
        });
    }

    /**
     * Weights of the execution line and every row must add up to 合计 分值, or to the profile's total
     * when none is written; a 合计 分值 they add up to must be the profile's total (grades are set on its scale).
     */
    function scoreWeightsTotal(assessment: Assessment, report: Report): void {
        if (hasBrokenScoredLine(assessment)) return;
        const { score, profile } = scores.of(assessment);
        const { weight, declaredWeight } = score.total;
        if (declaredWeight === undefined && weight === 0) return; // nothing weighed yet
        const expected = declaredWeight ?? profileTotal(profile);
        const total = assessment.items.find(isTotal);
        if (round(weight) === round(expected)) {
            const scale = profileTotal(profile);
            if (declaredWeight === undefined || round(declaredWeight) === round(scale) || total?.weight === undefined) return;
            report('score/weights-total', {
                node: total, property: 'weight',
                message: {
                    zh: `合计分值 ${declaredWeight} 与评分方案 ${profile.name ?? ''} 的总分 ${scale} 不符：等级按 ${scale} 分制评定`,
                    en: `The total weight ${declaredWeight} is not the ${profile.name ?? ''} total ${scale}: grades are set on a ${scale}-point scale`,
                },
                data: { weight: declaredWeight, expected: scale },
            });
            return;
        }
        const parts = score.level1.map(l => `${LEVEL1_LABEL[l.family].zh} ${l.weight}`).join(' + ');
        const partsEn = score.level1.map(l => `${LEVEL1_LABEL[l.family].en} ${l.weight}`).join(' + ');
        const against = declaredWeight !== undefined
            ? { zh: `合计分值 ${declaredWeight}`, en: `the total weight ${declaredWeight}` }
            : { zh: `评分方案 ${profile.name ?? ''} 的总分 ${expected}`, en: `the ${profile.name ?? ''} total ${expected}` };
        const message = {
            zh: `分值合计 ${weight}（${parts || '无'}）与${against.zh} 不符`,
            en: `Weights add up to ${weight} (${partsEn || 'none'}), not ${against.en}`,
        };
        const data = { weight, expected };
        // A 合计 line without its 得分 is score/missing's alone.
        if (total?.weight !== undefined && total.score !== undefined) report('score/weights-total', { node: total, property: 'weight', message, data });
        else report('score/weights-total', { node: assessment, property: 'name', message, data });
    }

    /**
     * Level-1 weight sums as the profile sets them (national-2020: execution 10, 产出 50, 效益 30, 满意度 10);
     * not while the project's tree is broken, which files rows under the wrong family (indicatorTreeBroken),
     * nor while the project or a row's indicator is not found: its family is unknown, not empty
     * (reference/unresolved says what is missing).
     */
    function scoreProfileWeights(assessment: Assessment, report: Report): void {
        const project = assessment.project?.ref;
        if (hasBrokenScoredLine(assessment) || !project || indicatorTreeBroken(project)) return;
        if (assessment.items.some(item => isIndicatorAssessment(item) && !item.indicator?.ref)) return;
        const { score, profile } = scores.of(assessment);
        if (score.total.weight === 0) return;
        const sums = new Map(score.level1.map(l => [l.family, l.weight]));
        for (const [family, expected] of expectedWeights(profile)) {
            const weight = sums.get(family) ?? 0;
            if (round(weight) === round(expected)) continue;
            const label = LEVEL1_LABEL[family];
            report('score/profile-weights', {
                node: assessment, property: 'name',
                message: {
                    zh: `${label.zh}分值合计 ${weight}，评分方案 ${profile.name ?? ''} 为 ${expected}`,
                    en: `Level-1 weight of ${label.en} is ${weight}; profile ${profile.name ?? ''} sets ${expected}`,
                },
                data: { family, weight, expected },
            });
        }
    }

    function scoreTotalMismatch(assessment: Assessment, report: Report): void {
        if (hasBrokenScoredLine(assessment)) return;
        const { score, profile } = scores.of(assessment);
        if (!score.scored) return;
        const { claimed, declaredScore } = score.total;
        const total = assessment.items.find(isTotal);
        if (!total || claimed === undefined || declaredScore === undefined || !beyond(declaredScore - claimed, profile)) return;
        report('score/total-mismatch', {
            node: total, property: 'score',
            message: {
                zh: `各项得分之和为 ${claimed}，合计得分却为 ${declaredScore}`,
                en: `The scores add up to ${claimed}, but the total says ${declaredScore}`,
            },
            data: { sum: claimed },
        });
    }

    /** 等级 must be the band of the total as the form states it (合计 得分, else the sum of scores). */
    function scoreGradeMismatch(node: GradeStatement, report: Report): void {
        const assessment = node.$container;
        if (!isAssessment(assessment)) return;
        const { score } = scores.of(assessment);
        if (!score.scored) return;
        const written = gradeIdOf(node.grade);
        const due = score.grade.ofClaimed;
        if (!written || !due || written === due) return;
        const total = score.total.declaredScore ?? score.total.claimed;
        const english = /^[a-z]/i.test(node.grade);
        report('score/grade-mismatch', {
            node, property: 'grade',
            message: {
                zh: `合计得分 ${total} 对应等级「${GRADE_KEYWORD[due].zh}」，而非「${GRADE_KEYWORD[written].zh}」`,
                en: `A total of ${total} is graded '${GRADE_KEYWORD[due].en}', not '${GRADE_KEYWORD[written].en}'`,
            },
            data: { grade: due, keyword: english ? GRADE_KEYWORD[due].en : GRADE_KEYWORD[due].zh },
        });
    }

    // A score reads the assessment, the project's indicators its rows link to, and the profile.
    const fromProject = <T extends object>(...checks: T[]) => reading(['Project'], ...checks);
    return {
        IndicatorAssessment: fromProject(
            scoreFullDespiteShortfall, scoreDeductedDespiteMet, scoreOffRule, scoreOverWeight, scoreQualitativeBand, scoreIgnoresProblem, scoreMissing,
        ),
        Execution: fromProject(scoreOverWeight, scoreExecution, scoreMissing),
        Total: fromProject(scoreMissing),
        Assessment: fromProject(scoreWeightsTotal, scoreProfileWeights, scoreTotalMismatch),
        GradeStatement: fromProject(scoreGradeMismatch),
    };
}

/**
 * What score/missing's message names (in its diagnostic's `data.missing`): the line with a 分值 and
 * no 得分, its weight, and what its score would be (for 合计, the sum of the scores).
 */
export type MissingScore =
    | { readonly line: 'total'; readonly weight: number; readonly sum: number }
    | { readonly line: 'execution'; readonly weight: number; readonly ruleScore?: number }
    | { readonly line: 'indicator'; readonly indicator: string; readonly weight: number; readonly ruleScore?: number };

/**
 * score/missing's message. `unread` is the 得分 cell a workbook printed but its reader could not
 * read (`自评表!G12`, `良`): the score was not left out but is unreadable, and the message says so
 * in place of 却未填得分, the rest the same.
 */
export function scoreMissingMessage(missing: MissingScore, unread?: { readonly cell: string; readonly printed: string }): Bilingual {
    const noScore = unread
        ? { zh: `，但得分格 ${unread.cell}「${unread.printed}」无法读取`, en: ` but its score cell ${unread.cell} ("${unread.printed}") could not be read` }
        : { zh: ' 却未填得分', en: ' but no score' };
    const { weight } = missing;
    if (missing.line === 'total') {
        return {
            zh: `合计有分值 ${weight}${noScore.zh}；各项得分之和为 ${missing.sum}`,
            en: `The total has a weight ${weight}${noScore.en}; the scores add up to ${missing.sum}`,
        };
    }
    const what = missing.line === 'execution'
        ? { zh: '预算执行', en: 'Budget execution' }
        : { zh: `指标「${missing.indicator}」`, en: `Indicator '${missing.indicator}'` };
    const rule = missing.ruleScore === undefined ? { zh: '', en: '' } : { zh: `；按规则应得 ${missing.ruleScore} 分`, en: `; the rule gives ${missing.ruleScore}` };
    return {
        zh: `${what.zh}有分值 ${weight}${noScore.zh}，合计中按 0 分计${rule.zh}`,
        en: `${what.en} has a weight ${weight}${noScore.en} and counts 0 in the total${rule.en}`,
    };
}

/** The points a profile's level-1 weights add up to: the scale its grades are set on (项目决策 and 项目管理 rows included). */
function profileTotal(profile: ScoringProfile): number {
    const w = profile.weights;
    return w.execution + w.output + w.benefit + w.satisfaction + (w.cost ?? 0) + (w.decision ?? 0) + (w.process ?? 0);
}

/** The level-1 sums a profile expects; a family it weighs as part of another has none of its own. */
function expectedWeights(profile: ScoringProfile): Array<[Level1Score['family'], number]> {
    const w = profile.weights;
    const own = (['output', 'benefit', 'satisfaction', 'cost'] as const).filter(f => !profile.countsAs?.[f]);
    return [['execution', w.execution], ...own.flatMap(f => w[f] === undefined ? [] : [[f, w[f]] as [Level1Score['family'], number]])];
}
