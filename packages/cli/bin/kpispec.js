#!/usr/bin/env node
// First, so that an older node stops with one line. A named import of an API it lacks would fail
// before any module runs, hence `module.enableCompileCache` below.
import '../dist/required-node.js';
import module from 'node:module';
import { keepYoungGenerationSmall, restartWithNodeArgs } from '@kpispec/language/node-args';
import { validatesLittle } from '../dist/validates-little.js';

const args = process.argv.slice(2);
// A run that validates little would spend more on the restart than the restart saves it.
if (validatesLittle(args, process.cwd())) keepYoungGenerationSmall();
else restartWithNodeArgs();
// V8's compiled code of the bundle is kept between runs (in the system's temporary folder).
module.enableCompileCache();
// The bundle `npm run build` makes of dist/ (packages/cli/esbuild.mjs): one file loads faster than ~300 modules.
const { main } = await import('../bundle/kpispec.js');
// A reader that stops early (`kpispec lint . | head`, `2>&1 | head`) closes the pipe: the rest of
// the report has nowhere to go, and the run ends with its own exit code instead of a stack trace.
for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', error => {
        if (error.code !== 'EPIPE') throw error;
    });
}
process.exitCode = await main(args);
