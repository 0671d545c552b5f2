import {
    AstUtils, Cancellation, DefaultIndexManager, isReference, MultiMap, stream, URI,
    type AstNode, type AstNodeDescription, type LangiumDocument, type ReferenceDescription, type Stream,
} from 'langium';

/**
 * Two indexes on top of Langium's, kept up to date as documents are indexed, so that no
 * question the builder, a check or an editor feature asks costs a scan of the workspace:
 * - exported name → documents exporting it (top-level names are global: name collisions, and
 *   the global scope: see `exported`);
 * - document → documents it references, and the reverse (what an edit affects: its
 *   relinking or re-validation).
 *
 * KPI Spec rules follow chains of references: an assessment checks actuals against the
 * contract that its project's indicators link to (assessment → targets → contract). So an
 * edit affects every document that reaches the changed one through any chain; only those
 * that reference it directly need relinking (see KpiDocumentBuilder), the rest re-validation.
 */
export class KpiIndexManager extends DefaultIndexManager {
    private readonly exporters = new Map<string, Set<string>>();
    /** Each indexed document's place in Langium's symbol index, whose order `allElements` follows. */
    private readonly positions = new Map<string, number>();
    private nextPosition = 0;
    /** A document's exports by name, made when first asked for. */
    private readonly exportsByName = new Map<string, MultiMap<string, AstNodeDescription>>();
    private readonly referenced = new Map<string, Set<string>>();
    private readonly referencing = new Map<string, Set<string>>();
    /** Block names of the whole workspace while only part of it is loaded (the CLI's units). */
    private workspaceExports: ReadonlyMap<string, readonly string[]> | undefined;
    /** Whether Langium's reference index is kept: see `keepOnlyDocumentLinks`. */
    private describeReferences = true;

    override async updateContent(document: LangiumDocument, cancelToken = Cancellation.CancellationToken.None): Promise<void> {
        const uri = document.uri.toString();
        this.forgetNames(uri);
        // Langium's index (a Map) keeps the place of a document indexed again without being
        // removed; an edited one was removed (reset), and goes last, as a new one does.
        if (!this.symbolIndex.has(uri)) this.positions.set(uri, this.nextPosition++);
        await super.updateContent(document, cancelToken);
        for (const name of this.exportedNames(uri)) {
            let uris = this.exporters.get(name);
            if (!uris) this.exporters.set(name, uris = new Set());
            uris.add(uri);
        }
    }

    override removeContent(uri: URI): void {
        this.forgetNames(uri.toString());
        this.positions.delete(uri.toString());
        super.removeContent(uri);
    }

    /**
     * The exported descriptions named `name` of `type` or a subtype, in the order of
     * `allElements(type)`: what a scope of all those elements answers for the name, without
     * building one. (Langium builds that scope anew after every edit: 6 ms of each keystroke
     * at 1,000 projects.)
     */
    exported(name: string, type: string): AstNodeDescription[] {
        const uris = this.exporters.get(name);
        if (!uris) return [];
        const ordered = uris.size === 1 ? uris : [...uris].sort((a, b) => this.positions.get(a)! - this.positions.get(b)!);
        const found: AstNodeDescription[] = [];
        for (const uri of ordered) {
            for (const description of this.exportsNamed(uri, name)) {
                if (this.astReflection.isSubtype(description.type, type)) found.push(description);
            }
        }
        return found;
    }

    /** A document's exports of one name (qualified names make thousands per contract or standard). */
    private exportsNamed(uri: string, name: string): readonly AstNodeDescription[] {
        let byName = this.exportsByName.get(uri);
        if (!byName) {
            byName = new MultiMap();
            for (const description of this.symbolIndex.get(uri) ?? []) byName.add(description.name, description);
            this.exportsByName.set(uri, byName);
        }
        return byName.get(name);
    }

    /**
     * Langium's reference index (find references, rename), and from it which documents this
     * one references, in both directions.
     */
    override async updateReferences(document: LangiumDocument, cancelToken = Cancellation.CancellationToken.None): Promise<void> {
        const uri = document.uri.toString();
        this.forgetReferences(uri);
        const targets = new Set<string>();
        if (this.describeReferences) {
            await super.updateReferences(document, cancelToken);
            for (const ref of this.referenceIndex.get(uri) ?? []) if (!ref.local) targets.add(ref.targetUri.toString());
        } else {
            // The documents Langium's descriptions would name: those of the resolved references' targets.
            for (const reference of document.references) {
                if (reference.error || !reference.$refNode) continue;
                const targetsOfReference = isReference(reference) ? [reference.$nodeDescription] : reference.items.map(item => item.$nodeDescription);
                for (const target of targetsOfReference) {
                    const targetUri = target?.documentUri.toString();
                    if (targetUri !== undefined && targetUri !== uri) targets.add(targetUri);
                }
            }
        }
        this.referenced.set(uri, targets);
        for (const target of targets) {
            let sources = this.referencing.get(target);
            if (!sources) this.referencing.set(target, sources = new Set());
            sources.add(uri);
        }
    }

