import type { Bilingual } from '../i18n/locale.js';

/** Qualitative ratings of an actual (达成 / 部分达成 / 未达成). */
export type RatingId = 'achieved' | 'partly' | 'missed';

/** Grades of a total (优 / 良 / 中 / 差). */
export type GradeId = 'excellent' | 'good' | 'fair' | 'poor';

/** The keywords a file writes for each rating and grade, in Chinese and English. */
export const RATING_KEYWORD: Readonly<Record<RatingId, Bilingual>> = {
    achieved: { zh: '达成', en: 'achieved' },
    partly: { zh: '部分达成', en: 'partly' },
    missed: { zh: '未达成', en: 'missed' },
};

export const GRADE_KEYWORD: Readonly<Record<GradeId, Bilingual>> = {
    excellent: { zh: '优', en: 'excellent' },
    good: { zh: '良', en: 'good' },
    fair: { zh: '中', en: 'fair' },
    poor: { zh: '差', en: 'poor' },
};

function lookup<T extends string>(table: Readonly<Record<T, Bilingual>>, keyword: string | undefined): T | undefined {
    return (Object.keys(table) as T[]).find(id => table[id].zh === keyword || table[id].en === keyword);
}

/** 达成 / achieved … as a rating id; undefined for anything else. */
export function ratingOf(keyword: string | undefined): RatingId | undefined {
    return lookup(RATING_KEYWORD, keyword);
}

/** 优 / excellent … as a grade id; undefined for anything else. */
export function gradeIdOf(keyword: string | undefined): GradeId | undefined {
    return lookup(GRADE_KEYWORD, keyword);
}
