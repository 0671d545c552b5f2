import type { Module } from 'langium';
import type { LangiumSharedServices, PartialLangiumServices, PartialLangiumSharedServices } from 'langium/lsp';
import type { KpiServices } from '../kpi-module.js';
import { KpiCodeActionProvider } from './code-action-provider.js';
import { KpiCodeLensProvider } from './code-lens-provider.js';
import { KpiCompletionProvider } from './completion-provider.js';
import { KpiConfigurationProvider } from './configuration-provider.js';
import { KpiDocumentSymbolProvider } from './document-symbol-provider.js';
import { KpiDocumentUpdateHandler } from './document-update-handler.js';
import { KpiFoldingRangeProvider } from './folding-range-provider.js';
import { KpiFormatter } from './formatter.js';
import { KpiHoverProvider } from './hover-provider.js';
import { KpiInlayHintProvider } from './inlay-hint-provider.js';
import { KpiNodeKindProvider } from './node-kind-provider.js';
import { KpiReferences } from './qualified-references.js';
import { KpiRenameProvider } from './rename-provider.js';
import { KpiSemanticTokenProvider } from './semantic-token-provider.js';
import { KpiDocumentFactory } from './sheet-document-factory.js';
import { KpiWorkspaceManager } from './workspace-manager.js';
import { KpiWorkspaceSymbolProvider } from './workspace-symbol-provider.js';

/** Editor features (any LSP client): one provider per LSP feature, registered here. */
export const KpiLspModule: Module<KpiServices, PartialLangiumServices> = {
    references: {
        References: (services) => new KpiReferences(services),
    },
    lsp: {
        Formatter: () => new KpiFormatter(),
        CodeActionProvider: (services) => new KpiCodeActionProvider(services),
        CodeLensProvider: (services) => new KpiCodeLensProvider(services),
        CompletionProvider: (services) => new KpiCompletionProvider(services),
        DocumentSymbolProvider: (services) => new KpiDocumentSymbolProvider(services),
        FoldingRangeProvider: (services) => new KpiFoldingRangeProvider(services),
        HoverProvider: (services) => new KpiHoverProvider(services),
        InlayHintProvider: (services) => new KpiInlayHintProvider(services),
        RenameProvider: (services) => new KpiRenameProvider(services),
        SemanticTokenProvider: (services) => new KpiSemanticTokenProvider(services),
    },
};

export const KpiSharedLspModule: Module<LangiumSharedServices, PartialLangiumSharedServices> = {
    lsp: {
        DocumentUpdateHandler: (services) => new KpiDocumentUpdateHandler(services),
        NodeKindProvider: () => new KpiNodeKindProvider(),
        WorkspaceSymbolProvider: (services) => new KpiWorkspaceSymbolProvider(services),
    },
    workspace: {
        ConfigurationProvider: (services) => new KpiConfigurationProvider(services),
        LangiumDocumentFactory: (services) => new KpiDocumentFactory(services),
        WorkspaceManager: (services) => new KpiWorkspaceManager(services),
    },
};
