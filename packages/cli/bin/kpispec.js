#!/usr/bin/env node
import { restartWithNodeArgs } from '@kpispec/language/node-args';

restartWithNodeArgs();
const { main } = await import('../dist/main.js');
process.exitCode = await main(process.argv.slice(2));
