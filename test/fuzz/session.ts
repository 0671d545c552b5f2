import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { URI, type LangiumDocument } from 'langium';
import type { CodeAction, Command, Position, TextEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { random, type Random } from '../../bench/lib/random.mjs';
import { buildWorkspace, readFolder, uriOf, type TestWorkspace } from '../support/workspace.js';
import { GENERATED, MUTATIONS, type Token } from './mutations.js';

const EXAMPLES = join(import.meta.dirname, '..', '..', 'examples');

export interface SessionOptions {
    seed: number;
    /** The number of the first case this session runs (a new session resumes after a hang). */
    firstCase: number;
    /** Told before each call (validation, an editor request) starts. */
    beforeCall?: (feature: string) => void;
}

/** What the watchdog needs to save a case's input should the case never finish. */
export interface CaseSummary {
    case: number;
    mutation: string;
    file: string;
    input: string;
}

export interface CaseFailure {
    feature: string;
    message: string;
    stack?: string;
}

export interface CaseResult {
    failures: CaseFailure[];
    /** The longest CPU time one call of each feature took, in ms. */
    slowest: Record<string, number>;
    /** The position classes completion was asked at. */
    positionClasses: string[];
}

interface ExampleWorkspace {
    ws: TestWorkspace;
    originals: Record<string, string>;
    current: Record<string, string>;
}

interface PendingCase {
    summary: CaseSummary;
    state: ExampleWorkspace;
    folder: string;
}

/** Each folder of examples/ is one workspace (its files link each other). */
function exampleFolders(): string[] {
    return readdirSync(EXAMPLES)
        .map(name => join(EXAMPLES, name))
        .filter(dir => statSync(dir).isDirectory() && Object.keys(readFolder(dir)).length > 0)
        .sort();
}

/** The random stream of a session: the run's seed itself for its first session. */
export function sessionSeed(seed: number, firstCase: number): number {
    return firstCase === 0 ? seed : (seed ^ Math.imul(firstCase, 0x9e3779b1)) >>> 0;
}

/**
 * Mutates example files inside their workspace, as an editor would send them, and runs the
 * whole pipeline and every editor feature the services provide on each mutant. Runs inside a
 * worker thread (worker.mjs) that the watchdog terminates when a case does not finish.
 */
export class FuzzSession {
    private readonly rng: Random;
    private readonly folders = exampleFolders();
    private readonly workspaces = new Map<string, ExampleWorkspace>();
    private n: number;

    constructor(options: SessionOptions) {
        this.rng = random(sessionSeed(options.seed, options.firstCase));
        this.n = options.firstCase;
        if (options.beforeCall) beforeCall = options.beforeCall;
    }

    async nextCase(): Promise<PendingCase> {
        const folder = this.rng.pick(this.folders);
        let state = this.workspaces.get(folder);
        if (!state) {
            const originals = readFolder(folder);
            state = { ws: await buildWorkspace(originals), originals, current: { ...originals } };
            this.workspaces.set(folder, state);
        }
        const file = this.rng.pick(Object.keys(state.originals).sort());
        const { text, mutation } = mutant(state, file, this.rng);
        return { summary: { case: ++this.n, mutation, file, input: text }, state, folder };
    }

    async run({ summary, state, folder }: PendingCase): Promise<CaseResult> {
        const result: CaseResult = { failures: [], slowest: {}, positionClasses: [] };
        const failure = (feature: string, error: unknown): void => {
            const e = error instanceof Error ? error : new Error(String(error));
            result.failures.push({ feature, message: e.message, stack: e.stack });
        };
        const slowest = new Map<string, number>();
        // Langium catches what a check or a completion throws and logs it (a check's also becomes
        // an error diagnostic): that is a crash the user sees, so it counts as one here.
        const logged: unknown[][] = [];
        const consoleError = console.error;
        console.error = (...args: unknown[]) => { logged.push(args); };
        try {
            await timed(slowest, 'validation', () => state.ws.edit(summary.file, summary.input));
            state.current[summary.file] = summary.input;
            result.positionClasses = await everyFeature(state.ws, summary.file, this.rng, slowest, failure);
        } catch (error) {
            failure('validation', error);
        } finally {
            console.error = consoleError;
        }
        if (logged.length > 0) failure('an exception Langium caught and logged', logged[0]!.find(a => a instanceof Error) ?? logged[0]!.join(' '));
        result.slowest = Object.fromEntries(slowest);
        // After a failure the workspace may be in any state: start the folder afresh.
        if (result.failures.length > 0) this.workspaces.delete(folder);
        return result;
    }
}

/**
 * The next input for `file`: usually 1–3 mutations of its current text (so damage accumulates
 * as while typing) or of the original, sometimes a generated extreme input.
 */
function mutant(state: ExampleWorkspace, file: string, rng: Random): { text: string; mutation: string } {
    if (rng.chance(0.03)) {
        const generated = rng.pick(GENERATED);
        return { text: generated.text(), mutation: generated.name };
    }
    const current = state.current[file]!;
    let text = rng.chance(0.6) && current.length < 50_000 ? current : state.originals[file]!;
    const names: string[] = [];
    for (let i = rng.int(1, 3); i > 0; i--) {
        const m = rng.pick(MUTATIONS);
        text = m.apply(text, tokensOf(state.ws, text), rng);
        names.push(m.name);
    }
    return { text, mutation: names.join('+') };
}

/** The lexer's tokens, hidden ones (comments) included, whitespace excluded, in order. */
function lexed(ws: TestWorkspace, text: string): Array<Token & { type: string }> {
    const { tokens, hidden } = ws.services.parser.Lexer.tokenize(text);
    return [...tokens, ...hidden]
        .filter(t => t.tokenType.name !== 'WS')
        .map(t => ({ image: t.image, offset: t.startOffset, type: t.tokenType.name }))
        .sort((a, b) => a.offset - b.offset);
}

function tokensOf(ws: TestWorkspace, text: string): Token[] {
    return lexed(ws, text);
}

const POSITIONS_PER_CASE = 3;

/** Told before each call starts: the watchdog's limit applies to one call, not a whole case. */
let beforeCall: (feature: string) => void = () => undefined;

/**
 * Runs `call`, keeping in `slowest` the longest CPU time one call of `feature` took: this
 * thread's, the time the call holds the server's thread (the process's total would add the
 * collector's helper threads and, on a busy machine, count their contention as the call's).
 */
async function timed<T>(slowest: Map<string, number>, feature: string, call: () => T | Promise<T>): Promise<T> {
    beforeCall(feature);
    const cpu = process.threadCpuUsage();
    try {
        return await call();
    } finally {
        const used = process.threadCpuUsage(cpu);
        slowest.set(feature, Math.max(slowest.get(feature) ?? 0, (used.user + used.system) / 1000));
    }
}

/** Every editor feature the services define, on `file` (already validated); reports what throws. */
async function everyFeature(ws: TestWorkspace, file: string, rng: Random, slowest: Map<string, number>, failure: (feature: string, error: unknown) => void): Promise<string[]> {
    const doc = ws.documents.get(file)!;
    const lsp = ws.services.lsp;
    const textDocument = { uri: uriOf(file).toString() };
    const text = doc.textDocument.getText();
    const run = async (feature: string, call: () => unknown): Promise<void> => {
        try {
            await timed(slowest, feature.split(' ')[0]!, call);
        } catch (error) {
            failure(feature, error);
        }
    };
    const whole = { start: { line: 0, character: 0 }, end: doc.textDocument.positionAt(text.length) };

    const classes = positionClasses(lexed(ws, text), text, rng);
    for (const { offset } of classes) {
        await run('completion', () => lsp.CompletionProvider?.getCompletion(doc, { textDocument, position: doc.textDocument.positionAt(offset) }));
    }
    for (let i = 0; i < POSITIONS_PER_CASE; i++) {
        const position: Position = rng.chance(0.1)
            ? { line: rng.int(-1, 100_000), character: rng.int(-1, 100_000) }
            : doc.textDocument.positionAt(rng.int(0, text.length));
        await run('completion', () => lsp.CompletionProvider?.getCompletion(doc, { textDocument, position }));
        await run('hover', () => lsp.HoverProvider?.getHoverContent(doc, { textDocument, position }));
        await run('definition', () => lsp.DefinitionProvider?.getDefinition(doc, { textDocument, position }));
        await run('references', () => lsp.ReferencesProvider?.findReferences(doc, { textDocument, position, context: { includeDeclaration: true } }));
        await run('highlight', () => lsp.DocumentHighlightProvider?.getDocumentHighlight(doc, { textDocument, position }));
        await run('prepare-rename', () => lsp.RenameProvider?.prepareRename(doc, { textDocument, position }));
    }
    await run('document-symbols', () => lsp.DocumentSymbolProvider?.getSymbols(doc, { textDocument }));
    await run('folding', () => lsp.FoldingRangeProvider?.getFoldingRanges(doc, { textDocument }));
    await run('semantic-tokens', () => lsp.SemanticTokenProvider?.semanticHighlight(doc, { textDocument }));
    await run('inlay-hints', () => lsp.InlayHintProvider?.getInlayHints(doc, { textDocument, range: whole }));
    await run('code-lens', () => lsp.CodeLensProvider?.provideCodeLens(doc, { textDocument }));
    await run('workspace-symbols', () => ws.services.shared.lsp.WorkspaceSymbolProvider?.getSymbols({ query: rng.pick(['', '率', 'a', text.slice(0, 2)]) }));
    for (const diagnostic of (doc.diagnostics ?? []).slice(0, 20)) {
        await run(`code-actions ${String(diagnostic.code)}`, async () => {
            const actions = await lsp.CodeActionProvider?.getCodeActions(doc, { textDocument, range: diagnostic.range, context: { diagnostics: [diagnostic] } }) ?? [];
            // Applying an action's edits throws on overlapping or inverted ranges.
            for (const action of actions as Array<CodeAction | Command>) {
                const edits = 'edit' in action ? action.edit?.changes?.[textDocument.uri] : undefined;
                if (edits) TextDocument.applyEdits(doc.textDocument, edits);
            }
        });
    }
    try {
        await checkFormatting(ws, doc, call => timed(slowest, 'formatting', call));
    } catch (error) {
        failure('formatting', error);
    }
    return classes.map(c => c.name);
}

/** Completion positions per case: start, middle and end of a token, of some of these kinds. */
const CLASSES_PER_CASE = 3;

/**
 * Where completion is asked: the start and end of the file, and the start, middle and end of a
 * token of a few kinds (keyword, string, number, name, punctuation, comment, …; the lexer's
 * terminal names), chosen in turn so that a run covers every kind.
 */
function positionClasses(tokens: ReadonlyArray<Token & { type: string }>, text: string, rng: Random): Array<{ name: string; offset: number }> {
    const byKind = new Map<string, Array<Token & { type: string }>>();
    for (const t of tokens) {
        const kind = /^[A-Z_]+$/.test(t.type) ? t.type : /^[\p{L}\p{N}]/u.test(t.type) ? 'keyword' : 'punctuation';
        const list = byKind.get(kind);
        if (list) list.push(t);
        else byKind.set(kind, [t]);
    }
    const positions = [{ name: 'file-start', offset: 0 }, { name: 'file-end', offset: text.length }];
    for (const kind of rng.shuffle([...byKind.keys()].sort()).slice(0, CLASSES_PER_CASE)) {
        const t = rng.pick(byKind.get(kind)!);
        const middle = t.offset + Math.floor(t.image.length / 2);
        positions.push({ name: `${kind}-start`, offset: t.offset }, { name: `${kind}-middle`, offset: middle }, { name: `${kind}-end`, offset: t.offset + t.image.length });
    }
    return positions;
}

/**
 * Formatting changes whitespace only (the lexer sees the same tokens) and is idempotent. Only
 * the formatter's calls count towards the time limit, not this check's lexing and parsing.
 */
async function checkFormatting(ws: TestWorkspace, doc: LangiumDocument, time: (call: () => Promise<TextEdit[]>) => Promise<TextEdit[]>): Promise<void> {
    const formatter = ws.services.lsp.Formatter;
    if (!formatter) return;
    const options = { tabSize: 4, insertSpaces: true };
    const format = async (d: LangiumDocument): Promise<string> => {
        const edits = await time(async () => formatter.formatDocument(d, { textDocument: { uri: d.uri.toString() }, options }));
        return TextDocument.applyEdits(d.textDocument, edits);
    };
    const text = doc.textDocument.getText();
    const once = await format(doc);
    const before = lexed(ws, text).map(t => `${t.type} ${t.image}`);
    const after = lexed(ws, once).map(t => `${t.type} ${t.image}`);
    const differs = before.findIndex((t, i) => t !== after[i]);
    if (differs >= 0 || before.length !== after.length) {
        const i = differs >= 0 ? differs : Math.min(before.length, after.length);
        throw new Error(`formatting changed token ${i}: '${before[i]}' became '${after[i]}'`);
    }
    const scratch = ws.services.shared.workspace.LangiumDocumentFactory.fromString(once, URI.parse('file:///fuzz/formatted.kpi'));
    const twice = await format(scratch);
    if (twice !== once) {
        const line = once.split('\n').findIndex((l, i) => l !== twice.split('\n')[i]);
        throw new Error(`formatting is not idempotent: line ${line + 1} '${once.split('\n')[line]}' became '${twice.split('\n')[line]}'`);
    }
}
