#!/usr/bin/env node
import { restartWithNodeArgs } from '@kpispec/language/node-args';

restartWithNodeArgs();
(await import("node:module")).enableCompileCache?.();
// The bundle `npm run build` makes of dist/ (packages/cli/esbuild.mjs): one file loads faster than the modules.
const { main } = await import('../bundle/kpispec.js');
process.exitCode = await main(process.argv.slice(2));
