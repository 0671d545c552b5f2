import { createKpiServices } from '@kpispec/language';
import { CliFileSystem } from './file-system.js';
import { withDocumentLinksOnly } from './workspace.js';

/**
 * The language services with the editor's, for the commands that use its formatter (`format`,
 * and `import`, which lines up the tables it writes). Imported when one of them runs: the LSP
 * layer is a chunk of its own, which the other commands never load.
 */
export function createEditorServices(): ReturnType<typeof createKpiServices> {
    return withDocumentLinksOnly(createKpiServices(CliFileSystem));
}

/** A workbook form's .kpi text, lined up by the formatter. */
export { importedText } from '@kpispec/language';
