import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../packages/vscode/test/support/chromium.js';
import { workspaceReport } from '../../packages/cli/src/report/index.js';
import { DEFAULT_DOCS_BASE_URL } from '../../packages/cli/src/rule-links.js';
import { REPO, runCli } from '../cli/run-cli.js';

// Opens `kpispec report`'s page in Chromium and reads it as a reviewer would: what the DOM
// shows must be what `kpispec score -f json` and `kpispec lint -f json` say.

const OUT = join(REPO, 'test-results', 'report');

const CASES = [
    { name: 'examples', folder: 'examples', locale: 'zh-CN' },
    { name: 'hotline-12345', folder: 'test/fixtures/reference/hotline-12345', locale: 'zh-CN' },
    { name: 'english', folder: 'test/fixtures/reference/english', locale: 'en' },
    { name: 'forms', folder: 'test/fixtures/reference/forms', locale: 'zh-CN' },
] as const;

interface Sheet {
    assessment: string;
    rows: Array<{ row: string; weight?: number; claimed?: number; ruleScore?: number }>;
    total: { ruleScore: number };
}
interface FileResult { messages: Array<{ ruleId: string }> }

async function cli<T>(args: string[]): Promise<T> {
    const run = await runCli(args);
    expect(run.stderr).toBe('');
    return JSON.parse(run.stdout) as T;
}

let context: BrowserContext;

beforeAll(async () => {
    rmSync(join(OUT, 'chromium'), { recursive: true, force: true });
    mkdirSync(OUT, { recursive: true });
    context = await launchChromium(join(OUT, 'chromium'));
});

afterAll(async () => {
    await context?.close();
    rmSync(join(OUT, 'chromium'), { recursive: true, force: true });
});

/** Opens a page, failing on any request that is not the file itself or inline data, and on console errors. */
async function open(file: string): Promise<{ page: Page; requests: string[]; errors: string[] }> {
    const page = await context.newPage();
    const requests: string[] = [];
    const errors: string[] = [];
    await page.route('**/*', route => {
        const url = route.request().url();
        if (url.startsWith('file:') || url.startsWith('data:')) return route.continue();
        requests.push(url);
        return route.abort();
    });
    page.on('console', m => { if (m.type() === 'error') errors.push(m.text()); });
    page.on('pageerror', e => errors.push(e.message));
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    return { page, requests, errors };
}

