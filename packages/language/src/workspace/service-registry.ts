import { DefaultServiceRegistry, type LangiumCoreServices, type URI } from 'langium';

/**
 * Langium's registry, which finds a document's language by its open text document first: it
 * normalizes the URI (parsing and formatting it again) on every call, several per document and
 * build phase (2 % of a cold lint). With one language registered every file is that language's,
 * whatever its name: `kpispec lint notes.txt` reads the file named as KPI Spec, where Langium's
 * registry threw for the unknown extension.
 */
export class KpiServiceRegistry extends DefaultServiceRegistry {
    override getServices(uri: URI): LangiumCoreServices {
        if (this.languageIdMap.size === 1) return this.languageIdMap.values().next().value!;
        return super.getServices(uri);
    }
}
