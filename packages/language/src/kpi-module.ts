import { inject, type LangiumSharedCoreServices, type Module } from 'langium';
import {
    createDefaultModule, createDefaultSharedModule,
    type DefaultSharedModuleContext, type LangiumServices, type LangiumSharedServices, type PartialLangiumServices,
} from 'langium/lsp';
import { KpiSpecGeneratedModule, KpiSpecGeneratedSharedModule } from './generated/module.js';
import { KpiModule, KpiSharedModule, type KpiAddedServices } from './kpi-core-module.js';
import { KpiLspModule, KpiSharedLspModule } from './lsp/lsp-module.js';
import { registerChecks } from './validation/register.js';

/** The language's services with the editor's (completion, hover, formatting …). */
export type KpiServices = LangiumServices & KpiAddedServices;

/**
 * Creates the shared and language services with the editor's: the language server, the web page,
 * tests and `kpispec format` / `import` (the formatter) start here; the CLI's other commands use
 * createKpiCoreServices. `overrides` lets tests swap a service (e.g. parse in development mode to
 * see ambiguity reports).
 */
export function createKpiServices(
    context: DefaultSharedModuleContext,
    overrides: Module<KpiServices, PartialLangiumServices> = {},
): { shared: LangiumSharedServices; kpi: KpiServices } {
    const shared = inject(createDefaultSharedModule(context), KpiSpecGeneratedSharedModule, KpiSharedModule, KpiSharedLspModule);
    const kpi = inject(createDefaultModule({ shared }), KpiSpecGeneratedModule, KpiModule, KpiLspModule, overrides);
    shared.ServiceRegistry.register(kpi);
    registerChecks(kpi);
    if (!context.connection) {
        // Without a language client nothing configures the workspace, so set it up here.
        shared.workspace.ConfigurationProvider.initialized({});
    }
    return { shared, kpi };
}

export type { LangiumSharedCoreServices };
