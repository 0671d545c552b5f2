import { URI, UriUtils, type FileSystemNode, type FileSystemProvider } from 'langium';

/**
 * The dropped files as a file system, so the language services read them as the CLI reads a
 * folder: kpispec.json discovery walks up from each file, an edit is read back on rebuild.
 * Keys are `file:///<relative path>` URIs; folders exist implicitly above files.
 */
export class MemoryFileSystem implements FileSystemProvider {
    private readonly files = new Map<string, string>();
    private readonly encoder = new TextEncoder();

    write(uri: URI, text: string): void {
        this.files.set(uri.toString(), text);
    }

    async stat(uri: URI): Promise<FileSystemNode> {
        return this.statSync(uri);
    }

    statSync(uri: URI): FileSystemNode {
        if (this.files.has(uri.toString())) return { uri, isFile: true, isDirectory: false };
        if (this.isFolder(uri)) return { uri, isFile: false, isDirectory: true };
        throw new Error(`no such file: ${uri.path}`);
    }

    async exists(uri: URI): Promise<boolean> {
        return this.existsSync(uri);
    }

    existsSync(uri: URI): boolean {
        return this.files.has(uri.toString()) || this.isFolder(uri);
    }

    async readBinary(uri: URI): Promise<Uint8Array> {
        return this.readBinarySync(uri);
    }

    readBinarySync(uri: URI): Uint8Array {
        return this.encoder.encode(this.readFileSync(uri));
    }

    async readFile(uri: URI): Promise<string> {
        return this.readFileSync(uri);
    }

    readFileSync(uri: URI): string {
        const text = this.files.get(uri.toString());
        if (text === undefined) throw new Error(`no such file: ${uri.path}`);
        return text;
    }

    async readDirectory(uri: URI): Promise<FileSystemNode[]> {
        return this.readDirectorySync(uri);
    }

    readDirectorySync(folder: URI): FileSystemNode[] {
        const prefix = folder.toString().replace(/\/?$/, '/');
        const children = new Map<string, FileSystemNode>();
        for (const key of this.files.keys()) {
            if (!key.startsWith(prefix)) continue;
            const [name, ...deeper] = key.slice(prefix.length).split('/');
            const uri = UriUtils.joinPath(folder, name!);
            children.set(name!, { uri, isFile: deeper.length === 0, isDirectory: deeper.length > 0 });
        }
        return [...children.values()];
    }

    private isFolder(uri: URI): boolean {
        const prefix = uri.toString().replace(/\/?$/, '/');
        for (const key of this.files.keys()) if (key.startsWith(prefix)) return true;
        return false;
    }
}

/** The URI a dropped file gets: its relative path under the root of a `file:` URI. */
export function uriOf(path: string): URI {
    return URI.file('/' + path.replace(/^\/+/, ''));
}

/** The relative path back from such a URI. */
export function pathOf(uri: URI): string {
    return uri.path.replace(/^\//, '');
}
