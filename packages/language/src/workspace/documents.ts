import { DefaultLangiumDocuments, UriTrie, type LangiumDocument, type URI } from 'langium';

/**
 * Langium's trie of documents keeps the folders of deleted documents. `kpispec lint` adds and
 * removes each unit's documents in turn, so every listing of the documents (several per build)
 * walked the empty folders of all the units before it: quadratic in the number of units. This
 * trie removes a folder with its last document, and lists without spreading arrays into calls
 * (a folder may hold hundreds of thousands of files). The list of all documents is kept until
 * a document is added or removed: Langium lists them several times per keystroke in the editor
 * (a walk of 5,000 nodes for a province's workspace each time).
 */
/** A node of Langium's trie (its type is not exported). */
interface TrieNode<T> {
    name: string;
    children: Map<string, TrieNode<T>>;
    parent?: TrieNode<T>;
    element?: T;
}

export class DocumentTrie<T> extends UriTrie<T> {
    private everything?: readonly T[];
    /**
     * The elements by URI as the trie writes it. Langium's trie parses a URI again at every
     * lookup (`UriUtils.normalize`): 4 µs each, and an edit of a standard looks up its 4,000
     * dependents. Every lookup is answered here, the trie walked only to add, remove and list.
     */
    private readonly byUri = new Map<string, T>();
    /**
     * Each URI as the trie writes it, by URI as given: a document added and removed again (each
     * unit `kpispec lint` validates) is looked up, inserted and deleted, a normalisation each.
     */
    private readonly normalized = new Map<string, string>();

    /** Every element, in Langium's order; callers only read it. */
    override all(): T[] {
        return (this.everything ??= super.all()) as T[];
    }

    override find(uri: URI | string): T | undefined {
        return this.byUri.get(this.normalizeUri(uri));
    }

    override has(uri: URI | string): boolean {
        return this.find(uri) !== undefined;
    }

    override insert(uri: URI | string, element: T): void {
        this.everything = undefined;
        // As Langium's insert, normalising the URI once (it is parsed again to normalise it).
        const key = this.normalizeUri(uri);
        this.getNode(key, true).element = element;
        this.byUri.set(key, element);
    }

    override clear(): void {
        this.everything = undefined;
        this.byUri.clear();
        super.clear();
    }

    override delete(uri: URI | string): void {
        this.everything = undefined;
        const key = this.normalizeUri(uri);
        let node: TrieNode<T> | undefined = this.getNode(key, false);
        this.byUri.delete(key);
        // A folder goes with everything under it.
        if (node && node.children.size > 0) {
            const folder = key.endsWith('/') ? key : `${key}/`;
            for (const known of this.byUri.keys()) if (known.startsWith(folder)) this.byUri.delete(known);
        }
        while (node?.parent) {
            const parent = node.parent;
            parent.children.delete(node.name);
            if (parent.element !== undefined || parent.children.size > 0) return;
            node = parent;
        }
    }

    protected override normalizeUri(uri: URI | string): string {
        const given = typeof uri === 'string' ? uri : uri.toString();
        let written = this.normalized.get(given);
        if (written === undefined) this.normalized.set(given, written = super.normalizeUri(given));
        return written;
    }

    /** Langium's order: a node's element, then its children's, depth first in insertion order. */
    protected override collectValues(node: TrieNode<T>): T[] {
        const result: T[] = [];
        const stack = [node];
        for (let at = stack.pop(); at; at = stack.pop()) {
            if (at.element !== undefined) result.push(at.element);
            const children = [...at.children.values()];
            for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
        }
        return result;
    }
}

/** Langium's documents, held in a DocumentTrie. */
export class KpiLangiumDocuments extends DefaultLangiumDocuments {
    protected override readonly documentTrie = new DocumentTrie<LangiumDocument>();

    /**
     * Every document, in Langium's order: the same array until a document is added or removed
     * (see DocumentTrie.all).
     */
    allDocuments(): readonly LangiumDocument[] {
        return this.documentTrie.all();
    }

    /** The document at a URI already in string form (as `URI.toString()` writes it). */
    getDocumentAt(uri: string): LangiumDocument | undefined {
        return this.documentTrie.find(uri);
    }
}
