import { URI, type LangiumDocument } from 'langium';
import {
    BUILTIN_PROFILES, createKpiServices, excel, formatConfigProblem, isAssessment, pick,
    type KpiServices, type Locale, type Model,
} from '@kpispec/language';
import { skippedNote, type SkippedWorkbook } from '../../../cli/src/excel/stray-workbooks.js';
import { sheetMessages, workbookResults } from '../../../cli/src/excel/workbook-results.js';
import { reviewPlans } from '../../../cli/src/excel/review-plans.js';
import { collectReport } from '../../../cli/src/report/collect.js';
import type { ReportData } from '../../../cli/src/report/model.js';
import { renderReport } from '../../../cli/src/report/render.js';
import { passedOverResult, type PassedOverFile } from '../../../cli/src/passed-over.js';
import { fileResult } from '../../../cli/src/results.js';
import { formUnreadScores, scoreSheet, type ScoreSheet } from '../../../cli/src/score/sheet.js';
import { DEFAULT_DOCS_BASE_URL, ruleHelpUri } from '../../../cli/src/rule-links.js';
import type { Findings, SourceFile, WorkbookFile } from '../protocol.js';
import { readConfigurationFrom } from './config-reader.js';
import { notIgnored } from './ignore.js';
import { MemoryFileSystem, pathOf, uriOf } from './memory-fs.js';

/** A related location's file, named as the page names files: by its path in what was dropped. */
const pathOfUri = (uri: string) => pathOf(URI.parse(uri));

type Services = { shared: KpiServices['shared']; kpi: KpiServices };
/** A form read from a workbook's sheet, as the CLI's lint holds it (its module reads files with Node). */
type SheetDocument = Parameters<typeof workbookResults>[0][number];

/** Skipped as the CLI skips them when it walks a folder: dot-folders and node_modules. */
const hidden = (path: string) => path.split('/').some(part => part.startsWith('.') || part === 'node_modules');

export const isSource = (path: string) => path.endsWith('.kpi') && !hidden(path);
/** kpispec.json and the shared files it `extends`, read through the file system. */
export const isConfig = (path: string) => path.endsWith('.json') && !hidden(path);

/**
 * The CLI's lint and score over dropped files: one workspace (links resolve across files),
 * kpispec.json found next to or above each file, the same services and the same checks.
 */
export class Checker {
    private services?: Services;
    private fileSystem = new MemoryFileSystem();
    private locale: Locale = 'zh-CN';
    /** The forms read from the dropped workbooks, each a virtual `…/自评表.xlsx/<sheet>.kpi` document. */
    private sheets: SheetDocument[] = [];
    private workbookProblems: string[] = [];
    /** Workbooks of a dropped folder that hold no form, passed over. */
    private skipped: SkippedWorkbook[] = [];
    /** Dropped .kpi files that were not read (not UTF-8): the report names them, as `kpispec report` does. */
    private passedOver: readonly PassedOverFile[] = [];
    private scope = '';

    /**
     * Starts a fresh workspace holding these files and workbooks and validates it, as `kpispec
     * lint` does: workbooks are read after the .kpi files, whose projects their 自评表 assess.
     */
    async check(
        given: readonly SourceFile[], locale: Locale, workbooks: readonly WorkbookFile[] = [], scope = '', passedOver: readonly PassedOverFile[] = [],
    ): Promise<Findings> {
        const started = performance.now();
        // One document per path (Langium refuses a second); a later file of the same path wins.
        const files = [...new Map(given.map(f => [f.path, f])).values()];
        const fileSystem = new MemoryFileSystem();
        const services: Services = createKpiServices({ fileSystemProvider: () => fileSystem });
        services.kpi.kpi.Settings.locale = locale;
        for (const file of files) if (isSource(file.path) || isConfig(file.path)) fileSystem.write(uriOf(file.path), file.text);
        const configuration = services.kpi.kpi.Configuration;
        readConfigurationFrom(fileSystem);
        const dropped = files.filter(f => isSource(f.path)).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
        const books = [...new Map(workbooks.filter(w => !hidden(w.path)).map(w => [w.path, w])).values()].sort((a, b) => (a.path < b.path ? -1 : 1));
        await configuration.load([...dropped, ...books].map(f => uriOf(f.path)), fileSystem);
        const kept = new Set(await notIgnored([...dropped, ...books].map(f => f.path), configuration, fileSystem));
        const sources = dropped.filter(f => kept.has(f.path));
        const factory = services.shared.workspace.LangiumDocumentFactory;
        const add = (text: string, path: string) => {
            const document = factory.fromString(text, uriOf(path));
            services.shared.workspace.LangiumDocuments.addDocument(document);
            return document;
        };
        const documents = sources.map(f => add(f.text, f.path));
        this.sheets = [];
        this.workbookProblems = [];
        this.skipped = [];
        const read: Array<{ path: string; forms: excel.WorkbookForms }> = [];
        for (const book of books.filter(w => kept.has(w.path))) {
            const forms = await this.readWorkbook(book, locale);
            if (forms) read.push({ path: book.path, forms });
        }
        // Read together, as `kpispec lint` reads a folder's: a 申报表's project is defined once.
        const emitted = excel.emitWorkbooks(read.map(r => r.forms), excel.projectsDefinedBy(documents));
        read.forEach(({ path }, i) => {
            for (const form of emitted[i]!) {
                // The CLI's virtual document: the workbook's path and the sheet, ending in .kpi.
                this.sheets.push({ file: path, form, document: add(form.text, `${path}/${form.sheet}.kpi`) });
            }
        });
        await configuration.load(this.sheets.map(s => s.document.uri), fileSystem);
        await services.shared.workspace.DocumentBuilder.build([...documents, ...this.sheets.map(s => s.document)], { validation: true });
        this.services = services;
        this.fileSystem = fileSystem;
        this.locale = locale;
        this.scope = scope;
        this.passedOver = passedOver;
        return this.findings(started);
    }

