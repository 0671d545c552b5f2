import { DefaultIndexManager, type LangiumDocument } from 'langium';

/**
 * Langium relinks (and so re-validates) only documents that reference a changed document
 * directly. KPI Spec rules follow chains: an assessment checks actuals against the contract
 * that its project's indicators link to (assessment → targets → contract). So a document is
 * affected when it reaches a changed document through any chain of references.
 */
export class KpiIndexManager extends DefaultIndexManager {
    override isAffected(document: LangiumDocument, changedUris: Set<string>): boolean {
        const start = document.uri.toString();
        const seen = new Set<string>([start]);
        const queue = [start];
        while (queue.length > 0) {
            for (const ref of this.referenceIndex.get(queue.pop()!) ?? []) {
                if (ref.local) continue;
                const target = ref.targetUri.toString();
                if (changedUris.has(target)) return true;
                if (!seen.has(target)) {
                    seen.add(target);
                    queue.push(target);
                }
            }
        }
        return false;
    }

    /** URIs of the documents (other than `except`) that export one of the given names. */
    documentsExporting(names: ReadonlySet<string>, except: ReadonlySet<string>): Set<string> {
        const uris = new Set<string>();
        if (names.size === 0) return uris;
        for (const [uri, exports] of this.symbolIndex) {
            if (!except.has(uri) && exports.some(e => names.has(e.name))) uris.add(uri);
        }
        return uris;
    }

    exportedNames(uri: string): string[] {
        return (this.symbolIndex.get(uri) ?? []).map(e => e.name);
    }
}
