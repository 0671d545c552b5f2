import { DefaultServiceRegistry, UriUtils, type LangiumCoreServices, type URI } from 'langium';

/**
 * Langium's registry, which finds a document's language by its open text document first: it
 * normalizes the URI (parsing and formatting it again) on every call, several per document and
 * build phase (2 % of a cold lint). With one language registered, a file its extension or name
 * belongs to gets that language whatever the text document says; any other file is asked as
 * Langium asks, with Langium's errors.
 */
export class KpiServiceRegistry extends DefaultServiceRegistry {
    override getServices(uri: URI): LangiumCoreServices {
        if (this.languageIdMap.size === 1) {
            const byFile = this.fileNameMap.get(UriUtils.basename(uri)) ?? this.fileExtensionMap.get(UriUtils.extname(uri));
            if (byFile) return byFile;
        }
        return super.getServices(uri);
    }
}
