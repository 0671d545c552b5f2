/**
 * UI-level check: the packaged .vsix installed into code-server, examples/hotline-12345 opened
 * in headless Chromium, and the reference diagnostics read from what a user sees — the status
 * bar count, squiggles, the Problems panel and a hover. Screenshots go to test-results/editor/ui/.
 *
 *   node out/test/ui-check.mjs [path/to.vsix]
 *   KPISPEC_UPDATE_DOCS_IMAGE=1 also copies the hover screenshot to docs/images/vscode-hotline.png.
 */
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { launchChromium } from '../support/chromium.js';
import { repoRoot, runCodeServerCli, startCodeServer } from '../support/code-server.js';
import { waitFor } from '../support/poll.js';
import { expectedKeys, HOTLINE_COUNTS, lineOf } from '../support/reference.js';

const root = repoRoot();
const out = join(root, 'test-results', 'editor', 'ui');
const ANSWER_RATE = '接通率 "15秒内接通率"';

const manifest = JSON.parse(readFileSync(join(root, 'packages', 'vscode', 'package.json'), 'utf8')) as { publisher: string; name: string; version: string };
/** How code-server names the installed extension's folder (`publisher.name-version`), lower case. */
const EXTENSION_ID = `${manifest.publisher}.${manifest.name}`.toLowerCase();

function vsixPath(): string {
    if (process.argv[2]) return resolve(process.argv[2]);
    return join(root, 'packages', 'vscode', `${manifest.name}-${manifest.version}.vsix`);
}

type Check = [name: string, run: () => Promise<void>];

/** Runs the checks in order, each reported as it ends; a failed one leaves a screenshot `failed-N.png`. */
async function runChecks(page: Page, checks: Check[]): Promise<number> {
    let failed = 0;
    for (const [index, [name, run]] of checks.entries()) {
        const started = Date.now();
        try {
            await run();
            console.log(`  ✓ ${name} (${Date.now() - started} ms)`);
        } catch (error) {
            failed++;
            await page.screenshot({ path: join(out, `failed-${index + 1}.png`) }).catch(() => undefined);
            console.log(`  ✗ ${name}\n${String(error instanceof Error ? error.message : error).replace(/^/gm, '      ')}`);
        }
    }
    console.log(`${checks.length - failed} passed, ${failed} failed`);
    return failed;
}

/** Error and warning counts from the status bar item a user sees at the bottom left. */
async function statusBarCounts(page: Page): Promise<{ errors: number; warnings: number; label: string }> {
    const label = (await page.locator('[id="status.problems"]').first().getAttribute('aria-label', { timeout: 1_000 }).catch(() => null)) ?? '';
    const count = (word: string): number => Number(new RegExp(`${word}\\w*:?\\s*(\\d+)`, 'i').exec(label)?.[1] ?? NaN);
    return { errors: count('error'), warnings: count('warning'), label };
}

/** Opens a file (optionally `file:line`) through Quick Open, as a user does with Ctrl+P. */
async function quickOpen(page: Page, what: string): Promise<void> {
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+P');
    await page.locator('.quick-input-widget input').waitFor();
    await page.keyboard.type(what);
    await page.locator('.quick-input-widget .monaco-list-row').filter({ hasText: what.split(':')[0] }).first().waitFor();
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
}

