import { Cancellation, DefaultLinker, type LangiumCoreServices, type LangiumDocument } from 'langium';
import { linksChanged } from '../model/link-generation.js';
import { ReferenceWalk } from './reference-walk.js';

/**
 * Langium's linker, linking each reference where a ReferenceWalk finds it (Langium's order), and
 * counting each document it links or unlinks (see link-generation.ts).
 */
export class KpiLinker extends DefaultLinker {
    private readonly walk: ReferenceWalk;

    constructor(services: LangiumCoreServices) {
        super(services);
        this.walk = new ReferenceWalk(services.shared.AstReflection);
    }

    override async link(document: LangiumDocument, cancelToken = Cancellation.CancellationToken.None): Promise<void> {
        linksChanged(document);
        try {
            // Langium's profiler times each reference kind in its own walk.
            if (this.profiler?.isActive('linking')) return await super.link(document, cancelToken);
            await this.walk.forEach(document.parseResult.value, info => this.doLink(info, document), cancelToken);
        } finally {
            // Also after: a reference read before its document's scopes were ready resolves now.
            linksChanged(document);
        }
    }

    override unlink(document: LangiumDocument): void {
        linksChanged(document);
        super.unlink(document);
    }
}
