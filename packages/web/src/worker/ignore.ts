import picomatch from 'picomatch/posix.js';
import { UriUtils } from 'langium';
import type { FileSystemProvider } from 'langium';
import { CONFIG_FILE_NAME, type KpiConfiguration } from '@kpispec/language';
import { pathOf, uriOf } from './memory-fs.js';

/**
 * The `ignore` globs of kpispec.json over dropped paths, as `kpispec lint <folder>` applies them
 * while it walks the folder: an entry (file or folder) of a folder is skipped when the globs of
 * the configuration applying to that folder match its path relative to that configuration's
 * folder (a pattern without `/` matches a name at any depth); what is under a skipped folder
 * is never reached.
 */
export async function notIgnored(paths: readonly string[], configuration: KpiConfiguration, fileSystem: FileSystemProvider): Promise<string[]> {
    const matchers = new Map<string, Promise<(path: string) => boolean>>();
    const matcherOf = (folder: string) => {
        let matcher = matchers.get(folder);
        if (!matcher) {
            matcher = matcherFor(folder, configuration, fileSystem);
            matchers.set(folder, matcher);
        }
        return matcher;
    };
    const kept: string[] = [];
    for (const path of paths) {
        const parts = path.split('/');
        let ignored = false;
        // Each folder on the way down, from the top of the drop, judges its entry on the path.
        for (let depth = 1; depth < parts.length && !ignored; depth++) {
            const folder = parts.slice(0, depth).join('/');
            ignored = (await matcherOf(folder))(parts.slice(0, depth + 1).join('/'));
        }
        if (!ignored) kept.push(path);
    }
    return kept;
}

async function matcherFor(folder: string, configuration: KpiConfiguration, fileSystem: FileSystemProvider): Promise<(path: string) => boolean> {
    // Any name inside the folder finds the folder's configuration.
    const probe = uriOf(`${folder}/${CONFIG_FILE_NAME}`);
    const config = await configuration.loadFor(probe, fileSystem);
    if (config.ignore.length === 0) return () => false;
    const file = configuration.fileFor(probe);
    const base = file ? pathOf(UriUtils.dirname(file)) : '';
    const matches = picomatch(config.ignore, { dot: true, basename: true });
    return path => {
        const relative = relativeTo(base, path);
        return relative !== undefined && matches(relative);
    };
}

/** `path` relative to the folder `base` ('' is the top), or undefined when it is not inside it. */
function relativeTo(base: string, path: string): string | undefined {
    if (base === '') return path;
    return path.startsWith(base + '/') ? path.slice(base.length + 1) : undefined;
}
