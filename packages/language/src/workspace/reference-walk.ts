import {
    AstUtils, Cancellation, interruptAndCheck, isMultiReference, isReference,
    type AstNode, type AstReflection, type ReferenceInfo,
} from 'langium';
import { nodesOf } from '../model/ast-walk.js';
import { Attached } from './attached.js';

/** Nodes visited between two chances for the server to answer a request or see a cancellation. */
const NODES_PER_INTERRUPTION = 500;

/**
 * The nodes of each tree that can hold a reference, shared by every walk (a tree's nodes stay
 * as parsed: linking again only resolves the same references anew). Nodes, not their
 * references: those would hold ~10 MB more in a province's language server.
 */
const referringNodesByTree = new Attached<AstNode, AstNode[]>();

/**
 * Every reference of a tree in document order, as Langium's linker and reference index find
 * them (`streamAst`, then `streamReferences` of each node), without awaiting an interruption
 * check at every node or streaming the properties of nodes that cannot refer: that walk cost
 * more than the linking and the descriptions themselves (over a second of CPU time in a cold
 * `kpispec lint` of 4,000 files).
 *
 * The nodes of a tree that hold references are found once: the linker and the reference index
 * each ask for its references, and a file is linked again, with the same tree, whenever a file
 * it links to changes (after an edit of a standard every project applies, a thousand targets
 * files, two walks each).
 */
export class ReferenceWalk {
    /** The properties that can hold a reference, by node type. */
    private readonly referring = new Map<string, readonly string[]>();

    constructor(private readonly reflection: AstReflection) {}

    async forEach(root: AstNode, visit: (info: ReferenceInfo) => void, cancelToken = Cancellation.CancellationToken.None): Promise<void> {
        let referring = referringNodesByTree.get(root);
        if (!referring) referringNodesByTree.set(root, referring = nodesOf(root).filter(node => this.referringProperties(node.$type).length > 0));
        for (let i = 0; i < referring.length; i++) {
            if (i > 0 && i % NODES_PER_INTERRUPTION === 0) await interruptAndCheck(cancelToken);
            const node = referring[i]!;
            const properties = this.referringProperties(node.$type);
            if (properties.length === 1) visitProperty(node, properties[0]!, visit);
            // Langium's stream follows the order of the node's keys, which a metadata list may not.
            else for (const info of AstUtils.streamReferences(node)) visit(info);
        }
    }

    private referringProperties(type: string): readonly string[] {
        let properties = this.referring.get(type);
        if (properties === undefined) {
            properties = Object.values(this.reflection.getTypeMetaData(type).properties).filter(p => p.referenceType !== undefined).map(p => p.name);
            this.referring.set(type, properties);
        }
        return properties;
    }
}

/**
 * The references in one property, as `streamReferences` yields them: every kind of node has
 * one such property in KPI Spec's grammar, and a stream per node with a result object per step
 * was a fifth of linking a workspace again after an edit of a standard.
 */
function visitProperty(node: AstNode, property: string, visit: (info: ReferenceInfo) => void): void {
    const value = (node as unknown as Record<string, unknown>)[property];
    if (isReference(value) || isMultiReference(value)) visit({ reference: value, container: node, property });
    else if (Array.isArray(value)) {
        value.forEach((element: unknown, index) => {
            if (isReference(element) || isMultiReference(element)) visit({ reference: element, container: node, property, index });
        });
    }
}
