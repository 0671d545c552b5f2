import { Cancellation, DefaultWorkspaceManager, URI, type ConfigurationProvider, type LangiumDocument, type LangiumSharedCoreServices, type WorkspaceFolder } from 'langium';
import { WorkbookSync } from './workbook-sync.js';

/** Reviewers open a folder and expect every file's problems, not only those of open editors. */
export class KpiWorkspaceManager extends DefaultWorkspaceManager {
    private readonly configurationProvider: ConfigurationProvider;
    /** Excel forms in the folder, checked with the .kpi files (their findings go to the workbook). */
    readonly workbooks: WorkbookSync;

    constructor(services: LangiumSharedCoreServices) {
        super(services);
        this.workbooks = new WorkbookSync(services);
        this.initialBuildOptions = { validation: true };
        this.configurationProvider = services.workspace.ConfigurationProvider;
    }

    /** The first validation already uses the editor's settings (e.g. the scoring profile). */
    override async initializeWorkspace(folders: WorkspaceFolder[], cancelToken = Cancellation.CancellationToken.None): Promise<void> {
        await this.configurationProvider.ready;
        return super.initializeWorkspace(folders, cancelToken);
    }

    protected override async loadAdditionalDocuments(folders: WorkspaceFolder[], collector: (document: LangiumDocument) => void): Promise<void> {
        await super.loadAdditionalDocuments(folders, collector);
        for (const folder of folders) {
            for (const workbook of await this.workbooks.findWorkbooks(URI.parse(folder.uri))) {
                for (const document of await this.workbooks.read(workbook)) collector(document);
            }
        }
    }
}
