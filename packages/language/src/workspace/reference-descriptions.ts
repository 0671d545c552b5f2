import {
    Cancellation, DefaultReferenceDescriptionProvider,
    type LangiumCoreServices, type LangiumDocument, type ReferenceDescription,
} from 'langium';
import { ReferenceWalk } from './reference-walk.js';

/**
 * Langium's reference descriptions (its reference index: find references, rename), made as
 * Langium makes them, reference by reference, found by a ReferenceWalk.
 */
export class KpiReferenceDescriptionProvider extends DefaultReferenceDescriptionProvider {
    private readonly walk: ReferenceWalk;

    constructor(services: LangiumCoreServices) {
        super(services);
        this.walk = new ReferenceWalk(services.shared.AstReflection);
    }

    override async createDescriptions(document: LangiumDocument, cancelToken = Cancellation.CancellationToken.None): Promise<ReferenceDescription[]> {
        const descriptions: ReferenceDescription[] = [];
        await this.walk.forEach(document.parseResult.value, info => {
            for (const description of this.createInfoDescriptions(info)) descriptions.push(description);
        }, cancelToken);
        return descriptions;
    }
}
