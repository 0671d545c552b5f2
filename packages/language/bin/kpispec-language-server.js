#!/usr/bin/env node
// KPI Spec language server for any LSP client: `kpispec-language-server --stdio`.
import { startServer } from '../dist/server/main.js';

startServer();
