import type { KpiServices } from '../kpi-module.js';
import { Cancellation, DefaultWorkspaceManager, URI, type ConfigurationProvider, type LangiumSharedCoreServices, type WorkspaceFolder } from 'langium';

/** Reviewers open a folder and expect every file's problems, not only those of open editors. */
export class KpiWorkspaceManager extends DefaultWorkspaceManager {
    private readonly configurationProvider: ConfigurationProvider;

    constructor(services: LangiumSharedCoreServices) {
        super(services);
        this.initialBuildOptions = { validation: true };
        this.configurationProvider = services.workspace.ConfigurationProvider;
    }

    /** The first validation already uses the editor's settings (e.g. the scoring profile). */
    override async initializeWorkspace(folders: WorkspaceFolder[], cancelToken = Cancellation.CancellationToken.None): Promise<void> {
        await this.configurationProvider.ready;
        for (const language of this.serviceRegistry.all) {
            (language as KpiServices).kpi.Configuration.setWorkspaceRoots(folders.map(f => URI.parse(f.uri)));
        }
        return super.initializeWorkspace(folders, cancelToken);
    }
}
