/**
 * In `sorted`, the first index from `from` on whose item passes `test`, which every later item
 * passes too (a binary search); `sorted.length` when none does.
 */
export function firstPassing<T>(sorted: readonly T[], test: (item: T) => boolean, from = 0): number {
    let low = from;
    let high = sorted.length;
    while (low < high) {
        const middle = (low + high) >>> 1;
        if (test(sorted[middle]!)) high = middle;
        else low = middle + 1;
    }
    return low;
}
