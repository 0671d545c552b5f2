import { readFileSync } from 'node:fs';

/** The CLI's own package (`dist/version.js` → `../package.json`). */
const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };

export const CLI_VERSION = pkg.version;
