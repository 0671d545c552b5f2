import {
    AstUtils, Cancellation, DefaultDocumentValidator, DocumentValidator, GrammarAST, interruptAndCheck, isOperationCancelled, UriUtils,
    type AstNode, type CstNode, type DiagnosticInfo, type LangiumDocument, type ParseResult, type Scope, type ValidationAcceptor, type ValidationOptions,
} from 'langium';
import { DiagnosticTag, type Diagnostic, type DiagnosticRelatedInformation } from 'vscode-languageserver-types';
import { applyRuleSeverities, toLspSeverity } from '../config/severity.js';
import { pick, type Locale } from '../i18n/locale.js';
import type { KpiCoreServices } from '../kpi-core-module.js';
import { nodesOf } from '../model/ast-walk.js';
import { detectKeywordLanguage, type KeywordLanguage } from '../lsp/keyword-language.js';
import { ruleMeta } from '../rules/catalog.js';
import { closestNames } from '../config/did-you-mean.js';
import { isSheetPath } from '../excel/index.js';
import { CANDIDATES, listsClosestNames, SUGGESTED_DATA, suggestionPlace, unresolvedReferenceMessage } from './unresolved-reference.js';
import { clauseRows } from '../parser/clause-commas.js';
import { AS_NAME_DATA, describeEmptyCellMark, describeLexingError, describeSyntaxError, isEmptyClause, isRecoveryEnd, keywordAsName, previousTokenOf, type SyntaxContext } from './syntax-errors.js';
import { isEmptyCellMarkAt } from '../parser/empty-cells.js';
import { SyntaxContinuations } from './syntax-continuations.js';
import { firstPassing } from '../sorted.js';
import type { KpiDiagnosticData } from './report.js';
import type { CheckGroup, KpiValidationRegistry } from './validation-registry.js';
import { applySuppressions, parseDirectives, type DirectiveFinding } from './suppressions.js';
import { generationsOf, KnownFindings, type Accepted } from './check-reads.js';
import { Attached } from '../workspace/attached.js';
import { unreadMessage, type Unread, type UnreadFiles } from '../workspace/unread.js';

/** Nodes checked between two chances for the server to answer a request or see a cancellation. */
const NODES_PER_INTERRUPTION = 200;

const BUILT_IN_CODES: Record<string, string> = {
    [DocumentValidator.LexingError]: 'syntax/lexing',
    [DocumentValidator.ParsingError]: 'syntax/parsing',
    [DocumentValidator.LinkingError]: 'reference/unresolved',
};

/**
 * Langium's lexing and parsing errors: text the parser could not read, which ESLint's JSON
 * calls fatal. A clause given twice is also `syntax/parsing`, but the parser read it.
 */
const FATAL_CODES: ReadonlySet<string> = new Set([DocumentValidator.LexingError, DocumentValidator.ParsingError]);

/**
 * Gives Langium's own lexing, parsing and linking diagnostics KPI Spec rule ids, and
 * unresolved references a message that names the candidates in scope. Then applies the
 * document's configuration (kpispec.json `rules`) and its inline suppressions, here and only
 * here, so the editor and the CLI report the same diagnostics.
 */
export class KpiDocumentValidator extends DefaultDocumentValidator {
    constructor(private readonly services: KpiCoreServices) {
        super(services);
        this.continuations = new SyntaxContinuations(services.Grammar);
    }

