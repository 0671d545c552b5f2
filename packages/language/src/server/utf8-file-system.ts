import { isUtf8 } from 'node:buffer';
import { promises, readFileSync } from 'node:fs';
import { URI } from 'langium';
import { NodeFileSystemProvider } from 'langium/node';
import type { LinkedFileSystem } from '../workspace/discovery.js';
import { notUtf8Look } from '../workspace/text-encoding.js';
import { readErrorCode, readFailure, type Unread, type UnreadFiles } from '../workspace/unread.js';

/**
 * Node's file system for the language server, reading .kpi files as `kpispec lint` does: one that
 * is not UTF-8 (Notepad's "ANSI", that is GBK, or "Unicode", UTF-16) is not decoded into
 * replacement characters, which gave a screen of syntax errors about text nobody wrote, and one
 * that cannot be read (no permission, a link that leads nowhere) does not fail the load of the
 * whole workspace: either is read as empty, and why is kept for its one finding
 * (KpiDocumentValidator). Once the editor opens the file, the editor's text is what is checked.
 */
export class Utf8FileSystemProvider extends NodeFileSystemProvider implements UnreadFiles, LinkedFileSystem {
    private readonly unreads = new Map<string, Unread>();

    override async readFile(uri: URI): Promise<string> {
        return this.decode(uri, await promises.readFile(uri.fsPath).catch((e: unknown) => this.failed(uri, e)));
    }

    override readFileSync(uri: URI): string {
        let bytes: Buffer | undefined;
        try {
            bytes = readFileSync(uri.fsPath);
        } catch (e) {
            bytes = this.failed(uri, e);
        }
        return this.decode(uri, bytes);
    }

    /** A link whose target is gone (or never was). */
    async isBrokenLink(uri: URI): Promise<boolean> {
        const link = await promises.lstat(uri.fsPath).catch(() => undefined);
        return link?.isSymbolicLink() === true && !(await promises.stat(uri.fsPath).then(() => true, () => false));
    }

    /** The workspace's search follows links with it, as `kpispec lint` does (see searchFolder). */
    async realPath(uri: URI): Promise<string> {
        return URI.file(await promises.realpath(uri.fsPath)).path;
    }

    unread(uri: URI): Unread | undefined {
        return this.unreads.get(uri.toString());
    }

    /** A .kpi file that cannot be read is kept, as why (and nothing to decode); other files' errors are their readers' to handle. */
    private failed(uri: URI, e: unknown): undefined {
        const code = readErrorCode(e);
        if (!isKpi(uri) || code === undefined) throw e;
        const key = uri.toString();
        // Also in the client's log, where one asks why a file has no other finding: once, not at
        // each read that fails as the last did (every change the editor reports reads it again).
        const before = this.unreads.get(key);
        if (!before || !('code' in before) || before.code !== code) console.error(`Cannot read ${uri.fsPath}: ${readFailure(code).en}`);
        this.unreads.set(key, { code });
        return undefined;
    }

    private decode(uri: URI, bytes: Buffer | undefined): string {
        if (bytes === undefined) return '';
        const key = uri.toString();
        if (!isKpi(uri) || isUtf8(bytes)) {
            this.unreads.delete(key);
            return bytes.toString('utf8');
        }
        this.unreads.set(key, { look: notUtf8Look(bytes) });
        return '';
    }
}

function isKpi(uri: URI): boolean {
    return uri.path.endsWith('.kpi');
}
