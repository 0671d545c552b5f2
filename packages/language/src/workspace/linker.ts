import { Cancellation, DefaultLinker, type LangiumCoreServices, type LangiumDocument } from 'langium';
import { ReferenceWalk } from './reference-walk.js';

/** Langium's linker, linking each reference where a ReferenceWalk finds it (Langium's order). */
export class KpiLinker extends DefaultLinker {
    private readonly walk: ReferenceWalk;

    constructor(services: LangiumCoreServices) {
        super(services);
        this.walk = new ReferenceWalk(services.shared.AstReflection);
    }

    override async link(document: LangiumDocument, cancelToken = Cancellation.CancellationToken.None): Promise<void> {
        // Langium's profiler times each reference kind in its own walk.
        if (this.profiler?.isActive('linking')) return super.link(document, cancelToken);
        await this.walk.forEach(document.parseResult.value, info => this.doLink(info, document), cancelToken);
    }
}
