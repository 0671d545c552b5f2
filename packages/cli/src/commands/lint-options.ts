import type { ParseArgsConfig } from 'node:util';

/**
 * `kpispec lint`'s options, for node's parseArgs. Apart from the command, which loads the whole
 * program, so that `kpispec`'s bin can read a command line before anything loads (validates-little.ts).
 */
export const LINT_OPTIONS = {
    format: { type: 'string', short: 'f', multiple: true },
    'output-file': { type: 'string', short: 'o', multiple: true },
    'max-warnings': { type: 'string' },
    quiet: { type: 'boolean' },
    locale: { type: 'string' },
    config: { type: 'string', short: 'c' },
    'no-inline-config': { type: 'boolean' },
    'docs-base-url': { type: 'string' },
    concurrency: { type: 'string' },
    shard: { type: 'string' },
    cache: { type: 'boolean' },
    'cache-location': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsConfig['options'];
