import { URI, UriUtils, type FileSystemNode, type FileSystemProvider, type LangiumDocument, type LangiumSharedCoreServices } from 'langium';
import { FileChangeType, type FileEvent } from 'vscode-languageserver';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import * as excel from '../excel/index.js';
import { pick } from '../i18n/locale.js';
import type { KpiServices } from '../kpi-module.js';
import { isFoundAmong, KPI_EXTENSION } from '../workspace/discovery.js';
import { readErrorCode, unreadMessage } from '../workspace/unread.js';

/** What a batch of file events does to the workbooks' sheet documents. */
export interface SheetUpdate {
    /** The sheets read, as new documents (one already in the workspace under the URI takes the new text on rebuild). */
    documents: LangiumDocument[];
    /** Sheets no longer there. */
    deleted: URI[];
    /** Workbooks that had sheets or were refused and now have no sheet: their diagnostics are published at once. */
    sheetless: string[];
}

/**
 * Workbooks in the editor's folder: each sheet that holds a form is a .kpi document of the
 * workspace (URI `…/自评表.xlsx/自评表.kpi`, never shown), and its findings are published on the
 * workbook itself, each at its cell's row and column with the sheet and cell in the message.
 * A workbook whose imported text sits beside it (`自评表.kpi`) is left to that text, as `kpispec lint` does.
 */
export class WorkbookSync {
    /** Sheet document URI → its workbook and form. */
    private readonly sheets = new Map<string, { workbook: string; form: excel.EmittedForm }>();
    /** Workbook URI → its forms as read, written as .kpi text with the others' (see emit). */
    private readonly books = new Map<string, excel.WorkbookForms>();
    /** Workbook URI → the line saying why it is no readable form. */
    private readonly refused = new Map<string, string>();
    /** The projects defined elsewhere that the sheets were last written with (projectsKey). */
    private writtenWith = '';

    /** `findWorkbooksIn` finds the workbooks under a folder as the workspace's search does. */
    constructor(private readonly shared: LangiumSharedCoreServices, private readonly findWorkbooksIn: (folder: URI) => Promise<URI[]>) {}

    private get language(): KpiServices {
        return this.shared.ServiceRegistry.all[0] as KpiServices;
    }

    private get fileSystem(): FileSystemProvider {
        return this.shared.workspace.FileSystemProvider;
    }

    /** The workbook a sheet document belongs to, if the URI is one. */
    workbookOf(sheetUri: string): string | undefined {
        return this.sheets.get(sheetUri)?.workbook;
    }

    /** The text of a sheet document, as last read from its workbook. */
    textOf(sheetUri: URI): string | undefined {
        return this.sheets.get(sheetUri.toString())?.form.text;
    }

    sheetsOf(workbook: string): URI[] {
        return [...this.sheets].filter(([, s]) => s.workbook === workbook).map(([uri]) => URI.parse(uri));
    }

    /**
     * Reads workbooks together into sheet documents (not yet added to the workspace), as
     * `kpispec lint` reads a folder's: a 自评表 whose project a .kpi document or a 申报表 of any
     * workbook defines is written without a project of its own (excel.emitWorkbooks).
     */
    async readAll(workbooks: readonly URI[]): Promise<LangiumDocument[]> {
        for (const workbook of workbooks) await this.load(workbook);
        const defined = this.definedProjects();
        return workbooks.flatMap(workbook => this.emit(workbook, defined));
    }

    /** Reads a workbook's forms; one that is no readable form is refused with its line, or passed over. */
    private async load(workbook: URI): Promise<void> {
        const key = workbook.toString();
        this.books.delete(key);
        this.refused.delete(key);
        const locale = this.language.kpi.Settings.locale;
        try {
            this.books.set(key, await excel.readWorkbook(await this.fileSystem.readBinary(workbook), UriUtils.basename(workbook)));
        } catch (e) {
            // A spreadsheet with no form in it (a 预算明细 beside the submissions, a saved review
            // workbook) is passed over, as `kpispec lint` passes over one in a folder.
            if (e instanceof excel.WorkbookError && e.kind) return;
            const name = UriUtils.basename(workbook);
            // One it cannot read (no permission, a link that leads nowhere) in the words of an unreadable .kpi.
            const code = readErrorCode(e);
            const reason = e instanceof excel.WorkbookError ? pick(locale, e.text) : e instanceof Error ? e.message : String(e);
            this.refused.set(key, code ? unreadMessage(name, { code }, locale) : `${name}: ${reason}`);
        }
    }

