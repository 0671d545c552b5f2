import type { LangiumDocument } from 'langium';
import {
    BUILTIN_PROFILES, createKpiServices, formatConfigProblem, isAssessment, resolveProfile,
    type KpiServices, type Locale, type Model,
} from '@kpispec/language';
import { fileResult } from '../../../cli/src/results.js';
import { scoreSheet, type ScoreSheet } from '../../../cli/src/score/sheet.js';
import type { Findings, SourceFile } from '../protocol.js';
import { notIgnored } from './ignore.js';
import { MemoryFileSystem, pathOf, uriOf } from './memory-fs.js';

type Services = { shared: KpiServices['shared']; kpi: KpiServices };

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

    /** Starts a fresh workspace holding these files and validates it. */
    async check(given: readonly SourceFile[], locale: Locale): Promise<Findings> {
        const started = performance.now();
        // One document per path (Langium refuses a second); a later file of the same path wins.
        const files = [...new Map(given.map(f => [f.path, f])).values()];
        const fileSystem = new MemoryFileSystem();
        const services: Services = createKpiServices({ fileSystemProvider: () => fileSystem });
        services.kpi.kpi.Settings.locale = locale;
        for (const file of files) if (isSource(file.path) || isConfig(file.path)) fileSystem.write(uriOf(file.path), file.text);
        const configuration = services.kpi.kpi.Configuration;
        const dropped = files.filter(f => isSource(f.path)).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
        await configuration.load(dropped.map(f => uriOf(f.path)), fileSystem);
        const kept = new Set(await notIgnored(dropped.map(f => f.path), configuration, fileSystem));
        const sources = dropped.filter(f => kept.has(f.path));
        const factory = services.shared.workspace.LangiumDocumentFactory;
        const documents = sources.map(f => {
            const document = factory.fromString(f.text, uriOf(f.path));
            services.shared.workspace.LangiumDocuments.addDocument(document);
            return document;
        });
        await services.shared.workspace.DocumentBuilder.build(documents, { validation: true });
        this.services = services;
        this.fileSystem = fileSystem;
        this.locale = locale;
        return this.findings(started);
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

    private findings(started: number): Findings {
        const services = this.workspace();
        const documents = services.shared.workspace.LangiumDocuments.all.toArray()
            .sort((a, b) => (a.uri.path < b.uri.path ? -1 : a.uri.path > b.uri.path ? 1 : 0));
        const configuration = services.kpi.kpi.Configuration;
        const configProblems = configuration.problems().map(p => formatConfigProblem(p).replace(/^\//, ''));
        const sheets: ScoreSheet[] = [];
        for (const document of documents) sheets.push(...this.scoreSheets(document, configProblems));
        return {
            results: documents.map(d => fileResult(pathOf(d.uri), d.diagnostics ?? [])),
            sheets,
            configProblems,
            elapsed: Math.round(performance.now() - started),
        };
    }

    /** `kpispec score` for one file: the profile its kpispec.json names, else national-2020. */
    private scoreSheets(document: LangiumDocument, problems: string[]): ScoreSheet[] {
        const config = this.workspace().kpi.kpi.Configuration.get(document.uri);
        const assessments = ((document.parseResult.value as Model).blocks ?? []).filter(isAssessment);
        if (assessments.length === 0) return [];
        if (!BUILTIN_PROFILES[config.profile] && !config.profiles[config.profile]) {
            problems.push(`${pathOf(document.uri)}: unknown scoring profile '${config.profile}'`);
            return [];
        }
        const profile = resolveProfile(config);
        return assessments.map(a => scoreSheet(a, pathOf(document.uri), profile, this.locale));
    }
}
