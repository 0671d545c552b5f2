/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// (DOM types: the functions passed to page.evaluate run in the page.)
// kpispec.html in Debian's Chromium, opened from file:// as an officer would open it: drop the
// reference folders through the file input, compare the page's findings, saved JSON and score
// sheets with the CLI's, check workbooks dropped with .kpi files (findings by sheet and cell),
// show and save the reviewer report of `kpispec report`, follow a rule link, type a fault into
// the editor and remove it again. No request may leave the page, nothing may be logged as an
// error. Screenshots: test-results/web/.
import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO, runCli } from '../cli/run-cli.js';
import { workbookContents } from '../support/workbook-contents.js';

const PAGE = join(REPO, 'packages', 'web', 'dist', 'kpispec.html');
const REFERENCE = join(REPO, 'test', 'fixtures', 'reference');
/** A folder with kpispec.json files: `extends`, a nested override, `ignore` of drafts/**. */
const CONFIGURED = join(REPO, 'test', 'fixtures', 'cli', 'config');
const EXCEL = join(REPO, 'test', 'fixtures', 'excel');
const SHOTS = join(REPO, 'test-results', 'web');

interface Row { file: string; position: string; severity: string; rule: string; message: string }

let context: BrowserContext;
let page: Page;
let profile: string;
const requests: string[] = [];
const errors: string[] = [];

