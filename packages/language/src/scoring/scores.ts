import { AstUtils, DocumentState, type LangiumSharedCoreServices } from 'langium';
import { isAssessment, isIndicatorAssessment, type Assessment, type Indicator, type IndicatorAssessment } from '../generated/ast.js';
import { defaultConfig, type KpiConfiguration } from '../config/configuration.js';
import { scoreAssessment, type AssessmentScore, type RowScore } from './assessment-score.js';
import type { ScoringProfile } from './profile.js';
import { resolveProfile } from './profiles.js';
import { emptyMap, KpiWorkspaceCache } from '../workspace/workspace-cache.js';

/** An assessment's rule scores, with the profile they were computed by and its rows by node. */
export interface ScoredAssessment {
    profile: ScoringProfile;
    score: AssessmentScore;
    rows: ReadonlyMap<IndicatorAssessment, RowScore>;
}

/**
 * The rule scores of the assessments under their files' profiles (`services.kpi.Scores`),
 * computed once and shared by the score checks, code lens, inlay hints, hover and
 * `kpispec score`.
 *
 * A score reads another document (the assessed project's targets), so the cache is the
 * workspace's, not the assessment document's: any added, changed or deleted
 * document empties it, and so does every re-validation (a changed kpispec.json or scoring
 * setting rebuilds the workspace). It is emptied once more when a build has indexed its
 * references, so that a score read mid-build, while a project was being relinked, does not
 * outlive the build.
 *
 * Behind that cache, each assessment keeps its last score with what it was computed from: a
 * score reads nothing but the assessment, the indicators its rows link to (and the groups they
 * stand in) and the profile. While the assessment and those indicators are the same nodes (a
 * document edited is parsed anew) and the profile is the same, the score is the same: an edit
 * of a standard every project applies re-validates all 1,000 assessments of a province, which
 * were all scored again (a quarter of the re-validation's checks).
 */
export class Scores {
    private readonly cache: KpiWorkspaceCache<Assessment, ScoredAssessment>;
    /** Per document, its assessments' last scores; forgotten when the document changes or goes (see emptyMap). */
    private readonly last = new Map<string, Map<Assessment, LastScore>>();

    constructor(shared: LangiumSharedCoreServices, private readonly configuration: KpiConfiguration) {
        this.cache = new KpiWorkspaceCache(shared);
        shared.workspace.DocumentBuilder.onBuildPhase(DocumentState.IndexedReferences, () => this.cache.clear());
        shared.workspace.DocumentBuilder.onUpdate((changed, deleted) => {
            for (const uri of [...changed, ...deleted]) this.forget(uri.toString());
        });
    }

    of(assessment: Assessment): ScoredAssessment {
        return this.cache.get(assessment, () => {
            const uri = AstUtils.findRootNode(assessment).$document?.uri;
            const profile = resolveProfile(uri ? this.configuration.get(uri) : defaultConfig());
            const profileKey = JSON.stringify(profile);
            const indicators = (assessment.items ?? []).filter(isIndicatorAssessment).map(row => row.indicator?.ref);
            const known = uri && this.last.get(uri.toString());
            const last = known && known.get(assessment);
            if (last && last.profile === profileKey && sameNodes(last.indicators, indicators)) return last.scored;
            const score = scoreAssessment(assessment, profile);
            const scored = { profile, score, rows: new Map(score.rows.map(r => [r.node, r])) };
            if (uri) {
                let byAssessment = known;
                if (!byAssessment) this.last.set(uri.toString(), byAssessment = new Map());
                byAssessment.set(assessment, { profile: profileKey, indicators, scored });
            }
            return scored;
        });
    }

    private forget(uri: string): void {
        const byAssessment = this.last.get(uri);
        if (!byAssessment) return;
        emptyMap(byAssessment);
        this.last.delete(uri);
    }

    /** The scored row of an assessment line, with its assessment's profile. */
    row(node: IndicatorAssessment): { row: RowScore; profile: ScoringProfile } | undefined {
        const assessment = node.$container;
        if (!isAssessment(assessment)) return undefined;
        const scored = this.of(assessment);
        const row = scored.rows.get(node);
        return row && { row, profile: scored.profile };
    }
}

interface LastScore {
    profile: string;
    indicators: ReadonlyArray<Indicator | undefined>;
    scored: ScoredAssessment;
}

function sameNodes(a: ReadonlyArray<Indicator | undefined>, b: ReadonlyArray<Indicator | undefined>): boolean {
    return a.length === b.length && a.every((node, i) => node === b[i]);
}
