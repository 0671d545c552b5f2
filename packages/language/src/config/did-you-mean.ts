// "Did you mean" suggestions: for unresolved links, unknown rule ids and unknown settings.
import { compareText } from '../i18n/locale.js';
import { firstPassing } from '../sorted.js';

/**
 * The `limit` names closest to `name` by edit distance (ties in compareText order), for "did you
 * mean" lists. An unresolved link is compared with every name in scope (thousands in a
 * province's workspace), so only the best `limit` are kept while scanning, and a candidate is
 * skipped as soon as it cannot beat the worst of them. For many names asked against the same
 * candidates, a NameIndex answers faster.
 */
export function closestNames(name: string, candidates: Iterable<string>, limit: number): string[] {
    const best = new Closest(limit);
    for (const candidate of candidates) {
        // The difference in length is a lower bound of the distance.
        if (Math.abs(candidate.length - name.length) > best.bound) continue;
        best.offer(candidate, editDistance(name, candidate, best.bound));
    }
    return best.names();
}

/**
 * Candidate names sorted once, for the closest names of many unresolved links at a time (a
 * lint of a province's workspace: 92 links among 30,000 clause names cost 1.3 s one by one).
 * Sorted names that share a prefix share the rows of the edit-distance table that the prefix
 * fills (a walk of their trie), and once a row exceeds the bound every name with that prefix
 * is passed over at once. Answers as closestNames does.
 */
export class NameIndex {
    private readonly sorted: string[];

    constructor(names: Iterable<string>) {
        // Code-unit order: names with a common prefix stand together.
        this.sorted = [...new Set(names)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    }

    closest(name: string, limit: number): string[] {
        const best = new Closest(limit);
        const { sorted } = this;
        // A tight bound first, from the names beside `name` in sorted order (those sharing its
        // longest prefix): in code-unit order the walk may meet far names long before near ones.
        const at = firstPassing(sorted, other => other >= name);
        const [near, nearEnd] = [Math.max(0, at - NEIGHBOURS * limit), Math.min(sorted.length, at + NEIGHBOURS * limit)];
        for (let n = near; n < nearEnd; n++) best.offer(sorted[n]!, editDistance(name, sorted[n]!, best.bound));
        // rows[k]: the table's row after the first k characters of the current candidate.
        const rows: Uint32Array[] = [Uint32Array.from({ length: name.length + 1 }, (_, j) => j)];
        let previous = '';
        for (let i = 0; i < sorted.length;) {
            if (i >= near && i < nearEnd) {
                i = nearEnd;
                continue;
            }
            const candidate = sorted[i]!;
            let k = 0;
            while (k < previous.length && k < candidate.length && previous.charCodeAt(k) === candidate.charCodeAt(k)) k++;
            let pruned = false;
            for (; k < candidate.length; k++) {
                const smallest = nextRow(rows, k, candidate.charCodeAt(k), name);
                if (smallest > best.bound) {
                    pruned = true;
                    break;
                }
            }
            previous = candidate;
            if (!pruned) {
                best.offer(candidate, rows[candidate.length]![name.length]!);
                i++;
            } else {
                // Every name that begins with the candidate's first k + 1 characters is as far.
                i = endOfPrefix(sorted, i, candidate.slice(0, k + 1));
            }
        }
        return best.names();
    }
}

/** Names beside the one asked, per name asked for, offered before the walk. */
const NEIGHBOURS = 4;

/** Fills rows[k + 1] from rows[k] and the candidate's character `code`; returns the row's smallest cell. */
function nextRow(rows: Uint32Array[], k: number, code: number, name: string): number {
    const above = rows[k]!;
    const row = rows[k + 1] ??= new Uint32Array(name.length + 1);
    row[0] = k + 1;
    let smallest = k + 1;
    for (let j = 1; j <= name.length; j++) {
        const next = Math.min(above[j]! + 1, row[j - 1]! + 1, above[j - 1]! + (code === name.charCodeAt(j - 1) ? 0 : 1));
        row[j] = next;
        if (next < smallest) smallest = next;
    }
    return smallest;
}

/** The index of the first name from `from` on that does not begin with `prefix` (those that do stand together). */
function endOfPrefix(sorted: readonly string[], from: number, prefix: string): number {
    return firstPassing(sorted, name => !name.startsWith(prefix), from);
}

/** The best `limit` names offered so far, by distance and then in locale order. */
class Closest {
    private readonly best: Array<{ candidate: string; distance: number }> = [];

    constructor(private readonly limit: number) {}

    /** The distance a name must not exceed to be kept. */
    get bound(): number {
        return this.limit <= 0 ? -1 : this.best.length === this.limit ? this.best[this.limit - 1]!.distance : Infinity;
    }

    offer(candidate: string, distance: number): void {
        if (distance > this.bound) return;
        const { best } = this;
        let at = best.length;
        while (at > 0 && (best[at - 1]!.distance > distance || (best[at - 1]!.distance === distance && compareText(best[at - 1]!.candidate, candidate) > 0))) at--;
        best.splice(at, 0, { candidate, distance });
        if (best.length > this.limit) best.pop();
    }

    names(): string[] {
        return this.best.map(b => b.candidate);
    }
}

/** The closest candidate when it looks like a typo of the name (same first letter, similar length). */
export function likelyMeant(name: string, candidates: readonly string[]): string | undefined {
    const [closest] = closestNames(name, candidates, 1);
    return closest && closest[0] === name[0] && Math.abs(closest.length - name.length) <= 3 ? closest : undefined;
}

/** One row of editDistance's table, reused: a province's workspace asks for millions of distances. */
let row = new Uint32Array(64);

/**
 * Levenshtein distance, or any number above `bound` once every path exceeds it. Only the cells
 * within `bound` of the diagonal can hold a distance up to `bound`, so with a bound only they
 * are computed (Ukkonen's band): at 10,000 projects the 5 closest names among 30,000 clauses
 * were 2 s of a run, as each similar name filled its whole table.
 */
function editDistance(a: string, b: string, bound: number): number {
    if (Math.abs(a.length - b.length) > bound) return bound + 1;
    if (row.length <= b.length) row = new Uint32Array(2 * (b.length + 1));
    const band = Math.min(bound, Math.max(a.length, b.length));
    const outside = band + 1;
    for (let j = 0; j <= b.length; j++) row[j] = j <= band ? j : outside;
    for (let i = 1; i <= a.length; i++) {
        const code = a.charCodeAt(i - 1);
        const from = Math.max(1, i - band);
        const to = Math.min(b.length, i + band);
        // The cell left of the band: the first column, or outside the band (and so above bound).
        let diagonal = row[from - 1]!;
        row[from - 1] = from === 1 ? i : outside;
        let smallest = row[from - 1]!;
        for (let j = from; j <= to; j++) {
            // Right of the last row's band the cell still holds `outside`, as it was filled.
            const above = row[j]!;
            const next = Math.min(above + 1, row[j - 1]! + 1, diagonal + (code === b.charCodeAt(j - 1) ? 0 : 1), outside);
            row[j] = next;
            diagonal = above;
            if (next < smallest) smallest = next;
        }
        if (smallest > bound) return smallest;
    }
    return row[b.length]!;
}
