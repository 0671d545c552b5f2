import { EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import { describe, expect, it } from 'vitest';
import { createKpiServices, type KpiIndexManager } from '../../packages/language/src/index.js';
import { readFolder, uriOf } from '../support/workspace.js';
import { join } from 'node:path';

/*
 * The CLI keeps only which documents reference which (KpiIndexManager.keepOnlyDocumentLinks),
 * not Langium's reference index: what an edit or a removed unit affects must stay the same.
 */

const EXAMPLES = join(import.meta.dirname, '..', '..', 'examples');

async function build(files: Record<string, string>, onlyLinks: boolean) {
    const { shared } = createKpiServices(EmptyFileSystem);
    const index = shared.workspace.IndexManager as KpiIndexManager;
    if (onlyLinks) index.keepOnlyDocumentLinks();
    const documents: LangiumDocument[] = [];
    for (const [name, text] of Object.entries(files)) {
        const document = shared.workspace.LangiumDocumentFactory.fromString(text, uriOf(name));
        shared.workspace.LangiumDocuments.addDocument(document);
        documents.push(document);
    }
    await shared.workspace.DocumentBuilder.build(documents, { validation: true });
    const affected = (changed: string) => documents.filter(d => index.isAffected(d, new Set([uriOf(changed).toString()]))).map(d => d.uri.path).sort();
    // What the builder relinks: the same documents, found from the changed one.
    const referencers = (changed: string) => [...index.referencersOf([uriOf(changed).toString()])].map(uri => URI.parse(uri).path).sort();
    const dependents = (file: string) => [...index.dependentsOf([uriOf(file).toString()])].sort();
    return { files: Object.keys(files), affected, referencers, dependents, diagnostics: documents.map(d => d.diagnostics?.map(x => x.message)) };
}

describe('document links without the reference index (lint)', () => {
    for (const example of ['hotline-12345', 'complete-forms']) {
        it(`affect the same documents as Langium's index in ${example}`, async () => {
            const files = readFolder(join(EXAMPLES, example));
            const full = await build(files, false);
            const links = await build(files, true);
            let linked = 0;
            for (const file of full.files) {
                expect(links.affected(file), file).toEqual(full.affected(file));
                expect(links.referencers(file), file).toEqual(full.affected(file));
                expect(full.referencers(file), file).toEqual(full.affected(file));
                expect(links.dependents(file), file).toEqual(full.dependents(file));
                linked += full.dependents(file).length;
            }
            // The example links across files: the comparison compares something.
            expect(linked).toBeGreaterThan(0);
            expect(links.diagnostics).toEqual(full.diagnostics);
        });
    }
});
