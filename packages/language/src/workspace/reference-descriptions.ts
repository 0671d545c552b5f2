import {
    AstUtils, Cancellation, DefaultReferenceDescriptionProvider, interruptAndCheck,
    type AstNode, type AstReflection, type LangiumCoreServices, type LangiumDocument, type ReferenceDescription,
} from 'langium';
import { pushChildren } from '../model/ast-walk.js';

/** Nodes described between two chances for the server to answer a request or see a cancellation. */
const NODES_PER_INTERRUPTION = 500;

/**
 * Langium's reference descriptions (its reference index: find references, rename), made as
 * Langium makes them, reference by reference, but without awaiting an interruption check and
 * streaming the properties of every node: that walk cost several times the descriptions
 * themselves (a second of CPU time in a cold `kpispec lint` of 4,000 files).
 */
export class KpiReferenceDescriptionProvider extends DefaultReferenceDescriptionProvider {
    private readonly reflection: AstReflection;
    /** Whether nodes of a type can hold a reference, by type. */
    private readonly referring = new Map<string, boolean>();

    constructor(services: LangiumCoreServices) {
        super(services);
        this.reflection = services.shared.AstReflection;
    }

    override async createDescriptions(document: LangiumDocument, cancelToken = Cancellation.CancellationToken.None): Promise<ReferenceDescription[]> {
        const descriptions: ReferenceDescription[] = [];
        const stack: AstNode[] = [document.parseResult.value];
        let visited = 0;
        while (stack.length > 0) {
            const node = stack.pop()!;
            if (++visited % NODES_PER_INTERRUPTION === 0) await interruptAndCheck(cancelToken);
            if (this.canRefer(node.$type)) {
                for (const info of AstUtils.streamReferences(node)) {
                    for (const description of this.createInfoDescriptions(info)) descriptions.push(description);
                }
            }
            pushChildren(node, stack);
        }
        return descriptions;
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
