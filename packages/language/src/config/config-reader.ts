import { constants } from 'node:fs';
import { open, realpath, stat } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative } from 'node:path';
import { URI } from 'langium';

/** A configuration is a few hundred bytes; anything this large is a mistake or an attack. */
export const MAX_CONFIG_BYTES = 1024 * 1024;

/** Why a configuration file was not read: a short reason that quotes nothing of its content. */
export class ConfigReadError extends Error {}

/**
 * The bytes of a configuration file, read only when it is a regular file of at most
 * MAX_CONFIG_BYTES. /dev/zero, /dev/urandom or a named pipe would otherwise be read forever (or
 * block the reading thread); the file is opened non-blocking and checked again once open, so it
 * cannot be swapped for one of those between the check and the read.
 */
export async function readConfigBytes(uri: URI): Promise<Uint8Array> {
    if (uri.scheme !== 'file') throw new ConfigReadError('not a local file');
    const path = uri.fsPath;
    checkStats(await stat(path));
    const handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
    try {
        checkStats(await handle.stat());
        // One byte more than allowed tells a file that grew since the check.
        const buffer = new Uint8Array(MAX_CONFIG_BYTES + 1);
        let length = 0;
        for (;;) {
            const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
            if (bytesRead === 0) break;
            length += bytesRead;
            if (length > MAX_CONFIG_BYTES) throw tooLarge();
        }
        return buffer.slice(0, length);
    } finally {
        await handle.close();
    }
}

function checkStats(info: { isFile(): boolean; isDirectory(): boolean; size: number }): void {
    if (info.isDirectory()) throw new ConfigReadError('EISDIR');
    if (!info.isFile()) throw new ConfigReadError('not a regular file');
    if (info.size > MAX_CONFIG_BYTES) throw tooLarge();
}

function tooLarge(): ConfigReadError {
    return new ConfigReadError(`larger than ${MAX_CONFIG_BYTES / 1024 / 1024} MB`);
}

/**
 * The folder a configuration file may `extends` from: the repository it lies in (the nearest
 * folder with `.git`), else the workspace folder holding it (the editor's folders, the CLI's
 * working folder), else its own folder. Symbolic links are followed first, so a link inside
 * the repository to /etc/passwd is outside.
 */
export async function configRoot(file: URI, workspaceRoots: readonly URI[]): Promise<string> {
    const path = await realPath(file.fsPath);
    for (let dir = dirname(path); ; dir = dirname(dir)) {
        if (await exists(join(dir, '.git'))) return dir;
        if (dirname(dir) === dir) break;
    }
    const roots = await Promise.all(workspaceRoots.filter(r => r.scheme === 'file').map(r => realPath(r.fsPath)));
    const holding = roots.filter(root => isInside(path, root)).sort((a, b) => b.length - a.length)[0];
    return holding ?? dirname(path);
}

/** Whether a file (followed through links) lies inside `root`. */
export async function isInsideRoot(file: URI, root: string): Promise<boolean> {
    return file.scheme === 'file' && isInside(await realPath(file.fsPath), root);
}

function isInside(path: string, root: string): boolean {
    const rel = relative(root, path);
    return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** The real path; a missing file keeps its name under its folder's real path, so reading it reports ENOENT. */
async function realPath(path: string): Promise<string> {
    try {
        return await realpath(path);
    } catch {
        const parent = dirname(path);
        return parent === path ? path : join(await realPath(parent), basename(path));
    }
}

async function exists(path: string): Promise<boolean> {
    try {
        await stat(path);
        return true;
    } catch {
        return false;
    }
}
