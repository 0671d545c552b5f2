import { URI, UriUtils, type FileSystemProvider } from 'langium';
import type { Locale } from '../i18n/locale.js';
import type { SeveritySetting } from '../rules/catalog.js';
import type { ScoringProfile } from '../scoring/profile.js';
import { CONFIG_FILE_NAME, formatConfigProblem, loadConfigFile, type ConfigLoader, type ConfigProblem, type LoadedConfigFile } from './config-file.js';

export { CONFIG_FILE_NAME, formatConfigProblem, type ConfigProblem } from './config-file.js';
export { configSchema } from './schema.js';
export { applyRuleSeverities, toLspSeverity } from './severity.js';

/** The effective configuration for one file (kpispec.json, nearest wins, `extends` merged). */
export interface KpiConfig {
    /** Name of the scoring profile: a built-in one or one of `profiles`. */
    profile: string;
    /** Custom profiles; each is laid over the built-in one of the same name (or national-2020). */
    profiles: Record<string, Partial<ScoringProfile>>;
    /** Indicator tree scheme the project should follow. */
    scheme?: 2020 | 2021;
    rules: Record<string, SeveritySetting>;
    /** Globs of files not to lint, relative to the folder of the configuration file. */
    ignore: string[];
    locale?: Locale;
    /** Forbid `kpispec-disable` comments (for reviewers). */
    noInlineConfig: boolean;
    /** Require a `-- reason` on every suppression comment. */
    requireSuppressionReason: boolean;
    /** URL of the folder holding the rule pages (`<id>.md`), for links in reports. */
    docsBaseUrl?: string;
}

export function defaultConfig(): KpiConfig {
    return { profile: 'national-2020', profiles: {}, rules: {}, ignore: [], noInlineConfig: false, requireSuppressionReason: false };
}

/** A configuration and the file it came from (none when the defaults apply). */
export interface ResolvedConfig {
    config: KpiConfig;
    file?: URI;
}

/**
 * Answers, synchronously, which configuration applies to a document, so checks can read it
 * while validating. Configuration files are read asynchronously beforehand (`loadFor`, which
 * the document validator awaits before every validation) and cached per folder; `invalidate`
 * forgets them when a kpispec.json changes. A broken file is recorded in `problems()` and the
 * defaults apply in its place, so the editor keeps working while the user fixes it.
 */
export class KpiConfiguration {
    /** Settings that win over every file, e.g. the CLI's `--no-inline-config`. */
    overrides: Partial<KpiConfig> = {};
    private explicitFile?: URI;
    private readonly folders = new Map<string, Promise<ResolvedConfig>>();
    private readonly loadedFolders = new Map<string, ResolvedConfig>();
    private readonly files = new Map<string, Promise<LoadedConfigFile>>();
    private readonly loadedFiles = new Map<string, LoadedConfigFile>();
    /** Every file read in this generation, the ones named by `extends` included. */
    private loader: ConfigLoader = { workspaceRoots: [], loaded: new Map() };
    /** Bumped by `invalidate`, so loads started before it do not fill the fresh caches. */
    private generation = 0;

    constructor(private readonly fileSystem?: FileSystemProvider) {}

    /**
     * The editor's workspace folders or the CLI's working folder: a configuration outside any
     * repository may `extends` files inside the one of these that holds it.
     */
    setWorkspaceRoots(roots: readonly URI[]): void {
        this.loader.workspaceRoots = roots;
    }

    /** Uses one configuration file for every document instead of discovering them (`--config`). */
    useFile(file: URI | undefined): void {
        this.explicitFile = file;
        this.invalidate();
    }

    /** The configuration of a document; the defaults until its folder has been loaded. */
    get(uri: URI): KpiConfig {
        return this.withOverrides(this.loadedFolders.get(this.folderKey(uri))?.config ?? defaultConfig());
    }

    /** The configuration file that applies to a document, once loaded. */
    fileFor(uri: URI): URI | undefined {
        return this.loadedFolders.get(this.folderKey(uri))?.file;
    }

    /**
     * Loads (once per folder) the configuration that applies to a document. `noFileHere`: the
     * caller has just listed the document's folder and found no kpispec.json there, so it needs
     * no stat (a failed stat throws, and a province's workspace has a thousand folders).
     */
    async loadFor(uri: URI, fileSystem = this.fileSystem, noFileHere = false): Promise<KpiConfig> {
        const resolved = await this.resolveFolder(this.explicitFile ? undefined : UriUtils.dirname(uri), fileSystem, noFileHere);
        return this.withOverrides(resolved.config);
    }

