// The page: reads what is dropped, asks the worker to check it, and shows the findings, the
// score sheets, the report and an editor. Everything stays in the page; it makes no requests.
import type { Locale } from '@kpispec/language';
import { formatJson } from '../../../cli/src/formatters/json.js';
import { notUtf8Message } from '../../../language/src/workspace/text-encoding.js';
import type { Findings, SourceFile, WorkbookFile, WorkbookKind } from '../protocol.js';
import { FileEditor } from './editor.js';
import { renderFindings, type Filters } from './findings-view.js';
import { browserLocale, translate, type StringKey } from './i18n.js';
import { escapeHtml } from './markdown.js';
import { readDataTransfer, readFileList, type Dropped } from './read-files.js';
import { showReport } from './report-view.js';
import { ruleFromHash, rulePageHtml } from './rule-docs.js';
import { writeWorkbook } from './workbook-writer.js';
import { renderScoreSheets } from './score-view.js';
import { CheckerClient } from './worker-client.js';

const $ = <T extends HTMLElement = HTMLElement>(selector: string) => document.querySelector<T>(selector)!;

let locale: Locale = browserLocale(navigator.languages?.length ? navigator.languages : [navigator.language]);
let sources: SourceFile[] = [];
let findings: Findings | undefined;
let workbooks: WorkbookFile[] = [];
/** Dropped .kpi files that are not UTF-8, named above the tabs as the CLI names them. */
let notUtf8: Dropped['notUtf8'] = [];
/** What the report says was reviewed: the dropped folders and files. */
let scope = '';
/** The report shown is of this check (`data-checks`); a newer check makes it stale. */
let reportOf = -1;
let pasted = 0;
/** The file the editor shows once its tab is opened. */
let editorPending: string | undefined;
const filters: Filters = { severity: '', rule: '', file: '' };
const t = (key: StringKey, values?: Record<string, string | number>) => translate(locale, key, values);

// `data-worker="ready"` tells tests and the benchmark that the worker has warmed up.
const client = new CheckerClient($('#kpi-worker').textContent ?? '', () => {
    document.body.dataset['worker'] = 'ready';
});
const editor = new FileEditor($('#editor'), client, path => findings?.results.find(r => r.filePath === path)?.messages ?? [], f => show(f));

/** Static texts carry `data-i18n` (text) or `data-i18n-placeholder` keys. */
function applyLanguage(): void {
    document.documentElement.lang = locale;
    document.title = t('title');
    for (const el of document.querySelectorAll<HTMLElement>('[data-i18n]')) el.textContent = t(el.dataset['i18n'] as StringKey);
    for (const el of document.querySelectorAll<HTMLTextAreaElement>('[data-i18n-placeholder]')) el.placeholder = t(el.dataset['i18nPlaceholder'] as StringKey);
    for (const el of document.querySelectorAll<HTMLButtonElement>('[data-locale]')) el.setAttribute('aria-pressed', String(el.dataset['locale'] === locale));
}

function setStatus(text: string, kind: 'busy' | 'ok' | 'error' = 'ok'): void {
    const status = $('#status');
    status.textContent = text;
    status.className = kind;
}

/** Checks the workspace from scratch (a drop, a paste, a language switch). */
async function checkAll(): Promise<void> {
    setStatus(t('checking'), 'busy');
    try {
        const result = await client.findings({
            type: 'check', files: sources, workbooks, scope, locale, passedOver: notUtf8.map(f => ({ file: f.path, look: f.look })),
        });
        show(result);
        const path = result.results.find(r => r.filePath === editor.currentPath)?.filePath
            ?? result.results.find(r => sources.some(s => s.path === r.filePath))?.filePath;
        fillEditorChoice(result, path);
        // The editor is built when it is shown: the findings of a drop come first.
        editorPending = path;
        if (!$('#tab-editor').hidden) openPendingFile();
    } catch (e) {
        setStatus(t('workerFailed', { message: (e as Error).message }), 'error');
    }
}

