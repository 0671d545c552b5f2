#!/usr/bin/env node
// The web page (issue 15), measured: `npm run bench:web [-- --runs 5] [--projects 100]`.
//   - size of kpispec.html, uncompressed (budget 1.5 MB, editor included) and gzipped, and the
//     code it holds once the page has inflated its gzipped worker (exceljs, inflated only when a
//     workbook is saved, not counted);
//   - the page opened until its worker has warmed up (data-worker="ready");
//   - the reference case dropped on the page (through its folder input) until its findings
//     are shown: the first drop once the page is ready (median over fresh pages), then the
//     median of further drops on one page;
//   - N generated projects (bench/generate.mjs) dropped as a folder until their findings are
//     shown, against a cold `kpispec lint <folder> -f json` (budget: within 2× of the CLI);
//   - the review report tab opened until the report of the last drop is shown;
//   - the review workbook saved (click → download), the first time (exceljs inflated and run) and again.
// Builds the page first. Needs Debian's Chromium (/usr/bin/chromium; npm run test:editor installs it).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { defaultDir, generate, MARKER } from './generate.mjs';
import { parseCommandLine } from './lib/command-line.mjs';
import { timedNode } from './lib/process.mjs';
import { percentile } from './lib/stats.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const PAGE = join(ROOT, 'packages', 'web', 'dist', 'kpispec.html');
const CLI = join(ROOT, 'packages', 'cli', 'bin', 'kpispec.js');
const REFERENCE = join(ROOT, 'test', 'fixtures', 'reference', 'hotline-12345');
/** Fresh page loads for the first-drop measure. */
const FRESH_PAGES = 3;
const BUDGET = { bytes: 1.5 * 1024 * 1024, firstFindingsMs: 1000, overCli: 2 };

const { values } = parseCommandLine('usage: npm run bench:web -- [--runs 5] [--projects 100]', { options: { runs: { type: 'string', default: '5' }, projects: { type: 'string', default: '100' } } });
const runs = Number(values.runs);
const projects = Number(values.projects);
const log = message => console.error(`[bench:web] ${message}`);
const mark = ok => (ok ? '✓' : '✗');

execFileSync(process.execPath, [join(ROOT, 'packages', 'web', 'build.mjs')], { stdio: ['ignore', 'ignore', 'inherit'] });
const html = readFileSync(PAGE);
/** The text of one of the page's packed scripts (`<script type="text/plain" id=…>`). */
const packedScript = id => new RegExp(`<script type="text/plain" id="${id}">([^<]*)</script>`).exec(html.toString('utf8'))[1];
const packedWorker = packedScript('kpi-worker');
const workerBytes = gunzipSync(Buffer.from(packedWorker, 'base64')).length;
// exceljs, packed the same way, is inflated only when a workbook is saved: not code the page holds until then.
const packedExceljs = packedScript('exceljs');
const size = {
    bytes: html.length, gzipBytes: gzipSync(html, { level: 9 }).length, packedExceljsBytes: Buffer.byteLength(packedExceljs),
    inflatedBytes: html.length - Buffer.byteLength(packedWorker) - Buffer.byteLength(packedExceljs) + workerBytes,
};

const workspace = defaultDir(projects);
if (!existsSync(join(workspace, MARKER)) || JSON.parse(readFileSync(join(workspace, MARKER), 'utf8')).n !== projects) {
    log(`generating ${workspace}`);
    generate(projects, workspace);
}

log('cold kpispec lint');
const cliRuns = [];
let cliDiagnostics = 0;
const scratch = mkdtempSync(join(tmpdir(), 'kpi-bench-web-'));
try {
    for (let i = 0; i < 3; i++) {
        const output = join(scratch, 'lint.json');
        const run = await timedNode([CLI, 'lint', workspace, '-f', 'json'], { stdoutFile: output });
        if (run.code > 1) throw new Error(`kpispec lint exited with ${run.code}: ${run.stderr}`);
        cliRuns.push(run.ms);
        cliDiagnostics = JSON.parse(readFileSync(output, 'utf8')).reduce((n, f) => n + f.messages.length, 0);
    }
} finally {
    rmSync(scratch, { recursive: true, force: true });
}

