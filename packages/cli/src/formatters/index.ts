import type { FileResult, ReportContext } from '../results.js';
import { formatGithub } from './github.js';
import { formatJson } from './json.js';
import { formatJunit } from './junit.js';
import { formatSarif } from './sarif.js';
import { formatStylish } from './stylish.js';

export type ReportFormatter = (results: readonly FileResult[], context: ReportContext) => string;

/** `kpispec lint -f <name>`. */
export const LINT_FORMATS: Readonly<Record<string, ReportFormatter>> = {
    stylish: formatStylish,
    json: formatJson,
    sarif: formatSarif,
    github: formatGithub,
    junit: formatJunit,
};
