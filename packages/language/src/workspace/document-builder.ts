import { Cancellation, DefaultDocumentBuilder, URI, type LangiumDocument } from 'langium';
import type { KpiIndexManager } from './index-manager.js';

/**
 * Top-level names are global, so two files can collide without referencing each other.
 * After every update, files that share a name with a changed file (before or after the
 * change) are re-validated, so `name/duplicate` appears and disappears in both files.
 */
export class KpiDocumentBuilder extends DefaultDocumentBuilder {
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