    async load(uris: Iterable<URI>, fileSystem = this.fileSystem): Promise<void> {
        await Promise.all([...uris].map(uri => this.loadFor(uri, fileSystem)));
    }

    /**
     * Each folder loaded so far with the configuration file that applies to it (undefined: the
     * defaults), for another thread's `assume`: it then need not look for kpispec.json itself.
     */
    foldersFound(): Array<readonly [string, string | undefined]> {
        return [...this.loadedFolders].map(([folder, resolved]) => [folder, resolved.file?.toString()] as const);
    }

    /** Takes another thread's `foldersFound` as found here: each named file is read once, as if found. */
    assume(folders: ReadonlyArray<readonly [string, string | undefined]>): void {
        for (const [key, file] of folders) {
            if (!this.folders.has(key)) this.remember(key, file === undefined ? Promise.resolve({ config: defaultConfig() }) : this.fromFile(URI.parse(file)));
        }
    }

    /** Faults found in the configuration files loaded so far (syntax, schema, `extends`), each once. */
    problems(): ConfigProblem[] {
        // A fault in a shared file reaches every file that extends it.
        const all = [...this.loadedFiles.values()].flatMap(f => f.problems);
        return [...new Map(all.map(p => [formatConfigProblem(p), p])).values()];
    }

    /** Forgets every loaded file, e.g. when a kpispec.json was created, changed or deleted. */
    invalidate(): void {
        this.generation++;
        this.folders.clear();
        this.loadedFolders.clear();
        this.files.clear();
        this.loadedFiles.clear();
        this.loader = { workspaceRoots: this.loader.workspaceRoots, loaded: new Map() };
    }

    private withOverrides(config: KpiConfig): KpiConfig {
        return Object.keys(this.overrides).length > 0 ? { ...config, ...this.overrides } : config;
    }

    private folderKey(uri: URI): string {
        return this.explicitFile ? '' : UriUtils.dirname(uri).toString();
    }

    /** The configuration of a folder (of every folder with `--config`), loaded once per generation. */
    private resolveFolder(folder: URI | undefined, fileSystem: FileSystemProvider | undefined, noFileHere = false): Promise<ResolvedConfig> {
        const key = folder?.toString() ?? '';
        return this.folders.get(key)
            ?? this.remember(key, this.explicitFile ? this.fromFile(this.explicitFile) : this.discover(folder!, fileSystem, noFileHere));
    }

    /** A folder's configuration as it loads, kept for this generation once loaded. */
    private remember(key: string, loading: Promise<ResolvedConfig>): Promise<ResolvedConfig> {
        const generation = this.generation;
        const pending = loading.then(resolved => {
            if (generation === this.generation) this.loadedFolders.set(key, resolved);
            return resolved;
        });
        this.folders.set(key, pending);
        return pending;
    }

    /** The nearest kpispec.json at or above the folder. */
    private async discover(folder: URI, fileSystem: FileSystemProvider | undefined, noFileHere: boolean): Promise<ResolvedConfig> {
        if (!fileSystem || folder.scheme !== 'file') return { config: defaultConfig() };
        const candidate = UriUtils.joinPath(folder, CONFIG_FILE_NAME);
        // One stat per folder (not exists + stat): a province's workspace has a thousand folders.
        let isFile = false;
        if (!noFileHere) {
            try {
                isFile = (await fileSystem.stat(candidate)).isFile;
            } catch {
                // No kpispec.json here (or no file system at all).
            }
        }
        if (isFile) {
            return this.fromFile(candidate);
        }
        const parent = UriUtils.dirname(folder);
        return parent.path === folder.path ? { config: defaultConfig() } : this.resolveFolder(parent, fileSystem);
    }

    private async fromFile(file: URI): Promise<ResolvedConfig> {
        const key = file.toString();
        let pending = this.files.get(key);
        if (!pending) {
            const generation = this.generation;
            pending = loadConfigFile(file, this.loader).then(loaded => {
                if (generation === this.generation) this.loadedFiles.set(key, loaded);
                return loaded;
            });
            this.files.set(key, pending);
        }
        const loaded = await pending;
        return { config: { ...defaultConfig(), ...loaded.settings }, file };
    }
}
