import { describe, expect, it } from 'vitest';
import { closestNames, likelyMeant, NameIndex } from '../../packages/language/src/config/did-you-mean.js';
import { random } from '../../bench/lib/random.mjs';
import { compareText } from '../../packages/language/src/i18n/locale.js';

/** What closestNames must return: every candidate sorted by distance, then in compareText's order (the same on every machine). */
function bySorting(name: string, candidates: string[], limit: number): string[] {
    const distance = (a: string, b: string): number => {
        const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
        for (let i = 1; i <= a.length; i++) {
            for (let j = 1; j <= b.length; j++) d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
        }
        return d[a.length]![b.length]!;
    };
    return candidates.map(c => ({ c, d: distance(name, c) })).sort((x, y) => x.d - y.d || compareText(x.c, y.c)).slice(0, limit).map(x => x.c);
}

describe('did you mean', () => {
    it('suggests a name only when it looks like a typo of it', () => {
        const rules = ['target/below-contract', 'target/no-source', 'score/ignores-problem'];
        expect(likelyMeant('target/below-contarct', rules)).toBe('target/below-contract');
        // Close by distance, but another first letter or length: a different word, not a typo.
        expect(likelyMeant('xarget/no-source', rules)).toBeUndefined();
        expect(likelyMeant('target', rules)).toBeUndefined();
        expect(likelyMeant('anything', [])).toBeUndefined();
    });


    it('names the nearest candidates first, ties in locale order', () => {
        expect(closestNames('接通率', ['满意度', '接通率x', '回访满意率', '接听率'], 2)).toEqual(['接听率', '接通率x']);
        expect(closestNames('abc', ['zzz', 'xbc', 'abd', 'abcd'], 3)).toEqual(['abcd', 'abd', 'xbc']);
        expect(closestNames('a', [], 5)).toEqual([]);
        expect(closestNames('a', ['a'], 0)).toEqual([]);
        expect(new NameIndex(['满意度', '接通率x', '回访满意率', '接听率']).closest('接通率', 2)).toEqual(['接听率', '接通率x']);
        expect(new NameIndex(['zzz', 'xbc', 'abd', 'abcd', 'abd']).closest('abc', 3)).toEqual(['abcd', 'abd', 'xbc']);
        expect(new NameIndex([]).closest('a', 5)).toEqual([]);
        expect(new NameIndex(['a', '']).closest('a', 0)).toEqual([]);
        expect(new NameIndex(['', 'b']).closest('', 1)).toEqual(['']);
    });

    it('agrees with sorting every candidate, on random names', () => {
        const rng = random(7);
        const letters = '接通率回访满意度abc';
        const word = () => Array.from({ length: rng.int(0, 6) }, () => letters[rng.int(0, letters.length - 1)]).join('');
        for (let round = 0; round < 300; round++) {
            const candidates = [...new Set(Array.from({ length: rng.int(0, 40) }, word))];
            const name = word();
            const limit = rng.int(1, 6);
            expect(closestNames(name, candidates, limit), `${name} among ${candidates.join(',')}`).toEqual(bySorting(name, candidates, limit));
            expect(new NameIndex(candidates).closest(name, limit), `index: ${name} among ${candidates.join(',')}`).toEqual(bySorting(name, candidates, limit));
        }
    });

    it('agrees with sorting every candidate, on long names that differ in a few places', () => {
        // As a province's names do (道路养护0016服务合同.路面完好率): long, alike, a few characters apart.
        const rng = random(11);
        const base = '道路养护0016服务合同.路面完好率';
        const edit = (text: string) => {
            const chars = [...text];
            for (let n = rng.int(0, 4); n > 0; n--) {
                const at = rng.int(0, chars.length);
                const change = rng.int(0, 2);
                if (change === 0) chars.splice(at, 0, '0123率护'[rng.int(0, 6)]!);
                else if (change === 1) chars.splice(at, 1);
                else chars[at] = '0123率护'[rng.int(0, 6)]!;
            }
            return chars.join('');
        };
        for (let round = 0; round < 300; round++) {
            const candidates = [...new Set(Array.from({ length: rng.int(0, 60) }, () => edit(base)))];
            const name = edit(base);
            const limit = rng.int(1, 6);
            expect(closestNames(name, candidates, limit), `${name} among ${candidates.join(',')}`).toEqual(bySorting(name, candidates, limit));
            // One index asked many names, as a lint asks for every unresolved link.
            const index = new NameIndex(candidates);
            for (const asked of [name, edit(base), edit(base)]) {
                expect(index.closest(asked, limit), `index: ${asked} among ${candidates.join(',')}`).toEqual(bySorting(asked, candidates, limit));
            }
        }
    });

    it('an index agrees with sorting every candidate, among many names of two letters', () => {
        // Names that differ in one place share every row but the last: what the index passes over
        // must be as far, ties included: B comes before a in code units, after it in locale order.
        const rng = random(13);
        const word = () => Array.from({ length: rng.int(0, 8) }, () => 'aB'[rng.int(0, 1)]).join('');
        for (let round = 0; round < 300; round++) {
            const candidates = [...new Set(Array.from({ length: rng.int(0, 80) }, word))];
            const index = new NameIndex(candidates);
            for (let asked = 0; asked < 3; asked++) {
                const name = word();
                const limit = rng.int(1, 4);
                expect(index.closest(name, limit), `${name} among ${candidates.join(',')}`).toEqual(bySorting(name, candidates, limit));
            }
        }
    });
});
