#!/usr/bin/env node
// Summarises a V8 CPU profile (from `node --cpu-prof`): the functions with the most self time
// and the most total (inclusive) time, with their source location.
//   node bench/hotspots.mjs <file.cpuprofile> [--top 25] [--filter text]
import { readFileSync } from 'node:fs';
import { parseCommandLine, usageError } from './lib/command-line.mjs';

const USAGE = 'usage: node bench/hotspots.mjs <file.cpuprofile> [--top 25] [--filter text]';
const { values, positionals } = parseCommandLine(USAGE, { allowPositionals: true, options: { top: { type: 'string', default: '25' }, filter: { type: 'string' } } });
if (positionals.length !== 1) usageError(USAGE);
const profile = JSON.parse(readFileSync(positionals[0], 'utf8'));
const nodes = new Map(profile.nodes.map(n => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

// Sample counts per node, weighted by the time until the next sample.
const selfMs = new Map();
profile.samples.forEach((id, i) => selfMs.set(id, (selfMs.get(id) ?? 0) + (profile.timeDeltas[i + 1] ?? 0) / 1000));
const label = (n) => {
    const f = n.callFrame;
    const file = f.url.replace(/^file:\/\//, '').replace(/.*\/node_modules\//, '').replace(/.*\/work\/main\//, '');
    return `${f.functionName || '(anonymous)'} ${file}:${f.lineNumber + 1}`;
};
const self = new Map();
const total = new Map();
for (const [id, ms] of selfMs) {
    const key = label(nodes.get(id));
    self.set(key, (self.get(key) ?? 0) + ms);
    // Count each function once per sample stack, however deep it recurses.
    const seen = new Set();
    for (let at = id; at !== undefined; at = parent.get(at)) {
        const k = label(nodes.get(at));
        if (seen.has(k)) continue;
        seen.add(k);
        total.set(k, (total.get(k) ?? 0) + ms);
    }
}
const all = [...selfMs.values()].reduce((a, b) => a + b, 0);
const top = Number(values.top);
const show = (title, map) => {
    console.log(`\n${title} (of ${all.toFixed(0)} ms sampled)`);
    for (const [k, ms] of [...map].filter(([k]) => !values.filter || k.includes(values.filter)).sort((a, b) => b[1] - a[1]).slice(0, top)) {
        console.log(`${ms.toFixed(0).padStart(8)} ms ${(100 * ms / all).toFixed(1).padStart(5)}%  ${k}`);
    }
};
show('self time', self);
show('total time', total);