/** Renders a check's answer everywhere; `data-checks` counts renders, for tests to wait on. */
function show(result: Findings): void {
    findings = result;
    const count = (key: 'errorCount' | 'warningCount' | 'infoCount') => result.results.reduce((n, r) => n + r[key], 0);
    if (result.results.length > 0) {
        setStatus(t('checked', {
            files: result.results.length, errors: count('errorCount'), warnings: count('warningCount'), infos: count('infoCount'), ms: result.elapsed,
        }), count('errorCount') > 0 ? 'error' : 'ok');
    } else if (notUtf8.length > 0) {
        // .kpi files were dropped, only none could be read: they are named in the notes below.
        setStatus(t('onlyPassedOver', { files: notUtf8.length }), 'error');
    } else {
        setStatus(t('noFiles'));
    }
    const notes = [
        ...notUtf8.map(f => notUtf8Message(f.path, f.look, locale)),
        ...result.workbookProblems,
        ...(result.configProblems.length ? [t('configProblems'), ...result.configProblems] : []),
    ];
    $('#notes').innerHTML = notes.map(n => `<div>${escapeHtml(n)}</div>`).join('');
    renderFindings($('#tab-findings'), result.results, locale, filters);
    renderScoreSheets($('#tab-scores'), result.sheets, locale);
    $<HTMLButtonElement>('#save-json').disabled = result.results.length === 0 && result.passedOver.length === 0;
    $<HTMLButtonElement>('#save-report').disabled = result.results.length === 0;
    $<HTMLButtonElement>('#save-xlsx').disabled = result.results.length === 0;
    for (const id of ['#export-forms', '#export-reviewed-forms']) $<HTMLButtonElement>(id).disabled = !result.results.some(r => r.filePath.endsWith('.kpi'));
    document.body.dataset['checks'] = String(checks() + 1);
    if (!$('#tab-report').hidden) void refreshReport();
}

const checks = () => Number(document.body.dataset['checks'] ?? 0);

/**
 * The report of the latest check, made by the worker when it is looked at or saved (not on
 * every keystroke); `data-report` tells tests which check the report shown is of.
 */
async function currentReport(): Promise<string> {
    const of = checks();
    const html = await client.report();
    if (of !== reportOf && checks() === of) {
        reportOf = of;
        showReport($<HTMLIFrameElement>('#report'), html);
        document.body.dataset['report'] = String(of);
    }
    return html;
}

async function refreshReport(): Promise<void> {
    if (reportOf === checks() || !findings?.results.length) return;
    try {
        await currentReport();
    } catch (e) {
        setStatus(t('workerFailed', { message: (e as Error).message }), 'error');
    }
}

function fillEditorChoice(result: Findings, chosen: string | undefined): void {
    const select = $<HTMLSelectElement>('#editor-file');
    // Workbooks have findings but no text to edit.
    const editable = result.results.filter(r => sources.some(s => s.path === r.filePath));
    select.innerHTML = editable.map(r => `<option>${escapeHtml(r.filePath)}</option>`).join('');
    if (chosen) select.value = chosen;
}

function openPendingFile(): void {
    if (editorPending) openInEditor(editorPending);
}

function openInEditor(path: string, line?: number): void {
    editorPending = undefined;
    const source = sources.find(s => s.path === path);
    if (!source) return;
    $<HTMLSelectElement>('#editor-file').value = path;
    editor.open(path, source.text, line);
}

async function replaceWorkspace(dropped: Dropped): Promise<void> {
    sources = dropped.files;
    workbooks = dropped.workbooks;
    notUtf8 = dropped.notUtf8;
    scope = [...new Set([...sources, ...workbooks, ...notUtf8].map(f => f.path.split('/')[0]!))].sort().join(', ');
    editor.reset();
    await checkAll();
}

function showTab(name: string): void {
    for (const tab of document.querySelectorAll<HTMLElement>('[data-tab]')) tab.setAttribute('aria-selected', String(tab.dataset['tab'] === name));
    for (const panel of document.querySelectorAll<HTMLElement>('.panel')) panel.hidden = panel.id !== `tab-${name}`;
    if (name === 'editor') openPendingFile();
    if (name === 'report') void refreshReport();
}

/** Where the tabs were scrolled to when a rule page opened, to come back there. */
let tabsScroll = 0;

/** `#rule/<id>` shows that rule's bundled page over the tabs; any other address hides it. */
function route(): void {
    const rule = ruleFromHash(location.hash);
    const page = $('#rule-page');
    if (rule && page.hidden) tabsScroll = window.scrollY;
    const leaving = !rule && !page.hidden;
    page.hidden = !rule;
    $('#main').hidden = !!rule;
    if (rule) {
        $('#rule-content').innerHTML = rulePageHtml(rule) ?? `<p>${escapeHtml(t('unknownRule'))}</p>`;
        window.scrollTo(0, 0);
    } else if (leaving) {
        window.scrollTo(0, tabsScroll);
    }
}

