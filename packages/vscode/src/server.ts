// The language server the extension starts (bundled to dist/server.cjs): the same server as
// `kpispec-language-server --stdio`; VS Code connects over IPC.
import { startServer } from '@kpispec/language/server';

startServer();
