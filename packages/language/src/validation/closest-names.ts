/** The `limit` names closest to `name` by edit distance, for "did you mean" lists. */
export function closestNames(name: string, candidates: readonly string[], limit: number): string[] {
    return candidates
        .map(c => ({ c, d: editDistance(name, c) }))
        .sort((a, b) => a.d - b.d || a.c.localeCompare(b.c))
        .slice(0, limit)
        .map(x => x.c);
}

function editDistance(a: string, b: string): number {
    const row = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        let diagonal = row[0]!;
        row[0] = i;
        for (let j = 1; j <= b.length; j++) {
            const above = row[j]!;
            row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
            diagonal = above;
        }
    }
    return row[b.length]!;
}
