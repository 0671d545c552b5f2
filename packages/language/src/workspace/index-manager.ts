import { DefaultIndexManager } from 'langium';

/**
 * Langium relinks (and so re-validates) only documents that reference a changed document
 * directly. KPI Spec rules follow chains: an assessment checks actuals against the contract
 * that its project's indicators link to (assessment → targets → contract). So a document is
 * affected when it reaches a changed document through any chain of references (see
 * `dependentsOf`, used by KpiDocumentBuilder).
 */
export class KpiIndexManager extends DefaultIndexManager {
    /** URIs of the documents that reach one of `uris` through a chain of cross-document references. */
    dependentsOf(uris: ReadonlySet<string>): Set<string> {
        const referencedBy = new Map<string, string[]>();
        for (const [source, references] of this.referenceIndex) {
            for (const ref of references) {
                if (ref.local) continue;
                const target = ref.targetUri.toString();
                const sources = referencedBy.get(target);
                if (sources) sources.push(source);
                else referencedBy.set(target, [source]);
            }
        }
        const dependents = new Set<string>();
        const queue = [...uris];
        while (queue.length > 0) {
            for (const source of referencedBy.get(queue.pop()!) ?? []) {
                if (dependents.has(source) || uris.has(source)) continue;
                dependents.add(source);
                queue.push(source);
            }
        }
        return dependents;
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
