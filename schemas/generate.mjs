// Writes kpispec.schema.json from the language package's configSchema() (run after a build):
//   node schemas/generate.mjs
// test/cli/schema.test.ts fails when the committed file and the rule catalog drift apart.
import { writeFileSync } from 'node:fs';
import { configSchema } from '../packages/language/dist/index.js';

writeFileSync(new URL('./kpispec.schema.json', import.meta.url), JSON.stringify(configSchema(), null, 2) + '\n');
