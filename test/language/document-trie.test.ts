import { URI } from 'langium';
import { describe, expect, it } from 'vitest';
import { DocumentTrie } from '../../packages/language/src/workspace/documents.js';

/* The documents' trie finds a document whatever spelling of its URI is asked, as Langium's does. */
describe("the documents' trie", () => {
    it('finds, replaces and deletes a document under any spelling of its URI, again and again', () => {
        const trie = new DocumentTrie<string>();
        const spellings = ['file:///C:/x/y b.kpi', 'file:///c%3A/x/y%20b.kpi', URI.parse('file:///C:/x/y b.kpi')];
        for (let round = 0; round < 2; round++) {
            for (const [i, inserted] of spellings.entries()) {
                trie.insert(inserted, `doc ${round} ${i}`);
                for (const asked of spellings) {
                    expect(trie.find(asked)).toBe(`doc ${round} ${i}`);
                    expect(trie.has(asked)).toBe(true);
                }
            }
            trie.delete(spellings[round]!);
            for (const asked of spellings) expect(trie.has(asked)).toBe(false);
            expect(trie.all()).toEqual([]);
        }
    });

    it('keeps two documents apart that differ in one character', () => {
        const trie = new DocumentTrie<string>();
        trie.insert('file:///a/b.kpi', 'b');
        trie.insert('file:///a/B.kpi', 'B');
        expect([trie.find('file:///a/b.kpi'), trie.find('file:///a/B.kpi'), trie.find('file:///a/c.kpi')]).toEqual(['b', 'B', undefined]);
    });
});
