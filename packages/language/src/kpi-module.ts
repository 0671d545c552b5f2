import { inject, type LangiumSharedCoreServices, type Module } from 'langium';
import {
    createDefaultModule, createDefaultSharedModule,
    type DefaultSharedModuleContext, type LangiumServices, type LangiumSharedServices, type PartialLangiumServices,
    type PartialLangiumSharedServices,
} from 'langium/lsp';
import { KpiSpecGeneratedModule, KpiSpecGeneratedSharedModule } from './generated/module.js';
import { KpiLspModule, KpiSharedLspModule } from './lsp/lsp-module.js';
import { KpiConfiguration } from './config/configuration.js';
import { KpiSettings } from './settings.js';
import { createKpiParser } from './parser/parser.js';
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

export type KpiServices = LangiumServices & KpiAddedServices;

export const KpiModule: Module<KpiServices, PartialLangiumServices & KpiAddedServices> = {
    kpi: {
        Settings: (services) => new KpiSettings(() => services.kpi.Configuration),
        Configuration: () => new KpiConfiguration(),
        Scores: (services) => new Scores(services.shared, services.kpi.Configuration),
    },
    parser: {
        LangiumParser: (services) => createKpiParser(services),
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

export const KpiSharedModule: Module<LangiumSharedServices, PartialLangiumSharedServices> = {
    ServiceRegistry: (services) => new KpiServiceRegistry(services),
    workspace: {
        IndexManager: (services) => new KpiIndexManager(services),
        DocumentBuilder: (services) => new KpiDocumentBuilder(services),
        LangiumDocuments: (services) => new KpiLangiumDocuments(services),
    },
};

/**
 * Creates the shared and language services; the CLI, tests and the language server all start here.
 * `overrides` lets tests swap a service (e.g. parse in development mode to see ambiguity reports).
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
