import { AstUtils } from 'langium';
import { isAssessment, isModel, type Assessment, type IndicatorAssessment } from '../../generated/ast.js';
import type { KpiServices } from '../../kpi-module.js';
import { defaultConfig } from '../../config/configuration.js';
import { resolveProfile, scoreAssessment, type AssessmentScore, type RowScore, type ScoringProfile } from '../../scoring/index.js';

export interface ScoredAssessment {
    profile: ScoringProfile;
    score: AssessmentScore;
    rows: ReadonlyMap<IndicatorAssessment, RowScore>;
}

export type AssessmentScores = (assessment: Assessment) => ScoredAssessment;

const byServices = new WeakMap<KpiServices, AssessmentScores>();

/**
 * The score of an assessment under its file's profile, computed once per validation of its
 * document and shared by the score and assessment checks of every row. The cache is emptied
 * before each validation: a relinked assessment keeps its AST nodes while the targets it
 * scores against (in other files) may have changed.
 */
export function assessmentScores(services: KpiServices): AssessmentScores {
    const existing = byServices.get(services);
    if (existing) return existing;
    const cache = new WeakMap<Assessment, ScoredAssessment>();
    services.validation.ValidationRegistry.registerBeforeDocument(root => {
        if (isModel(root)) for (const block of root.blocks) if (isAssessment(block)) cache.delete(block);
    });
    const scores: AssessmentScores = assessment => {
        let scored = cache.get(assessment);
        if (!scored) {
            const uri = AstUtils.findRootNode(assessment).$document?.uri;
            const profile = resolveProfile(uri ? services.kpi.Configuration.get(uri) : defaultConfig());
            const score = scoreAssessment(assessment, profile);
            scored = { profile, score, rows: new Map(score.rows.map(r => [r.node, r])) };
            cache.set(assessment, scored);
        }
        return scored;
    };
    byServices.set(services, scores);
    return scores;
}

/** The scored row of an assessment line, with its assessment's profile. */
export function scoredRow(scores: AssessmentScores, node: IndicatorAssessment): { row: RowScore; profile: ScoringProfile } | undefined {
    const assessment = node.$container;
    if (!isAssessment(assessment)) return undefined;
    const scored = scores(assessment);
    const row = scored.rows.get(node);
    return row && { row, profile: scored.profile };
}
