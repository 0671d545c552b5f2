import type { Bilingual } from '../i18n/locale.js';

/** Qualitative ratings of an actual (达成 / 部分达成 / 未达成). */
export type RatingId = 'achieved' | 'partly' | 'missed';

/** Grades of a total (优 / 良 / 中 / 差). */
export type GradeId = 'excellent' | 'good' | 'fair' | 'poor';

/** The keywords a file writes for each rating and grade, in Chinese and English. */
export const RATING_KEYWORD = {
    achieved: { zh: '达成', en: 'achieved' },
    partly: { zh: '部分达成', en: 'partly' },
    missed: { zh: '未达成', en: 'missed' },
} as const satisfies Readonly<Record<RatingId, Bilingual>>;

export const GRADE_KEYWORD: Readonly<Record<GradeId, Bilingual>> = {
    excellent: { zh: '优', en: 'excellent' },
    good: { zh: '良', en: 'good' },
    fair: { zh: '中', en: 'fair' },
    poor: { zh: '差', en: 'poor' },
};

function lookup<T extends string>(table: Readonly<Record<T, Bilingual>>, keyword: string | undefined): T | undefined {
    return (Object.keys(table) as T[]).find(id => table[id].zh === keyword || table[id].en === keyword);
}

/**
 * Ratings as forms print them in the 实际完成值 cell (`达成预期指标`, `完成`, `已完成`, `按期完成`,
 * `已达到`, `达标`, `合格`, `部分达成`, `未达成…`, `未完成`, `未达到`, `未达标`, `不合格`), read so by the workbook reader and the lexer
 * alike. `基本完成` says neither how much nor whether it is 部分达成: it stays text, which the officer quotes.
 */
const PRINTED_RATINGS: ReadonlyArray<[RegExp, RatingId]> = [
    [/^(未达成|未达到|未(按期|如期|按时)?完成$|未达标$|不合格$)/, 'missed'],
    [/^部分达成/, 'partly'],
    [/^(已?(达成|达到)(预期(指标|目标))?|已?完成|(全部|按期|如期|按时)完成|已?达标|合格)$/, 'achieved'],
    // English in any case, as a form's cell prints it (`Achieved`, `Not achieved`).
    [/^(not ?achieved|missed)$/i, 'missed'], [/^partly( ?achieved)?$/i, 'partly'], [/^achieved$/i, 'achieved'],
];

/** A rating as a form prints it (`达成预期指标`) as a rating id; undefined for other text. */
export function printedRatingOf(text: string): RatingId | undefined {
    return PRINTED_RATINGS.find(([re]) => re.test(text))?.[1];
}

/** 达成 / achieved …, or a rating as printed (达成预期指标), as a rating id; undefined for anything else. */
export function ratingOf(keyword: string | undefined): RatingId | undefined {
    return lookup(RATING_KEYWORD, keyword) ?? (keyword === undefined ? undefined : printedRatingOf(keyword));
}

/** Grades as forms and officers print them (`优秀`, `良好`, `中等`, `较差`, `Excellent`), read so by the lexer as the workbook reader reads the 自评等级 cell. */
const PRINTED_GRADES: ReadonlyArray<[RegExp, GradeId]> = [
    [/^优秀$/, 'excellent'], [/^良好$/, 'good'], [/^中等$/, 'fair'], [/^较差$/, 'poor'],
    // English in any case (`Excellent`).
    [/^excellent$/i, 'excellent'], [/^good$/i, 'good'], [/^fair$/i, 'fair'], [/^poor$/i, 'poor'],
];

/** A grade as printed (`优秀`) as a grade id; undefined for other text. */
export function printedGradeOf(text: string): GradeId | undefined {
    return PRINTED_GRADES.find(([re]) => re.test(text))?.[1];
}

/** 优 / excellent …, or a grade as printed (优秀), as a grade id; undefined for anything else. */
export function gradeIdOf(keyword: string | undefined): GradeId | undefined {
    return lookup(GRADE_KEYWORD, keyword) ?? (keyword === undefined ? undefined : printedGradeOf(keyword));
}
