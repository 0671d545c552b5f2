import { realpathSync } from 'node:fs';
import { URI, UriUtils, type FileSystemNode } from 'langium';
import { NodeFileSystemProvider } from 'langium/node';
import { CONFIG_FILE_NAME, type LinkedFileSystem } from '@kpispec/language/core';

/**
 * Langium's Node file system, listing folders and looking for files in this thread. The
 * asynchronous calls go through libuv's thread pool, one trip each: a province's workspace has
 * a folder per project, and `kpispec lint` spent half of finding its files waiting for the
 * trips (bench/RESULTS.md, issue 17). The language server keeps Langium's, which never blocks.
 */
export class CliFileSystemProvider extends NodeFileSystemProvider implements LinkedFileSystem {
    /**
     * Folders named kpispec.json that the search for configuration met (it looks only for
     * files, and goes past them): a mistake the CLI reports (setUpCommand), at no extra stat.
     */
    readonly configFolders = new Set<string>();

    override readDirectory(uri: URI): Promise<FileSystemNode[]> {
        return settled(() => this.readDirectorySync(uri));
    }

    override stat(uri: URI): Promise<FileSystemNode> {
        return settled(() => {
            const node = this.statSync(uri);
            if (node.isDirectory && UriUtils.basename(uri) === CONFIG_FILE_NAME) this.configFolders.add(uri.fsPath);
            return node;
        });
    }

    /** Discovery follows links with it (see searchFolder). */
    realPath(uri: URI): Promise<string> {
        return settled(() => URI.file(realpathSync.native(uri.fsPath)).path);
    }
}

/** What `answer` returns, or throws, as a settled promise. */
function settled<T>(answer: () => T): Promise<T> {
    try {
        return Promise.resolve(answer());
    } catch (e) {
        return Promise.reject(e);
    }
}

export const CliFileSystem = { fileSystemProvider: () => new CliFileSystemProvider() };
