#!/usr/bin/env node
// KPI Spec language server for any LSP client: `kpispec-language-server --stdio`.
import { restartWithNodeArgs, SERVER_NODE_ARGS } from '../dist/node/node-args.js';

restartWithNodeArgs(SERVER_NODE_ARGS);
const { startServer } = await import('../dist/server/main.js');
startServer();
