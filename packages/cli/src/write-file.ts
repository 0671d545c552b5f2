import { randomBytes } from 'node:crypto';
import { open, realpath, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Replaces `file` with `text` so that it is either wholly old or wholly new: the text goes to a
 * temporary file in the same folder (same file system, so the rename is atomic), flushed to
 * disk (unless `flush: false`: then a crash of the system, not of the process, may lose it),
 * then renamed over the file. A full disk or any other error leaves the original intact
 * and no temporary file behind. A symbolic link is followed (its target is replaced) and an
 * existing file keeps its permissions.
 */
export async function writeFileAtomically(file: string, text: string | Uint8Array, options: { flush?: boolean } = {}): Promise<void> {
    const target = await realpath(file).catch(() => file);
    const mode = await stat(target).then(s => s.mode & 0o7777, () => 0o666);
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
