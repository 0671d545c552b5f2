import type { Bilingual } from '../i18n/locale.js';

/** How many names the message of an unresolved reference offers. */
export const CANDIDATES = 5;

/** The message of a reference that resolves to nothing, with the closest names in its scope. */
export function unresolvedReferenceMessage(name: string, candidates: readonly string[]): Bilingual {
    return {
        zh: `找不到「${name}」` + (candidates.length ? `；可用的有：${candidates.join('、')}` : '；当前范围内没有可引用的名称'),
        en: `Cannot resolve '${name}'` + (candidates.length ? `; in scope: ${candidates.join(', ')}` : '; nothing of that kind is in scope'),
    };
}
