import {
    AstUtils, Cancellation, CstUtils, DefaultReferenceDescriptionProvider, isReference, UriUtils,
    type AstNode, type AstNodeDescription, type AstNodeLocator, type CstNode, type DocumentSegment,
    type LangiumCoreServices, type LangiumDocument, type ReferenceDescription, type ReferenceInfo, type URI,
} from 'langium';
import { ReferenceWalk } from './reference-walk.js';

/**
 * Langium's reference descriptions (its reference index: find references, rename), one per
 * resolved reference as Langium makes them, found by a ReferenceWalk. Their source path and
 * text segment are worked out when asked: the server describes every reference of every file it
 * relinks (11,000 after an edit of a standard every project applies), and Langium built a path
 * string and a segment with its range for each, long-lived garbage that only find references and
 * rename read.
 */
export class KpiReferenceDescriptionProvider extends DefaultReferenceDescriptionProvider {
    private readonly walk: ReferenceWalk;

    constructor(services: LangiumCoreServices) {
        super(services);
        this.walk = new ReferenceWalk(services.shared.AstReflection);
    }

    override async createDescriptions(document: LangiumDocument, cancelToken = Cancellation.CancellationToken.None): Promise<ReferenceDescription[]> {
        const descriptions: ReferenceDescription[] = [];
        await this.walk.forEach(document.parseResult.value, info => this.describe(info, document.uri, descriptions), cancelToken);
        return descriptions;
    }

    protected override createInfoDescriptions(info: ReferenceInfo): ReferenceDescription[] {
        const descriptions: ReferenceDescription[] = [];
        this.describe(info, AstUtils.getDocument(info.container).uri, descriptions);
        return descriptions;
    }

    /** Langium's descriptions of a reference: none when unresolved, else one per target it resolved to. */
    private describe(info: ReferenceInfo, sourceUri: URI, into: ReferenceDescription[]): void {
        const reference = info.reference;
        const refNode = reference.$refNode;
        if (reference.error || !refNode) return;
        if (isReference(reference)) {
            if (reference.$nodeDescription) into.push(new LinkDescription(info.container, refNode, sourceUri, reference.$nodeDescription, this.nodeLocator));
            return;
        }
        for (const item of reference.items) {
            if (item.$nodeDescription) into.push(new LinkDescription(info.container, refNode, sourceUri, item.$nodeDescription, this.nodeLocator));
        }
    }
}

/** A reference description that holds the nodes it describes (alive with their document anyway). */
class LinkDescription implements ReferenceDescription {
    readonly local: boolean;
    private path?: string;
    private textSegment?: DocumentSegment;

    constructor(
        private readonly container: AstNode,
        private readonly refNode: CstNode,
        readonly sourceUri: URI,
        private readonly target: AstNodeDescription,
        private readonly locator: AstNodeLocator,
    ) {
        this.local = UriUtils.equals(target.documentUri, sourceUri);
    }

    get targetUri(): URI {
        return this.target.documentUri;
    }

    get targetPath(): string {
        return this.target.path;
    }

    get sourcePath(): string {
        return (this.path ??= this.locator.getAstNodePath(this.container));
    }

    get segment(): DocumentSegment {
        return (this.textSegment ??= CstUtils.toDocumentSegment(this.refNode));
    }
}
