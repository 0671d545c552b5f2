#!/usr/bin/env node
// `node bench/report.mjs [--n 1000] [--runs 3]`: cold `kpispec report` against cold `kpispec lint`
// on the same generated workspace (bench/generate.mjs; made when missing). The runs alternate so
// that load from other processes falls on both alike; medians of wall and CPU time and peak RSS
// are printed as a Markdown table with the ratio report ÷ lint (issue 14's target: ≤ 2 ×).
// Needs the built CLI (`npm run build`).
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultDir, generate, MARKER } from './generate.mjs';
import { parseCommandLine, usageError } from './lib/command-line.mjs';
import { timedNode } from './lib/process.mjs';
import { percentile } from './lib/stats.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const CLI = join(ROOT, 'packages', 'cli', 'bin', 'kpispec.js');
const USAGE = 'usage: node bench/report.mjs [--n 1000] [--runs 3]';
const { values } = parseCommandLine(USAGE, { options: { n: { type: 'string', default: '1000' }, runs: { type: 'string', default: '3' } } });
const n = Number(values.n);
const runs = Number(values.runs);
if (!Number.isInteger(n) || n < 1 || !Number.isInteger(runs) || runs < 1) usageError(USAGE);
if (!existsSync(join(ROOT, 'packages', 'cli', 'dist', 'commands', 'report.js'))) {
    console.error('the CLI is not built: run `npm run build` first');
    process.exit(2);
}
const log = (message) => process.stderr.write(`[bench:report] ${message}\n`);

const dir = defaultDir(n);
const marker = join(dir, MARKER);
const description = existsSync(marker) && JSON.parse(readFileSync(marker, 'utf8')).n === n ? JSON.parse(readFileSync(marker, 'utf8')) : generate(n, dir);
log(`N = ${n}: ${description.files} files, ${description.lines} lines`);

const scratch = mkdtempSync(join(tmpdir(), 'kpi-bench-report-'));
const samples = { lint: [], report: [] };
let pages = 0;
try {
    for (let i = 0; i < runs; i++) {
        const lint = await timedNode([CLI, 'lint', dir, '-f', 'json'], { stdoutFile: join(scratch, 'lint.json') });
        if (lint.code !== 0 && lint.code !== 1) throw new Error(`kpispec lint exited with ${lint.code}: ${lint.stderr}`);
        samples.lint.push(lint);
        const out = join(scratch, `report-${i}`);
        const report = await timedNode([CLI, 'report', dir, '-o', `${out}/`]);
        if (report.code !== 0) throw new Error(`kpispec report exited with ${report.code}: ${report.stderr}`);
        samples.report.push(report);
        pages = readdirSync(out).length;
        log(`run ${i + 1}: lint ${(lint.ms / 1000).toFixed(2)} s, report ${(report.ms / 1000).toFixed(2)} s (${pages} pages)`);
    }
} finally {
    rmSync(scratch, { recursive: true, force: true });
}

const median = (list, key) => percentile(list.map(s => s[key]).filter(v => v !== undefined), 50);
const row = (name, list) => `| ${name} | ${(median(list, 'ms') / 1000).toFixed(2)} s | ${(median(list, 'cpuMs') / 1000).toFixed(2)} s | ${median(list, 'rssMB')?.toFixed(0)} MB |`;
const ratio = median(samples.report, 'ms') / median(samples.lint, 'ms');
const cpuRatio = median(samples.report, 'cpuMs') / median(samples.lint, 'cpuMs');
process.stdout.write([
    `N = ${n} projects (${description.files} files, ${description.lines} lines), median of ${runs} cold runs`,
    '',
    '| command | wall | CPU | peak RSS |',
    '|---|---|---|---|',
    row('`kpispec lint -f json`', samples.lint),
    row(`\`kpispec report -o DIR/\` (${pages} pages)`, samples.report),
    '',
    `report ÷ lint: ${ratio.toFixed(2)} × wall, ${cpuRatio.toFixed(2)} × CPU (target ≤ 2 ×)`,
    '',
].join('\n'));
