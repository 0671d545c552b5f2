// Language-server measurements on a generated workspace, through a real LSP client over
// stdio: start until every file's diagnostics are published, then keystroke → diagnostics
// latency for three kinds of edit, with completion and hover requests sent while each
// re-validation runs.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EDITOR_NODE_ARGS, fileUri, startServer } from './lsp-client.mjs';
import { peakRssOf } from './process.mjs';
import { percentile, summary } from './stats.mjs';

/** How long without any diagnostics counts as "the re-validation is over". */
export const QUIET_MS = 1000;

export const SCENARIOS = [
    { key: 'local', label: 'local edit in the 1,000-line targets file', file: (d) => d.edits.largeTargets, anchor: /^\s+\S+ "/ },
    { key: 'contract', label: "edit of one project's contract", file: (d) => d.edits.contract, anchor: /^\s+(条款|clause) / },
    { key: 'standard', label: 'edit of the standard every project applies', file: (d) => d.edits.commonStandard, anchor: /^\s+(要求|requirement) / },
];

/**
 * Runs the server benchmark. `edits` keystrokes per scenario (plus one warm-up edit that also
 * learns how many files each edit re-validates); `server` measures another build's bin script.
 */
export async function benchServer(dir, description, { edits = 50, log = () => {}, waitMs = 180_000, server } = {}) {
    // Started as the VS Code extension starts it.
    const client = await startServer(dir, { nodeArgs: EDITOR_NODE_ARGS, server });
    try {
        const ready = await allPublished(client, description.files, waitMs);
        log(`server: all ${description.files} files published after ${(ready / 1000).toFixed(1)} s`);
        await client.quiet(QUIET_MS);

        // Completion and hover are measured in the large targets file, which stays open.
        const probeFile = join(dir, description.edits.largeTargets);
        const probeUri = fileUri(probeFile);
        const probeText = readFileSync(probeFile, 'utf8');
        const probe = probePositions(probeText);
        client.open(probeUri, probeText);
        await client.quiet(QUIET_MS);

        const scenarios = {};
        for (const scenario of SCENARIOS) {
            scenarios[scenario.key] = await runScenario(client, dir, description, scenario, { probeUri, probe, edits, waitMs });
            const s = scenarios[scenario.key];
            log(`server: ${scenario.key}: own p95 ${s.own.p95?.toFixed(0)} ms, all ${s.affected} files p95 ${s.all.p95?.toFixed(0)} ms, completion p95 ${s.completion.p95?.toFixed(0)} ms, hover p95 ${s.hover.p95?.toFixed(0)} ms`);
        }
        return { startMs: ready, peakRssMB: peakRssOf(client.child.pid), scenarios };
    } catch (error) {
        const logs = client.logs.slice(-10).map(l => l.message).join('\n');
        throw new Error(`${error.message}\nserver stderr:\n${client.stderr.slice(-3000)}\nserver log messages:\n${logs}`);
    } finally {
        await client.stop();
    }
}

/** Milliseconds from spawning the server until every file has had its diagnostics published. */
export async function allPublished(client, files, waitMs) {
    const uris = new Set();
    let next = 0;
    const last = await client.until(() => {
        for (; next < client.published.length; next++) {
            uris.add(client.published[next].uri);
            if (uris.size >= files) return client.published[next];
        }
        return undefined;
    }, waitMs);
    return last.at - client.started;
}

/** The position right after the first `依据 ` (a link completion) and one inside that link (hover). */
export function probePositions(text) {
    const lines = text.split('\n');
    const line = lines.findIndex(l => /(依据|per) /.test(l));
    const character = lines[line].search(/(依据|per) /) + lines[line].match(/(依据|per) /)[0].length;
    return { completion: { line, character }, hover: { line, character: character + 1 } };
}

async function runScenario(client, dir, description, scenario, { probeUri, probe, edits, waitMs }) {
    const path = join(dir, scenario.file(description));
    const uri = fileUri(path);
    const text = readFileSync(path, 'utf8');
    if (uri !== probeUri) {
        const mark = client.published.length;
        client.open(uri, text);
        // Opening re-validates the file and its dependents; let that finish before typing.
        await client.until(firstOf(client, mark, new Set([uri])), waitMs);
        await client.quiet(QUIET_MS);
    }
    const keystroke = keystrokes(client, uri, text, scenario.anchor);

    const own = [];
    const all = [];
    const files = [];
    const completion = [];
    const hover = [];
    for (let k = 0; k <= edits; k++) {
        const mark = client.published.length;
        const t0 = performance.now();
        keystroke(k);
        const requests = Promise.all([
            client.timed('textDocument/completion', { textDocument: { uri: probeUri }, position: probe.completion }),
            client.timed('textDocument/hover', { textDocument: { uri: probeUri }, position: probe.hover }),
        ]);
        const mine = await client.until(firstOf(client, mark, new Set([uri])), waitMs).catch(error => {
            throw new Error(`${scenario.key} edit ${k}: no diagnostics for the edited file: ${error.message}`);
        });
        // The re-validation is over when no diagnostics have come for a while; which files an
        // edit re-validates is up to the server (Langium's default also relinks every file with
        // an unresolved reference), so it is observed rather than assumed.
        await client.quiet(QUIET_MS);
        const since = client.published.slice(mark);
        const [c, h] = await requests;
        // The first edit warms up caches and compiled code; it is not counted.
        if (k === 0) continue;
        own.push(mine.at - t0);
        all.push(since.at(-1).at - t0);
        files.push(new Set(since.map(e => e.uri)).size);
        completion.push(c.ms);
        hover.push(h.ms);
    }
    return {
        file: scenario.file(description), affected: percentile(files, 50), own: summary(own), all: summary(all),
        completion: summary(completion), hover: summary(hover),
    };
}

/**
 * Keystroke `k` of an edit: even ones type one character into a title string near the middle
 * of the file (on a line matching `anchor`), odd ones delete it again.
 */
export function keystrokes(client, uri, text, anchor) {
    const lines = text.split('\n');
    const candidates = lines.map((l, i) => (anchor.test(l) && l.includes('"') ? i : -1)).filter(i => i >= 0);
    const line = candidates[Math.floor(candidates.length / 2)];
    const at = { line, character: lines[line].indexOf('"') + 1 };
    return (k) => (k % 2 === 0
        ? client.change(uri, { start: at, end: at }, '改')
        : client.change(uri, { start: at, end: { line, character: at.character + 1 } }, ''));
}

/**
 * A test for `client.until`: the publication after `mark` that completes the set of `uris`
 * (each published at least once). Scans each publication once, however many checks it takes.
 */
export function firstOf(client, mark, uris) {
    const seen = new Set();
    let next = mark;
    return () => {
        for (; next < client.published.length; next++) {
            const e = client.published[next];
            if (uris.has(e.uri)) seen.add(e.uri);
            if (seen.size === uris.size) return e;
        }
        return undefined;
    };
}
