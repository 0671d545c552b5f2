import type { Bilingual } from '../i18n/locale.js';

/** The scoring engine's grade ids as the forms write them (等级 优/良/中/差). */
const GRADES: Record<string, Bilingual> = {
    excellent: { zh: '优', en: 'excellent' },
    good: { zh: '良', en: 'good' },
    fair: { zh: '中', en: 'fair' },
    poor: { zh: '差', en: 'poor' },
};

export function gradeLabel(grade: string): Bilingual {
    return GRADES[grade] ?? { zh: grade, en: grade };
}
