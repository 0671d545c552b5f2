import {
    Cancellation, DefaultDocumentBuilder, DocumentState, interruptAndCheck, URI,
    type AstNode, type BuildOptions, type LangiumDocument, type LangiumSharedCoreServices,
} from 'langium';
import { blocksChanged } from '../model/block-generations.js';
import { checksReach } from '../validation/reach.js';
import { KPI_EXTENSION, linksOf } from './discovery.js';
import type { KpiLangiumDocuments } from './documents.js';
import type { KpiIndexManager } from './index-manager.js';

/**
 * Decides what an edit rebuilds, so that a keystroke costs what it affects, not the workspace:
 * - documents that reference a changed document are relinked (Langium's rule);
 * - documents that reach it only through others (an assessment, when its project's contract
 *   changes) keep their links and are only re-validated, when their checks read that far
 *   (validation/reach.ts: a contract does not read the standards its project applies);
 * - documents with unresolved references are relinked only when a changed document now
 *   exports a name they look for (Langium relinks every one of them on every keystroke);
 * - top-level names are global, so two files can collide without referencing each other:
 *   files that share a name with a changed file (before or after the change) are
 *   re-validated, so `name/duplicate` appears and disappears in both files.
 * Neither what to relink nor what to rebuild is found by asking every document of the
 * workspace, as Langium does (2.5 ms of each keystroke at 1,000 projects): see `owedBuilds`.
 */
export class KpiDocumentBuilder extends DefaultDocumentBuilder {
    /** Unresolved reference texts per document, as of its last linking. */
    private readonly unresolved = new Map<string, Set<string>>();
    /**
     * What an update cancelled before its build ended leaves to the next: the documents it
     * touched and the names they exported before, whose concerns (below) the next one finds.
     * A write queued during the build cancels it: the workbooks' sheets written again once the
     * .kpi files are parsed (KpiDocumentUpdateHandler.followProjects), or the next keystroke.
     */
    private leftOver?: { touched: Set<string>; names: Set<string> };

    constructor(services: LangiumSharedCoreServices) {
        super(services);
        this.onDocumentPhase(DocumentState.Linked, document => this.recordUnresolved(document));
        // The blocks a document holds now; `update` counts those it held before. Indexing, not
        // parsing: a document made from a string and then built is parsed before any build.
        this.onDocumentPhase(DocumentState.IndexedContent, document => blocksChanged(document.parseResult.value));
    }

    /**
     * Langium's, and a .kpi link that leads nowhere, which Langium, failing to stat it, passes
     * over: it is a file that cannot be read, as the workspace's search keeps one found at the
     * start (keepBrokenLinks), and one made later gets the same finding.
     */
    protected override async findChangedUris(changed: URI): Promise<URI[]> {
        const found = await super.findChangedUris(changed);
        if (found.length > 0 || !changed.path.endsWith(KPI_EXTENSION) || !(await linksOf(this.fileSystemProvider)?.isBrokenLink?.(changed))) return found;
        return this.workspaceManager().shouldIncludeEntry({ uri: changed, isFile: true, isDirectory: false }) ? [changed] : [];
    }

    private get index(): KpiIndexManager {
        return this.indexManager as KpiIndexManager;
    }

    private get documents(): KpiLangiumDocuments {
        return this.langiumDocuments as KpiLangiumDocuments;
    }