    /** A workbook's forms; one that is no readable form is one line naming it, as the CLI prints it. */
    private async readWorkbook(book: WorkbookFile, locale: Locale): Promise<excel.WorkbookForms | undefined> {
        const name = book.path.slice(book.path.lastIndexOf('/') + 1);
        try {
            return await excel.readWorkbook(book.bytes, name);
        } catch (e) {
            // In a dropped folder, a workbook without a form is a stray spreadsheet (a 预算明细), passed
            // over as `kpispec lint <folder>` passes it over (a saved review workbook without a word);
            // a workbook dropped by itself was asked for.
            if (e instanceof excel.WorkbookError && e.kind && book.path.includes('/')) {
                if (e.kind === 'no-form') this.skipped.push({ file: book.path, reason: e.text });
                return undefined;
            }
            this.workbookProblems.push(`${name}: ${e instanceof excel.WorkbookError ? pick(locale, e.text) : (e as Error).message}`);
            return undefined;
        }
    }

    /** The reviewer report of the workspace, the page `kpispec report` writes (rules linked as it links them). */
    report(): string {
        return renderReport(this.reportData());
    }

    /** The workbook `kpispec report -o kpispec-report.xlsx` writes: its 问题清单 and 评分复核. */
    reviewPlans(): excel.SheetPlan[] {
        return reviewPlans(this.reportData());
    }

    /**
     * The official forms of the .kpi files, as `kpispec export` writes them (the workbooks' forms
     * are not exported again); `review`: with the 复核得分 and the 问题清单, as `--review` adds them.
     */
    formPlans(review = false): excel.SheetPlan[] {
        const sources = this.sources();
        const scores = this.workspace().kpi.kpi.Scores;
        const plans = excel.formPlans(sources.map(d => d.parseResult.value as Model), review ? a => scores.of(a).score : undefined);
        // The CLI's words when there is nothing to export.
        if (plans.length === 0) throw new Error('no project (项目) or self-assessment (自评) to export');
        if (review) {
            const docsBase = this.docsBase(sources[0]);
            plans.push(excel.findingsPlan(excel.findingRows(sources, d => pathOf(d.uri), id => ruleHelpUri(docsBase, id)), this.locale));
        }
        return plans;
    }

    /** Where rule pages are published: the configuration's of the first file, as the CLI takes it. */
    private docsBase(first: LangiumDocument | undefined): string {
        return (first && this.workspace().kpi.kpi.Configuration.get(first.uri).docsBaseUrl) ?? DEFAULT_DOCS_BASE_URL;
    }

    private reportData(): ReportData {
        const services = this.workspace();
        const configuration = services.kpi.kpi.Configuration;
        // As `kpispec report` takes them: the .kpi files, then the workbooks' forms, whose findings
        // name their workbook and cell rather than lines of the text read from the sheet.
        const forms = new Map(this.sheets.map(s => [s.document, { file: s.file, form: s.form, messages: sheetMessages(s, configuration.get(s.document.uri), this.locale) }]));
        const documents = this.sourcesThenForms();
        const docsBase = this.docsBase(documents[0]);
        const data = collectReport(documents, {
            workbookOf: document => forms.get(document),
            locale: this.locale,
            cwd: '/',
            scope: this.scope,
            configOf: document => configuration.get(document.uri),
            ruleUrl: id => ruleHelpUri(docsBase, id),
        });
        return {
            ...data,
            ...(this.skipped.length > 0 ? { skipped: this.skipped } : {}),
            ...(this.passedOver.length > 0 ? { passedOver: [...this.passedOver] } : {}),
        };
    }

