import { join } from 'node:path';
import { createLangiumParser, EmptyFileSystem, isReference, type AstNode, type LangiumDocument, type LangiumParser, type Module, type MultiReference, type Reference } from 'langium';
import type { PartialLangiumServices } from 'langium/lsp';
import { parseHelper } from 'langium/test';
import { vi } from 'vitest';
import type { Model } from '../../packages/language/src/generated/ast.js';
import { KpiSpecLanguageMetaData } from '../../packages/language/src/generated/module.js';
import { createKpiServices, type KpiServices } from '../../packages/language/src/kpi-module.js';
import { resyncRowsOnTheirOwnLines } from '../../packages/language/src/parser/parser.js';

/** The repository's examples, and the reference cases of the language specification (a copy). */
export const EXAMPLES = join(import.meta.dirname, '..', '..', 'examples');
export const REFERENCE = join(import.meta.dirname, '..', 'fixtures', 'reference');

/**
 * Langium's own parser of the grammar, with KPI Spec's one recovery policy (a stray token's row
 * re-syncs on the next line): the trees, errors and messages KpiParser must build the same.
 */
export function createLangiumsParser(): LangiumParser {
    const withPolicy = (services: Parameters<typeof createLangiumParser>[0]) => {
        const parser = createLangiumParser(services);
        resyncRowsOnTheirOwnLines(parser);
        return parser;
    };
    return createKpiServices(EmptyFileSystem, { parser: { LangiumParser: withPolicy } }).kpi.parser.LangiumParser;
}

/**
 * Langium silences Chevrotain's grammar validations and the LL(*) ambiguity reports in
 * production mode, the mode the generated module ships with. Tests parse in development
 * mode, so that an ambiguous grammar decision shows up as a console message they can catch.
 */
const DevelopmentMode: Module<KpiServices, PartialLangiumServices> = {
    LanguageMetaData: () => ({ ...KpiSpecLanguageMetaData, mode: 'development' }),
};

/** The language's services, in development mode. */
export function createDevelopmentServices(): KpiServices {
    return createKpiServices(EmptyFileSystem, DevelopmentMode).kpi;
}

/**
 * chevrotain-allstar reports a decision it cannot make with "Ambiguous Alternatives Detected:
 * <0, 1> in <OR> inside <Rule> Rule, <TOKENS> may appears as a prefix path in all these
 * alternatives." through console.log, once per decision and parser.
 */
const AMBIGUITY = /Ambiguous Alternatives Detected/i;

/** Runs `action`, collecting the ambiguity reports written to the console meanwhile. */
export async function captureAmbiguities<T>(action: () => Promise<T>): Promise<{ result: T; ambiguities: string[] }> {
    const ambiguities: string[] = [];
    const spies = (['log', 'info', 'warn', 'error'] as const).map(level => {
        const original = console[level].bind(console);
        return vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
            const message = args.map(String).join(' ');
            if (AMBIGUITY.test(message)) ambiguities.push(message);
            else original(...args);
        });
    });
    try {
        return { result: await action(), ambiguities };
    } finally {
        for (const spy of spies) spy.mockRestore();
    }
}

export interface Parsed {
    document: LangiumDocument<Model>;
    model: Model;
    /** Lexer and parser error messages. */
    errors: string[];
    /** Ambiguity reports of the parser while reading this text (see captureAmbiguities). */
    ambiguities: string[];
}

/** A parse function (parse and link one text) that also reports syntax errors and ambiguities. */
export function strictParser(services: KpiServices = createDevelopmentServices()): (text: string) => Promise<Parsed> {
    const parse = parseHelper<Model>(services);
    return async (text) => {
        const { result: document, ambiguities } = await captureAmbiguities(() => parse(text));
        const { lexerErrors, parserErrors, value } = document.parseResult;
        return {
            document, model: value, ambiguities,
            errors: [...lexerErrors.map(e => e.message), ...parserErrors.map(e => e.message)],
        };
    };
}

/** The node a document reference resolves to (the grammar has no multi-references). */
export function targetOf(reference: Reference | MultiReference): AstNode | undefined {
    return isReference(reference) ? reference.ref : undefined;
}
