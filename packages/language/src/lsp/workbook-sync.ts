import { URI, UriUtils, type FileSystemProvider, type LangiumDocument, type LangiumSharedCoreServices } from 'langium';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import * as excel from '../excel/index.js';
import { pick } from '../i18n/locale.js';
import type { KpiServices } from '../kpi-module.js';

/**
 * Workbooks in the editor's folder: each sheet that holds a form is a .kpi document of the
 * workspace (URI `…/自评表.xlsx/自评表.kpi`, never shown), and its findings are published on the
 * workbook itself, each at its cell's row and column with the sheet and cell in the message.
 */
export class WorkbookSync {
    /** Sheet document URI → its workbook and form. */
    private readonly sheets = new Map<string, { workbook: string; form: excel.EmittedForm }>();
    /** Workbook URI → the line saying why it is no readable form. */
    private readonly refused = new Map<string, string>();

    constructor(private readonly shared: LangiumSharedCoreServices) {}

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

    sheetsOf(workbook: string): URI[] {
        return [...this.sheets].filter(([, s]) => s.workbook === workbook).map(([uri]) => URI.parse(uri));
    }

    /** Reads a workbook into sheet documents (not yet added to the workspace); forgets its old sheets. */
    async read(workbook: URI): Promise<LangiumDocument[]> {
        const key = workbook.toString();
        for (const uri of this.sheetsOf(key)) this.sheets.delete(uri.toString());
        this.refused.delete(key);
        const locale = this.language.kpi.Settings.locale;
        try {
            const forms = excel.workbookToKpi(await this.fileSystem.readBinary(workbook), UriUtils.basename(workbook));
            const factory = this.shared.workspace.LangiumDocumentFactory;
            return forms.map(form => {
                const uri = workbook.with({ path: `${workbook.path}/${form.sheet}.kpi` });
                this.sheets.set(uri.toString(), { workbook: key, form });
                return factory.fromString(form.text, uri);
            });
        } catch (e) {
            const reason = e instanceof excel.WorkbookError ? pick(locale, e.text) : e instanceof Error ? e.message : String(e);
            this.refused.set(key, `${UriUtils.basename(workbook)}: ${reason}`);
            return [];
        }
    }

    refusedWorkbooks(): string[] {
        return [...this.refused.keys()];
    }

    forget(workbook: URI): void {
        const key = workbook.toString();
        for (const uri of this.sheetsOf(key)) this.sheets.delete(uri.toString());
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