    override async validateDocument(document: LangiumDocument, options: ValidationOptions = {}, cancelToken?: Parameters<DefaultDocumentValidator['validateDocument']>[2]): Promise<Diagnostic[]> {
        const configuration = this.services.kpi.Configuration;
        const fileSystem = this.services.shared.workspace.FileSystemProvider;
        const config = await configuration.loadFor(document.uri, fileSystem);
        const settings = this.services.kpi.Settings;
        // A file read as empty because it is not UTF-8 or cannot be read (the language server's file
        // system): one finding, in the CLI's words, until it is saved as UTF-8, made readable or opened in the editor.
        const unread = (fileSystem as Partial<UnreadFiles>).unread?.(document.uri);
        if (unread && document.textDocument.getText() === '') {
            const builtIn = !options.categories || options.categories.includes('built-in');
            return builtIn ? [this.unreadDiagnostic(document, unread, settings.localeOf(document))] : [];
        }
        this.syntaxContexts.set(document.parseResult, new DocumentSyntax(document, settings, this.terminals, this.clauses));
        const diagnostics = await this.validateWithoutSpread(document, options, cancelToken);
        for (const d of diagnostics) {
            const data = d.data as { code?: string } | undefined;
            const code = data?.code && BUILT_IN_CODES[data.code];
            if (code) {
                d.code = code;
                d.data = FATAL_CODES.has(data.code!) ? { ...data, code, fatal: true } : { ...data, code };
            }
        }
        // Langium may validate a document in several calls, one per set of categories, and keeps
        // what each returns: findings about the comments themselves come with the built-in call.
        const builtIn = !options.categories || options.categories.includes('built-in');
        const { kept, findings } = applySuppressions(applyRuleSeverities(diagnostics, config.rules), parseDirectives(document), {
            noInlineConfig: config.noInlineConfig,
            requireReason: config.requireSuppressionReason && builtIn,
            reportUnused: builtIn && this.runsEveryCategory(document, options),
        });
        return [...kept, ...applyRuleSeverities(findings.map(f => this.directiveDiagnostic(f, settings.localeOf(document))), config.rules)];
    }

    /** What syntax messages need of the document being validated, by its parse (the parse is what Langium's hooks get). */
    private readonly syntaxContexts = new Attached<ParseResult, DocumentSyntax>();

    private terminalNames?: ReadonlySet<string>;

    private readonly continuations: SyntaxContinuations;

    private clauseWords?: ReadonlyMap<string, ReadonlySet<string>>;

    private get clauses(): ReadonlyMap<string, ReadonlySet<string>> {
        return this.clauseWords ??= clauseRows(this.services.Grammar);
    }

    private get terminals(): ReadonlySet<string> {
        return this.terminalNames ??= new Set(this.services.Grammar.rules.filter(GrammarAST.isTerminalRule).map(r => r.name));
    }

    /** Chevrotain's messages name token types; these say what was found and what may stand there (see syntax-errors.ts). */
    protected override processParsingErrors(parseResult: ParseResult, diagnostics: Diagnostic[], options: ValidationOptions): void {
        const context = this.syntaxContexts.get(parseResult);
        if (!context) return super.processParsingErrors(parseResult, diagnostics, options);
        const skippedEnds = parseResult.lexerErrors.map(e => e.offset + e.length);
        const root = parseResult.value.$cstNode;
        const asNames = new Map<string, string>();
        const asNameLines = new Set<number>();
        const parserErrors = parseResult.parserErrors
            .filter(e => !followsLexingError(e.token.startOffset, skippedEnds, context.text))
            .filter((e, i) => i === 0 || !isRecoveryEnd(e, context.text))
            // A `/` left for an empty cell (`实际 / 分值`) is what the parser read as a unit's operator.
            .map(e => {
                const following = this.following(e, root, context.text);
                // A clause's keyword without its value: the keyword is where the error is.
                const emptyClause = isEmptyClause(e, context);
                // A keyword where a name stands: its quick fix quotes it (lsp/fixes/syntax-fixes.ts).
                const keyword = emptyClause ? undefined : keywordAsName(e, context, following);
                if (keyword) asNames.set(`${e.token.startLine}:${e.token.startColumn}`, keyword);
                return {
                    ...e,
                    token: emptyClause ? previousTokenOf(e)! : e.token,
                    message: isEmptyCellMarkAt(context.text, e.token.startOffset, e.token.startOffset + e.token.image.length)
                        ? describeEmptyCellMark(e.token.image, context.locale)
                        : describeSyntaxError(e, context, following),
                };
            })
            // After a keyword written as a name, the recovery's reading of the rest of its line is no news (`指标 合计 实际 5`:
            // 实际 where 合计's 分值 stands; `指标 指标`: the second 指标 wanting a name of its own): said once, at the keyword.
            .filter(e => {
                const line = e.token.startLine!;
                if (asNames.has(`${line}:${e.token.startColumn}`) && !asNameLines.has(line)) {
                    asNameLines.add(line);
                    return true;
                }
                return !asNameLines.has(line);
            });
        const from = diagnostics.length;
        super.processParsingErrors({ ...parseResult, parserErrors }, diagnostics, options);
        for (const d of diagnostics.slice(from)) {
            const keyword = asNames.get(`${d.range.start.line + 1}:${d.range.start.character + 1}`);
            if (keyword) d.data = { ...(d.data as object | undefined), [AS_NAME_DATA]: keyword };
        }
    }

