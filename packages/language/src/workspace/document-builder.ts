import { Cancellation, DefaultDocumentBuilder, URI, type LangiumDocument } from 'langium';
import type { KpiIndexManager } from './index-manager.js';

/**
 * Top-level names are global, so two files can collide without referencing each other.
 * After every update, files that share a name with a changed file (before or after the
 * change) are re-validated, so `name/duplicate` appears and disappears in both files.
 *
 * Documents that reach a changed one through a chain of references are relinked too (see
 * KpiIndexManager). The chains are followed once per update, before relinking starts: a
 * document being relinked loses its references in the index, which would cut the chains of
 * the documents considered after it.
 */
export class KpiDocumentBuilder extends DefaultDocumentBuilder {
    private dependents?: { of: Set<string>; uris: Set<string> };

    protected override shouldRelink(document: LangiumDocument, changedUris: Set<string>): boolean {
        if (this.dependents?.of !== changedUris) {
            this.dependents = { of: changedUris, uris: (this.indexManager as KpiIndexManager).dependentsOf(changedUris) };
        }
        return this.dependents.uris.has(document.uri.toString()) || super.shouldRelink(document, changedUris);
    }

    override async update(changed: URI[], deleted: URI[], cancelToken: Cancellation.CancellationToken = Cancellation.CancellationToken.None): Promise<void> {
        const index = this.indexManager as KpiIndexManager;
        const touched = new Set([...changed, ...deleted].map(u => u.toString()));
        const names = new Set([...touched].flatMap(uri => index.exportedNames(uri)));
        await super.update(changed, deleted, cancelToken);
        for (const uri of touched) for (const name of index.exportedNames(uri)) names.add(name);
        const collisions = [...index.documentsExporting(names, touched)]
            .map(uri => this.langiumDocuments.getDocument(URI.parse(uri)))
            .filter((doc): doc is LangiumDocument => doc !== undefined);
        if (collisions.length > 0) {
            await this.build(collisions, { validation: true }, cancelToken);
        }
    }
}
