import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { URI, type LangiumDocument } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { createKpiServices, type KpiServices, type Locale } from '@kpispec/language';
import { UserError } from './exit-codes.js';

export interface LoadedWorkspace {
    services: KpiServices;
    documents: LangiumDocument[];
}

/** Expands files and folders to the `.kpi` files under them (skipping node_modules and dot-folders). */
export async function findKpiFiles(paths: readonly string[]): Promise<string[]> {
    const files = new Set<string>();
    for (const p of paths) {
        const abs = resolve(p);
        const info = await stat(abs).catch(() => undefined);
        if (!info) throw new UserError(`no such file or folder: ${p}`);
        if (info.isDirectory()) {
            for (const f of await walk(abs)) files.add(f);
        } else {
            files.add(abs);
        }
    }
    return [...files].sort();
}

async function walk(dir: string): Promise<string[]> {
    const entries = await readdir(dir, { withFileTypes: true });
    const out: string[] = [];
    for (const e of entries) {
        if (e.name.startsWith('.') || e.name === 'node_modules') continue;
        const full = join(dir, e.name);
        if (e.isDirectory()) out.push(...await walk(full));
        else if (e.isFile() && extname(e.name) === '.kpi') out.push(full);
    }
    return out;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

async function readUtf8(file: string): Promise<string> {
    let bytes: Uint8Array;
    try {
        bytes = await readFile(file);
    } catch (e) {
        throw new UserError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
    try {
        return utf8.decode(bytes);
    } catch {
        throw new UserError(`${file} is not valid UTF-8 text`);
    }
}

/** Reads the files as one workspace, so cross-file links resolve, and validates them all. */
export async function loadWorkspace(files: readonly string[], locale: Locale): Promise<LoadedWorkspace> {
    const { shared, kpi } = createKpiServices(NodeFileSystem);
    kpi.kpi.Settings.locale = locale;
    const factory = shared.workspace.LangiumDocumentFactory;
    const documents: LangiumDocument[] = [];
    for (const file of files) {
        const doc = factory.fromString(await readUtf8(file), URI.file(file));
        shared.workspace.LangiumDocuments.addDocument(doc);
        documents.push(doc);
    }
    await shared.workspace.DocumentBuilder.build(documents, { validation: true });
    return { services: kpi, documents };
}