    /**
     * For a token where another was expected (the end of a block after a complete row, a `{` after
     * a header), what may follow the token before it: the parser's own expectation names only
     * the one token it was trying to read. So for a token where none of an alternation's keywords
     * stands: the parser names those keywords (`全年预算`, `budgeted`), not the optional clauses
     * it passed over before them (`预算执行 年初 …` may also take `年初预算`).
     */
    private following(error: ParseResult['parserErrors'][number], root: CstNode | undefined, text: string): readonly string[] {
        if ((error.name !== 'MismatchedTokenException' && error.name !== 'NoViableAltException') || !root || Number.isNaN(error.token.startOffset)) return [];
        return this.continuations.at(root, text, error.token.startOffset);
    }

    protected override processLexingErrors(parseResult: ParseResult, diagnostics: Diagnostic[], options: ValidationOptions): void {
        const context = this.syntaxContexts.get(parseResult);
        if (!context) return super.processLexingErrors(parseResult, diagnostics, options);
        const lexerErrors = parseResult.lexerErrors.map(e => ({
            ...e, message: describeLexingError(context.text, e.offset, e.offset + e.length, context.locale),
        }));
        super.processLexingErrors({ ...parseResult, lexerErrors }, diagnostics, options);
    }

    /**
     * Langium's `validateDocument`, but the checks' diagnostics are appended one by one: Langium
     * spreads them into `push(...)`, and past about 125,000 of them in one file that overflows
     * the stack, is caught and logged, and every check's diagnostic is lost.
     */
    private async validateWithoutSpread(document: LangiumDocument, options: ValidationOptions, cancelToken = Cancellation.CancellationToken.None): Promise<Diagnostic[]> {
        const { parseResult } = document;
        const diagnostics: Diagnostic[] = [];
        await interruptAndCheck(cancelToken);
        if (!options.categories || options.categories.includes('built-in')) {
            const stopsAt = (code: string) => diagnostics.some(d => (d.data as { code?: string } | undefined)?.code === code);
            this.processLexingErrors(parseResult, diagnostics, options);
            if (options.stopAfterLexingErrors && stopsAt(DocumentValidator.LexingError)) return diagnostics;
            this.processParsingErrors(parseResult, diagnostics, options);
            if (options.stopAfterParsingErrors && stopsAt(DocumentValidator.ParsingError)) return diagnostics;
            this.processLinkingErrors(document, diagnostics, options);
            if (options.stopAfterLinkingErrors && stopsAt(DocumentValidator.LinkingError)) return diagnostics;
        }
        try {
            for (const d of await this.validateAst(parseResult.value, options, cancelToken)) diagnostics.push(d);
        } catch (err) {
            if (isOperationCancelled(err)) throw err;
            console.error('An error occurred during validation:', err);
        }
        await interruptAndCheck(cancelToken);
        return diagnostics;
    }

