import { randomBytes } from 'node:crypto';
import { constants, statSync } from 'node:fs';
import { mkdir, open, realpath, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { Bilingual } from '@kpispec/language/core';
import { UserError } from './exit-codes.js';

/**
 * Replaces `file` with `text` so that it is either wholly old or wholly new: the text goes to a
 * temporary file in the same folder (same file system, so the rename is atomic), flushed to
 * disk (unless `flush: false`: then a crash of the system, not of the process, may lose it),
 * then renamed over the file. A full disk or any other error leaves the original intact
 * and no temporary file behind. A symbolic link is followed (its target is replaced) and an
 * existing file keeps its permissions.
 *
 * What is there and is no regular file is written into, never replaced: a device (`/dev/null`;
 * `/dev/full` fails with ENOSPC), a named pipe (the open waits for its reader, as the shell's
 * `>` does). `/dev/stdout` and `/dev/stderr` are the process's own streams; `/dev/fd/N` names
 * a descriptor open already, whatever it is: appended to, so that a file redirected with `>>`
 * is not cut. Nothing is replaced there, and a folder is an error (EISDIR).
 */
export async function writeFileAtomically(file: string, text: string | Uint8Array, options: { flush?: boolean } = {}): Promise<void> {
    const descriptor = descriptorOf(file);
    if (descriptor === 1 || descriptor === 2) return writeToStdio(descriptor === 1 ? process.stdout : process.stderr, text);
    if (descriptor !== undefined) return writeInto(file, text, constants.O_WRONLY | constants.O_APPEND);
    const target = await realpath(file).catch(() => file);
    const info = await stat(target).catch(() => undefined);
    if (info?.isDirectory()) throw Object.assign(new Error(`${target} is a folder`), { code: 'EISDIR', path: target });
    if (info && !info.isFile()) return writeInto(target, text, constants.O_WRONLY);
    const mode = info ? info.mode & 0o7777 : 0o666;
    const temp = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
    try {
        const handle = await open(temp, 'wx', mode);
        try {
            await handle.writeFile(text);
            if (options.flush !== false) await handle.sync();
        } finally {
            await handle.close();
        }
        await rename(temp, target);
    } catch (e) {
        await rm(temp, { force: true });
        throw e;
    }
}

/**
 * The descriptor that `/dev/stdout`, `/dev/stderr`, `/dev/fd/N` or `/proc/self/fd/N` names: one
 * already open (-1: another process's, `/proc/<pid>/fd/N`); undefined for any other path.
 */
function descriptorOf(file: string): number | undefined {
    if (process.platform === 'win32') return undefined;
    const path = resolve(file);
    if (path === '/dev/stdout') return 1;
    if (path === '/dev/stderr') return 2;
    const own = /^\/(?:dev\/fd|proc\/(?:self|thread-self)\/fd)\/(\d+)$/.exec(path);
    if (own) return Number(own[1]);
    return /^\/proc\/\d+\/fd\/\d+$/.test(path) ? -1 : undefined;
}

/**
 * Whether writeFileAtomically writes into `file` rather than replacing it: a descriptor's name
 * (`/dev/stdout`), or something there that is neither a regular file nor a folder (a device, a
 * pipe). A command then need not ask for the file's extension, and keeps stdout for the output.
 */
export function isWrittenInto(file: string): boolean {
    if (descriptorOf(file) !== undefined) return true;
    const info = statSync(file, { throwIfNoEntry: false });
    return info !== undefined && !info.isFile() && !info.isDirectory();
}

/**
 * Through the process's own stream: stdout may be a socket (a parent that is a Node process
 * gives its children socket pairs), which no path opens, and Node's stream writes it whole. A
 * reader that went away (`-o /dev/stdout | head`) ends the report as it ends printed output.
 */
function writeToStdio(stream: NodeJS.WriteStream, text: string | Uint8Array): Promise<void> {
    return new Promise((resolve, reject) => {
        stream.write(text, e => e && (e as NodeJS.ErrnoException).code !== 'EPIPE' ? reject(e) : resolve());
    });
}

/** Writes straight into a file that is not replaced (a device, a pipe): no temporary file, no rename, no flush. */
async function writeInto(file: string, text: string | Uint8Array, flags: number): Promise<void> {
    // A pipe's open waits for its reader, as the shell's `>` does.
    const handle = await open(file, flags);
    try {
        await handle.writeFile(text);
    } finally {
        await handle.close();
    }
}

/**
 * `mkdir -p`, one folder at a time from the nearest that exists: Node's `recursive` option
 * retries a folder whose creation fails with ENOENT for ever (at 100% CPU) where the parent
 * exists but takes no folders (`/proc`). A file on the way is an error with code ENOTDIR
 * and `path` the file; a folder that cannot be created, its own error (`path` that folder);
 * writeErrorMessage says which.
 */
export async function makeFolder(folder: string): Promise<void> {
    const missing: string[] = [];
    for (let at = resolve(folder); ; at = dirname(at)) {
        const info = await stat(at).catch((e: NodeJS.ErrnoException) => {
            // ENOTDIR: a file further up; found as the walk goes up.
            if (e.code === 'ENOENT' || e.code === 'ENOTDIR') return undefined;
            throw e;
        });
        if (info) {
            if (!info.isDirectory()) throw Object.assign(new Error(`${at} is not a folder`), { code: 'ENOTDIR', path: at, notAFolder: true });
            break;
        }
        missing.push(at);
        if (dirname(at) === at) break;
    }
    for (const at of missing.reverse()) {
        try {
            await mkdir(at);
        } catch (e) {
            // Made meanwhile (another run, another thread): fine if it is a folder.
            if ((e as NodeJS.ErrnoException).code === 'EEXIST' && (await stat(at).catch(() => undefined))?.isDirectory()) continue;
            throw Object.assign(e as Error, { path: at, creating: true });
        }
    }
}

/**
 * What went wrong writing `file`, as one line: `afile is not a folder` for a file where a
 * folder should be, `cannot create folder …` for a folder that cannot be, else the code.
 */
export function writeErrorMessage(file: string, e: unknown): Bilingual {
    const error = e as NodeJS.ErrnoException & { creating?: boolean; notAFolder?: boolean };
    const code = error.code ?? error.message;
    if (error.notAFolder && error.path) {
        return error.path === file ? { zh: `${file} 不是文件夹`, en: `${file} is not a folder` }
            : { zh: `无法写入 ${file}：${error.path} 不是文件夹`, en: `cannot write ${file}: ${error.path} is not a folder` };
    }
    if (error.code === 'EISDIR') return { zh: `无法写入 ${file}：这是一个文件夹`, en: `cannot write ${file}: it is a folder` };
    if (error.creating && error.path) return { zh: `无法创建文件夹 ${error.path}：${code}`, en: `cannot create folder ${error.path}: ${code}` };
    return { zh: `无法写入 ${file}：${code}`, en: `cannot write ${file}: ${code}` };
}

/**
 * Writes an output (a report, an imported or exported form) whole or not at all (see
 * writeFileAtomically); the folders on the way are created. Errors are UserErrors of one line.
 */
export async function writeOutput(file: string, data: string | Uint8Array): Promise<void> {
    try {
        await makeFolder(dirname(file));
        await writeFileAtomically(file, data);
    } catch (e) {
        throw new UserError(writeErrorMessage(file, e));
    }
}
