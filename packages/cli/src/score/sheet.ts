import {
    actualWords, BUILTIN_PROFILES, excel, FAMILY_KEYWORD, GRADE_KEYWORD, isNotApplicableActual, isUnmeasuredActual, percent, pick, resolveProfile, round,
    type Assessment, type Bilingual, type KpiConfig, type Locale, type RowScore, type ScoredAssessment, type ScoringProfile,
} from '@kpispec/language/core';
import { UserError } from '../exit-codes.js';
import type { AstNode } from 'langium';

/** One line of the recomputed form: an indicator row or the budget execution, its figures as scored. */
export interface SheetRow extends Pick<RowScore, 'target' | 'actual' | 'weight' | 'claimed' | 'ruleScore' | 'met' | 'achievement'> {
    kind: 'execution' | 'indicator';
    row: string;
    family?: string;
    /**
     * claimed − rule score (a blank 得分 counting 0, as in the sums): the lines add up to the
     * level-1 sums and the total. Undefined for a line the rule does not score.
     */
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
/** An actual written as a keyword: the words the files write, Chinese or English. */
const NOT_APPLICABLE: Bilingual = { zh: '不适用', en: 'n/a' };
const UNMEASURED: Bilingual = { zh: '未统计', en: 'unmeasured' };
const MISSING: Bilingual = { zh: '未填得分（score/missing），自评合计按 0 分计', en: 'No score written (score/missing): it counts 0 in the claimed total' };
/** A form's 得分 cell that holds no number (`良`, `#REF!`): the score was printed, but cannot be read. */
const UNREAD = (cell: string, printed: string): Bilingual => ({
    zh: `得分格 ${cell}「${printed}」无法读取（score/missing），自评合计按 0 分计`,
    en: `The score cell ${cell} ("${printed}") could not be read (score/missing): it counts 0 in the claimed total`,
});
/**
 * Where a line of a form read from a workbook printed a 得分 that could not be read: its cell
 * (`自评表!G12`) and text. Lines of .kpi files have none.
 */
export type UnreadScoreOf = (node: AstNode) => { cell: string; text: string } | undefined;

/** The 得分 cells a form read from a sheet printed and could not be read, by the lines of its text. */
export function formUnreadScores(form: excel.EmittedForm): UnreadScoreOf {
    return node => {
        const offset = node.$cstNode?.offset;
        const score = offset === undefined ? undefined : excel.unreadScoreAt(form, offset);
        return score && { cell: `${form.sheet}!${score.cell}`, text: score.value };
    };
}
/** Between the sentences of a reason: a full-width semicolon in Chinese, an ASCII one in English. */
const SEMICOLON: Bilingual = { zh: '；', en: '; ' };
const withinBand = (claimed: number): Bilingual => ({
    zh: `自评 ${claimed} 分在此区间内，可以接受（score/qualitative-band）`,
    en: `the claimed ${claimed} lies within the band, which is accepted (score/qualitative-band)`,
});

type Line = Pick<RowScore, 'weight' | 'claimed' | 'ruleScore' | 'band'> & { explanation: Bilingual; node: AstNode };

/**
 * The row's reason, led by score/missing when its 得分 is blank (or, on a form, not readable); a
 * rating's claim inside its band is said to be accepted.
 */
function reasonOf(line: Line, t: (text: Bilingual) => string, unreadScoreOf: UnreadScoreOf): string {
    const unread = missingScore(line) ? unreadScoreOf(line.node) : undefined;
    const sentences = [
        ...(missingScore(line) ? [t(unread ? UNREAD(unread.cell, unread.text) : MISSING)] : []),
        t(line.explanation),
        ...(line.band && line.claimed !== undefined && line.claimed !== line.ruleScore && line.claimed >= line.band[0] && line.claimed <= line.band[1]
            ? [t(withinBand(line.claimed))] : []),
    ];
    return sentences.join(t(SEMICOLON));
}
const missingScore = (line: { weight?: number; claimed?: number }) => line.weight !== undefined && line.claimed === undefined;

const diff = (claimed: number | undefined, rule: number | undefined) =>
    claimed === undefined || rule === undefined ? undefined : round(claimed - rule);

/**
 * A line's claimed − rule score, such that the lines add up to the level-1 sums and the total: a
 * blank 得分 counts 0 there (score/missing), and a rating claimed inside its band below the top
 * differs from the rule score though lint accepts it (RowScore.difference, 0 inside the band, is
 * what score/qualitative-band reads; the reason says the claim is accepted).
 */
const lineDiff = (line: { weight?: number; claimed?: number; ruleScore?: number }) =>
    diff(missingScore(line) ? 0 : line.claimed, line.ruleScore);

/**
 * The actual in the sheet's language: a rating by its keyword, 不适用 "…" and 未统计 too (an
 * English file's n/a in a Chinese sheet, and the reverse), not as typed; a value as read.
 */
function actualOf(r: RowScore, t: (text: Bilingual) => string): string | undefined {
    if (r.actual) return t(actualWords(r));
    const actual = r.node.actual;
    if (isNotApplicableActual(actual)) return [t(NOT_APPLICABLE), actual.reason?.replace(/^"|"$/g, '')].filter(Boolean).join(' ');
    if (isUnmeasuredActual(actual)) return t(UNMEASURED);
    return undefined;
}

/** A profile name that is neither built in nor defined in the configuration is a usage error. */
export function checkProfile({ profile, profiles }: Pick<KpiConfig, 'profile' | 'profiles'>): void {
    if (!BUILTIN_PROFILES[profile] && !profiles[profile]) {
        const names = [...Object.keys(BUILTIN_PROFILES), ...Object.keys(profiles)];
        throw new UserError({ zh: `未知评分方案「${profile}」（可用 ${names.join('、')}）`, en: `unknown scoring profile '${profile}' (use ${names.join(', ')})` });
    }
}

/** The profile a file is scored by: `--profile`, else its kpispec.json's. */
export function sheetProfile(config: Pick<KpiConfig, 'profile' | 'profiles'>, override?: string): ScoringProfile {
    const named = { profile: override ?? config.profile, profiles: config.profiles };
    checkProfile(named);
    return resolveProfile(named);
}

/** The form of an assessment, from its scores (`services.kpi.Scores`, or computed by another profile). */
export function scoreSheet(
    assessment: Assessment, { profile, score }: Pick<ScoredAssessment, 'profile' | 'score'>, file: string, locale: Locale, unreadScoreOf: UnreadScoreOf = () => undefined,
): ScoreSheet {
    const t = (text: Bilingual) => pick(locale, text);
    const rows: SheetRow[] = [];
    if (score.execution) {
        const e = score.execution;
        rows.push({
            kind: 'execution',
            row: t(EXECUTION),
            actual: e.rate === undefined ? undefined : percent(e.rate),
            weight: e.weight, claimed: e.claimed, ruleScore: e.ruleScore, difference: lineDiff(e),
            scored: e.ruleScore !== undefined,
            ...(missingScore(e) ? { missingScore: true } : {}),
            reason: reasonOf(e, t, unreadScoreOf),
        });
    }
    for (const r of score.rows) {
        rows.push({
            kind: 'indicator',
            row: r.node.indicator?.$refText ?? '',
            family: r.family && t(FAMILY_KEYWORD[r.family]),
            target: r.target, actual: actualOf(r, t),
            weight: r.weight, claimed: r.claimed, ruleScore: r.ruleScore, difference: lineDiff(r),
            met: r.met, achievement: r.achievement,
            scored: r.ruleScore !== undefined,
            ...(missingScore(r) ? { missingScore: true } : {}),
            reason: reasonOf(r, t, unreadScoreOf),
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
