import { ValueConverter, type LangiumDocument } from 'langium';
import { dismantle, isProject, isStandard, listsClosestNames, SUGGESTED_DATA, type KpiIndexManager, type KpiScopeProvider, type Locale, type Model } from '@kpispec/language/core';
import { useConfigFile, useLocale } from '../options.js';
import { toLintMessage, type LintMessage } from '../results.js';
import { addDocuments, createServices, type CliServices } from '../workspace.js';
import type { Unit } from './discover.js';

/** What every thread validating units is told first: lint's options. */
export interface ThreadSetup {
    readonly cwd: string;
    readonly configFile: string | undefined;
    readonly noInlineConfig: boolean;
    readonly locale: string | undefined;
    readonly env: Readonly<Record<string, string | undefined>>;
}

/** What the units share, known once the files are scanned. */
export interface WorkspaceSetup {
    readonly sharedFiles: readonly string[];
    /** Block name → URIs of the files defining it, in the workspace's order. */
    readonly exports: ReadonlyArray<readonly [string, readonly string[]]>;
    /**
     * Folder → the kpispec.json that applies to it (undefined: the defaults), as lint found them:
     * a worker would otherwise look in each project's folder again (a failed stat each).
     */
    readonly configFolders: ReadonlyArray<readonly [string, string | undefined]>;
}

/** Services of a thread validating units, set up as lint sets up its own. */
export function threadServices(setup: ThreadSetup): CliServices {
    const services = createServices();
    const configuration = services.kpi.kpi.Configuration;
    useConfigFile(configuration, setup.configFile, setup.cwd);
    if (setup.noInlineConfig) configuration.overrides = { noInlineConfig: true };
    useLocale(services.kpi.kpi.Settings, setup.locale, setup.env);
    return services;
}

/** A reference to a global name that resolved to nothing: its message lists the closest names of the whole workspace. */
export interface UnresolvedName {
    /** Index in FileOutcome.messages. */
    readonly at: number;
    readonly name: string;
    /** The reference's type, e.g. `Standard`. */
    readonly type: string;
    /**
     * The names of the unit's own suggestions that its message places, in the order of its
     * related places: where a name of the whole workspace's suggestions lies in the unit, or in
     * the shared files, its place is known without parsing its file again.
     */
    readonly suggested?: readonly string[];
}

/** One file's findings, before `--quiet` and sorting. */
export interface FileOutcome {
    readonly filePath: string;
    readonly messages: LintMessage[];
    /** The locale of its messages; the report's own words follow most files' (reportLanguage). */
    readonly locale: Locale;
    readonly unresolved: UnresolvedName[];
    /** The blocks the parser found, as FileScan.blocks entries, to check the scan against. */
    readonly blocks: string[];
    /** The names the file exports with their types, for the candidates of unresolved names. */
    readonly exports: Array<readonly [string, string]>;
}

export interface UnitOutcome {
    readonly files: FileOutcome[];
    /** False when a file references a name that a file outside the unit defines: the scan missed a link. */
    readonly complete: boolean;
}

const LOCALE_VARIABLES = ['LC_ALL', 'LC_MESSAGES', 'LANG'] as const;

/** The locale variables of the environment, all a unit's validation reads of it. */
export function localeEnv(env: Readonly<Record<string, string | undefined>>): Record<string, string | undefined> {
    return Object.fromEntries(LOCALE_VARIABLES.map(k => [k, env[k]]));
}

/**
 * Validates units one at a time in one thread: the shared standards are parsed and validated
 * once, each unit's documents are added, validated and removed again, so memory holds the
 * largest unit, not the workspace.
 */
export class UnitValidator {
    private constructor(
        private readonly services: CliServices,
        private readonly loaded: ReadonlySet<string>,
        private readonly exports: ReadonlyMap<string, readonly string[]>,
        private readonly sharedDocuments: LangiumDocument[],
    ) {}