describe.each(CASES)('the report of $name in Chromium', ({ name, folder, locale }) => {
    const file = join(OUT, name, 'report.html');
    let page: Page;
    let requests: string[];
    let errors: string[];

    beforeAll(async () => {
        const run = await runCli(['report', folder, '-o', file, '--locale', locale]);
        expect(run.code, run.stderr).toBe(0);
        ({ page, requests, errors } = await open(file));
    });

    afterAll(async () => {
        await page?.close();
    });

    it('loads with no network request and no console error', () => {
        expect(requests).toEqual([]);
        expect(errors).toEqual([]);
    });

    it('shows the scores of every row as kpispec score -f json computes them', async () => {
        const sheets = await cli<Sheet[]>(['score', folder, '-f', 'json', '--locale', locale]);
        expect(sheets.length).toBeGreaterThan(0);
        for (const sheet of sheets) {
            const table = page.locator(`table.scores[data-assessment="${sheet.assessment}"]`);
            const rows = await table.locator('tbody tr.score-row').evaluateAll(trs => trs.map(tr => {
                const cells = [...tr.children].map(c => (c.textContent ?? '').trim());
                return { row: tr.getAttribute('data-row'), weight: cells[3], claimed: cells[4], ruleScore: cells[5] };
            }));
            const shown = (n: number | undefined) => n === undefined ? '—' : String(n);
            expect(rows).toEqual(sheet.rows.map(r => ({ row: r.row, weight: shown(r.weight), claimed: shown(r.claimed), ruleScore: shown(r.ruleScore) })));
            const total = await table.locator('tr.total td').nth(4).innerText();
            expect(total.trim()).toBe(String(sheet.total.ruleScore));
        }
    });

    it('counts and lists the findings of every rule as kpispec lint -f json reports them', async () => {
        const results = await cli<FileResult[]>(['lint', folder, '-f', 'json', '--locale', locale]);
        const expected: Record<string, number> = {};
        for (const m of results.flatMap(r => r.messages)) expected[m.ruleId] = (expected[m.ruleId] ?? 0) + 1;
        const counted = await page.locator('table.by-rule tbody tr').evaluateAll(trs => Object.fromEntries(trs.map(tr =>
            [tr.getAttribute('data-rule'), Number(tr.children[2]?.textContent)])));
        expect(counted).toEqual(expected);
        const listed = await page.locator('tr.finding').evaluateAll(trs => trs.map(tr => tr.getAttribute('data-rule')!));
        const byRule: Record<string, number> = {};
        for (const id of listed) byRule[id] = (byRule[id] ?? 0) + 1;
        expect(byRule).toEqual(expected);
    });

    it('links every finding to its rule page', async () => {
        const links = await page.locator('tr.finding').evaluateAll(trs => trs.map(tr => ({
            rule: tr.getAttribute('data-rule'),
            href: tr.querySelector('a.rule-link')?.getAttribute('href'),
        })));
        const results = await cli<FileResult[]>(['lint', folder, '-f', 'json', '--locale', locale]);
        expect(links).toHaveLength(results.flatMap(r => r.messages).length);
        for (const link of links) expect(link.href).toBe(`${DEFAULT_DOCS_BASE_URL}${link.rule}.md`);
    });

    it('has headings, table headers and a text alternative for every chart', async () => {
        expect(await page.locator('h1').count()).toBe(1);
        expect(await page.locator('h2').count()).toBeGreaterThanOrEqual(2);
        expect(await page.locator('section.project h3').count()).toBeGreaterThan(0);
        const tables = await page.locator('table').evaluateAll(ts => ts.map(t => t.querySelectorAll('thead th[scope="col"]').length));
        expect(tables.every(n => n > 0)).toBe(true);
        const charts = await page.locator('svg.chart').evaluateAll(svgs => svgs.map(s => ({
            role: s.getAttribute('role'), label: s.getAttribute('aria-label') ?? '', title: s.querySelector('title')?.textContent ?? '',
        })));
        expect(charts.length).toBeGreaterThan(0);
        for (const chart of charts) {
            expect(chart.role).toBe('img');
            expect(chart.title.length).toBeGreaterThan(5);
            expect(chart.label).toBe(chart.title);
        }
    });

    it('is kept as screenshots of the overview and the first project, and as an A4 PDF', async () => {
        await page.setViewportSize({ width: 1200, height: 900 });
        await page.locator('#overview').screenshot({ path: join(OUT, name, 'overview.png') });
        await page.locator('section.project').first().screenshot({ path: join(OUT, name, 'project.png') });
        const pdf = await page.pdf({ path: join(OUT, name, 'report.pdf'), format: 'A4' });
        // A4 portrait: the PDF's first page is 595 × 842 points.
        expect(pdf.toString('latin1')).toMatch(/\/MediaBox\s*\[\s*0\s+0\s+595(\.\d+)?\s+842(\.\d+)?\s*\]/);
    });
});

describe('the report of examples as an index and project pages', () => {
    it('opens every project page from the index, offline', async () => {
        const folder = join(OUT, 'examples-pages');
        rmSync(folder, { recursive: true, force: true });
        expect((await runCli(['report', 'examples', '-o', `${folder}/`])).code).toBe(0);
        const { page, requests, errors } = await open(join(folder, 'index.html'));
        const hrefs = await page.locator('table.projects a').evaluateAll(as => as.map(a => a.getAttribute('href')!));
        const data = await workspaceReport({ paths: ['examples'], cwd: REPO, env: {}, scope: 'examples', ruleUrl: id => id });
        expect(hrefs).toHaveLength(data.projects.length);
        for (const href of hrefs) {
            await page.goto(new URL(href, page.url()).href, { waitUntil: 'load' });
            expect(await page.locator('section.project h3').count()).toBe(1);
            await page.locator('a[href="index.html"]').click();
            await page.waitForURL(/index\.html$/);
        }
        expect(requests).toEqual([]);
        expect(errors).toEqual([]);
        await page.close();
    });
});