    /**
     * Langium's update, with the documents that reach a changed one only through others
     * re-validated, and then the documents its edit concerns without referencing it: those whose
     * unresolved names it now exports, and those sharing a top-level name with it.
     */
    override async update(changed: URI[], deleted: URI[], cancelToken: Cancellation.CancellationToken = Cancellation.CancellationToken.None): Promise<void> {
        const touched = this.expand([...changed, ...deleted]);
        for (const uri of touched) blocksChanged(this.documents.getDocumentAt(uri)?.parseResult.value);
        const names = new Set([...touched].flatMap(uri => this.index.exportedNames(uri)));
        // Langium's update rebuilds every document below Validated: reset here, before it
        // starts, the dependents join that rebuild, keeping their links. Those that reference
        // a changed document are reset further (to be relinked) by Langium's update itself.
        for (const doc of this.documentsAt(this.index.dependentsOf(touched, uri => this.reachOf(uri)))) {
            if (doc.state > DocumentState.IndexedReferences) this.resetToState(doc, DocumentState.IndexedReferences);
        }
        for (const uri of this.leftOver?.touched ?? []) touched.add(uri);
        for (const name of this.leftOver?.names ?? []) names.add(name);
        this.leftOver = { touched, names };
        await this.updateChanged(changed, deleted, cancelToken);
        this.leftOver = undefined;
        // Deleted documents (a deleted folder stands for those under it) look for nothing any more.
        for (const uri of touched) if (!this.langiumDocuments.hasDocument(URI.parse(uri))) this.unresolved.delete(uri);
        const exported = new Set([...touched].flatMap(uri => this.index.exportedNames(uri)));
        const resolvable = [...this.unresolved]
            .filter(([uri, texts]) => !touched.has(uri) && [...texts].some(text => exported.has(text)))
            .map(([uri]) => uri);
        for (const name of exported) names.add(name);
        const collisions = this.index.documentsExporting(names, touched);
        // Newly resolved links change what the documents depending on them see, too.
        const dependents = this.index.dependentsOf(resolvable);
        const rebuild = this.documentsAt(new Set([...resolvable, ...collisions, ...dependents]));
        for (const doc of this.documentsAt(resolvable)) this.resetToState(doc, DocumentState.ComputedScopes);
        if (rebuild.length > 0) await this.build(rebuild, { validation: true }, cancelToken);
    }

    /**
     * Langium's update: the changed documents are reset to be parsed again, the documents that
     * reference a changed or deleted one to be linked again, and every document whose build is
     * owed is built.
     */
    private async updateChanged(changed: URI[], deleted: URI[], cancelToken: Cancellation.CancellationToken): Promise<void> {
        this.currentState = DocumentState.Changed;
        const deletedUris: URI[] = [];
        for (const uri of deleted) {
            // A folder stands for the documents under it.
            for (const document of this.langiumDocuments.deleteDocuments(uri)) {
                deletedUris.push(document.uri);
                this.cleanUpDeleted(document);
            }
        }
        const changedUris = (await Promise.all(changed.map(uri => this.findChangedUris(uri)))).flat();
        for (const uri of changedUris) {
            let document = this.langiumDocuments.getDocument(uri);
            if (!document) {
                // Parsed by the build, so that the parse can be cancelled, as in Langium.
                document = this.langiumDocumentFactory.fromModel<AstNode>({ $type: 'INVALID' }, uri);
                document.state = DocumentState.Changed;
                this.langiumDocuments.addDocument(document);
            }
            this.resetToState(document, DocumentState.Changed);
        }
        const changedKeys = new Set([...changedUris, ...deletedUris].map(uri => uri.toString()));
        for (const document of this.documentsAt(this.index.referencersOf(changedKeys))) {
            if (!changedKeys.has(document.uri.toString())) this.resetToState(document, DocumentState.ComputedScopes);
        }
        await this.emitUpdate(changedUris, deletedUris);
        // Cancellable only once every state above has changed.
        await interruptAndCheck(cancelToken);
        await this.buildDocuments(this.sortDocuments(this.owedBuilds()), this.updateBuildOptions, cancelToken);
    }

    /** Documents that may owe a build: reset or built since an update last asked them (see `owedBuilds`). */
    private readonly owed = new Set<string>();
    /** The list of all documents (and the update options) when each of them was last asked whether it owes a build. */
    private asked?: { documents: readonly LangiumDocument[]; options: BuildOptions; positions: Map<LangiumDocument, number> };

