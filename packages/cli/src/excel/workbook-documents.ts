import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { URI, type LangiumDocument } from 'langium';
import { excel, pick, type KpiCoreServices, type Locale } from '@kpispec/language/core';
import { UserError } from '../exit-codes.js';
import { PassedOverError, type PassedOverFile } from '../passed-over.js';

/** One sheet of a workbook, read as a form and added to the workspace as a .kpi document. */
export interface SheetDocument {
    /** The workbook's path. */
    readonly file: string;
    readonly form: excel.EmittedForm;
    readonly document: LangiumDocument;
}

/**
 * The URI of a sheet's virtual document, `…/自评表.xlsx/自评表.kpi`: the workbook's path and the
 * sheet, ending in `.kpi` so that the language's services take it (they are chosen by extension).
 */
export function sheetUri(file: string, sheet: string): URI {
    return URI.file(excel.sheetPath(file, sheet));
}

/**
 * Whether to skip a workbook that holds no form (rather than stop with its one line); it is
 * given the file and why (`kind` says whether it is KPI Spec's own review workbook).
 */
export type SkipNoForm = (file: string, why: excel.WorkbookError) => boolean;

/**
 * Reads a workbook's forms (one clear line naming the file when it is no readable form, or
 * undefined when `skipNoForm` skips a workbook without a form; a PassedOverError, as of a .kpi
 * file, when it cannot be read at all). The size is checked before the bytes are read.
 */
export async function readWorkbookFile(file: string, locale: Locale, skipNoForm?: SkipNoForm): Promise<excel.WorkbookForms | undefined> {
    const name = basename(file);
    let bytes: Uint8Array;
    try {
        excel.checkWorkbookSize((await stat(file)).size);
        bytes = new Uint8Array(await readFile(file));
    } catch (e) {
        if (e instanceof excel.WorkbookError) throw new UserError(`${name}: ${pick(locale, e.text)}`);
        const { code } = e as NodeJS.ErrnoException;
        throw code ? new PassedOverError({ file, code }) : new UserError(`cannot read ${file}: ${(e as Error).message}`);
    }
    try {
        return await excel.readWorkbook(bytes, name);
    } catch (e) {
        if (e instanceof excel.WorkbookError && e.kind && skipNoForm?.(file, e)) return undefined;
        if (e instanceof excel.WorkbookError) throw new UserError(`${name}: ${pick(locale, e.text)}`);
        throw e;
    }
}

/**
 * Adds every form of the workbooks to the workspace, after the .kpi files that define projects. A
 * workbook that cannot be read stops the run, or with `passOver` is passed over and told of, as a .kpi file is.
 */
export async function addWorkbookDocuments(
    { shared }: { shared: KpiCoreServices['shared'] }, files: readonly string[], locale: Locale, definedProjects: ReadonlySet<string>,
    skipNoForm?: SkipNoForm, passOver?: (file: PassedOverFile) => void,
): Promise<SheetDocument[]> {
    const read: Array<{ file: string; book: excel.WorkbookForms }> = [];
    for (const file of files) {
        try {
            const book = await readWorkbookFile(file, locale, skipNoForm);
            if (book) read.push({ file, book });
        } catch (e) {
            if (!(e instanceof PassedOverError && passOver)) throw e;
            passOver(e.passedOver);
        }
    }
    const factory = shared.workspace.LangiumDocumentFactory;
    const emitted = excel.emitWorkbooks(read.map(r => r.book), definedProjects);
    return read.flatMap(({ file }, i) => emitted[i]!.map(form => {
        const document = factory.fromString(form.text, sheetUri(file, form.sheet));
        shared.workspace.LangiumDocuments.addDocument(document);
        return { file, form, document };
    }));
}

/** What lint and report read from a folder: .kpi files and the workbooks beside them. */
export const WORKSPACE_EXTENSIONS: readonly string[] = ['.kpi', ...excel.WORKBOOK_EXTENSIONS];

