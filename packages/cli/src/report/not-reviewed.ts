import { pick, readFailure, type Bilingual, type Locale } from '@kpispec/language/core';
import { colon, label, semicolon, type TextKey } from './i18n.js';
import type { ReportData } from './model.js';

/** A kind of file the report names under its scope as not reviewed, and the files of that kind with why. */
export interface NotReviewed {
    /** Names the kind on the page (`data-skipped`, `data-not-utf8`, `data-unreadable`). */
    readonly kind: 'skipped' | 'not-utf8' | 'unreadable';
    readonly heading: TextKey;
    readonly files: ReadonlyArray<{ readonly file: string; readonly reason: Bilingual }>;
}

/**
 * What was not reviewed, kind by kind: the workbooks of the folders that hold no form, the .kpi
 * files that are not UTF-8 (with what each looks like), then those that could not be read. The
 * page and the report's workbook name them alike, so that the reviewer sees what was not reviewed.
 */
export function notReviewed(data: ReportData): NotReviewed[] {
    const passed = data.passedOver ?? [];
    const kinds: NotReviewed[] = [
        { kind: 'skipped', heading: 'skippedWorkbooks', files: data.skipped ?? [] },
        { kind: 'not-utf8', heading: 'notUtf8Files', files: passed.flatMap(f => ('look' in f ? [{ file: f.file, reason: f.look }] : [])) },
        { kind: 'unreadable', heading: 'unreadableFiles', files: passed.flatMap(f => ('code' in f ? [{ file: f.file, reason: readFailure(f.code) }] : [])) },
    ];
    return kinds.filter(k => k.files.length > 0);
}

/** One kind as a line, punctuated in the report's language: `未复核（无法读取）：a.kpi：…；b.kpi：…`. */
export function notReviewedLine({ heading, files }: NotReviewed, locale: Locale): string {
    return `${label(locale, heading)}${colon(locale)}${files.map(f => label(locale, 'skippedWorkbook', { file: f.file, reason: pick(locale, f.reason) })).join(semicolon(locale))}`;
}
