import {
    Cancellation, DefaultWorkspaceManager, stream, URI,
    type ConfigurationProvider, type FileSystemNode, type LangiumDocument, type LangiumSharedCoreServices, type WorkspaceFolder,
} from 'langium';
import { WORKBOOK_EXTENSIONS } from '../excel/index.js';
import type { KpiServices } from '../kpi-module.js';
import { findKpiFilesIn, isIgnoredNow, type Discovery } from '../workspace/discovery.js';
import { WorkbookSync } from './workbook-sync.js';

/**
 * Reviewers open a folder and expect every file's problems, not only those of open editors.
 * The server finds the files of its folders exactly as `kpispec lint` finds those of a folder
 * (findKpiFilesIn: `ignore` globs of the nearest kpispec.json, no dot-folders), so that the
 * two report the same problems; a file opened in the editor is checked, as one named on the
 * command line is.
 */
export class KpiWorkspaceManager extends DefaultWorkspaceManager {
    private readonly configurationProvider: ConfigurationProvider;
    /** Excel forms in the folder, checked with the .kpi files (their findings go to the workbook). */
    readonly workbooks: WorkbookSync;

    constructor(services: LangiumSharedCoreServices) {
        super(services);
        this.workbooks = new WorkbookSync(services, folder => this.findWorkbooksIn(folder));
        this.initialBuildOptions = { validation: true };
        this.configurationProvider = services.workspace.ConfigurationProvider;
    }

    /** The first validation already uses the editor's settings (e.g. the scoring profile). */
    override async initializeWorkspace(folders: WorkspaceFolder[], cancelToken = Cancellation.CancellationToken.None): Promise<void> {
        await this.configurationProvider.ready;
        this.kpi.Configuration.setWorkspaceRoots(folders.map(f => URI.parse(f.uri)));
        return super.initializeWorkspace(folders, cancelToken);
    }

    /** Langium's traversal (also used for a folder that appears later), replaced by the CLI's. */
    protected override async traverseFolder(folder: URI, uris: URI[]): Promise<void> {
        uris.push(...await findKpiFilesIn(folder, this.discovery));
    }

    /**
     * Workbooks are found as .kpi files are; each of their forms becomes a document. Where there
     * are workbooks the .kpi files are loaded first (Langium's traversal then finds them loaded):
     * a 自评表 whose project one of them defines is written without its own.
     */
    protected override async loadAdditionalDocuments(folders: WorkspaceFolder[], collector: (document: LangiumDocument) => void): Promise<void> {
        await super.loadAdditionalDocuments(folders, collector);
        const workbooks = (await Promise.all(folders.map(folder => this.findWorkbooksIn(URI.parse(folder.uri))))).flat();
        if (workbooks.length === 0) return;
        const uris: URI[] = [];
        for (const folder of folders) await this.traverseFolder(URI.parse(folder.uri), uris);
        await this.loadWorkspaceDocuments(stream(uris).distinct(uri => uri.toString()), collector);
        for (const document of await this.workbooks.readAll(workbooks)) collector(document);
    }

    private findWorkbooksIn(folder: URI): Promise<URI[]> {
        return findKpiFilesIn(folder, { ...this.discovery, extensions: WORKBOOK_EXTENSIONS });
    }

    /** A file that appears later (a watcher event) is left out when an `ignore` glob matches it. */
    override shouldIncludeEntry(entry: FileSystemNode): boolean {
        return super.shouldIncludeEntry(entry) && !(entry.isFile && isIgnoredNow(entry.uri, this.kpi.Configuration));
    }

    private get discovery(): Discovery {
        return {
            configuration: this.kpi.Configuration,
            fileSystem: this.fileSystemProvider,
            onUnreadableFolder: (folder, e) => console.error(`Cannot read the folder ${folder.fsPath}: ${(e as Error).message ?? e}`),
            // Found, it gets the finding of a file that cannot be read (see Utf8FileSystemProvider), as lint's note.
            keepBrokenLinks: true,
        };
    }

    /** The KPI Spec language services (the only language this server has). */
    private get kpi(): KpiServices['kpi'] {
        return (this.serviceRegistry.all[0] as KpiServices).kpi;
    }
}
