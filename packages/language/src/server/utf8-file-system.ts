import { isUtf8 } from 'node:buffer';
import { promises, readFileSync } from 'node:fs';
import { URI } from 'langium';
import { NodeFileSystemProvider } from 'langium/node';
import type { Bilingual } from '../i18n/locale.js';
import type { LinkedFileSystem } from '../workspace/discovery.js';
import { notUtf8Look, type NotUtf8Files } from '../workspace/text-encoding.js';

/**
 * Node's file system for the language server, reading .kpi files as `kpispec lint` does: one that
 * is not UTF-8 (Notepad's "ANSI", that is GBK, or "Unicode", UTF-16) is not decoded into
 * replacement characters, which gave a screen of syntax errors about text nobody wrote, but read as
 * empty, and what it looked like is kept for its one finding (KpiDocumentValidator). Once the
 * editor opens the file, the editor's text is what is checked.
 */
export class Utf8FileSystemProvider extends NodeFileSystemProvider implements NotUtf8Files, LinkedFileSystem {
    private readonly looks = new Map<string, Bilingual>();

    override async readFile(uri: URI): Promise<string> {
        return this.decode(uri, await promises.readFile(uri.fsPath));
    }

    override readFileSync(uri: URI): string {
        return this.decode(uri, readFileSync(uri.fsPath));
    }

    /** The workspace's search follows links with it, as `kpispec lint` does (see searchFolder). */
    async realPath(uri: URI): Promise<string> {
        return URI.file(await promises.realpath(uri.fsPath)).path;
    }

    notUtf8Look(uri: URI): Bilingual | undefined {
        return this.looks.get(uri.toString());
    }

    private decode(uri: URI, bytes: Buffer): string {
        const key = uri.toString();
        if (!uri.path.endsWith('.kpi') || isUtf8(bytes)) {
            this.looks.delete(key);
            return bytes.toString('utf8');
        }
        this.looks.set(key, notUtf8Look(bytes));
        return '';
    }
}
