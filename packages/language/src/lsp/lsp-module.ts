import type { Module } from 'langium';
import type { LangiumSharedServices, PartialLangiumServices, PartialLangiumSharedServices } from 'langium/lsp';
import type { KpiServices } from '../kpi-module.js';
import { KpiFormatter } from './formatter.js';
import { KpiWorkspaceManager } from './workspace-manager.js';

/** Editor features (any LSP client): one provider per LSP feature, registered here. */
export const KpiLspModule: Module<KpiServices, PartialLangiumServices> = {
    lsp: {
        Formatter: () => new KpiFormatter(),
    },
};

export const KpiSharedLspModule: Module<LangiumSharedServices, PartialLangiumSharedServices> = {
    workspace: {
        WorkspaceManager: (services) => new KpiWorkspaceManager(services),
    },
};
