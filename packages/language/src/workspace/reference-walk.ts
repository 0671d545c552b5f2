import { AstUtils, Cancellation, interruptAndCheck, type AstNode, type AstReflection, type ReferenceInfo } from 'langium';
import { pushChildren } from '../model/ast-walk.js';

/** Nodes visited between two chances for the server to answer a request or see a cancellation. */
const NODES_PER_INTERRUPTION = 500;

/**
 * Every reference of a tree in document order, as Langium's linker and reference index find
 * them (`streamAst`, then `streamReferences` of each node), without awaiting an interruption
 * check at every node or streaming the properties of nodes that cannot refer: that walk cost
 * more than the linking and the descriptions themselves (over a second of CPU time in a cold
 * `kpispec lint` of 4,000 files).
 */
export class ReferenceWalk {
    /** Whether nodes of a type can hold a reference, by type. */
    private readonly referring = new Map<string, boolean>();

    constructor(private readonly reflection: AstReflection) {}

    async forEach(root: AstNode, visit: (info: ReferenceInfo) => void, cancelToken = Cancellation.CancellationToken.None): Promise<void> {
        const stack: AstNode[] = [root];
        let visited = 0;
        while (stack.length > 0) {
            const node = stack.pop()!;
            if (++visited % NODES_PER_INTERRUPTION === 0) await interruptAndCheck(cancelToken);
            if (this.canRefer(node.$type)) for (const info of AstUtils.streamReferences(node)) visit(info);
            pushChildren(node, stack);
        }
    }

    private canRefer(type: string): boolean {
        let refers = this.referring.get(type);
        if (refers === undefined) {
            refers = Object.values(this.reflection.getTypeMetaData(type).properties).some(p => p.referenceType !== undefined);
            this.referring.set(type, refers);
        }
        return refers;
    }
}