    /**
     * Langium's loop awaits an interruption check and every check on every node, and walks the
     * tree with an iterator per node. KPI Spec's checks are synchronous (see
     * KpiValidationRegistry): awaited only when one is not, with an interruption check every few
     * hundred nodes. `validateSingleNodeOptions` decides, as in Langium's loop, which nodes are
     * checked and which subtrees are entered. With Langium's profiler on, Langium's loop runs,
     * as it times each node type.
     */
    protected override async validateAstNodes(
        root: AstNode, options: ValidationOptions, accept: ValidationAcceptor, cancelToken = Cancellation.CancellationToken.None,
    ): Promise<void> {
        if (this.profiler?.isActive('validating')) return super.validateAstNodes(root, options, accept, cancelToken);
        const checksOf = (this.services.validation.ValidationRegistry as KpiValidationRegistry).checksFor(options.categories);
        // Checks that read only some kinds of block found the same in this syntax tree before,
        // if no block of those kinds changed since (see check-reads.ts): decided per group of
        // checks when the walk first meets it, by the group's number.
        const inputs = this.knownFindingsInputs(root, options);
        const runs: Array<GroupRun | null | undefined> = [];
        const replayed: Array<readonly Accepted[]> = [];
        const runOf = (group: CheckGroup): GroupRun | null => {
            let run = runs[group.id];
            if (run === undefined) {
                const known = inputs && this.knownFindings.get(root, group.reads, inputs);
                run = runs[group.id] = known ? null : startRun(root, group, accept);
                if (known) replayed.push(known);
            }
            return run;
        };
        const nodes = nodesOf(root);
        for (let n = 0; n < nodes.length; n++) {
            const node = nodes[n]!;
            if (n > 0 && n % NODES_PER_INTERRUPTION === 0) await interruptAndCheck(cancelToken);
            const { validateNode, validateChildren } = this.validateSingleNodeOptions(node, options);
            if (validateNode) {
                // Indexed loops: in this async function, `for…of` made an iterator and a result
                // object per check per node (a tenth of what re-validating after an edit allocated).
                const { groups, others } = checksOf(node.$type);
                for (let g = 0; g < groups.length; g++) {
                    const group = groups[g]!;
                    const run = runOf(group);
                    if (!run) continue;
                    for (let i = 0; i < group.checks.length; i++) {
                        const pending = group.checks[i]!(node, run.accept, cancelToken);
                        if (pending) await pending;
                    }
                }
                for (let i = 0; i < others.length; i++) {
                    const pending = others[i]!(node, accept, cancelToken);
                    if (pending) await pending;
                }
            }
            // A subtree is the run of nodes after its root that lie under it.
            if (!validateChildren) while (n + 1 < nodes.length && AstUtils.hasContainerOfType(nodes[n + 1], c => c === node)) n++;
        }
        // Each diagnostic its own data: the severities and suppressions applied later may change it.
        for (const found of replayed) for (const { severity, message, info } of found) accept(severity, message, { ...info, data: info.data && { ...info.data } });
        if (!inputs) return;
        for (const run of runs) if (run) this.knownFindings.set(root, run.group.reads, inputs, run.generations, run.found);
    }

    private readonly knownFindings = new KnownFindings();

    /**
     * What checks with known findings read besides syntax trees: the categories of checks that
     * run (a workspace's first build asks for all, edits for those that have checks), the locale
     * settings and the configuration's fields (editor settings make a new configuration object
     * for every request, field for field the same).
     */
    private knownFindingsInputs(root: AstNode, options: ValidationOptions): unknown[] | undefined {
        const document = root.$document;
        if (!document) return undefined;
        const categories = [...this.categoriesWithChecks(document)].filter(c => !options.categories || options.categories.includes(c));
        const { chosenLocale, environmentLocale } = this.services.kpi.Settings;
        const config = this.services.kpi.Configuration.get(document.uri);
        return [categories.join(','), chosenLocale, environmentLocale, ...Object.entries(config).flat()];
    }

    /**
     * Whether every check ran, so a directive that suppressed nothing could not have suppressed a
     * check left out. Edits validate only the 'built-in' and 'fast' categories; that is complete
     * as long as no check is registered as 'slow'.
     */
    private runsEveryCategory(document: LangiumDocument, options: ValidationOptions): boolean {
        const ran = options.categories;
        return !ran || [...this.categoriesWithChecks(document)].every(c => ran.includes(c));
    }

    private checkedCategories?: Set<string>;

    private categoriesWithChecks(document: LangiumDocument): Set<string> {
        if (!this.checkedCategories) {
            const registry = this.services.validation.ValidationRegistry;
            const types = this.services.shared.AstReflection.getAllTypes();
            this.checkedCategories = new Set(['built-in', ...[...registry.getAllValidationCategories(document)]
                .filter(c => types.some(t => registry.getChecks(t, [c]).head() !== undefined))]);
        }
        return this.checkedCategories;
    }

    private unreadDiagnostic(document: LangiumDocument, unread: Unread, locale: Locale): Diagnostic {
        const code = 'syntax/lexing';
        return {
            severity: toLspSeverity(ruleMeta(code)!.severity),
            range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
            message: unreadMessage(UriUtils.basename(document.uri), unread, locale),
            code,
            data: { code, fatal: true } satisfies KpiDiagnosticData,
            source: this.getSource(),
        };
    }

