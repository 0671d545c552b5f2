#!/usr/bin/env node
// `npm run bench:soak [-- --n 1000] [--edits 10000] [--sample 500] [--standard-every 100] [--contract-every 50] [--node-args=--flag,…] [--server path/to/kpispec-language-server.js]`
//
// Language-server memory over a long editing session: starts the server on the generated
// N-project workspace, then types `--edits` keystrokes (one character typed, then deleted)
// through a real LSP client. Most are in the 1,000-line targets file, each with a completion
// and a hover request; every `--contract-every`-th is in a project's contract and every
// `--standard-every`-th in the standard every project applies (which re-validates every file).
// Every `--sample` edits it prints the server's resident memory (now and peak, from /proc),
// its CPU time, the keystroke → diagnostics latencies of that stretch and the load average.
// The server runs with the Node arguments the VS Code extension gives it (`--node-args=` for
// none). Growth between the first and the last sample is what the soak is about. `--server` measures
// another build of the server (e.g. an older commit's, to compare).
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { defaultDir, generate, MARKER } from './generate.mjs';
import { parseCommandLine, usageError } from './lib/command-line.mjs';
import { EDITOR_NODE_ARGS, fileUri, SERVER, startServer } from './lib/lsp-client.mjs';
import { allPublished, firstOf, keystrokes, probePositions, QUIET_MS, SCENARIOS } from './lib/server-bench.mjs';
import { summary } from './lib/stats.mjs';

const USAGE = 'usage: npm run bench:soak -- [--n 1000] [--edits 10000] [--sample 500] [--standard-every 100] [--contract-every 50] [--node-args=--flag,…] [--server bin.js]';
const { values } = parseCommandLine(USAGE, {
    options: {
        n: { type: 'string', default: '1000' },
        edits: { type: 'string', default: '10000' },
        sample: { type: 'string', default: '500' },
        'standard-every': { type: 'string', default: '100' },
        'contract-every': { type: 'string', default: '50' },
        'node-args': { type: 'string', default: EDITOR_NODE_ARGS.join(',') },
        server: { type: 'string', default: SERVER },
    },
});
const [n, edits, sample, standardEvery, contractEvery] =
    [values.n, values.edits, values.sample, values['standard-every'], values['contract-every']].map(Number);
if (![n, edits, sample, standardEvery, contractEvery].every(v => Number.isInteger(v) && v > 0)) usageError(USAGE);

const dir = defaultDir(n);
let description;
try {
    description = JSON.parse(readFileSync(join(dir, MARKER), 'utf8'));
} catch {
    description = undefined;
}
if (description?.n !== n) description = generate(n, dir);

const client = await startServer(dir, { nodeArgs: values['node-args'].split(',').filter(Boolean), server: resolve(values.server) });
const rows = [];
try {
    const ready = await allPublished(client, description.files, 600_000);
    await client.quiet(QUIET_MS);
    const files = Object.fromEntries(SCENARIOS.map(s => {
        const path = join(dir, s.file(description));
        const text = readFileSync(path, 'utf8');
        const uri = fileUri(path);
        return [s.key, { uri, text, keystroke: keystrokes(client, uri, text, s.anchor), typed: 0 }];
    }));
    for (const f of Object.values(files)) client.open(f.uri, f.text);
    await client.quiet(QUIET_MS);
    const probe = probePositions(files.local.text);

    console.log(`N = ${n} (${description.files} files): all diagnostics published ${(ready / 1000).toFixed(1)} s after start; ${edits} edits, a standard edit every ${standardEvery}, a contract edit every ${contractEvery}`);
    console.log('| edits | wall s | server CPU s | RSS MB | peak RSS MB | local edit p50 / p95 ms | completion / hover p95 ms | standard edit, all files p95 ms | load average |');
    console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
    const started = performance.now();
    let window = { local: [], completion: [], hover: [], standard: [] };
    report(0, started, window);
    for (let e = 1; e <= edits; e++) {
        const kind = e % standardEvery === 0 ? 'standard' : e % contractEvery === 0 ? 'contract' : 'local';
        const file = files[kind];
        const mark = client.published.length;
        const t0 = performance.now();
        file.keystroke(file.typed++);
        const requests = kind === 'local'
            ? Promise.all([
                client.timed('textDocument/completion', { textDocument: { uri: files.local.uri }, position: probe.completion }),
                client.timed('textDocument/hover', { textDocument: { uri: files.local.uri }, position: probe.hover }),
            ])
            : undefined;
        const own = await client.until(firstOf(client, mark, new Set([file.uri])), 600_000);
        if (kind === 'local') {
            window.local.push(own.at - t0);
            const [c, h] = await requests;
            window.completion.push(c.ms);
            window.hover.push(h.ms);
        } else {
            // The dependents are re-published after the edited file; the edit is over when they stop.
            await client.quiet(QUIET_MS);
            if (kind === 'standard') window.standard.push(client.published.at(-1).at - t0);
        }
        if (e % sample === 0 || e === edits) {
            report(e, started, window);
            window = { local: [], completion: [], hover: [], standard: [] };
        }
    }
    const first = rows[0];
    const last = rows.at(-1);
    const after = rows.find(r => r.edits >= sample) ?? last;
    console.log(`\npeak RSS ${last.peakMB.toFixed(0)} MB; RSS after ${after.edits} edits ${after.rssMB.toFixed(0)} MB, after ${last.edits} edits ${last.rssMB.toFixed(0)} MB ` +
        `(start ${first.rssMB.toFixed(0)} MB); server CPU ${last.cpuS.toFixed(0)} s in ${last.wallS.toFixed(0)} s`);
} finally {
    await client.stop();
}

function report(e, started, window) {
    const status = readFileSync(`/proc/${client.child.pid}/status`, 'utf8');
    const mb = (field) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1]) / 1024;
    // utime and stime, fields 14 and 15 of /proc/<pid>/stat (after the parenthesised name), in clock ticks.
    const stat = readFileSync(`/proc/${client.child.pid}/stat`, 'utf8').split(') ')[1].split(' ');
    const row = {
        edits: e, wallS: (performance.now() - started) / 1000, cpuS: (Number(stat[11]) + Number(stat[12])) / 100,
        rssMB: mb('VmRSS'), peakMB: mb('VmHWM'),
    };
    rows.push(row);
    const p = (list) => { const s = summary(list); return s.n ? `${s.p50.toFixed(0)} / ${s.p95.toFixed(0)}` : '–'; };
    const p95 = (list) => (list.length ? summary(list).p95.toFixed(0) : '–');
    console.log(`| ${e} | ${row.wallS.toFixed(0)} | ${row.cpuS.toFixed(1)} | ${row.rssMB.toFixed(0)} | ${row.peakMB.toFixed(0)} | ${p(window.local)} | ` +
        `${p95(window.completion)} / ${p95(window.hover)} | ${p95(window.standard)} | ${loadavg().map(l => l.toFixed(1)).join(' ')} |`);
}
