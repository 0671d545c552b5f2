import { stat } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import { URI, type FileSystemProvider } from 'langium';
import { excel, findKpiFilesIn, type KpiConfiguration } from '@kpispec/language/core';
import { UserError } from './exit-codes.js';

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
 * node_modules); a file named explicitly is always included.
 */
export async function findKpiFiles(patterns: readonly string[], search: FileSearch, extensions?: readonly string[]): Promise<string[]> {
    const files = new Set<string>();
    for (const pattern of patterns) {
        const abs = resolve(search.cwd, pattern);
        const info = await stat(abs).catch(() => undefined);
        if (info?.isDirectory()) {
            for (const f of await walk(abs, search, extensions)) files.add(f);
        } else if (info) {
            files.add(abs);
        } else if (picomatch.scan(pattern).isGlob) {
            const { base } = picomatch.scan(pattern);
            const matches = picomatch(posix(pattern).replace(/^\.\//, ''));
            const root = resolve(search.cwd, base || '.');
            const found = (await stat(root).catch(() => undefined))?.isDirectory() ? await walk(root, search, extensions) : [];
            const matched = found.filter(f => matches(posix(isAbsolute(pattern) ? f : relative(search.cwd, f))));
            if (matched.length === 0) throw new UserError(noMatch(pattern, extensions));
            for (const f of matched) files.add(f);
        } else {
            throw new UserError(noSuchPath(pattern));
        }
    }
    return [...files].sort();
}

/** A glob that matched nothing the command reads; a workbook beside the text imported from it is read from that text. */
function noMatch(pattern: string, extensions: readonly string[] | undefined): string {
    const workbooks = extensions?.some(excel.isWorkbookPath) === true;
    const hint = workbooks && excel.isWorkbookPath(pattern) ? ' (a workbook with the .kpi file imported from it beside it is read from that file)' : '';
    return `no ${workbooks ? '.kpi files or workbooks' : '.kpi files'} match '${pattern}'${hint}`;
}

/** Whether nothing is at `path` (a file on the way counts: `a.kpi/b`); unreadable is not missing. */
export async function isMissing(path: string): Promise<boolean> {
    return stat(path).then(() => false, (e: NodeJS.ErrnoException) => e.code === 'ENOENT' || e.code === 'ENOTDIR');
}

/** What every command says of a path given that is not there. */
export function noSuchPath(path: string): string {
    return `no such file or folder: ${path}`;
}

async function walk(dir: string, { configuration, fileSystem }: FileSearch, extensions: readonly string[] | undefined): Promise<string[]> {
    const found = await findKpiFilesIn(URI.file(dir), {
        configuration,
        fileSystem,
        ...(extensions ? { extensions } : {}),
        onUnreadableFolder: (folder, e) => {
            throw new UserError(`cannot read folder ${folder.fsPath}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
        },
    });
    return found.map(uri => uri.fsPath);
}

/**
 * Why a file is not read, when it is not UTF-8: what it looks like and what to do, for
 * `kpispec: g/zz.kpi is not UTF-8 text (it looks like GBK/GB18030, as Windows "ANSI" saves it): save it as UTF-8`.
 * UTF-16 is told by its byte order mark or by the NUL bytes of its ASCII characters, all on even
 * or all on odd offsets; GBK by decoding as GB18030 (which holds GBK and GB2312) without a fault.
 */
export function notUtf8Text(file: string, bytes: Uint8Array): string {
    return `${file} is not UTF-8 text (${lookOf(bytes)}): save it as UTF-8`;
}

function lookOf(bytes: Uint8Array): string {
    if (looksLikeUtf16(bytes)) return 'it looks like UTF-16, as Windows "Unicode" saves it';
    try {
        new TextDecoder('gb18030', { fatal: true }).decode(bytes);
        return 'it looks like GBK/GB18030, as Windows "ANSI" saves it';
    } catch {
        const at = firstNonUtf8(bytes);
        let line = 1;
        for (let i = 0; i < at; i++) if (bytes[i] === 0x0a) line++;
        return `byte 0x${bytes[at]!.toString(16).toUpperCase().padStart(2, '0')} on line ${line} is not UTF-8`;
    }
}

function looksLikeUtf16(bytes: Uint8Array): boolean {
    if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return true;
    const pairs = Math.floor(Math.min(bytes.length, 4096) / 2);
    let even = 0;
    let odd = 0;
    for (let i = 0; i < pairs * 2; i++) if (bytes[i] === 0) i % 2 ? odd++ : even++;
    // Chinese text has NULs only in its ASCII (spaces, digits, line ends): one in ten pairs is plenty.
    return pairs > 0 && Math.max(even, odd) >= pairs / 10 && Math.min(even, odd) === 0;
}

/** The offset of the first byte that does not belong to a UTF-8 sequence (the text is known not to be UTF-8). */
function firstNonUtf8(bytes: Uint8Array): number {
    for (let i = 0; i < bytes.length;) {
        const b = bytes[i]!;
        const length = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
        if (length === 0) return i;
        for (let k = 1; k < length; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
        i += length;
    }
    return Math.max(0, bytes.length - 1);
}
