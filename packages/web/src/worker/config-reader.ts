// The browser's stand-in for the language package's config/config-reader.js (build.mjs swaps it
// in): that one reads kpispec.json through node:fs, with guards against devices, pipes and files
// outside the repository. In the page the only files are the dropped ones, held in memory.
import type { URI } from 'langium';
import type * as NodeReader from '../../../language/dist/config/config-reader.js';
import type { MemoryFileSystem } from './memory-fs.js';

export const MAX_CONFIG_BYTES: typeof NodeReader.MAX_CONFIG_BYTES = 1024 * 1024;

export class ConfigReadError extends Error {}

let files: MemoryFileSystem | undefined;

/** The dropped files the configuration is read from (the checker sets them for each drop). */
export function readConfigurationFrom(fileSystem: MemoryFileSystem): void {
    files = fileSystem;
}

export const readConfigBytes: typeof NodeReader.readConfigBytes = async (uri: URI) => {
    if (!files?.existsSync(uri)) throw new ConfigReadError('ENOENT');
    if (!files.statSync(uri).isFile) throw new ConfigReadError('EISDIR');
    const bytes = files.readBinarySync(uri);
    if (bytes.length > MAX_CONFIG_BYTES) throw new ConfigReadError(`larger than ${MAX_CONFIG_BYTES / 1024 / 1024} MB`);
    return bytes;
};

/** Every dropped file lies inside the drop: `extends` may name any of them. */
export const configRoot: typeof NodeReader.configRoot = async () => '/';

export const isInsideRoot: typeof NodeReader.isInsideRoot = async (file: URI, root: string) =>
    file.scheme === 'file' && file.path.startsWith(root);
