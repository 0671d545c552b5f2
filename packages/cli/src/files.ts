import { stat } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import { URI, type FileSystemProvider } from 'langium';
import { excel, onePathEach, searchFolder, realPathOf, type Bilingual, type FoundFile, type KpiConfiguration } from '@kpispec/language/core';
import { UserError } from './exit-codes.js';
import { refusedDocument } from './other-documents.js';

export interface FileSearch {
    configuration: KpiConfiguration;
    fileSystem: FileSystemProvider;
    cwd: string;
}

const posix = (path: string) => path.split(sep).join('/');

/**
 * Expands files, folders and glob patterns to `.kpi` files (and the other `extensions` given:
 * lint also reads workbooks). Folders are searched as the language
 * server searches its workspace (see findKpiFilesIn: `ignore` globs, no dot-folders or
 * node_modules, links followed); a file named explicitly is always included, but an office document
 * or a spreadsheet of another kind (refusedDocument). A file reached by
 * several paths, in one folder or through several of the paths given, is read once (onePathEach).
 */
export async function findKpiFiles(patterns: readonly string[], search: FileSearch, extensions?: readonly string[]): Promise<string[]> {
    const files: FoundFile[] = [];
    for (const pattern of patterns) {
        const abs = resolve(search.cwd, pattern);
        const info = await stat(abs).catch(() => undefined);
        if (info?.isDirectory()) {
            files.push(...await walk(abs, search, extensions));
        } else if (info) {
            const refused = refusedDocument(pattern, extensions);
            if (refused) throw new UserError(refused);
            // Named as the user meant it: not counted as reached through a link.
            const uri = URI.file(abs);
            files.push({ uri, real: await realPathOf(uri, search.fileSystem), linked: false });
        } else if (picomatch.scan(pattern).isGlob) {
            const { base } = picomatch.scan(pattern);
            const matches = picomatch(posix(pattern).replace(/^\.\//, ''));
            const root = resolve(search.cwd, base || '.');
            const found = (await stat(root).catch(() => undefined))?.isDirectory() ? await walk(root, search, extensions) : [];
            const matched = found.filter(f => matches(posix(isAbsolute(pattern) ? f.uri.fsPath : relative(search.cwd, f.uri.fsPath))));
            if (matched.length === 0) throw new UserError(noMatch(pattern, extensions));
            files.push(...matched);
        } else {
            throw new UserError(noSuchPath(pattern));
        }
    }
    return [...new Set(onePathEach(files).map(uri => uri.fsPath))].sort();
}

/** A glob that matched nothing the command reads; a workbook beside the text imported from it is read from that text. */
function noMatch(pattern: string, extensions: readonly string[] | undefined): Bilingual {
    const workbooks = extensions?.some(excel.isWorkbookPath) === true;
    const hint = workbooks && excel.isWorkbookPath(pattern);
    return {
        zh: `没有与「${pattern}」匹配的 ${workbooks ? '.kpi 文件或工作簿' : '.kpi 文件'}${hint ? '（工作簿旁边有从它导入的 .kpi 文件时，读的是那个 .kpi 文件）' : ''}`,
        en: `no ${workbooks ? '.kpi files or workbooks' : '.kpi files'} match '${pattern}'${hint ? ' (a workbook with the .kpi file imported from it beside it is read from that file)' : ''}`,
    };
}

/** Whether nothing is at `path` (a file on the way counts: `a.kpi/b`); unreadable is not missing. */
export async function isMissing(path: string): Promise<boolean> {
    return stat(path).then(() => false, (e: NodeJS.ErrnoException) => e.code === 'ENOENT' || e.code === 'ENOTDIR');
}

/** What every command says of a path given that is not there. */
export function noSuchPath(path: string): Bilingual {
    return { zh: `文件或文件夹不存在：${path}`, en: `no such file or folder: ${path}` };
}

async function walk(dir: string, { configuration, fileSystem }: FileSearch, extensions: readonly string[] | undefined): Promise<FoundFile[]> {
    return searchFolder(URI.file(dir), {
        configuration,
        fileSystem,
        ...(extensions ? { extensions } : {}),
        // Found, so that reading it says it cannot, as of any file that cannot be read.
        keepBrokenLinks: true,
        onUnreadableFolder: (folder, e) => {
            const code = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
            throw new UserError({ zh: `无法读取文件夹 ${folder.fsPath}：${code}`, en: `cannot read folder ${folder.fsPath}: ${code}` });
        },
    });
}
