import { AstUtils, DocumentState, WorkspaceCache, type LangiumSharedCoreServices } from 'langium';
import { isAssessment, isIndicatorAssessment, type Assessment, type Indicator, type IndicatorAssessment } from '../generated/ast.js';
import { defaultConfig, type KpiConfiguration } from '../config/configuration.js';
import { level1FamilyOf, scoreAssessment, scoreRow, type AssessmentScore, type RowScore } from './assessment-score.js';
import type { ScoringProfile } from './profile.js';
import { resolveProfile } from './profiles.js';

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
 *
 * When the indicators are new nodes (their targets file was edited: a keystroke), each row keeps
 * its last score while its indicator's target reads the same, in the same level-1 family, under
 * the same profile: a row's score reads nothing else of the indicator. A keystroke in a project's
 * targets file then scores again only the row of the indicator it changed, not the whole
 * assessment (1,000 rows in the benchmark's largest project).
 */
export class Scores {
    private readonly cache: WorkspaceCache<Assessment, ScoredAssessment>;
    private readonly last = new WeakMap<Assessment, { profile: string; indicators: ReadonlyArray<Indicator | undefined>; scored: ScoredAssessment }>();
    private readonly lastRows = new WeakMap<IndicatorAssessment, { key: string; row: RowScore }>();

    constructor(shared: LangiumSharedCoreServices, private readonly configuration: KpiConfiguration) {
        this.cache = new WorkspaceCache(shared);
        shared.workspace.DocumentBuilder.onBuildPhase(DocumentState.IndexedReferences, () => this.cache.clear());
    }

    of(assessment: Assessment): ScoredAssessment {
        return this.cache.get(assessment, () => {
            const uri = AstUtils.findRootNode(assessment).$document?.uri;
            const profile = resolveProfile(uri ? this.configuration.get(uri) : defaultConfig());
            const profileKey = JSON.stringify(profile);
            const indicators = (assessment.items ?? []).filter(isIndicatorAssessment).map(row => row.indicator?.ref);
            const last = this.last.get(assessment);
            if (last && last.profile === profileKey && sameNodes(last.indicators, indicators)) return last.scored;
            const score = scoreAssessment(assessment, profile, (row, rowProfile) => this.rowScore(row, rowProfile, profileKey));
            const scored = { profile, score, rows: new Map(score.rows.map(r => [r.node, r])) };
            this.last.set(assessment, { profile: profileKey, indicators, scored });
            return scored;
        });
    }

    /** A row's score, its last one if what it reads of its indicator is unchanged (the indicator itself is the current node). */
    private rowScore(node: IndicatorAssessment, profile: ScoringProfile, profileKey: string): RowScore {
        const indicator = node.indicator?.ref;
        if (!indicator) return scoreRow(node, profile);
        const key = `${profileKey}\0${level1FamilyOf(indicator) ?? ''}\0${indicator.target?.$cstNode?.text ?? ''}`;
        const last = this.lastRows.get(node);
        const row = last?.key === key ? (last.row.indicator === indicator ? last.row : { ...last.row, indicator }) : scoreRow(node, profile);
        this.lastRows.set(node, { key, row });
        return row;
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

function sameNodes(a: ReadonlyArray<Indicator | undefined>, b: ReadonlyArray<Indicator | undefined>): boolean {
    return a.length === b.length && a.every((node, i) => node === b[i]);
}