    /**
     * The documents an update builds, in Langium's order: those that pass Langium's test
     * (`owesBuild`), asked only of the documents reset or in a build since the last update
     * (a build may be cancelled, or run fewer validation categories than updates do). Every
     * document is asked again once documents are added or removed, or the options change: a
     * document added and not built (Langium's LSP adds one for a request about an unknown
     * file) is built by the next update, as in Langium.
     */
    private owedBuilds(): LangiumDocument[] {
        const all = this.documents.allDocuments();
        if (this.asked?.documents !== all || this.asked.options !== this.updateBuildOptions) {
            this.asked = { documents: all, options: this.updateBuildOptions, positions: new Map(all.map((document, i) => [document, i])) };
            for (const document of all) if (this.owesBuild(document)) this.owed.add(document.uri.toString());
        }
        const owed: LangiumDocument[] = [];
        for (const uri of this.owed) {
            const document = this.documents.getDocumentAt(uri);
            if (document && this.owesBuild(document)) owed.push(document);
            else this.owed.delete(uri);
        }
        const { positions } = this.asked;
        return owed.sort((a, b) => (positions.get(a) ?? Infinity) - (positions.get(b) ?? Infinity));
    }

    /** Langium's test of the documents an update builds. */
    private owesBuild(document: LangiumDocument): boolean {
        return document.state < DocumentState.Validated
            // A build that was cancelled.
            || !this.buildState.get(document.uri.toString())?.completed
            // A build with fewer validation categories than updates run.
            || this.resultsAreIncomplete(document, this.updateBuildOptions);
    }

    override resetToState<T extends AstNode>(document: LangiumDocument<T>, state: DocumentState): void {
        super.resetToState(document, state);
        if (state < DocumentState.Validated) this.owed.add(document.uri.toString());
    }

    protected override prepareBuild(documents: LangiumDocument[], options: BuildOptions): void {
        super.prepareBuild(documents, options);
        for (const document of documents) this.owed.add(document.uri.toString());
    }

    protected override cleanUpDeleted<T extends AstNode>(document: LangiumDocument<T>): void {
        super.cleanUpDeleted(document);
        this.owed.delete(document.uri.toString());
    }

    /** resultsAreIncomplete's last answer per list of executed validation categories, with the options it was for. */
    private readonly incompleteness = new WeakMap<readonly string[], { options: BuildOptions | undefined; incomplete: boolean }>();

    /**
     * Langium asks, for every document of the workspace at every edit, which validation
     * categories its last build missed, building a set and a stream each time (3 ms of each
     * keystroke at 1,000 projects). The answer stays the same until the document is validated
     * again, which gives it a new list of executed categories, or the options change.
     */
    protected override resultsAreIncomplete(document: LangiumDocument, options: BuildOptions | undefined): boolean {
        const executed = this.buildState.get(document.uri.toString())?.result?.validationChecks;
        if (!executed) return super.resultsAreIncomplete(document, options);
        const last = this.incompleteness.get(executed);
        if (last && last.options === options) return last.incomplete;
        const incomplete = super.resultsAreIncomplete(document, options);
        this.incompleteness.set(executed, { options, incomplete });
        return incomplete;
    }

    /** How many references away a document's checks read; see validation/reach.ts. */
    private reachOf(uri: string): number {
        const root = this.documents.getDocumentAt(uri)?.parseResult.value;
        return root ? checksReach(root) : Infinity;
    }

    private documentsAt(uris: Iterable<string>): LangiumDocument[] {
        return [...uris]
            .map(uri => this.documents.getDocumentAt(uri))
            .filter((doc): doc is LangiumDocument => doc !== undefined);
    }

    /** Changed or deleted URIs as document URIs: a folder stands for the documents under it. */
    private expand(uris: URI[]): Set<string> {
        const result = new Set<string>();
        for (const uri of uris) {
            const key = uri.toString();
            if (this.langiumDocuments.hasDocument(uri)) {
                result.add(key);
                continue;
            }
            const folder = key.endsWith('/') ? key : `${key}/`;
            for (const doc of this.langiumDocuments.all) {
                const docKey = doc.uri.toString();
                if (docKey.startsWith(folder)) result.add(docKey);
            }
            result.add(key);
        }
        return result;
    }

    private recordUnresolved(document: LangiumDocument): void {
        const texts = new Set<string>();
        for (const ref of document.references) {
            // Qualified names are exported without spaces (`合同.条款`), whatever the source spacing.
            if (ref.error) texts.add(ref.$refText.replace(/\s+/g, ''));
        }
        const uri = document.uri.toString();
        if (texts.size > 0) this.unresolved.set(uri, texts);
        else this.unresolved.delete(uri);
    }
}
