import { startLanguageServer } from 'langium/lsp';
import { NodeFileSystem } from 'langium/node';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { parseLocale } from '../i18n/locale.js';
import { createKpiServices } from '../kpi-module.js';

/** The KPI Spec language server over stdio (or node-ipc when started by VS Code). */
export function startServer(): void {
    const connection = createConnection(ProposedFeatures.all);
    const { shared, kpi } = createKpiServices({ connection, ...NodeFileSystem });
    // Diagnostics follow the editor's display language.
    shared.lsp.LanguageServer.onInitialize(params => {
        kpi.kpi.Settings.locale = parseLocale(params.locale) ?? kpi.kpi.Settings.locale;
    });
    startLanguageServer(shared);
}
