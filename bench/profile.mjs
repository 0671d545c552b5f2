#!/usr/bin/env node
// Where the time goes, in one process: loads a workspace as `kpispec lint` does (timing each
// document-builder phase), then replays editor keystrokes on one file the way the language
// server does (text document → DocumentBuilder.update) and times each update's phases.
//
//   node [--cpu-prof] bench/profile.mjs <dir> [--edit local|contract|standard] [--repeat 20] [--langium] [--requests]
//
// --requests times the completion and hover that the server benchmark sends (in the large
// targets file, after its first `依据 `), without an edit under way: the cost of answering.
// --langium turns on Langium's profiler for linking and validation and prints the most
// expensive reference kinds and node types. Set KPI_LANGUAGE to a module path to profile a
// build of the language other than packages/language/dist.
import { readFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { writeHeapSnapshot } from 'node:v8';
import { DefaultLangiumProfiler, DocumentState, ProfilingTask, URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { MARKER } from './generate.mjs';
import { parseCommandLine } from './lib/command-line.mjs';
import { probePositions } from './lib/server-bench.mjs';
import { summary } from './lib/stats.mjs';

const USAGE = 'usage: node [--cpu-prof] bench/profile.mjs <dir> [--edit local|contract|standard] [--repeat 20] [--langium] [--requests] [--heap-snapshot file]';
const { values, positionals } = parseCommandLine(USAGE, {
    allowPositionals: true,
    options: {
        edit: { type: 'string' },
        repeat: { type: 'string', default: '20' },
        langium: { type: 'boolean', default: false },
        requests: { type: 'boolean', default: false },
        'heap-snapshot': { type: 'string' },
    },
});
const dir = resolve(positionals[0] ?? 'bench/workspaces/n100');
const language = await import(process.env.KPI_LANGUAGE ? pathToFileURL(resolve(process.env.KPI_LANGUAGE)).href : '@kpispec/language');

/**
 * Langium's profiler, summed over all documents instead of a console table per document
 * (a task clears its entries once it has handed its record over, so they are summed then).
 */
class SummingProfiler extends DefaultLangiumProfiler {
    totals = { linking: new Map(), validating: new Map() };

    createTask(category, taskId) {
        return new ProfilingTask(record => {
            const totals = this.totals[category];
            for (const key of record.entries.keys()) {
                const list = record.entries.get(key);
                const t = totals.get(key) ?? { count: 0, ms: 0 };
                t.count += list.length;
                t.ms += list.reduce((a, b) => a + b, 0);
                totals.set(key, t);
            }
        }, taskId);
    }
}

const PHASES = [
    [DocumentState.Parsed, 'parse'], [DocumentState.IndexedContent, 'index'], [DocumentState.ComputedScopes, 'scopes'],
    [DocumentState.Linked, 'link'], [DocumentState.IndexedReferences, 'index refs'], [DocumentState.Validated, 'validate'],
];

const { shared, kpi } = language.createKpiServices(NodeFileSystem);
const builder = shared.workspace.DocumentBuilder;
const profiler = values.langium ? new SummingProfiler(new Set(['linking', 'validating'])) : undefined;
if (profiler) {
    kpi.references.Linker.profiler = profiler;
    kpi.validation.DocumentValidator.profiler = profiler;
}

// Phase durations of the current build: each phase ends when the builder reports it done.
let phaseStart = 0;
let phases = {};
for (const [state, name] of PHASES) {
    builder.onBuildPhase(state, () => {
        const now = performance.now();
        phases[name] = (phases[name] ?? 0) + now - phaseStart;
        phaseStart = now;
    });
}
async function timed(run) {
    phases = {};
    const cpu = process.cpuUsage();
    const started = phaseStart = performance.now();
    await run();
    const used = process.cpuUsage(cpu);
    return { total: performance.now() - started, cpu: (used.user + used.system) / 1000, phases };
}

const files = await kpiFiles(dir);
const documents = [];
const cold = await timed(async () => {
    // Read ahead of the parser, as `kpispec lint` does.
    const reads = files.map(() => undefined);
    for (let i = 0; i < files.length; i++) {
        for (let j = i; j <= Math.min(files.length - 1, i + 32); j++) reads[j] ??= readFile(files[j], 'utf8');
        const doc = shared.workspace.LangiumDocumentFactory.fromString(await reads[i], URI.file(files[i]));
        reads[i] = undefined;
        shared.workspace.LangiumDocuments.addDocument(doc);
        documents.push(doc);
    }
    // Documents made from strings are parsed on creation.
    phases['read + parse'] = performance.now() - phaseStart;
    phaseStart = performance.now();
    await builder.build(documents, { validation: true });
});
const diagnostics = documents.reduce((n, d) => n + (d.diagnostics?.length ?? 0), 0);
console.log(`cold build of ${files.length} files: ${cold.total.toFixed(0)} ms (CPU ${cold.cpu.toFixed(0)} ms), ${diagnostics} diagnostics, heap ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MB`);
printPhases(cold.phases);

if (values.requests) {
    const description = JSON.parse(readFileSync(join(dir, MARKER), 'utf8'));
    const uri = URI.file(join(dir, description.edits.largeTargets));
    const document = shared.workspace.LangiumDocuments.getDocument(uri);
    const probe = probePositions(document.textDocument.getText());
    const textDocument = { uri: uri.toString() };
    const requests = {
        completion: () => kpi.lsp.CompletionProvider.getCompletion(document, { textDocument, position: probe.completion }),
        hover: () => kpi.lsp.HoverProvider.getHoverContent(document, { textDocument, position: probe.hover }),
    };
    for (const [name, request] of Object.entries(requests)) {
        const times = [];
        let answer;
        for (let k = 0; k <= Number(values.repeat); k++) {
            const started = performance.now();
            answer = await request();
            if (k > 0) times.push(performance.now() - started);
        }
        const s = summary(times);
        const items = answer?.items ? `${answer.items.length} items, ` : '';
        console.log(`${name}: p50 ${s.p50.toFixed(1)} ms, p95 ${s.p95.toFixed(1)} ms over ${s.n} requests; ${items}${JSON.stringify(answer ?? null).length} bytes`);
    }
}

if (values.edit) {
    const description = JSON.parse(readFileSync(join(dir, MARKER), 'utf8'));
    const file = { local: description.edits.largeTargets, contract: description.edits.contract, standard: description.edits.commonStandard }[values.edit];
    if (!file) throw new Error(`unknown --edit ${values.edit} (use local, contract or standard)`);
    const uri = URI.file(join(dir, file));
    const text = readFileSync(join(dir, file), 'utf8');
    const middle = text.indexOf('"', Math.floor(text.length / 2)) + 1;
    const textDocuments = shared.workspace.TextDocuments;
    const runs = [];
    const perPhase = {};
    for (let k = 0; k <= Number(values.repeat); k++) {
        const edited = k % 2 === 0 ? text.slice(0, middle) + '改' + text.slice(middle) : text;
        textDocuments.set(TextDocument.create(uri.toString(), 'kpi', k + 2, edited));
        let validated = 0;
        const listener = builder.onDocumentPhase(DocumentState.Validated, () => { validated++; });
        const run = await timed(() => builder.update([uri], []));
        listener.dispose();
        if (k === 0) {
            console.log(`\n${values.edit} edit of ${file} re-validates ${validated} files`);
            continue;
        }
        runs.push(run.total);
        for (const [name, ms] of Object.entries(run.phases)) (perPhase[name] ??= []).push(ms);
    }
    const s = summary(runs);
    // With --expose-gc, what stays reachable rather than what the collector has yet to free.
    globalThis.gc?.();
    const memory = process.memoryUsage();
    console.log(`update: p50 ${s.p50.toFixed(1)} ms, p95 ${s.p95.toFixed(1)} ms over ${s.n} edits; then heap ${(memory.heapUsed / 2 ** 20).toFixed(0)} MB, RSS ${(memory.rss / 2 ** 20).toFixed(0)} MB`);
    printPhases(Object.fromEntries(Object.entries(perPhase).map(([name, list]) => [name, summary(list).p50])), 'p50 ');
}

if (values['heap-snapshot']) {
    globalThis.gc?.();
    console.log(`heap snapshot: ${writeHeapSnapshot(values['heap-snapshot'])}`);
}

if (profiler) {
    for (const [category, totals] of Object.entries(profiler.totals)) {
        console.log(`\nLangium profiler, ${category} (top 12, self time):`);
        for (const [key, t] of [...totals].sort((a, b) => b[1].ms - a[1].ms).slice(0, 12)) {
            console.log(`  ${key.padEnd(40)} ${String(t.count).padStart(8)} × ${t.ms.toFixed(1).padStart(9)} ms`);
        }
    }
}

function printPhases(phaseMs, prefix = '') {
    console.log('  ' + Object.entries(phaseMs).map(([name, ms]) => `${name} ${prefix}${ms.toFixed(1)} ms`).join(', '));
}

async function kpiFiles(root) {
    const out = [];
    for (const entry of await readdir(root, { withFileTypes: true })) {
        if (entry.name.startsWith('.')) continue;
        const full = join(root, entry.name);
        if (entry.isDirectory()) out.push(...await kpiFiles(full));
        else if (entry.name.endsWith('.kpi')) out.push(full);
    }
    return out.sort();
}
