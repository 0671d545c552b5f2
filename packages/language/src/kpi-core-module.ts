import {
    createDefaultCoreModule, createDefaultSharedCoreModule, inject,
    type DefaultSharedCoreModuleContext, type LangiumCoreServices, type LangiumSharedCoreServices, type Module,
    type PartialLangiumCoreServices, type PartialLangiumSharedCoreServices,
} from 'langium';
import { KpiSpecGeneratedModule, KpiSpecGeneratedSharedModule } from './generated/module.js';
import { KpiConfiguration } from './config/configuration.js';
import { KpiSettings } from './settings.js';
import { createKpiCompletionParser, createKpiParser } from './parser/parser.js';
import { KpiLexer } from './parser/lexer.js';
import { KpiTokenBuilder } from './parser/token-builder.js';
import { KpiValueConverter } from './parser/value-converter.js';
import { Scores } from './scoring/scores.js';
import { KpiDocumentValidator } from './validation/document-validator.js';
import { KpiParserErrorMessageProvider } from './validation/syntax-errors.js';
import { registerChecks } from './validation/register.js';
import { KpiValidationRegistry } from './validation/validation-registry.js';
import { KpiDocumentBuilder } from './workspace/document-builder.js';
import { KpiLangiumDocuments } from './workspace/documents.js';
import { KpiLinker } from './workspace/linker.js';
import { KpiIndexManager } from './workspace/index-manager.js';
import { KpiServiceRegistry } from './workspace/service-registry.js';
import { KpiReferenceDescriptionProvider } from './workspace/reference-descriptions.js';
import { KpiAstNodeDescriptionProvider } from './workspace/node-descriptions.js';
import { KpiScopeComputation } from './workspace/scope-computation.js';
import { KpiScopeProvider } from './workspace/scope-provider.js';

export type KpiAddedServices = {
    kpi: {
        Settings: KpiSettings;
        Configuration: KpiConfiguration;
        Scores: Scores;
    };
};

/** The language's services without the editor's: what `kpispec` and the checks use. */
export type KpiCoreServices = LangiumCoreServices & KpiAddedServices;

export const KpiModule: Module<KpiCoreServices, PartialLangiumCoreServices & KpiAddedServices> = {
    kpi: {
        Settings: (services) => new KpiSettings(() => services.kpi.Configuration),
        Configuration: () => new KpiConfiguration(),
        Scores: (services) => new Scores(services.shared, services.kpi.Configuration),
    },
    parser: {
        LangiumParser: (services) => createKpiParser(services),
        CompletionParser: (services) => createKpiCompletionParser(services),
        Lexer: (services) => new KpiLexer(services),
        ParserErrorMessageProvider: (services) => new KpiParserErrorMessageProvider(services.Grammar),
        TokenBuilder: () => new KpiTokenBuilder(),
        ValueConverter: () => new KpiValueConverter(),
    },
    references: {
        Linker: (services) => new KpiLinker(services),
        ScopeComputation: (services) => new KpiScopeComputation(services),
        ScopeProvider: (services) => new KpiScopeProvider(services),
    },
    validation: {
        DocumentValidator: (services) => new KpiDocumentValidator(services),
        ValidationRegistry: (services) => new KpiValidationRegistry(services),
    },
    workspace: {
        ReferenceDescriptionProvider: (services) => new KpiReferenceDescriptionProvider(services),
        AstNodeDescriptionProvider: (services) => new KpiAstNodeDescriptionProvider(services),
    },
};

export const KpiSharedModule: Module<LangiumSharedCoreServices, PartialLangiumSharedCoreServices> = {
    ServiceRegistry: (services) => new KpiServiceRegistry(services),
    workspace: {
        IndexManager: (services) => new KpiIndexManager(services),
        DocumentBuilder: (services) => new KpiDocumentBuilder(services),
        LangiumDocuments: (services) => new KpiLangiumDocuments(services),
    },
};

/**
 * Creates the shared and language services without the editor's (no LSP layer, which only the
 * language server, `kpispec format` and `kpispec import` need): `kpispec` starts about 30 ms
 * sooner without loading it. Checks, scores and findings are the same as createKpiServices'.
 */
export function createKpiCoreServices(context: DefaultSharedCoreModuleContext): { shared: LangiumSharedCoreServices; kpi: KpiCoreServices } {
    const shared = inject(createDefaultSharedCoreModule(context), KpiSpecGeneratedSharedModule, KpiSharedModule);
    const kpi = inject(createDefaultCoreModule({ shared }), KpiSpecGeneratedModule, KpiModule);
    shared.ServiceRegistry.register(kpi);
    registerChecks(kpi);
    // Nothing configures the workspace without a language client.
    shared.workspace.ConfigurationProvider.initialized({});
    return { shared, kpi };
}