    private directiveDiagnostic(finding: DirectiveFinding, locale: Locale): Diagnostic {
        // A comment that does nothing at all is shown faded, as editors show unused code.
        const idle = finding.rule === 'suppression/unused' && (finding.data['removeComment'] === true || finding.data['noInlineConfig'] === true);
        return {
            severity: toLspSeverity(ruleMeta(finding.rule)!.severity),
            range: finding.range,
            message: pick(locale, finding.message),
            code: finding.rule,
            data: { ...finding.data, code: finding.rule } satisfies KpiDiagnosticData,
            source: this.getSource(),
            ...(idle ? { tags: [DiagnosticTag.Unnecessary] } : {}),
        };
    }

    protected override processLinkingErrors(document: LangiumDocument, diagnostics: Diagnostic[], options: ValidationOptions): void {
        const before = diagnostics.length;
        super.processLinkingErrors(document, diagnostics, options);
        if (diagnostics.length === before) return;
        const locale = this.services.kpi.Settings.localeOf(document);
        const errors = document.references.filter(r => r.error);
        diagnostics.slice(before).forEach((d, i) => {
            const info = errors[i]?.error?.info;
            if (!info) return;
            const name = info.reference.$refText;
            if (!listsClosestNames(i, name)) {
                d.message = pick(locale, unresolvedReferenceMessage(name, undefined));
                return;
            }
            const scope = this.services.references.ScopeProvider.getScope(info);
            const closest = closestNames(name, scope.getAllElements().map(e => e.name).distinct(), CANDIDATES);
            d.message = pick(locale, unresolvedReferenceMessage(name, closest));
            this.placeSuggestions(d, closest, scope, locale);
        });
    }

    /**
     * One related place per suggested name: where the element it names is defined (what the
     * reference would resolve to, so spelt), to go from the typo to the element meant. The names
     * placed go in the data too, in the places' order (see SUGGESTED_DATA).
     */
    private placeSuggestions(d: Diagnostic, names: readonly string[], scope: Scope, locale: Locale): void {
        const related: DiagnosticRelatedInformation[] = [];
        const placed: string[] = [];
        for (const name of names) {
            const description = scope.getElement(name);
            const place = description && suggestionPlace(description);
            if (!place || isSheetPath(place.uri.path)) continue;
            related.push({ location: { uri: place.uri.toString(), range: place.range }, message: pick(locale, place.message) });
            placed.push(name);
        }
        if (related.length === 0) return;
        d.relatedInformation = related;
        d.data = { ...(d.data as object | undefined), [SUGGESTED_DATA]: placed };
    }
}

/** A group of checks running on a tree: what they found, and the generations of what they read when they started. */
interface GroupRun {
    group: CheckGroup;
    generations: readonly number[];
    found: Accepted[];
    accept: ValidationAcceptor;
}

function startRun(root: AstNode, group: CheckGroup, accept: ValidationAcceptor): GroupRun {
    const found: Accepted[] = [];
    return {
        group,
        generations: generationsOf(root, group.reads),
        found,
        accept: (severity, message, info) => {
            found.push({ severity, message, info: info as DiagnosticInfo<AstNode> });
            accept(severity, message, info);
        },
    };
}

/** What syntax messages need of a document; the locale only when a message needs it: finding the keyword language walks the whole syntax tree. */
class DocumentSyntax implements SyntaxContext {
    constructor(private readonly document: LangiumDocument, private readonly settings: KpiCoreServices['kpi']['Settings'], readonly terminals: ReadonlySet<string>, readonly clauses: ReadonlyMap<string, ReadonlySet<string>>) {}

    get text(): string {
        return this.document.textDocument.getText();
    }

    get locale(): Locale {
        return this.settings.localeOf(this.document);
    }

    get language(): KeywordLanguage {
        return detectKeywordLanguage(this.document) ?? (this.locale === 'en' ? 'en' : 'zh');
    }
}

/**
 * Whether a syntax error's token is the next one after characters the lexer skipped (only white
 * space between): the parser then misses what the skipped characters were (`>= ９５％` reads
 * `>= ％`, `实际 — 分值` reads `实际 分值`, `项目 P ｛` a header without its `{`), and the lexing
 * error, which says what was meant, is the one to show. `skippedEnds` are where the lexer's errors
 * end, in order: only the last one before the token can have nothing but white space after it (a
 * pasted file with thousands of both is looked up, not scanned, per error).
 */
function followsLexingError(offset: number, skippedEnds: readonly number[], text: string): boolean {
    const end = skippedEnds[firstPassing(skippedEnds, e => e > offset) - 1];
    return end !== undefined && /^\s*$/.test(text.slice(end, offset));
}