const profile = mkdtempSync(join(tmpdir(), 'kpi-bench-chromium-'));
const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
let reference, large;
try {
    const page = context.pages()[0] ?? await context.newPage();
    /** Opens the page fresh, then times each drop of `folder` from the input's change to the findings shown. */
    const dropTimes = async (folder, count) => {
        await page.goto(pathToFileURL(PAGE).href);
        // An officer opens the page, then picks a folder: the worker warms up meanwhile.
        await page.waitForFunction(() => document.body.dataset.worker === 'ready', null, { timeout: 60_000 });
        const readyMs = await page.evaluate(() => performance.now());
        await page.evaluate(() => {
            const timing = { started: 0, shown: [] };
            Object.assign(window, { timing });
            // Capture phase: the clock starts before the page's own handler reads the files.
            document.querySelector('#pick-folder').addEventListener('change', () => { timing.started = performance.now(); }, true);
            new MutationObserver(() => timing.shown.push({ ms: performance.now() - timing.started, status: document.querySelector('#status').textContent }))
                .observe(document.body, { attributes: true, attributeFilter: ['data-checks'] });
        });
        const times = [];
        let status = '';
        for (let i = 0; i < count; i++) {
            await page.setInputFiles('#pick-folder', folder);
            await page.waitForFunction(n => window.timing.shown.length > n, i, { timeout: 120_000 });
            const shown = await page.evaluate(n => window.timing.shown[n], i);
            times.push(shown.ms);
            status = shown.status;
            // Clears the input, so the same folder chosen again fires a change.
            await page.evaluate(() => { document.querySelector('#pick-folder').value = ''; });
        }
        const rows = await page.$$eval('#findings tbody tr', trs => trs.length);
        // The report is made when its tab is opened (kpispec report's HTML, rendered by the worker).
        const reportStarted = await page.evaluate(() => performance.now());
        await page.click('[data-tab=report]');
        await page.waitForFunction(() => document.body.dataset.report === document.body.dataset.checks, null, { timeout: 120_000 });
        const reportMs = await page.evaluate(started => performance.now() - started, reportStarted);
        await page.click('[data-tab=findings]');
        // The review workbook saved twice: the first save inflates and runs exceljs, the second does not.
        const saveMs = [];
        for (let i = 0; i < 2; i++) {
            const started = performance.now();
            await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), page.click('#save-xlsx')]);
            saveMs.push(performance.now() - started);
        }
        return { readyMs, first: times[0], median: percentile(times.slice(1), 50), times, status, rows, reportMs, saveMs };
    };
    log('reference case');
    // The first drop after opening is the one an officer waits for: measured on fresh pages.
    reference = await dropTimes(REFERENCE, runs + 1);
    const firsts = [reference.first];
    const readies = [reference.readyMs];
    for (let i = 1; i < FRESH_PAGES; i++) {
        const again = await dropTimes(REFERENCE, 1);
        firsts.push(again.first);
        readies.push(again.readyMs);
    }
    Object.assign(reference, { first: percentile(firsts, 50), firsts, readyMs: percentile(readies, 50) });
    log(`${projects} projects`);
    large = await dropTimes(workspace, Math.max(2, Math.ceil(runs / 2)));
} finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
}

const cli = percentile(cliRuns, 50);
const ratio = large.median / cli;
const firstRatio = large.first / cli;
const kb = bytes => `${(bytes / 1024).toFixed(0)} KB`;
const ms = t => `${Math.round(t)} ms`;
console.log(`| measure | budget | result |
|---|---|---:|
| kpispec.html size (gzipped) | ≤ 1.5 MB | ${kb(size.bytes)} (${kb(size.gzipBytes)}) ${mark(size.bytes <= BUDGET.bytes)} |
| code once the page has inflated its worker (worker ${kb(workerBytes)}; exceljs, ${kb(size.packedExceljsBytes)} packed, only when a workbook is saved) | – | ${kb(size.inflatedBytes)} |
| page opened → worker warmed up (checks at full speed), median of ${FRESH_PAGES} | – | ${ms(reference.readyMs)} |
| reference case dropped → findings shown, first drop once the page is ready, median of ${FRESH_PAGES} (each) | ≤ 1 s | ${ms(reference.first)} (${reference.firsts.map(ms).join(', ')}) ${mark(reference.first <= BUDGET.firstFindingsMs)} |
| reference case dropped → findings shown, median of ${runs} more | ≤ 1 s | ${ms(reference.median)} ${mark(reference.median <= BUDGET.firstFindingsMs)} |
| ${projects} projects dropped as a folder → findings shown, first / median | – | ${ms(large.first)} / ${ms(large.median)} |
| cold \`kpispec lint\` of the same folder, median of ${cliRuns.length} | – | ${ms(cli)} |
| page ÷ CLI, first drop / median | ≤ 2× | ${firstRatio.toFixed(2)}× / ${ratio.toFixed(2)}× ${mark(Math.max(ratio, firstRatio) <= BUDGET.overCli)} |
| review report tab opened → report shown: reference case / ${projects} projects | – | ${ms(reference.reportMs)} / ${ms(large.reportMs)} |
| review workbook (Excel) saved, first (exceljs loaded) / again: reference case; ${projects} projects | – | ${ms(reference.saveMs[0])} / ${ms(reference.saveMs[1])}; ${ms(large.saveMs[0])} / ${ms(large.saveMs[1])} |
| findings: page rows / CLI diagnostics | equal | ${large.rows} / ${cliDiagnostics} ${mark(large.rows === cliDiagnostics)} |`);
log(`reference: ${reference.status}`);
log(`${projects} projects: ${large.status}`);