    /**
     * For lint, which never asks who references a node (find references, rename): only which
     * documents reference which is kept, read from each document's resolved references, and not
     * Langium's reference index, a description with the range and path of every reference
     * (4 % of a cold lint).
     */
    keepOnlyDocumentLinks(): void {
        this.describeReferences = false;
    }

    override removeReferences(uri: URI): void {
        this.forgetReferences(uri.toString());
        super.removeReferences(uri);
    }

    /**
     * Langium's answer from Langium's reference index, looking only where references to the
     * node can be: its own document and those referencing it. Langium walks every document's
     * references (hover on an entry of a standard every project applies asks this).
     */
    override findAllReferences(targetNode: AstNode, astNodePath: string): Stream<ReferenceDescription> {
        const targetUri = AstUtils.getDocument(targetNode).uri.toString();
        return stream([targetUri, ...this.referencing.get(targetUri) ?? []])
            .flatMap(uri => this.referenceIndex.get(uri) ?? [])
            .filter(ref => ref.targetUri.toString() === targetUri && ref.targetPath === astNodePath);
    }

    /**
     * Affected means referencing a changed document directly: those need relinking. Langium's
     * answer, from its reference index, is the same; this one looks up a set instead of going
     * through every reference of every document on each keystroke.
     */
    override isAffected(document: LangiumDocument, changedUris: Set<string>): boolean {
        for (const target of this.referenced.get(document.uri.toString()) ?? []) {
            if (changedUris.has(target)) return true;
        }
        return false;
    }

    /** The documents that reference one of `uris` directly: those `isAffected` says need relinking. */
    referencersOf(uris: Iterable<string>): Set<string> {
        const found = new Set<string>();
        for (const uri of uris) for (const source of this.referencing.get(uri) ?? []) found.add(source);
        return found;
    }

    /**
     * Documents that reach one of `uris` through a chain of references (excluding `uris`); with
     * `reach`, only those that reach one within `reach(uri)` references, the shortest chain counting.
     */
    dependentsOf(uris: Iterable<string>, reach?: (uri: string) => number): Set<string> {
        const start = new Set(uris);
        const found = new Set<string>();
        const seen = new Set(start);
        // Breadth first, so that each document is first met at its shortest distance.
        let layer = [...start];
        for (let distance = 1; layer.length > 0; distance++) {
            const next: string[] = [];
            for (const source of this.referencersOf(layer)) {
                if (seen.has(source)) continue;
                seen.add(source);
                next.push(source);
                if (!reach || distance <= reach(source)) found.add(source);
            }
            layer = next;
        }
        return found;
    }

    /** URIs of the documents (other than `except`) that export one of the given names. */
    documentsExporting(names: Iterable<string>, except: ReadonlySet<string>): Set<string> {
        const uris = new Set<string>();
        for (const name of names) {
            const exporters = this.workspaceExports ? this.workspaceExports.get(name) : this.exporters.get(name);
            for (const uri of exporters ?? []) if (!except.has(uri)) uris.add(uri);
        }
        return uris;
    }

    /**
     * Answers `documentsExporting` from the block names of a whole workspace (name → document
     * URIs in the workspace's order) when only part of it is loaded at a time, so that names
     * collide across the parts as they would with everything loaded; undefined goes back to
     * the names of the loaded documents.
     */
    useWorkspaceExports(exports: ReadonlyMap<string, readonly string[]> | undefined): void {
        this.workspaceExports = exports;
    }

    exportedNames(uri: string): string[] {
        return this.exportsOf(uri).map(e => e.name);
    }

    /** A document's exports, in Langium's order (`allElements` of one document, without its streams). */
    exportsOf(uri: string): readonly AstNodeDescription[] {
        return this.symbolIndex.get(uri) ?? [];
    }

    private forgetNames(uri: string): void {
        this.exportsByName.delete(uri);
        for (const name of this.exportedNames(uri)) {
            const uris = this.exporters.get(name);
            uris?.delete(uri);
            if (uris?.size === 0) this.exporters.delete(name);
        }
    }

    private forgetReferences(uri: string): void {
        for (const target of this.referenced.get(uri) ?? []) {
            const sources = this.referencing.get(target);
            sources?.delete(uri);
            if (sources?.size === 0) this.referencing.delete(target);
        }
        this.referenced.delete(uri);
    }
}