    /** A validator with a thread's services (threadServices, or lint's own), which `release` leaves as they were. */
    static async create(setup: WorkspaceSetup, services: CliServices): Promise<UnitValidator> {
        const exports = new Map(setup.exports);
        services.kpi.kpi.Configuration.assume(setup.configFolders);
        (services.shared.workspace.IndexManager as KpiIndexManager).useWorkspaceExports(exports);
        const shared = addDocuments(services, setup.sharedFiles);
        await services.shared.workspace.DocumentBuilder.build(shared, { validation: true });
        return new UnitValidator(services, new Set(shared.map(d => d.uri.toString())), exports, shared);
    }

    /** Removes the shared documents and the workspace's names: the services hold nothing of the units. */
    async release(): Promise<void> {
        const { workspace } = this.services.shared;
        await workspace.DocumentBuilder.update([], this.sharedDocuments.map(d => d.uri));
        (workspace.IndexManager as KpiIndexManager).useWorkspaceExports(undefined);
    }

    /** Validates a unit, given its files' texts (in the order of `unit.files`). */
    async validate(unit: Unit, texts: readonly string[]): Promise<UnitOutcome> {
        if (unit.shared) return this.outcome(this.sharedDocuments, this.loaded);
        const { shared } = this.services;
        const documents = addDocuments(this.services, unit.files, { texts });
        try {
            await shared.workspace.DocumentBuilder.build(documents, { validation: true });
            return this.outcome(documents, new Set([...this.loaded, ...documents.map(d => d.uri.toString())]));
        } finally {
            // Removed through the builder, so that its caches and the index forget them too.
            await shared.workspace.DocumentBuilder.update([], documents.map(d => d.uri));
            for (const document of documents) dismantle(document);
        }
    }

    private outcome(documents: LangiumDocument[], loaded: ReadonlySet<string>): UnitOutcome {
        const index = this.services.shared.workspace.IndexManager as KpiIndexManager;
        const scopes = this.services.kpi.references.ScopeProvider as KpiScopeProvider;
        const reflection = this.services.shared.AstReflection;
        let complete = true;
        // Reference texts whose block was looked up: a file names its contract and standards again and again.
        const looked = new Set<string>();
        const files = documents.map((document): FileOutcome => {
            const diagnostics = document.diagnostics ?? [];
            const messages = diagnostics.map(d => toLintMessage(d));
            const unresolved: UnresolvedName[] = [];
            // The linking errors in the validator's order: not every one lists names (listsClosestNames).
            let errors = 0;
            for (const ref of document.references) {
                const text = ref.$refText;
                if (!looked.has(text)) {
                    looked.add(text);
                    if (!(this.exports.get(headName(text)) ?? []).every(uri => loaded.has(uri))) complete = false;
                }
                const info = ref.error?.info;
                if (!info || !listsClosestNames(errors++, info.reference.$refText) || scopes.memberScope(info)) continue;
                const start = ref.$refNode?.range.start;
                const at = diagnostics.findIndex(d => d.code === 'reference/unresolved' && d.range.start.line === start?.line && d.range.start.character === start.character);
                if (at < 0) continue;
                const suggested = (diagnostics[at]!.data as Record<string, unknown> | undefined)?.[SUGGESTED_DATA] as string[] | undefined;
                unresolved.push({ at, name: info.reference.$refText, type: reflection.getReferenceType(info), ...(suggested ? { suggested } : {}) });
            }
            const uri = document.uri.toString();
            return {
                filePath: document.uri.fsPath,
                messages,
                locale: this.services.kpi.kpi.Settings.localeOf(document),
                unresolved,
                blocks: (document.parseResult.value as Model).blocks
                    .filter(b => b.name)
                    .map(b => `${isProject(b) ? 'project' : isStandard(b) ? 'standard' : 'block'} ${b.name}`),
                exports: index.exportsOf(uri).map(d => [d.name, d.type] as const),
            };
        });
        return { files, complete };
    }
}

/** The block a reference's text names: `合同.条款` names 合同; a name may be written as a string. */
function headName(refText: string): string {
    const text = refText.trim();
    const quoted = /^"(?:\\.|[^"\\\r\n])*"/.exec(text);
    if (quoted) return ValueConverter.convertString(quoted[0]);
    return text.split(/[\s.]/, 1)[0]!;
}
