import type { Bilingual } from '../i18n/locale.js';
import { parseDate } from '../units/index.js';
import { isoDate } from './value-converter.js';

/**
 * A date or month token that names no day (`2023-02-29`, `2023-13-40`, `2023年4月31日`): why, or
 * undefined for a real one. Read as written it would roll over into another month, and every
 * check on it would compare a day nobody meant.
 */
export function impossibleDate(image: string): Bilingual | undefined {
    const iso = isoDate(image);
    const m = /^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?$/.exec(iso);
    if (!m || parseDate(iso) !== undefined) return undefined;
    const year = Number(m[1]);
    const month = Number(m[2]);
    if (month < 1 || month > 12) return { zh: '月份应为 1～12', en: 'a month is 1 to 12' };
    const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
    return { zh: `${year}年${month}月只有 ${days} 天`, en: `${year}-${String(month).padStart(2, '0')} has ${days} days` };
}