/** The rendered editor line holding `text` (monaco renders spaces as NBSP, which `\s` matches). */
function editorLine(page: Page, text: string): Locator {
    const pattern = new RegExp(text.split(' ').map(part => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+'));
    return page.locator('.monaco-editor .view-lines .view-line').filter({ hasText: pattern }).first();
}

interface ProblemRow {
    index: number;
    level: number;
    text: string;
    severity: 'error' | 'warning' | 'info' | undefined;
}

/**
 * Every row of the Problems tree. It is virtualised, so scroll through it with the mouse wheel
 * and collect rows by index (direct rows only: sticky-scroll headers repeat the file rows).
 */
async function problemRows(page: Page): Promise<ProblemRow[]> {
    const rows = new Map<number, ProblemRow>();
    const list = page.locator('.markers-panel .monaco-list').first();
    await list.hover();
    let unchanged = 0;
    while (unchanged < 3) {
        const before = rows.size;
        const visible = await list.locator('.monaco-list-rows > .monaco-list-row').evaluateAll(elements => elements.map(e => ({
            index: Number(e.getAttribute('data-index')),
            level: Number(e.getAttribute('aria-level') ?? 0),
            text: (e as HTMLElement).innerText.replace(/\s+/g, ' ').trim(),
            icon: e.querySelector('.codicon-error, .codicon-warning, .codicon-info')?.className ?? '',
        })));
        for (const row of visible) {
            const severity = /codicon-error/.test(row.icon) ? 'error' : /codicon-warning/.test(row.icon) ? 'warning' : /codicon-info/.test(row.icon) ? 'info' : undefined;
            rows.set(row.index, { index: row.index, level: row.level, text: row.text, severity });
        }
        unchanged = rows.size === before ? unchanged + 1 : 0;
        await page.mouse.wheel(0, 150);
        await page.evaluate(() => new Promise(resolve => requestAnimationFrame(resolve)));
    }
    return [...rows.values()].sort((a, b) => a.index - b.index);
}

/** Problems rows as `file:line rule` keys, errors and warnings only, like the reference list. */
function problemKeys(rows: ProblemRow[]): string[] {
    const keys: string[] = [];
    let file = '';
    for (const row of rows) {
        if (row.level === 1) {
            file = /^\S+\.kpi/.exec(row.text)?.[0] ?? '';
            continue;
        }
        if (row.severity !== 'error' && row.severity !== 'warning') continue;
        // A row reads: message, source `kpi`, the rule id (linked to its page), [Ln N, Col M].
        const rule = /\bkpi\W*([a-z]+\/[a-z-]+)/.exec(row.text)?.[1] ?? '?';
        const line = /\[Ln (\d+)/.exec(row.text)?.[1] ?? '?';
        keys.push(`${file}:${line} ${rule}`);
    }
    return keys.sort();
}

async function main(): Promise<number> {
    rmSync(out, { recursive: true, force: true });
    mkdirSync(out, { recursive: true });
    const runDir = mkdtempSync(join(tmpdir(), 'kpispec-ui-'));
    const workspace = join(runDir, 'hotline-12345');
    cpSync(join(root, 'examples', 'hotline-12345'), workspace, { recursive: true });
    const extensionsDir = join(runDir, 'extensions');
    const expected = expectedKeys(workspace);

    const vsix = vsixPath();
    await runCodeServerCli(runDir, ['--extensions-dir', extensionsDir, '--install-extension', vsix]);
    console.log(`installed ${vsix}`);
    const server = await startCodeServer({ runDir, extensionsDir, logFile: join(out, 'code-server.log') });
    let context: BrowserContext | undefined;
    try {
        context = await launchChromium(join(runDir, 'chromium'));
        const page = context.pages()[0] ?? (await context.newPage());
        const screenshot = (name: string): Promise<Buffer> => page.screenshot({ path: join(out, name) });
        await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}`);
        return await runChecks(page, [
            ['the installed .vsix holds every bundle the build made', async () => {
                // A bundle .vscodeignore leaves out works in the tests of the build folder and fails once installed.
                const bundles = (dir: string) => readdirSync(join(dir, 'dist')).filter(f => f.endsWith('.cjs')).sort();
                const installed = readdirSync(extensionsDir).find(d => d.startsWith(`${EXTENSION_ID}-`));
                if (!installed) throw new Error(`${EXTENSION_ID} is not in ${extensionsDir}`);
                const built = bundles(join(root, 'packages', 'vscode'));
                const shipped = bundles(join(extensionsDir, installed));
                if (shipped.join() !== built.join()) throw new Error(`built ${built.join(', ')}; installed ${shipped.join(', ')}`);
            }],
            ['the workbench opens the folder', async () => {
                await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
                await page.locator('[id="status.problems"]').waitFor({ timeout: 60_000 });
            }],
            [`the status bar counts ${HOTLINE_COUNTS.errors} errors and ${HOTLINE_COUNTS.warnings} warnings without opening a file`, async () => {
                let seen = { errors: NaN, warnings: NaN, label: '' };
                await waitFor('the status bar problem counts', async () => {
                    seen = await statusBarCounts(page);
                    return seen.errors === HOTLINE_COUNTS.errors && seen.warnings === HOTLINE_COUNTS.warnings ? true : undefined;
                }, { timeoutMs: 120_000, intervalMs: 500, describe: () => `«${seen.label}»` });
                await screenshot('status-bar.png');
            }],
            ['targets.kpi shows error and warning squiggles', async () => {
                await quickOpen(page, 'targets.kpi');
                await editorLine(page, ANSWER_RATE).waitFor({ timeout: 30_000 });
                await page.locator('.monaco-editor .squiggly-error').first().waitFor({ timeout: 30_000 });
                await page.locator('.monaco-editor .squiggly-warning').first().waitFor({ timeout: 30_000 });
            }],
            ['the Problems panel lists the reference diagnostics of every file', async () => {
                await page.keyboard.press('Control+Shift+M');
                await page.locator('.markers-panel .monaco-list-row').first().waitFor({ timeout: 30_000 });
                await screenshot('problems-panel.png');
                const rows = await problemRows(page);
                const shown = problemKeys(rows);
                if (shown.join('\n') !== expected.join('\n')) {
                    const missing = expected.filter(k => !shown.includes(k));
                    const extra = shown.filter(k => !expected.includes(k));
                    throw new Error(`Problems panel differs from the reference.\nmissing: ${missing.join('; ') || '-'}\nextra: ${extra.join('; ') || '-'}`);
                }
            }],
            ['hovering 接通率 shows the contract value ≥95%', async () => {
                // Quick Open `file:line` brings the line into view above the Problems panel.
                await quickOpen(page, `targets.kpi:${lineOf(workspace, 'targets.kpi', ANSWER_RATE) + 1}`);
                // Narrow the Problems panel to this file, as a reviewer would, for the screenshot.
                await page.locator('.part.panel .viewpane-filter .input').first().click();
                await page.keyboard.type('targets.kpi');
                await page.keyboard.press('Control+ArrowDown'); // from the filter into the list
                await page.keyboard.press('Home');
                const name = editorLine(page, ANSWER_RATE).locator('span > span').filter({ hasText: /^接通率$/ }).first();
                const hover = page.locator('.monaco-hover:visible').filter({ hasText: /≥\s?95%/ });
                await waitFor('a hover showing ≥95%', async () => {
                    await name.hover();
                    return (await hover.count()) > 0 ? true : undefined;
                }, { timeoutMs: 30_000, intervalMs: 1_000 });
                await screenshot('hover.png');
                if (process.env.KPISPEC_UPDATE_DOCS_IMAGE === '1') {
                    copyFileSync(join(out, 'hover.png'), join(root, 'docs', 'images', 'vscode-hotline.png'));
                }
            }],
            // Last, in a folder of its own: a reviewer's folder holding a submitted workbook.
            ['a submitted workbook shows its findings by cell in the Problems panel', async () => {
                const submissions = join(runDir, 'submissions');
                mkdirSync(submissions);
                copyFileSync(join(root, 'test', 'fixtures', 'excel', 'partial', '自评表.xlsx'), join(submissions, '自评表.xlsx'));
                // The extension starts in folders holding a kpispec.json (or .kpi files).
                writeFileSync(join(submissions, 'kpispec.json'), '{}\n');
                await page.goto(`${server.url}/?folder=${encodeURIComponent(submissions)}`);
                await page.locator('[id="status.problems"]').waitFor({ timeout: 60_000 });
                await page.keyboard.press('Control+Shift+M');
                await page.locator('.markers-panel .monaco-list-row').filter({ hasText: '自评表!H6' }).first().waitFor({ timeout: 120_000 });
                await screenshot('excel-workbook.png');
                // The import command itself runs in the extension host suite (excel-import.test.ts):
                // driving VS Code's file dialog by keyboard here proved flaky on a loaded machine.
            }],
        ]);
    } finally {
        await context?.close().catch(() => undefined);
        await server.stop();
        rmSync(runDir, { recursive: true, force: true });
    }
}

main().then(
    failed => process.exit(failed ? 1 : 0),
    error => {
        console.error('ui check:', error instanceof Error ? error.stack ?? error.message : error);
        process.exit(1);
    },
);
