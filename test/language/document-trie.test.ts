import { EmptyFileSystem, URI, UriTrie } from 'langium';
import { describe, expect, it } from 'vitest';
import { createKpiServices } from '../../packages/language/src/index.js';
import { DocumentTrie } from '../../packages/language/src/workspace/documents.js';

/*
 * `kpispec lint` adds and removes the documents of thousands of units in turn. Langium's trie of
 * documents kept the folder of every removed document, and every listing of the documents walked
 * them all; KPI Spec's forgets a folder with its last document.
 */

function workspace() {
    const { shared } = createKpiServices(EmptyFileSystem);
    const documents = shared.workspace.LangiumDocuments;
    const add = (path: string) => documents.addDocument(shared.workspace.LangiumDocumentFactory.fromString('', URI.file(path)));
    const remove = (path: string) => documents.deleteDocument(URI.file(path));
    const listed = () => documents.all.map(d => d.uri.path).toArray();
    return { documents, add, remove, listed };
}

describe('the documents of a workspace', () => {
    it("are listed in the order of Langium's trie (depth first, in the order files and folders came)", () => {
        const ws = workspace();
        const langium = new UriTrie<string>();
        const paths = ['/w/b/2.kpi', '/w/a.kpi', '/w/b/c/3.kpi', '/w/b/1.kpi', '/w/d/4.kpi', '/v/5.kpi'];
        for (const path of paths) {
            ws.add(path);
            langium.insert(URI.file(path), path);
        }
        ws.remove('/w/b/1.kpi');
        langium.delete(URI.file('/w/b/1.kpi'));
        expect(ws.listed()).toEqual(['/w/b/2.kpi', '/w/b/c/3.kpi', '/w/a.kpi', '/w/d/4.kpi', '/v/5.kpi']);
        expect(ws.listed()).toEqual(langium.all());
    });

    it('forget a folder with its last document, and keep a folder that still holds one', () => {
        const ws = workspace();
        for (const path of ['/w/p1/targets.kpi', '/w/p1/contract.kpi', '/w/p2/sub/targets.kpi', '/w/p3.kpi']) ws.add(path);
        ws.remove('/w/p2/sub/targets.kpi');
        ws.remove('/w/p1/contract.kpi');
        expect(ws.listed()).toEqual(['/w/p1/targets.kpi', '/w/p3.kpi']);
        expect(ws.documents.hasDocument(URI.file('/w/p1/targets.kpi'))).toBe(true);
        // Nothing is left of p2: a new document there is listed where a new folder goes, last.
        ws.add('/w/p2/again.kpi');
        expect(ws.listed()).toEqual(['/w/p1/targets.kpi', '/w/p3.kpi', '/w/p2/again.kpi']);
    });

    it('are listed anew after every addition and removal (the listing is kept between them)', () => {
        const ws = workspace();
        ws.add('/w/a.kpi');
        expect(ws.listed()).toEqual(['/w/a.kpi']);
        ws.add('/w/b.kpi');
        expect(ws.listed()).toEqual(['/w/a.kpi', '/w/b.kpi']);
        ws.remove('/w/a.kpi');
        expect(ws.listed()).toEqual(['/w/b.kpi']);
        ws.remove('/w/b.kpi');
        expect(ws.listed()).toEqual([]);
    });

    it('a thousand units added and removed in turn leave nothing behind', () => {
        const ws = workspace();
        ws.add('/w/standards/shared.kpi');
        for (let i = 0; i < 1000; i++) {
            ws.add(`/w/p${i}/targets.kpi`);
            ws.remove(`/w/p${i}/targets.kpi`);
        }
        // Langium's trie answers the same listing, but from 1,001 folders.
        const trie = (ws.documents as unknown as { documentTrie: { findChildren(uri: string): unknown[] } }).documentTrie;
        expect(trie.findChildren(URI.file('/w').toString())).toHaveLength(1);
        expect(ws.listed()).toEqual(['/w/standards/shared.kpi']);
    });
});

describe('a document looked up by URI', () => {
    it("is found as in Langium's trie, through additions, removals, a removed folder and URIs written differently", () => {
        const ws = workspace();
        const langium = new UriTrie<string>();
        const found = (uri: URI | string) => ({ ours: ws.documents.getDocument(typeof uri === 'string' ? URI.parse(uri) : uri)?.uri.path, has: ws.documents.hasDocument(typeof uri === 'string' ? URI.parse(uri) : uri) });
        const paths = ['/w/p1/targets.kpi', '/w/p1/contract.kpi', '/w/p1/sub/x.kpi', '/w/p2/targets.kpi', '/w/报告 一.kpi'];
        for (const path of paths) {
            ws.add(path);
            langium.insert(URI.file(path), path);
        }
        const remove = (uri: URI) => {
            ws.documents.deleteDocuments(uri);
            langium.delete(uri);
        };
        remove(URI.file('/w/p2/targets.kpi'));
        remove(URI.file('/w/p1'));
        // Percent-encoded or not, the trie writes a URI one way; both ways find the same document.
        const asked = [...paths.map(p => URI.file(p)), URI.parse('file:///w/%E6%8A%A5%E5%91%8A%20%E4%B8%80.kpi'), URI.parse('file:///w/报告 一.kpi'), URI.file('/w/p1')];
        for (const uri of asked) {
            expect(found(uri), uri.toString()).toEqual({ ours: langium.find(uri), has: langium.has(uri) });
        }
        expect(ws.documents.getDocument(URI.file('/w/报告 一.kpi'))?.uri.path).toBe('/w/报告 一.kpi');
        expect(ws.documents.getDocument(URI.file('/w/p1/sub/x.kpi'))).toBeUndefined();
        ws.add('/w/p1/targets.kpi');
        expect(ws.documents.getDocument(URI.file('/w/p1/targets.kpi'))?.uri.path).toBe('/w/p1/targets.kpi');
    });
});

/* It finds a document whatever spelling of its URI is asked, as Langium's does. */
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