    /** A file's new text: it and every file depending on it are checked again. */
    async update(path: string, text: string): Promise<Findings> {
        const started = performance.now();
        const services = this.workspace();
        const uri = uriOf(path);
        if (!services.shared.workspace.LangiumDocuments.hasDocument(uri)) throw new Error(`${path} is not in the workspace`);
        this.fileSystem.write(uri, text);
        await services.shared.workspace.DocumentBuilder.update([uri], []);
        return this.findings(started);
    }

    /** The editor's hover (contract and standard figures, rule scores), as Markdown. */
    async hover(path: string, line: number, character: number): Promise<string | undefined> {
        const services = this.workspace();
        const uri = uriOf(path);
        const document = services.shared.workspace.LangiumDocuments.getDocument(uri);
        if (!document) return undefined;
        const hover = await services.kpi.lsp.HoverProvider?.getHoverContent(document, {
            textDocument: { uri: uri.toString() }, position: { line, character },
        });
        const contents = hover?.contents;
        if (!contents) return undefined;
        return typeof contents === 'string' ? contents : 'value' in contents ? contents.value : undefined;
    }

    private workspace(): Services {
        if (!this.services) throw new Error('no files checked yet');
        return this.services;
    }

    /** The .kpi files' documents in path order (not the workbooks' forms). */
    private sources(): LangiumDocument[] {
        const forms = new Set(this.sheets.map(s => s.document));
        return this.documents().filter(d => !forms.has(d));
    }

    /** The .kpi files in path order, then the workbooks' forms: the order of `kpispec report` and `kpispec score`. */
    private sourcesThenForms(): LangiumDocument[] {
        return [...this.sources(), ...this.sheets.map(s => s.document)];
    }

    /** Every document, .kpi files and workbook forms, in path order. */
    private documents(): LangiumDocument[] {
        return this.workspace().shared.workspace.LangiumDocuments.all.toArray()
            .sort((a, b) => (a.uri.path < b.uri.path ? -1 : a.uri.path > b.uri.path ? 1 : 0));
    }

    private findings(started: number): Findings {
        const services = this.workspace();
        const configuration = services.kpi.kpi.Configuration;
        const configProblems = configuration.problems().map(p => formatConfigProblem(p).replace(/^\//, ''));
        const sheets: ScoreSheet[] = [];
        // A form's sheets are named by its workbook, as `kpispec score` names them.
        const workbookOf = new Map(this.sheets.map(s => [s.document, s]));
        for (const document of this.sourcesThenForms()) {
            const sheet = workbookOf.get(document);
            sheets.push(...this.scoreSheets(document, sheet?.file ?? pathOf(document.uri), configProblems, sheet?.form));
        }
        const results = [
            ...this.sources().map(d => fileResult(pathOf(d.uri), d.diagnostics ?? [], undefined, pathOfUri)),
            // A workbook's findings point at sheets and cells, as in `kpispec lint`.
            ...workbookResults(this.sheets, s => configuration.get(s.document.uri), s => services.kpi.kpi.Settings.localeOf(s.document), undefined, pathOfUri),
        ].sort((a, b) => (a.filePath < b.filePath ? -1 : a.filePath > b.filePath ? 1 : 0));
        // Lint's note on stderr for each spreadsheet passed over, without its `kpispec: `.
        const skipped = this.skipped.map(w => skippedNote(w, this.locale).replace(/^kpispec: /, '').trimEnd());
        const passedOver = this.passedOver.map(f => passedOverResult(f, this.locale));
        return { results, passedOver, sheets, configProblems, workbookProblems: [...this.workbookProblems, ...skipped], elapsed: Math.round(performance.now() - started) };
    }

    /** `kpispec score` for one file (named `file`): the profile its kpispec.json names, else national-2020. */
    private scoreSheets(document: LangiumDocument, file: string, problems: string[], form?: excel.EmittedForm): ScoreSheet[] {
        const config = this.workspace().kpi.kpi.Configuration.get(document.uri);
        const assessments = ((document.parseResult.value as Model).blocks ?? []).filter(isAssessment);
        if (assessments.length === 0) return [];
        if (!BUILTIN_PROFILES[config.profile] && !config.profiles[config.profile]) {
            problems.push(`${file}: unknown scoring profile '${config.profile}'`);
            return [];
        }
        const scores = this.workspace().kpi.kpi.Scores;
        return assessments.map(a => scoreSheet(a, scores.of(a), file, this.locale, form && formUnreadScores(form)));
    }
}