    /** A workbook's sheet documents, its forms written with the projects `defined` elsewhere; forgets its old sheets. */
    private emit(workbook: URI, defined: ReadonlySet<string>): LangiumDocument[] {
        this.writtenWith = projectsKey(defined);
        const key = workbook.toString();
        for (const uri of this.sheetsOf(key)) this.sheets.delete(uri.toString());
        const book = this.books.get(key);
        if (!book) return [];
        const factory = this.shared.workspace.LangiumDocumentFactory;
        // As `kpispec lint` reads a folder's workbooks together: a 自评表 assesses the goals of a 申报表 in another.
        return excel.emitWorkbook(book, defined, {}, excel.targetGoals([...this.books.values()])).map(form => {
            const uri = workbook.with({ path: excel.sheetPath(workbook.path, form.sheet) });
            this.sheets.set(uri.toString(), { workbook: key, form });
            return factory.fromString(form.text, uri);
        });
    }

    /** The projects the workspace's .kpi documents and the workbooks' 申报表 sheets define. */
    private definedProjects(): Set<string> {
        const documents = this.shared.workspace.LangiumDocuments.all.filter(d => !excel.isSheetPath(d.uri.path));
        return new Set([...excel.projectsDefinedBy(documents), ...[...this.books.values()].flatMap(excel.targetProjects)]);
    }

    /**
     * Follows the folder's file events (an editor sends a file's event more than once, from each
     * watcher): a workbook created or changed is read again, one deleted is forgotten, and so are
     * those under a deleted folder; those in a created folder are read. A .kpi created beside a
     * workbook with its name (as the import command writes it) stands for the workbook, which is
     * forgotten; when that .kpi is deleted the workbook is read again.
     */
    async follow(changes: readonly FileEvent[]): Promise<SheetUpdate> {
        const concerned = new Map<string, URI>();
        const concern = (uris: URI[]) => uris.forEach(uri => concerned.set(uri.toString(), uri));
        const listings = new Map<string, Promise<FileSystemNode[]>>();
        const listing = (folder: URI) => {
            const key = folder.toString();
            if (!listings.has(key)) listings.set(key, this.fileSystem.readDirectory(folder).catch(() => []));
            return listings.get(key)!;
        };
        for (const { uri, type } of changes) {
            const file = URI.parse(uri);
            const name = UriUtils.basename(file).toLowerCase();
            if (excel.isWorkbookPath(file.path)) concern([file]);
            else if (name.endsWith(KPI_EXTENSION)) {
                if (type === FileChangeType.Changed) continue;
                const stem = name.slice(0, -KPI_EXTENSION.length);
                concern((await listing(UriUtils.dirname(file))).map(e => e.uri).filter(w => excel.isWorkbookPath(w.path) && stemOf(w) === stem));
            } else if (type === FileChangeType.Deleted) concern(this.workbooksUnder(file));
            else if (type === FileChangeType.Created && (await this.fileSystem.stat(file).catch(() => undefined))?.isDirectory) concern(await this.findWorkbooksIn(file));
        }
        const configuration = this.language.kpi.Configuration;
        const update: SheetUpdate = { documents: [], deleted: [], sheetless: [] };
        const before = new Map<string, string[]>();
        for (const workbook of concerned.values()) {
            const key = workbook.toString();
            before.set(key, this.sheetsOf(key).map(String));
            const known = before.get(key)!.length > 0 || this.refused.has(key);
            const found = isFoundAmong(workbook, await listing(UriUtils.dirname(workbook)), { configuration, extensions: excel.WORKBOOK_EXTENSIONS });
            if (found) await this.load(workbook);
            else this.forget(workbook);
            if (!this.books.has(key) && (known || this.refused.has(key))) update.sheetless.push(key);
        }
        // The others are written again too: a 申报表 read or gone changes whether their 自评表 define its project.
        this.writeAgain(update, concerned, before);
        return update;
    }

