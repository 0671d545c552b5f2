import { URI } from 'langium';
import { WORKSPACE_EXTENSIONS } from '../../packages/cli/src/excel/workbook-documents.js';
import { workbookResults } from '../../packages/cli/src/excel/workbook-results.js';
import { findKpiFiles } from '../../packages/cli/src/files.js';
import { formatJson } from '../../packages/cli/src/formatters/json.js';
import { useConfigFile, useLocale } from '../../packages/cli/src/options.js';
import { documentResult } from '../../packages/cli/src/results.js';
import { createServices, validateWithWorkbooks } from '../../packages/cli/src/workspace.js';
import { REPO } from './run-cli.js';

/**
 * `lint -f json` of a folder as one workspace validated at once, in the environment `env`: what
 * lint's units, threads, shards and cache must reproduce byte for byte.
 */
export async function lintAtOnce(folder: string, env: Record<string, string>): Promise<string> {
    const { shared, kpi } = createServices();
    const configuration = kpi.kpi.Configuration;
    useConfigFile(configuration, undefined, REPO);
    useLocale(kpi.kpi.Settings, undefined, env);
    const files = await findKpiFiles([folder], { configuration, fileSystem: shared.workspace.FileSystemProvider, cwd: REPO }, WORKSPACE_EXTENSIONS);
    await configuration.load(files.map(f => URI.file(f)), shared.workspace.FileSystemProvider);
    const { documents, sheets } = await validateWithWorkbooks({ shared, kpi }, files);
    const results = [
        ...documents.map(d => documentResult(d)),
        ...workbookResults(sheets, s => configuration.get(s.document.uri), s => kpi.kpi.Settings.localeOf(s.document)),
    ].sort((a, b) => (a.filePath < b.filePath ? -1 : 1));
    return formatJson(results);
}
