import { notUtf8Look } from '../../../language/src/workspace/text-encoding.js';
import type { Bilingual } from '@kpispec/language';
import type { SourceFile, WorkbookFile } from '../protocol.js';
import { isWorkbook } from './workbooks.js';

/** What a drop or a file input brought: sources to check and workbooks for the worker to read. */
export interface Dropped {
    files: SourceFile[];
    workbooks: WorkbookFile[];
    /** `.kpi` files that are not UTF-8, with what they look like: not checked, named as the CLI names them (see notUtf8Message). */
    notUtf8: Array<{ path: string; look: Bilingual }>;
}

/** Strict, as the CLI reads .kpi files; it drops a byte order mark, as the CLI does, so positions match. */
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Sources, and JSON files: kpispec.json and the shared files it `extends`. */
const wanted = (path: string) => path.endsWith('.kpi') || path.endsWith('.json');

/** Reads files from an `<input type=file>` (with `webkitdirectory`, paths keep their folders). */
export async function readFileList(list: Iterable<File>): Promise<Dropped> {
    return readAll([...list].map(file => ({ path: file.webkitRelativePath || file.name, file })));
}

/** Reads a drag and drop: files, and folders walked recursively. */
export async function readDataTransfer(transfer: DataTransfer): Promise<Dropped> {
    const entries = [...transfer.items].map(item => item.webkitGetAsEntry()).filter((e): e is FileSystemEntry => e !== null);
    if (entries.length === 0) return readFileList(transfer.files);
    const found: Array<{ path: string; file: File }> = [];
    for (const entry of entries) await walk(entry, found);
    return readAll(found);
}

async function walk(entry: FileSystemEntry, found: Array<{ path: string; file: File }>): Promise<void> {
    if (entry.isFile) {
        const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject));
        found.push({ path: entry.fullPath.replace(/^\//, ''), file });
    } else if (entry.isDirectory) {
        const reader = (entry as FileSystemDirectoryEntry).createReader();
        // readEntries answers in batches until it answers with none.
        for (;;) {
            const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
            if (batch.length === 0) break;
            for (const child of batch) await walk(child, found);
        }
    }
}

async function readAll(found: ReadonlyArray<{ path: string; file: File }>): Promise<Dropped> {
    const files: SourceFile[] = [];
    const workbooks: WorkbookFile[] = [];
    const notUtf8: Dropped['notUtf8'] = [];
    await Promise.all(found.map(async ({ path, file }) => {
        if (path.endsWith('.kpi')) {
            const bytes = new Uint8Array(await file.arrayBuffer());
            try {
                files.push({ path, text: utf8.decode(bytes) });
            } catch {
                notUtf8.push({ path, look: notUtf8Look(bytes) });
            }
        } else if (wanted(path)) files.push({ path, text: stripBom(await file.text()) });
        else if (isWorkbook(path)) workbooks.push({ path, bytes: new Uint8Array(await file.arrayBuffer()) });
    }));
    return { files, workbooks, notUtf8: notUtf8.sort((a, b) => (a.path < b.path ? -1 : 1)) };
}

/** The CLI drops a byte order mark of kpispec.json too. */
const stripBom = (text: string) => text.replace(/^\uFEFF/, '');
