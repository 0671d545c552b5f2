#!/usr/bin/env node
// KPI Spec language server for any LSP client: `kpispec-language-server --stdio`.
import { restartWithNodeArgs } from '../dist/node/node-args.js';

restartWithNodeArgs();
const { startServer } = await import('../dist/server/main.js');
startServer();
