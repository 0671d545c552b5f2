import { isUtf8 } from 'node:buffer';
import { closeSync, constants, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { URI, type LangiumDocument } from 'langium';
import { createKpiCoreServices, excel, notUtf8Look, type KpiIndexManager } from '@kpispec/language/core';
import { UserError } from './exit-codes.js';
import { CliFileSystem } from './file-system.js';
import { PassedOverError, type PassedOverFile } from './passed-over.js';
import { addWorkbookDocuments, type SheetDocument, type SkipNoForm } from './excel/workbook-documents.js';

/** The language services of a command: without the editor's, which only `format` and `import` load (editor-services.ts). */
export type CliServices = ReturnType<typeof createKpiCoreServices>;

/** The language services of one CLI run; the configuration service is shared with discovery. */
export function createServices(): CliServices {
    return withDocumentLinksOnly(createKpiCoreServices(CliFileSystem));
}

/** No command asks who references a node: the builder needs only which documents reference which. */
export function withDocumentLinksOnly<S extends CliServices>(services: S): S {
    (services.shared.workspace.IndexManager as KpiIndexManager).keepOnlyDocumentLinks();
    return services;
}

/**
 * Reads a source file, refusing what is not a regular file of UTF-8 text (one clear line, exit 2;
 * a run over several files passes over one it cannot read or that is not UTF-8, see PassedOverError):
 * `/dev/zero` never ends and a named pipe waits for a writer. A byte order mark is dropped, as
 * editors do, so positions match theirs; `keepBom` keeps it for rewriting.
 */
export async function readUtf8(file: string, { keepBom = false } = {}): Promise<string> {
    let bytes: Buffer;
    try {
        // Non-blocking: opening a named pipe would otherwise wait for a writer.
        const handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK);
        try {
            if (!(await handle.stat()).isFile()) throw notARegularFile(file);
            bytes = await handle.readFile();
        } finally {
            await handle.close();
        }
    } catch (e) {
        throw readError(file, e);
    }
    return decodeUtf8(file, bytes, keepBom);
}

/**
 * readUtf8 without a round trip through the thread pool per call: for reading thousands of
 * small files in a row (lint's scan and units, `score`), where those cost more than the reads.
 */
export function readUtf8Sync(file: string): string {
    let bytes: Buffer;
    try {
        const fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
        try {
            const stats = fstatSync(fd);
            if (!stats.isFile()) throw notARegularFile(file);
            bytes = readToEnd(fd, stats.size);
        } finally {
            closeSync(fd);
        }
    } catch (e) {
        throw readError(file, e);
    }
    return decodeUtf8(file, bytes, false);
}

/**
 * A file's bytes, in a buffer of the size its stats gave (`readFileSync` would take them once
 * more); a file cut meanwhile is read to its end. A size of 0 may mean a size unknown (`/proc`).
 */
function readToEnd(fd: number, size: number): Buffer {
    if (size === 0) return readFileSync(fd);
    const bytes = Buffer.allocUnsafe(size);
    let read = 0;
    while (read < size) {
        const n = readSync(fd, bytes, read, size - read, read);
        if (n === 0) return bytes.subarray(0, read);
        read += n;
    }
    return bytes;
}

const notARegularFile = (file: string) => new UserError({ zh: `${file} 不是普通文件`, en: `${file} is not a regular file` });

function readError(file: string, e: unknown): UserError {
    if (e instanceof UserError) return e;
    const { code, message } = e as NodeJS.ErrnoException;
    return code ? new PassedOverError({ file, code }) : new UserError({ zh: `无法读取 ${file}：${message}`, en: `cannot read ${file}: ${message}` });
}

/** Checked, then decoded: a quarter of the time of a fatal TextDecoder (lint reads 40,000 files at province scale). */
function decodeUtf8(file: string, bytes: Buffer, keepBom: boolean): string {
    if (!isUtf8(bytes)) throw new PassedOverError({ file, look: notUtf8Look(bytes) });
    const text = bytes.toString('utf8');
    return !keepBom && text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Adds the files to the workspace as documents (parsed, not yet linked), in the order given;
 * `texts` if already read. A file that cannot be read or is not UTF-8 stops the run, or with
 * `passOver` is passed over and told of.
 */
export function addDocuments(
    { shared }: { shared: CliServices['shared'] }, files: readonly string[], { texts, passOver }: { texts?: readonly string[]; passOver?: (file: PassedOverFile) => void } = {},
): LangiumDocument[] {
    const factory = shared.workspace.LangiumDocumentFactory;
    return files.flatMap((file, i) => {
        let text: string;
        try {
            text = texts?.[i] ?? readUtf8Sync(file);
        } catch (e) {
            if (!(e instanceof PassedOverError && passOver)) throw e;
            passOver(e.passedOver);
            return [];
        }
        const document = factory.fromString(text, URI.file(file));
        shared.workspace.LangiumDocuments.addDocument(document);
        return [document];
    });
}

/** Reads the files as one workspace, so cross-file links resolve, and validates them all (`passOver`: see addDocuments). */
export async function validateWorkspace(
    services: { shared: CliServices['shared'] }, files: readonly string[], passOver?: (file: PassedOverFile) => void,
): Promise<LangiumDocument[]> {
    const documents = addDocuments(services, files, { passOver });
    await services.shared.workspace.DocumentBuilder.build(documents, { validation: true });
    return documents;
}

/** What a workspace of .kpi files and workbooks holds once validated. */
export interface ValidatedWorkspace {
    /** The .kpi files' documents, in the order given. */
    readonly documents: LangiumDocument[];
    /** One document per form of the workbooks. */
    readonly sheets: SheetDocument[];
}

/**
 * Reads .kpi files and workbooks as one workspace and validates it: the .kpi files first, as a
 * workbook's 自评表 assesses the projects they define, then each form with the configuration of
 * its folder. `kpispec lint` and `kpispec report` read a folder through here; `skipNoForm` decides
 * whether a workbook holding no form is skipped instead of stopping the run, `passOver` whether a
 * .kpi file that cannot be read or is not UTF-8 is (see addDocuments), and a workbook that cannot be read.
 */
export async function validateWithWorkbooks(
    { shared, kpi }: CliServices, files: readonly string[], skipNoForm?: SkipNoForm, passOver?: (file: PassedOverFile) => void,
): Promise<ValidatedWorkspace> {
    const documents = addDocuments({ shared }, files.filter(f => !excel.isWorkbookPath(f)), { passOver });
    const sheets = await addWorkbookDocuments({ shared }, files.filter(excel.isWorkbookPath), kpi.kpi.Settings.locale, excel.projectsDefinedBy(documents), skipNoForm, passOver);
    await kpi.kpi.Configuration.load(sheets.map(s => s.document.uri), shared.workspace.FileSystemProvider);
    await shared.workspace.DocumentBuilder.build([...documents, ...sheets.map(s => s.document)], { validation: true });
    return { documents, sheets };
}
