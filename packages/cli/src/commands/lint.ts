import type { Locale } from '@kpispec/language';
import { ExitCode, UserError } from '../exit-codes.js';
import { formatJson } from '../formatters/json.js';
import { formatStylish } from '../formatters/stylish.js';
import { fileResult } from '../results.js';
import { findKpiFiles, loadWorkspace } from '../workspace.js';

export interface LintOptions {
    paths: string[];
    format: string;
    locale: Locale;
}

export async function lint(options: LintOptions): Promise<number> {
    const files = await findKpiFiles(options.paths.length ? options.paths : ['.']);
    const { documents } = await loadWorkspace(files, options.locale);
    const results = documents.map(fileResult);
    let out: string;
    switch (options.format) {
        case 'json': out = formatJson(results); break;
        case 'stylish': out = formatStylish(results, Boolean(process.stdout.isTTY)); break;
        default: throw new UserError(`unknown format '${options.format}' (use stylish or json)`);
    }
    process.stdout.write(out);
    return results.some(r => r.errorCount > 0) ? ExitCode.Problems : ExitCode.Clean;
}
