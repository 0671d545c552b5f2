import type { Bilingual } from '../i18n/locale.js';

/**
 * The `limit` names closest to `name` by edit distance (ties in locale order), for "did you
 * mean" lists. An unresolved link is compared with every name in scope (thousands in a
 * province's workspace), so only the best `limit` are kept while scanning, and a candidate is
 * skipped as soon as it cannot beat the worst of them.
 */
export function closestNames(name: string, candidates: Iterable<string>, limit: number): string[] {
    if (limit <= 0) return [];
    const best: Array<{ candidate: string; distance: number }> = [];
    for (const candidate of candidates) {
        const bound = best.length === limit ? best[limit - 1]!.distance : Infinity;
        // The difference in length is a lower bound of the distance.
        if (Math.abs(candidate.length - name.length) > bound) continue;
        const distance = editDistance(name, candidate, bound);
        if (distance > bound) continue;
        const entry = { candidate, distance };
        let at = best.length;
        while (at > 0 && (best[at - 1]!.distance > distance || (best[at - 1]!.distance === distance && best[at - 1]!.candidate.localeCompare(candidate) > 0))) at--;
        best.splice(at, 0, entry);
        if (best.length > limit) best.pop();
    }
    return best.map(b => b.candidate);
}

/** Levenshtein distance, or any number above `bound` once every path exceeds it. */
function editDistance(a: string, b: string, bound: number): number {
    const row = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        let diagonal = row[0]!;
        row[0] = i;
        let smallest = row[0];
        for (let j = 1; j <= b.length; j++) {
            const above = row[j]!;
            row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
            diagonal = above;
            smallest = Math.min(smallest, row[j]!);
        }
        if (smallest > bound) return smallest;
    }
    return row[b.length]!;
}

/** How many names the message of an unresolved reference offers. */
export const CANDIDATES = 5;

/** The message of a reference that resolves to nothing, with the closest names in its scope. */
export function unresolvedReferenceMessage(name: string, candidates: readonly string[]): Bilingual {
    return {
        zh: `找不到「${name}」` + (candidates.length ? `；可用的有：${candidates.join('、')}` : '；当前范围内没有可引用的名称'),
        en: `Cannot resolve '${name}'` + (candidates.length ? `; in scope: ${candidates.join(', ')}` : '; nothing of that kind is in scope'),
    };
}