function download(name: string, content: string | Uint8Array<ArrayBuffer>, type: string): void {
    const url = URL.createObjectURL(new Blob([content], { type }));
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 0);
}

$<HTMLInputElement>('#pick-files').addEventListener('change', e => void readFileList((e.target as HTMLInputElement).files ?? []).then(replaceWorkspace));
$<HTMLInputElement>('#pick-folder').addEventListener('change', e => void readFileList((e.target as HTMLInputElement).files ?? []).then(replaceWorkspace));
document.addEventListener('dragover', e => {
    e.preventDefault();
    document.body.classList.add('dragging');
});
document.addEventListener('dragleave', () => document.body.classList.remove('dragging'));
document.addEventListener('drop', e => {
    e.preventDefault();
    document.body.classList.remove('dragging');
    if (e.dataTransfer) void readDataTransfer(e.dataTransfer).then(replaceWorkspace);
});
$('#paste-toggle').addEventListener('click', () => {
    $('#paste').hidden = !$('#paste').hidden;
});
$('#paste-check').addEventListener('click', () => {
    const text = $<HTMLTextAreaElement>('#paste-text').value;
    if (!text.trim()) return;
    // A pasted text joins the dropped files, so it can link to their projects and contracts.
    sources = [...sources, { path: `pasted-${++pasted}.kpi`, text }];
    $<HTMLTextAreaElement>('#paste-text').value = '';
    $('#paste').hidden = true;
    void checkAll().then(() => {
        showTab('editor');
        openInEditor(`pasted-${pasted}.kpi`);
    });
});
$('#save-json').addEventListener('click', () => {
    // As `kpispec lint -f json`: a file passed over is a result too, in path order.
    const results = findings && [...findings.results, ...findings.passedOver].sort((a, b) => (a.filePath < b.filePath ? -1 : a.filePath > b.filePath ? 1 : 0));
    if (results) download('kpispec-findings.json', formatJson(results), 'application/json');
});
$('#save-report').addEventListener('click', () => {
    if (findings) void currentReport().then(html => download('kpispec-report.html', html, 'text/html'));
});
/** Writes a workbook of the files as they now are (edits included), as `kpispec report` or `kpispec export` writes it. */
async function saveWorkbook(of: WorkbookKind, name: string): Promise<void> {
    try {
        const bytes = await writeWorkbook(await client.plans(of));
        download(name, new Uint8Array(bytes), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    } catch (e) {
        setStatus((e as Error).message, 'error');
    }
}
$('#save-xlsx').addEventListener('click', () => {
    if (findings) void saveWorkbook('review', 'kpispec-report.xlsx');
});
$('#export-forms').addEventListener('click', () => {
    if (findings) void saveWorkbook('forms', 'kpispec-forms.xlsx');
});
$('#export-reviewed-forms').addEventListener('click', () => {
    if (findings) void saveWorkbook('reviewed-forms', 'kpispec-forms-review.xlsx');
});
for (const select of document.querySelectorAll<HTMLSelectElement>('#tab-findings select')) {
    select.addEventListener('change', () => findings && renderFindings($('#tab-findings'), findings.results, locale, filters));
}
$('#tab-findings').addEventListener('click', e => {
    const link = (e.target as HTMLElement).closest<HTMLAnchorElement>('a[data-open]');
    if (!link) return;
    e.preventDefault();
    showTab('editor');
    openInEditor(link.dataset['open']!, Number(link.dataset['line']));
});
for (const tab of document.querySelectorAll<HTMLElement>('[data-tab]')) tab.addEventListener('click', () => showTab(tab.dataset['tab']!));
$<HTMLSelectElement>('#editor-file').addEventListener('change', e => openInEditor((e.target as HTMLSelectElement).value));
$('#rule-back').addEventListener('click', () => {
    location.hash = '';
});
for (const button of document.querySelectorAll<HTMLButtonElement>('[data-locale]')) {
    button.addEventListener('click', () => {
        if (button.dataset['locale'] === locale) return;
        locale = button.dataset['locale'] as Locale;
        applyLanguage();
        // Messages are written in the language of the check, so check again, edits included.
        sources = sources.map(s => ({ ...s, text: editor.textOf(s.path) ?? s.text }));
        if (sources.length) void checkAll();
    });
}
window.addEventListener('hashchange', route);

applyLanguage();
showTab('findings');
route();
