import {
    BUILTIN_PROFILES, FAMILY_KEYWORD, GRADE_KEYWORD, percent, pick, resolveProfile, round, scoreAssessment,
    type Assessment, type AssessmentScore, type Bilingual, type KpiConfig, type Locale, type ScoringProfile,
} from '@kpispec/language';
import { UserError } from '../exit-codes.js';

/** One line of the recomputed form: an indicator row or the budget execution. */
export interface SheetRow {
    kind: 'execution' | 'indicator';
    row: string;
    family?: string;
    target?: string;
    actual?: string;
    weight?: number;
    claimed?: number;
    ruleScore?: number;
    /** claimed − rule score. */
    difference?: number;
    met?: boolean;
    /** actual ÷ target. */
    achievement?: number;
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
    rows: SheetRow[];
    level1: SheetSum[];
    total: { weight: number; claimed?: number; ruleScore: number; difference?: number; declaredWeight?: number; declaredScore?: number };
    grade: { claimed?: string; computed: string };
}

const EXECUTION: Bilingual = { zh: '预算执行', en: 'execution' };

const diff = (claimed: number | undefined, rule: number | undefined) =>
    claimed === undefined || rule === undefined ? undefined : round(claimed - rule);

/** The profile a file is scored by: `--profile`, else its kpispec.json's; an unknown name is a usage error. */
export function sheetProfile(config: Pick<KpiConfig, 'profile' | 'profiles'>, override?: string): ScoringProfile {
    const name = override ?? config.profile;
    if (!BUILTIN_PROFILES[name] && !config.profiles[name]) {
        throw new UserError(`unknown scoring profile '${name}' (use ${[...Object.keys(BUILTIN_PROFILES), ...Object.keys(config.profiles)].join(', ')})`);
    }
    return resolveProfile({ profile: name, profiles: config.profiles });
}

export function scoreSheet(assessment: Assessment, file: string, profile: ScoringProfile, locale: Locale): ScoreSheet {
    const score: AssessmentScore = scoreAssessment(assessment, profile);
    const t = (text: Bilingual) => pick(locale, text);
    const rows: SheetRow[] = [];
    if (score.execution) {
        const e = score.execution;
        rows.push({
            kind: 'execution',
            row: t(EXECUTION),
            actual: e.rate === undefined ? undefined : percent(e.rate),
            weight: e.weight, claimed: e.claimed, ruleScore: e.ruleScore, difference: diff(e.claimed, e.ruleScore),
            reason: t(e.explanation),
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
            reason: t(r.explanation),
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
        rows,
        level1: score.level1.map(s => ({
            family: t(s.family === 'execution' ? EXECUTION : FAMILY_KEYWORD[s.family]),
            weight: s.weight, claimed: s.claimed, ruleScore: s.ruleScore, difference: diff(s.claimed, s.ruleScore)!,
        })),
        total: { ...total, difference: diff(claimedTotal, total.ruleScore) },
        grade: { claimed: score.grade.claimed && t(GRADE_KEYWORD[score.grade.claimed]), computed: t(GRADE_KEYWORD[score.grade.computed]) },
    };
}
