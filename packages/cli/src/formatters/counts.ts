import { SEVERITY_WORDS, type Locale } from '@kpispec/language/core';
import { plural } from './plural.js';

export interface Counts {
    errors: number;
    warnings: number;
    infos: number;
}

/** Lint's totals as stylish's summary line and the job summary say them: `15 errors, 46 warnings, 4 info`, `错误 15 个，警告 46 个，提示 4 个`. */
export function countsText({ errors, warnings, infos }: Counts, locale: Locale): string {
    if (locale === 'en') return `${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${infos} info`;
    const zh = (severity: 0 | 1 | 2, n: number) => `${SEVERITY_WORDS[severity].zh} ${n} 个`;
    return `${zh(2, errors)}，${zh(1, warnings)}，${zh(0, infos)}`;
}
