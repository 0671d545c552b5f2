import {
    BUILTIN_PROFILES, FAMILY_KEYWORD, GRADE_KEYWORD, percent, pick, resolveProfile, round,
    type Assessment, type Bilingual, type KpiConfig, type Locale, type RowScore, type ScoredAssessment, type ScoringProfile,
} from '@kpispec/language';
import { UserError } from '../exit-codes.js';

/** One line of the recomputed form: an indicator row or the budget execution, its figures as scored. */
export interface SheetRow extends Pick<RowScore, 'target' | 'actual' | 'weight' | 'claimed' | 'ruleScore' | 'met' | 'achievement'> {
    kind: 'execution' | 'indicator';
    row: string;
    family?: string;
    /** claimed − rule score. */
    difference?: number;
    /** The rule gives this row a score (as lint does); rows it cannot score count with their claimed score. */
    scored: boolean;
    /** A 分值 without 得分 (score/missing): it counts 0 in the claimed total. */
    missingScore?: boolean;
    reason: string;
}

export interface SheetSum {
    family: string;
    weight: number;
    claimed: number;
    ruleScore: number;
    difference: number;
}

/** The recomputed self-assessment form, in the output language, ready to print. */
export interface ScoreSheet {
    file: string;
    assessment: string;
    title?: string;
    project?: string;
    profile: string;
    /** False for a form without scores (no line has a 分值): no sums, total or grade are computed. */
    scored: boolean;
    rows: SheetRow[];
    level1: SheetSum[];
    total: { weight: number; claimed?: number; ruleScore: number; difference?: number; declaredWeight?: number; declaredScore?: number };
    grade: { claimed?: string; computed?: string };
}

const EXECUTION: Bilingual = { zh: '预算执行', en: 'execution' };
const MISSING: Bilingual = { zh: '未填得分（score/missing），自评合计按 0 分计', en: 'No score written (score/missing): it counts 0 in the claimed total' };

/** The row's reason, led by score/missing when its 得分 is blank. */
const reasonOf = (line: { weight?: number; claimed?: number; explanation: Bilingual }, t: (text: Bilingual) => string) =>
    line.weight !== undefined && line.claimed === undefined ? `${t(MISSING)}；${t(line.explanation)}` : t(line.explanation);
const missingScore = (line: { weight?: number; claimed?: number }) => line.weight !== undefined && line.claimed === undefined;

const diff = (claimed: number | undefined, rule: number | undefined) =>
    claimed === undefined || rule === undefined ? undefined : round(claimed - rule);

/** A profile name that is neither built in nor defined in the configuration is a usage error. */
export function checkProfile({ profile, profiles }: Pick<KpiConfig, 'profile' | 'profiles'>): void {
    if (!BUILTIN_PROFILES[profile] && !profiles[profile]) {
        throw new UserError(`unknown scoring profile '${profile}' (use ${[...Object.keys(BUILTIN_PROFILES), ...Object.keys(profiles)].join(', ')})`);
    }
}

/** The profile a file is scored by: `--profile`, else its kpispec.json's. */
export function sheetProfile(config: Pick<KpiConfig, 'profile' | 'profiles'>, override?: string): ScoringProfile {
    const named = { profile: override ?? config.profile, profiles: config.profiles };
    checkProfile(named);
    return resolveProfile(named);
}

/** The form of an assessment, from its scores (`services.kpi.Scores`, or computed by another profile). */
export function scoreSheet(assessment: Assessment, { profile, score }: Pick<ScoredAssessment, 'profile' | 'score'>, file: string, locale: Locale): ScoreSheet {
    const t = (text: Bilingual) => pick(locale, text);
    const rows: SheetRow[] = [];
    if (score.execution) {
        const e = score.execution;
        rows.push({
            kind: 'execution',
            row: t(EXECUTION),
            actual: e.rate === undefined ? undefined : percent(e.rate),
            weight: e.weight, claimed: e.claimed, ruleScore: e.ruleScore, difference: diff(e.claimed, e.ruleScore),
            scored: e.ruleScore !== undefined,
            ...(missingScore(e) ? { missingScore: true } : {}),
            reason: reasonOf(e, t),
        });
    }
    for (const r of score.rows) {
        rows.push({
            kind: 'indicator',
            row: r.node.indicator?.$refText ?? '',
            family: r.family && t(FAMILY_KEYWORD[r.family]),
            target: r.target, actual: r.actual,
            weight: r.weight, claimed: r.claimed, ruleScore: r.ruleScore, difference: r.difference,
            met: r.met, achievement: r.achievement,
            scored: r.ruleScore !== undefined,
            ...(missingScore(r) ? { missingScore: true } : {}),
            reason: reasonOf(r, t),
        });
    }
    const total = score.total;
    const claimedTotal = total.declaredScore ?? total.claimed;
    return {
        file,
        assessment: assessment.name,
        title: assessment.title?.replace(/^"|"$/g, ''),
        project: assessment.project?.$refText,
        profile: profile.name ?? '',
        scored: score.scored,
        rows,
        level1: score.level1.map(s => ({
            family: t(s.family === 'execution' ? EXECUTION : FAMILY_KEYWORD[s.family]),
            weight: s.weight, claimed: s.claimed, ruleScore: s.ruleScore, difference: diff(s.claimed, s.ruleScore)!,
        })),
        total: { ...total, difference: diff(claimedTotal, total.ruleScore) },
        grade: {
            claimed: score.grade.claimed && t(GRADE_KEYWORD[score.grade.claimed]),
            // A form without scores is not graded: 差 would be a verdict on weights nobody wrote.
            computed: score.scored ? t(GRADE_KEYWORD[score.grade.computed]) : undefined,
        },
    };
}
