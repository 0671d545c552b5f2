import { readFileSync } from 'node:fs';

/** The CLI's own package (`dist/version.js` → `../package.json`). */
const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };

export const CLI_VERSION = pkg.version;

export const HOMEPAGE = 'https://github.com/kpispec/kpispec';

/** Where the rule pages (`<id>.md`) are published; `--docs-base-url` or `docsBaseUrl` in kpispec.json override it. */
export const DEFAULT_DOCS_BASE_URL = `${HOMEPAGE}/blob/main/docs/rules/`;
