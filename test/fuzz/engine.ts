import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { URI, type LangiumDocument } from 'langium';
import type { CodeAction, Command, Position, TextEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { random, type Random } from '../../bench/lib/random.mjs';
import { buildWorkspace, readFolder, uriOf, type TestWorkspace } from '../support/workspace.js';
import { GENERATED, MUTATIONS, type Token } from './mutations.js';

const ROOT = join(import.meta.dirname, '..', '..');
const EXAMPLES = join(ROOT, 'examples');
/** Inputs that broke something, or came close to the time limit, are written here (gitignored). */
export const FAILED_INPUTS = join(ROOT, 'test-results', 'fuzz');

export interface FuzzOptions {
    seed: number;
    /** Stop starting new cases after this many milliseconds. */
    budgetMs: number;
    /** CPU time the validation of a document, or one editor request on it, may take. */
    maxDocumentMs: number;
}

export interface FuzzFailure {
    case: number;
    mutation: string;
    file: string;
    feature: string;
    message: string;
    stack?: string;
    input: string;
}

export interface FuzzReport {
    seed: number;
    cases: number;
    byMutation: Record<string, number>;
    failures: FuzzFailure[];
    /** The cases that took the most CPU time in all, with their slowest step. */
    slowest: Array<{ case: number; mutation: string; file: string; ms: number; chars: number; worst: string }>;
}

interface ExampleWorkspace {
    ws: TestWorkspace;
    originals: Record<string, string>;
    current: Record<string, string>;
}

/** Each folder of examples/ is one workspace (its files link each other). */
function exampleFolders(): string[] {
    return readdirSync(EXAMPLES)
        .map(name => join(EXAMPLES, name))
        .filter(dir => statSync(dir).isDirectory() && Object.keys(readFolder(dir)).length > 0)
        .sort();
}

/**
 * Mutates example files inside their workspace, as an editor would send them, and runs the
 * whole pipeline and every editor feature the services provide on each mutant. Collects
 * failures instead of stopping, so one run reports everything it found.
 */
export async function runFuzz(options: FuzzOptions): Promise<FuzzReport> {
    const rng = random(options.seed);
    const folders = exampleFolders();
    const workspaces = new Map<string, ExampleWorkspace>();
    const report: FuzzReport = { seed: options.seed, cases: 0, byMutation: {}, failures: [], slowest: [] };
    const started = performance.now();

    while (performance.now() - started < options.budgetMs && report.failures.length < 20) {
        const folder = rng.pick(folders);
        let state = workspaces.get(folder);
        if (!state) {
            const originals = readFolder(folder);
            state = { ws: await buildWorkspace(originals), originals, current: { ...originals } };
            workspaces.set(folder, state);
        }
        const file = rng.pick(Object.keys(state.originals).sort());
        const { text, mutation } = mutant(state, file, rng);
        const n = ++report.cases;
        report.byMutation[mutation] = (report.byMutation[mutation] ?? 0) + 1;

        const save = (kind: string): string => {
            const input = join(FAILED_INPUTS, `${kind}${options.seed}-${n}-${file.replace(/\//g, '_')}`);
            mkdirSync(FAILED_INPUTS, { recursive: true });
            writeFileSync(input, text);
            return input;
        };
        const failure = (feature: string, error: unknown): void => {
            const input = save('');
            const e = error instanceof Error ? error : new Error(String(error));
            report.failures.push({ case: n, mutation, file, feature, message: e.message, stack: e.stack, input });
        };
        const slowest = new Map<string, number>();
        const cpu = process.cpuUsage();
        // Langium catches what a check or a completion throws and logs it (a check's also becomes
        // an error diagnostic): that is a crash the user sees, so it counts as one here.
        const logged: unknown[][] = [];
        const consoleError = console.error;
        console.error = (...args: unknown[]) => { logged.push(args); };
        try {
            await timed(slowest, 'validation', () => state.ws.edit(file, text));
            state.current[file] = text;
            await everyFeature(state.ws, file, rng, slowest, failure);
        } catch (error) {
            failure('validation', error);
        } finally {
            console.error = consoleError;
        }
        if (logged.length > 0) failure('an exception Langium caught and logged', logged[0]!.find(a => a instanceof Error) ?? logged[0]!.join(' '));
        const used = process.cpuUsage(cpu);
        const ms = (used.user + used.system) / 1000;
        const [worstFeature, worstMs] = [...slowest].sort((a, b) => b[1] - a[1])[0] ?? ['', 0];
        report.slowest.push({ case: n, mutation, file, ms, chars: text.length, worst: `${worstFeature} ${worstMs.toFixed(0)} ms` });
        report.slowest = report.slowest.sort((a, b) => b.ms - a.ms).slice(0, 5);
        // Inputs that took over half the limit are kept too, to be profiled.
        if (worstMs > options.maxDocumentMs / 2) save('slow-');
        for (const [feature, worst] of slowest) {
            if (worst > options.maxDocumentMs) failure(`time of ${feature}`, new Error(`${worst.toFixed(0)} ms CPU for one call (limit ${options.maxDocumentMs} ms)`));
        }
        // After a failure the workspace may be in any state: start the folder afresh.
        if (report.failures.some(f => f.case === n)) workspaces.delete(folder);
    }
    return report;
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

/** Runs `call`, keeping in `slowest` the longest CPU time one call of `feature` took. */
async function timed<T>(slowest: Map<string, number>, feature: string, call: () => T | Promise<T>): Promise<T> {
    const cpu = process.cpuUsage();
    try {
        return await call();
    } finally {
        const used = process.cpuUsage(cpu);
        slowest.set(feature, Math.max(slowest.get(feature) ?? 0, (used.user + used.system) / 1000));
    }
}

/** Every editor feature the services define, on `file` (already validated); reports what throws. */
async function everyFeature(ws: TestWorkspace, file: string, rng: Random, slowest: Map<string, number>, failure: (feature: string, error: unknown) => void): Promise<void> {
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