    /**
     * The sheets written again when the projects the .kpi documents define are no longer those
     * they were written with (a project typed, renamed, or its file added or deleted): a 自评表
     * of such a project then gains or loses a project of its own. Undefined when none changed.
     */
    rewriteForProjects(): SheetUpdate | undefined {
        if (this.books.size === 0 || projectsKey(this.definedProjects()) === this.writtenWith) return undefined;
        const update: SheetUpdate = { documents: [], deleted: [], sheetless: [] };
        this.writeAgain(update, new Map(), new Map());
        return update.documents.length + update.deleted.length > 0 ? update : undefined;
    }

    /**
     * Writes every workbook's forms again into `update`: all sheets of the `concerned` ones (read
     * anew, whose sheets were `before`), of the others those whose text changed.
     */
    private writeAgain(update: SheetUpdate, concerned: ReadonlyMap<string, URI>, before: ReadonlyMap<string, string[]>): void {
        const defined = this.definedProjects();
        for (const key of new Set([...concerned.keys(), ...this.books.keys()])) {
            const workbook = URI.parse(key);
            const old = before.get(key) ?? this.sheetsOf(key).map(String);
            const texts = new Map(old.map(uri => [uri, this.sheets.get(uri)?.form.text]));
            const documents = this.emit(workbook, defined);
            const now = new Set(documents.map(d => d.uri.toString()));
            update.documents.push(...(concerned.has(key) ? documents : documents.filter(d => texts.get(d.uri.toString()) !== d.textDocument.getText())));
            update.deleted.push(...old.filter(uri => !now.has(uri)).map(uri => URI.parse(uri)));
        }
    }

    /** Workbooks read or refused at or under `uri`. */
    private workbooksUnder(uri: URI): URI[] {
        const key = uri.toString();
        const workbooks = new Set([...[...this.sheets.values()].map(s => s.workbook), ...this.refused.keys()]);
        return [...workbooks].filter(w => w === key || w.startsWith(key.endsWith('/') ? key : `${key}/`)).map(w => URI.parse(w));
    }

    refusedWorkbooks(): string[] {
        return [...this.refused.keys()];
    }

    forget(workbook: URI): void {
        const key = workbook.toString();
        for (const uri of this.sheetsOf(key)) this.sheets.delete(uri.toString());
        this.books.delete(key);
        this.refused.delete(key);
    }

    /** The findings of all the workbook's sheets, at their cells; or the one line that refused it. */
    diagnostics(workbook: string): Diagnostic[] {
        const refused = this.refused.get(workbook);
        if (refused) return [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: DiagnosticSeverity.Error, source: 'kpispec', message: refused }];
        const { Configuration, Settings } = this.language.kpi;
        const documents = this.shared.workspace.LangiumDocuments;
        return this.sheetsOf(workbook).flatMap(uri => {
            const sheet = this.sheets.get(uri.toString())!;
            const document = documents.getDocument(uri);
            if (!document) return [];
            return excel.formDiagnostics(sheet.form, document, Configuration.get(uri).rules, Settings.localeOf(document)).map(({ diagnostic, cell }) => {
                const { row, column } = excel.cellPosition(cell);
                return {
                    ...diagnostic,
                    range: { start: { line: row - 1, character: column - 1 }, end: { line: row - 1, character: column } },
                    message: `${sheet.form.sheet}!${cell}: ${diagnostic.message}`,
                };
            });
        });
    }
}

/** A set of project names as one string, the same whatever their order. */
function projectsKey(projects: ReadonlySet<string>): string {
    return JSON.stringify([...projects].sort());
}

/** `自评表` for `…/自评表.xlsx`, in lower case. */
function stemOf(file: URI): string {
    const name = UriUtils.basename(file).toLowerCase();
    return name.slice(0, name.lastIndexOf('.'));
}