beforeAll(async () => {
    if (!existsSync(PAGE)) throw new Error(`${PAGE} is missing: run npm run build:web first`);
    mkdirSync(SHOTS, { recursive: true });
    profile = mkdtempSync(join(tmpdir(), 'kpispec-web-'));
    context = await chromium.launchPersistentContext(profile, {
        executablePath: '/usr/bin/chromium',
        headless: true,
        locale: 'en-US',
        viewport: { width: 1280, height: 900 },
        acceptDownloads: true,
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
            '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    // Every request is recorded; any that is not the page itself or its Blob worker fails.
    await context.route('**/*', route => {
        const url = route.request().url();
        requests.push(url);
        return /^(file|blob|data):/.test(url) ? route.continue() : route.abort();
    });
    page = context.pages()[0] ?? await context.newPage();
    page.on('request', request => requests.push(request.url()));
    page.on('console', message => {
        if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', error => errors.push(error.message));
    await page.goto(pathToFileURL(PAGE).href);
});

afterAll(async () => {
    await context?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
});

/** Waits until the page has rendered one more check than `before`. */
async function nextCheck(before: number): Promise<void> {
    await page.waitForFunction(n => Number(document.body.dataset['checks'] ?? 0) > n, before);
}

const checks = () => page.evaluate(() => Number(document.body.dataset['checks'] ?? 0));

/** How many lines the tabs and the save buttons above the panels take (at the test's 1,280 px). */
const navLines = () => page.evaluate(() => new Set([...document.querySelectorAll('nav button')].map(b => Math.round(b.getBoundingClientRect().top))).size);

async function drop(folder: string, base = REFERENCE): Promise<void> {
    const before = await checks();
    await page.setInputFiles('#pick-folder', join(base, folder));
    await nextCheck(before);
}

function tableRows(): Promise<Row[]> {
    return page.$$eval('#findings tbody tr', trs => trs.map(tr => {
        // The message as written, without the places it names listed under it.
        const cells = [...tr.querySelectorAll('td')].map(td => (td.querySelector('.text') ?? td).textContent ?? '');
        return { file: cells[0]!, position: cells[1]!, severity: cells[2]!, rule: cells[3]!, message: cells[4]! };
    }));
}

interface CliFile { filePath: string; messages: Array<{ ruleId: string; severity: number; message: string; line: number; column: number; cell?: string; related?: Array<{ filePath: string }> }> }

/** `kpispec lint -f json`, with files (and the files of related places) named as the page names them: relative to where they were dropped from. */
async function cliJson(folder: string, locale: string, base = REFERENCE): Promise<CliFile[]> {
    const run = await runCli(['lint', folder, '-f', 'json', '--locale', locale], { cwd: base });
    expect(run.stderr).toBe('');
    return (JSON.parse(run.stdout) as CliFile[]).map(f => ({
        ...f,
        filePath: relative(base, f.filePath),
        messages: f.messages.map(m => (m.related ? { ...m, related: m.related.map(r => ({ ...r, filePath: relative(base, r.filePath) })) } : m)),
    }));
}

const SEVERITY: Record<string, string[]> = { en: ['info', 'warning', 'error'], 'zh-CN': ['提示', '警告', '错误'] };

function expectedRows(files: CliFile[], locale: string): Row[] {
    return files.flatMap(f => f.messages.map(m => ({
        file: f.filePath, position: m.cell ?? `${m.line}:${m.column}`, severity: SEVERITY[locale]![m.severity]!, rule: m.ruleId, message: m.message,
    })));
}

describe('kpispec.html opened from file://', () => {
    it('shows the findings of the dropped reference folder exactly as kpispec lint does', async () => {
        await drop('hotline-12345');
        const rows = await tableRows();
        expect(rows.length).toBeGreaterThan(10);
        expect(rows).toEqual(expectedRows(await cliJson('hotline-12345', 'en'), 'en'));
        await page.screenshot({ path: join(SHOTS, 'findings.png') });
    });

    it('saves the findings as the JSON kpispec lint -f json prints', async () => {
        const [download] = await Promise.all([page.waitForEvent('download'), page.click('#save-json')]);
        const saved = JSON.parse(readFileSync((await download.path())!, 'utf8')) as CliFile[];
        expect(saved).toEqual(await cliJson('hotline-12345', 'en'));
    });

    it('lists under a finding the places it names, and opens one in the editor', async () => {
        const row = page.locator('#findings tbody tr', { hasText: 'target/below-contract' });
        const related = row.locator('a.related');
        const clauseLine = readFileSync(join(REFERENCE, 'hotline-12345', 'contract.kpi'), 'utf8').split('\n').findIndex(l => l.includes('条款 接通率')) + 1;
        expect(await related.allTextContents()).toEqual([`→ clause '接通率' of contract '热线服务合同' (hotline-12345/contract.kpi:${clauseLine})`]);
        await related.click();
        expect(await page.inputValue('#editor-file')).toBe('hotline-12345/contract.kpi');
        // The cursor is on the clause's line, and typing goes there.
        await page.waitForFunction(() => document.getSelection()?.anchorNode?.parentElement?.closest('#editor .cm-line')?.textContent?.includes('条款 接通率'));
        await page.click('[data-tab=findings]');
    });

    it('filters the findings by severity, rule and file', async () => {
        const all = await tableRows();
        await page.selectOption('#tab-findings select[name=severity]', '2');
        expect(await tableRows()).toEqual(all.filter(r => r.severity === 'error'));
        await page.selectOption('#tab-findings select[name=severity]', '');
        await page.selectOption('#tab-findings select[name=rule]', 'target/below-contract');
        const byRule = await tableRows();
        expect(byRule.length).toBeGreaterThan(0);
        expect(byRule).toEqual(all.filter(r => r.rule === 'target/below-contract'));
        await page.selectOption('#tab-findings select[name=rule]', '');
        await page.selectOption('#tab-findings select[name=file]', 'hotline-12345/targets.kpi');
        expect(await tableRows()).toEqual(all.filter(r => r.file === 'hotline-12345/targets.kpi'));
        await page.selectOption('#tab-findings select[name=file]', '');
    });

    it('opens a rule’s bundled page from its link and comes back', async () => {
        await page.click('#findings a.rule >> text=target/below-contract');
        await page.waitForSelector('#rule-page:not([hidden]) h2');
        expect(await page.textContent('#rule-content h2')).toContain('target/below-contract');
        await page.screenshot({ path: join(SHOTS, 'rule-page.png') });
        await page.click('#rule-back');
        await page.waitForSelector('#main:not([hidden]) #findings');
    });

    it('shows each assessment’s score sheet with the numbers of kpispec score', async () => {
        const run = await runCli(['score', 'hotline-12345', '-f', 'json', '--locale', 'en'], { cwd: REFERENCE });
        const sheets = JSON.parse(run.stdout) as Array<{ assessment: string; rows: Array<{ row: string; ruleScore?: number }>; total: { ruleScore: number } }>;
        await page.click('[data-tab=scores]');
        const shown = await page.$$eval('#tab-scores .sheet', sections => sections.map(s => ({
            heading: s.querySelector('h3')!.textContent!,
            rules: [...s.querySelectorAll('tbody tr')].map(tr => tr.querySelectorAll('td')[6]!.textContent),
        })));
        expect(shown.length).toBe(sheets.length);
        const two = (n: number | undefined) => (n === undefined ? '' : String(Math.round(n * 100) / 100));
        // Headed, labelled and graded in the words of kpispec score's table.
        const table = (await runCli(['score', 'hotline-12345', '--locale', 'en'], { cwd: REFERENCE })).stdout.split('\n');
        const words = await page.$$eval('#tab-scores .sheet', sections => sections.map(s => ({
            heading: s.querySelector('h3')!.textContent!,
            columns: [...s.querySelectorAll('thead th')].map(th => th.textContent).join(' '),
            grade: s.querySelector('.grade')!.textContent!,
        })));
        expect(words.map(w => w.heading)).toEqual(table.filter(l => / assessment /.test(l) && l.startsWith('hotline-12345/')));
        expect(words.map(w => w.grade)).toEqual(table.filter(l => l.startsWith('Grade: ')));
        for (const w of words) expect(table.map(l => l.replace(/ +/g, ' '))).toContain(w.columns);
        sheets.forEach((sheet, i) => {
            expect(shown[i]!.heading).toContain(sheet.assessment);
            expect(shown[i]!.rules.slice(0, sheet.rows.length)).toEqual(sheet.rows.map(r => two(r.ruleScore)));
            expect(shown[i]!.rules.at(-1)).toBe(two(sheet.total.ruleScore));
        });
        await page.screenshot({ path: join(SHOTS, 'score-sheets.png'), fullPage: true });
    });

    it('shows the reviewer report kpispec report writes, with the numbers of kpispec score', async () => {
        const run = await runCli(['score', 'hotline-12345', '-f', 'json', '--locale', 'en'], { cwd: REFERENCE });
        const sheets = JSON.parse(run.stdout) as Array<{ assessment: string; rows: Array<{ row: string; ruleScore?: number }>; total: { ruleScore: number } }>;
        await page.click('[data-tab=report]');
        await page.waitForFunction(() => document.body.dataset['report'] === document.body.dataset['checks']);
        // Read from the page: the frame runs no scripts, not even a test's.
        await page.waitForFunction(() => document.querySelector<HTMLIFrameElement>('#report')!.contentDocument?.querySelector('table.scores'));
        const shown = await page.evaluate(() => {
            const report = document.querySelector<HTMLIFrameElement>('#report')!.contentDocument!;
            return {
                title: report.querySelector('h1')!.textContent,
                sheets: [...report.querySelectorAll('table.scores')].map(t => ({
                    assessment: t.getAttribute('data-assessment'),
                    rows: [...t.querySelectorAll('tr.score-row')].map(tr => tr.getAttribute('data-rule-score')),
                    total: t.querySelector('tr.total')!.getAttribute('data-rule-total'),
                })),
            };
        });
        const two = (n: number | undefined) => (n === undefined ? '' : String(Math.round(n * 100) / 100));
        expect(shown.sheets).toEqual(sheets.map(s => ({ assessment: s.assessment, rows: s.rows.map(r => two(r.ruleScore)), total: String(s.total.ruleScore) })));
        expect(shown.sheets.length).toBeGreaterThan(0);
        expect(shown.title).toBe('Review of performance targets and self-assessments');
        await page.screenshot({ path: join(SHOTS, 'report.png') });
    });

    it('saves the report as the HTML kpispec report writes', async () => {
        const out = join(profile, 'cli-report.html');
        await runCli(['report', 'hotline-12345', '--locale', 'en', '-o', out], { cwd: REFERENCE });
        const [download] = await Promise.all([page.waitForEvent('download'), page.click('#save-report')]);
        expect(download.suggestedFilename()).toBe('kpispec-report.html');
        expect(readFileSync((await download.path())!, 'utf8')).toBe(readFileSync(out, 'utf8'));
    });

    it('saves the review workbook and the forms, with and without the review, as kpispec report and kpispec export write them', async () => {
        const review = join(profile, 'cli-report.xlsx');
        const forms = join(profile, 'cli-forms.xlsx');
        expect((await runCli(['report', 'hotline-12345', '--locale', 'en', '-o', review], { cwd: REFERENCE })).code).toBe(0);
        expect((await runCli(['export', 'hotline-12345', '-o', forms], { cwd: REFERENCE })).code).toBe(0);
        const [reviewDownload] = await Promise.all([page.waitForEvent('download'), page.click('#save-xlsx')]);
        expect(reviewDownload.suggestedFilename()).toBe('kpispec-report.xlsx');
        const savedReview = await workbookContents(readFileSync((await reviewDownload.path())!));
        expect(savedReview.map(s => s.name)).toEqual(['问题清单', '评分复核']);
        expect(savedReview).toEqual(await workbookContents(readFileSync(review)));
        const [formsDownload] = await Promise.all([page.waitForEvent('download'), page.click('#export-forms')]);
        expect(formsDownload.suggestedFilename()).toBe('kpispec-forms.xlsx');
        const savedForms = await workbookContents(readFileSync((await formsDownload.path())!));
        expect(savedForms.length).toBeGreaterThan(1);
        expect(savedForms).toEqual(await workbookContents(readFileSync(forms)));
        // With the review: the 复核得分 column and the 问题清单, as `kpispec export --review` adds them.
        const reviewedForms = join(profile, 'cli-forms-review.xlsx');
        expect((await runCli(['export', 'hotline-12345', '--review', '--locale', 'en', '-o', reviewedForms], { cwd: REFERENCE })).code).toBe(0);
        const [reviewedDownload] = await Promise.all([page.waitForEvent('download'), page.click('#export-reviewed-forms')]);
        expect(reviewedDownload.suggestedFilename()).toBe('kpispec-forms-review.xlsx');
        const savedReviewed = await workbookContents(readFileSync((await reviewedDownload.path())!));
        expect(savedReviewed.map(s => s.name)).toEqual([...savedForms.map(s => s.name), '问题清单']);
        expect(savedReviewed).not.toEqual([...savedForms, savedReviewed.at(-1)]);
        expect(savedReviewed).toEqual(await workbookContents(readFileSync(reviewedForms)));
    });

    it('opens a rule’s bundled page from a link in the report, not the web', async () => {
        const at = await page.evaluate(() => {
            const frame = document.querySelector<HTMLIFrameElement>('#report')!;
            const link = [...frame.contentDocument!.querySelectorAll('a.rule-link')].find(a => a.textContent === 'target/below-contract')!;
            link.scrollIntoView();
            const box = link.getBoundingClientRect();
            const offset = frame.getBoundingClientRect();
            return { x: offset.x + frame.clientLeft + box.x + box.width / 2, y: offset.y + frame.clientTop + box.y + box.height / 2 };
        });
        await page.mouse.click(at.x, at.y);
        await page.waitForSelector('#rule-page:not([hidden]) h2');
        expect(await page.textContent('#rule-content h2')).toContain('target/below-contract');
        await page.click('#rule-back');
        await page.waitForSelector('#main:not([hidden]) #tab-report:not([hidden])');
    });

    it('switches to Chinese and says what kpispec lint --locale zh-CN says', async () => {
        const before = await checks();
        await page.click('[data-tab=findings]');
        await page.click('button[data-locale="zh-CN"]');
        await nextCheck(before);
        expect(await page.textContent('[data-tab=findings]')).toBe('问题');
        expect(await tableRows()).toEqual(expectedRows(await cliJson('hotline-12345', 'zh-CN'), 'zh-CN'));
        expect(await navLines()).toBe(1);
        await page.screenshot({ path: join(SHOTS, 'findings-zh.png') });
    });

    it('checks the English-keyword reference case as the CLI does', async () => {
        await drop('english');
        expect(await tableRows()).toEqual(expectedRows(await cliJson('english', 'zh-CN'), 'zh-CN'));
        const before = await checks();
        await page.click('button[data-locale="en"]');
        await nextCheck(before);
        // The tabs and the five save buttons fit one line in English too.
        expect(await navLines()).toBe(1);
    });

    it('shows a squiggle while a typed fault is there, and none once it is removed', async () => {
        await drop('hotline-12345');
        await page.click('[data-tab=editor]');
        await page.selectOption('#editor-file', 'hotline-12345/standards.kpi');
        const errorsShown = () => page.locator('#editor .cm-lintRange-error').count();
        const clean = await errorsShown();
        await page.click('#editor .cm-content');
        await page.keyboard.press('Control+End');
        const before = await checks();
        await page.keyboard.type('\n要求 }');
        await nextCheck(before);
        await page.waitForFunction(n => document.querySelectorAll('#editor .cm-lintRange-error').length > n, clean);
        // The findings table follows the editor.
        await page.click('[data-tab=findings]');
        expect((await tableRows()).some(r => r.file === 'hotline-12345/standards.kpi' && r.rule.startsWith('syntax/'))).toBe(true);
        await page.click('[data-tab=editor]');
        await page.hover('#editor .cm-lintRange-error');
        await page.waitForSelector('.cm-tooltip-lint');
        await page.screenshot({ path: join(SHOTS, 'editor-squiggle.png') });
        const typed = await checks();
        await page.focus('#editor .cm-content');
        await page.keyboard.press('Control+End');
        for (let i = 0; i < '\n要求 }'.length; i++) await page.keyboard.press('Backspace');
        await nextCheck(typed);
        await page.waitForFunction(n => document.querySelectorAll('#editor .cm-lintRange-error').length === n, clean);
        await page.screenshot({ path: join(SHOTS, 'editor-clean.png') });
    });

    it('hovers a target with the contract and standard figures it is held to', async () => {
        await page.selectOption('#editor-file', 'hotline-12345/targets.kpi');
        // The middle of the indicator's name on its row, measured from the rendered text.
        const at = await page.evaluate(() => {
            const line = [...document.querySelectorAll('#editor .cm-line')].find(l => l.textContent!.includes('接通率 "15秒内接通率"'))!;
            const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                const start = node.textContent!.indexOf('接通率');
                if (start < 0) continue;
                const range = document.createRange();
                range.setStart(node, start);
                range.setEnd(node, start + 3);
                const box = range.getBoundingClientRect();
                return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
            }
            throw new Error('name not rendered');
        });
        await page.mouse.move(at.x, at.y);
        const hover = page.locator('.kpi-hover');
        await hover.waitFor();
        expect(await hover.locator('table').textContent()).toMatch(/热线服务合同.*≥95%.*广东两建办.*≥90%/);
        await page.screenshot({ path: join(SHOTS, 'editor-hover.png') });
    });

    it('applies the dropped folder’s kpispec.json files as kpispec lint does', async () => {
        await page.click('[data-tab=findings]');
        await drop('config', join(CONFIGURED, '..'));
        const expected = expectedRows(await cliJson('config', 'en', join(CONFIGURED, '..')), 'en');
        expect(expected.map(r => r.file)).toEqual(['config/a/contract.kpi', 'config/nested/contract.kpi']);
        expect(await tableRows()).toEqual(expected);
    });

    it('checks pasted text with the dropped files and opens it in the editor', async () => {
        await drop('hotline-12345');
        await page.click('#paste-toggle');
        await page.fill('#paste-text', '合同 外包合同 "外包服务合同" 对象 热线三期 {\n    条款 接通率 "15秒接通率" >= 95% 违约 "扣减服务费"\n}\n');
        const before = await checks();
        await page.click('#paste-check');
        await nextCheck(before);
        await page.waitForSelector('#tab-editor:not([hidden]) .cm-lintRange-error');
        expect(await page.inputValue('#editor-file')).toBe('pasted-1.kpi');
        await page.click('[data-tab=findings]');
        const rows = (await tableRows()).filter(r => r.file === 'pasted-1.kpi');
        expect(rows.map(r => `${r.position} ${r.rule}`)).toEqual(['1:21 reference/unresolved']);
        // The dropped files are still there: the paste joined them.
        expect((await tableRows()).some(r => r.file === 'hotline-12345/targets.kpi')).toBe(true);
    });

    it('checks workbooks dropped with .kpi files as kpispec lint does, naming sheet and cell', async () => {
        const base = mkdtempSync(join(profile, 'excel-'));
        cpSync(join(REFERENCE, 'hotline-12345'), join(base, 'mixed'), { recursive: true });
        copyFileSync(join(EXCEL, 'layout-a', '自评表.xlsx'), join(base, 'mixed', '自评表.xlsx'));
        copyFileSync(join(EXCEL, 'layout-c', '申报表.xlsx'), join(base, 'mixed', '申报表.xlsx'));
        await page.click('[data-tab=findings]');
        await drop('mixed', base);
        const expected = await cliJson('mixed', 'en', base);
        const workbookRows = expectedRows(expected, 'en').filter(r => r.file.endsWith('.xlsx'));
        expect(workbookRows.length).toBeGreaterThan(3);
        expect(workbookRows.every(r => /^\S+![A-Z]+\d+$/.test(r.position))).toBe(true);
        expect(await tableRows()).toEqual(expectedRows(expected, 'en'));
        const [download] = await Promise.all([page.waitForEvent('download'), page.click('#save-json')]);
        expect(JSON.parse(readFileSync((await download.path())!, 'utf8'))).toEqual(expected);
        await page.screenshot({ path: join(SHOTS, 'workbooks.png') });
    });

    it('scores and reports workbooks dropped with .kpi files as kpispec score and report do: by workbook and cell, a stray spreadsheet and a saved review workbook passed over', async () => {
        const base = mkdtempSync(join(profile, 'excel-'));
        cpSync(join(REFERENCE, 'hotline-12345'), join(base, 'submissions'), { recursive: true });
        copyFileSync(join(EXCEL, 'layout-a', '自评表.xlsx'), join(base, 'submissions', '自评表.xlsx'));
        copyFileSync(join(EXCEL, 'layout-c', '申报表.xlsx'), join(base, 'submissions', '申报表.xlsx'));
        copyFileSync(join(EXCEL, 'bad', '无表单.xlsx'), join(base, 'submissions', '预算明细.xlsx'));
        // A review workbook saved there before is passed over without a word, by both.
        expect((await runCli(['report', 'submissions', '-o', join('submissions', 'kpispec-report.xlsx')], { cwd: base })).code).toBe(0);
        const out = join(profile, 'cli-report-submissions.html');
        const cli = await runCli(['report', 'submissions', '--locale', 'en', '-o', out], { cwd: base });
        expect(cli.stderr).toBe('kpispec: skipped submissions/预算明细.xlsx: no 「一级指标」 column head found; not a performance form\n');
        const written = readFileSync(out, 'utf8');
        expect(written).toContain('自评表.xlsx 自评表!');
        expect(written).not.toContain('.xlsx/');
        await page.click('[data-tab=findings]');
        await drop('submissions', base);
        expect(await page.textContent('#notes')).toBe(cli.stderr.trim().replace(/^kpispec: /, ''));
        // The score sheets of kpispec score, in its order, each named by its file or workbook.
        const scored = JSON.parse((await runCli(['score', 'submissions', '-f', 'json', '--locale', 'en'], { cwd: base })).stdout) as Array<{ file: string; assessment: string }>;
        expect(scored.map(s => s.file)).toEqual(['submissions/assessment.kpi', 'submissions/自评表.xlsx']);
        await page.click('[data-tab=scores]');
        const headings = await page.$$eval('#tab-scores .sheet h3', hs => hs.map(h => h.textContent!));
        expect(headings.map((h, i) => h.slice(0, `${scored[i]?.file}: assessment ${scored[i]?.assessment}`.length))).toEqual(scored.map(s => `${s.file}: assessment ${s.assessment}`));
        await page.click('[data-tab=report]');
        await page.waitForFunction(() => document.body.dataset['report'] === document.body.dataset['checks']);
        const [download] = await Promise.all([page.waitForEvent('download'), page.click('#save-report')]);
        expect(readFileSync((await download.path())!, 'utf8')).toBe(written);
        await page.click('[data-tab=findings]');
    });

    it('names an unreadable workbook in one line, as the CLI’s error, and checks the rest', async () => {
        const base = mkdtempSync(join(profile, 'excel-'));
        mkdirSync(join(base, 'broken'));
        copyFileSync(join(REFERENCE, 'hotline-12345', 'targets.kpi'), join(base, 'broken', 'targets.kpi'));
        copyFileSync(join(EXCEL, 'bad', '加密.xlsx'), join(base, 'broken', '加密.xlsx'));
        const cli = await runCli(['lint', join(base, 'broken', '加密.xlsx'), '--locale', 'en'], { cwd: base });
        expect(cli.code).toBe(2);
        await drop('broken', base);
        expect(await page.textContent('#notes')).toBe(cli.stderr.trim().replace(/^kpispec: /, ''));
        expect((await tableRows()).every(r => r.file === 'broken/targets.kpi')).toBe(true);
    });

    it('names a .kpi file that is not UTF-8 in one line, as the CLI does, and checks the rest, as the CLI does', async () => {
        const base = mkdtempSync(join(profile, 'encoding-'));
        mkdirSync(join(base, 'ansi'));
        copyFileSync(join(REFERENCE, 'hotline-12345', 'targets.kpi'), join(base, 'ansi', 'targets.kpi'));
        // As Notepad on a Chinese Windows saves "ANSI".
        writeFileSync(join(base, 'ansi', 'contract.kpi'), execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GBK'], { input: readFileSync(join(REFERENCE, 'hotline-12345', 'contract.kpi')) }));
        const cli = await runCli(['lint', 'ansi', '--locale', 'en'], { cwd: base });
        expect(cli.code).toBe(2);
        expect(cli.stderr).toBe('kpispec: ansi/contract.kpi is not UTF-8 text (it looks like GBK/GB18030, as Windows "ANSI" saves it): save it as UTF-8\n');
        expect(cli.stdout).toContain('ansi/targets.kpi');
        await drop('ansi', base);
        expect(await page.textContent('#notes')).toBe(cli.stderr.trim().replace(/^kpispec: /, ''));
        expect((await tableRows()).map(r => r.file)).toContain('ansi/targets.kpi');
        expect((await tableRows()).every(r => r.file === 'ansi/targets.kpi')).toBe(true);
        // The saved JSON is lint's, the file passed over a result of its own as there.
        const json = await runCli(['lint', 'ansi', '-f', 'json', '--locale', 'en'], { cwd: base });
        const expected = (JSON.parse(json.stdout) as CliFile[]).map(f => ({ ...f, filePath: relative(base, f.filePath) }));
        expect(expected.map(f => f.filePath)).toEqual(['ansi/contract.kpi', 'ansi/targets.kpi']);
        const [download] = await Promise.all([page.waitForEvent('download'), page.click('#save-json')]);
        expect(JSON.parse(readFileSync((await download.path())!, 'utf8'))).toEqual(expected);
        // In Chinese too, when the page is.
        const before = await checks();
        await page.click('button[data-locale="zh-CN"]');
        await nextCheck(before);
        expect(await page.textContent('#notes')).toBe('ansi/contract.kpi 不是 UTF-8 文本（看起来是 GBK/GB18030，Windows 的“ANSI”即此编码）：请另存为 UTF-8');
        const back = await checks();
        await page.click('button[data-locale="en"]');
        await nextCheck(back);
    });

    it('says a folder whose only .kpi file is not UTF-8 was passed over, not that it holds no .kpi file', async () => {
        const base = mkdtempSync(join(profile, 'encoding-only-'));
        mkdirSync(join(base, 'ansi'));
        writeFileSync(join(base, 'ansi', 'contract.kpi'), execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GBK'], { input: readFileSync(join(REFERENCE, 'hotline-12345', 'contract.kpi')) }));
        const cli = await runCli(['lint', 'ansi', '--locale', 'en'], { cwd: base });
        expect(cli.code).toBe(2);
        await drop('ansi', base);
        expect(await page.textContent('#status')).toBe('Nothing checked: 1 .kpi file is not UTF-8 text and was passed over (see below).');
        expect(await page.getAttribute('#status', 'class')).toBe('error');
        expect(await page.textContent('#notes')).toBe(cli.stderr.trim().replace(/^kpispec: /, ''));
        // Its findings can still be saved, as lint's JSON names it.
        const [download] = await Promise.all([page.waitForEvent('download'), page.click('#save-json')]);
        expect((JSON.parse(readFileSync((await download.path())!, 'utf8')) as CliFile[]).map(f => [f.filePath, f.messages.map(m => m.ruleId)]))
            .toEqual([['ansi/contract.kpi', ['syntax/lexing']]]);
        // A folder with no .kpi file at all still says so.
        mkdirSync(join(base, 'empty'));
        writeFileSync(join(base, 'empty', 'notes.txt'), 'nothing to check\n');
        await drop('empty', base);
        expect(await page.textContent('#status')).toBe('No .kpi files found.');
        expect(await page.textContent('#notes')).toBe('');
    });

    it('made no request beyond the page and its worker, and logged no error', () => {
        expect(requests.filter(url => !/^(file|blob|data):/.test(url))).toEqual([]);
        expect(page.workers()).toHaveLength(1);
        expect(errors).toEqual([]);
    });
});
