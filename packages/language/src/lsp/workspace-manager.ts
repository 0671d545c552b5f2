import { DefaultWorkspaceManager } from 'langium';
import type { LangiumSharedCoreServices } from 'langium';

/** Reviewers open a folder and expect every file's problems, not only those of open editors. */
export class KpiWorkspaceManager extends DefaultWorkspaceManager {
    constructor(services: LangiumSharedCoreServices) {
        super(services);
        this.initialBuildOptions = { validation: true };
    }
}
