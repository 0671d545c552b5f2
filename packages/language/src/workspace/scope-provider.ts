import {
    AstUtils, DefaultScopeProvider, DocumentState, EMPTY_SCOPE, MapScope, WorkspaceCache,
    type AstNode, type AstNodeDescription, type LangiumCoreServices, type ReferenceInfo, type Scope,
} from 'langium';
import {
    isAssessment, isBreakdownActual, isClauseReview, isCompliance, isGoalAssessment, isIndicatorAssessment,
    isMilestoneAssessment, isProblemStatement, type Assessment, type Compliance, type Project,
} from '../generated/ast.js';
import { breakdownOf, goalsOf, indicatorsOf, milestonesOf } from '../model/project.js';

type Members = 'indicators' | 'goals' | 'milestones' | 'components' | 'clauses';

/**
 * Assessment lines resolve names of the assessed project (goals, indicators, milestones,
 * breakdown components);
 * compliance lines resolve clauses of the reviewed contract. Everything else is global.
 *
 * A member scope is built once per project or contract and kept until the workspace changes:
 * built per reference, an assessment of n indicators would cost n² descriptions.
 */
export class KpiScopeProvider extends DefaultScopeProvider {
    private readonly memberScopes: WorkspaceCache<AstNode, Map<Members, Scope>>;

    constructor(services: LangiumCoreServices) {
        super(services);
        this.memberScopes = new WorkspaceCache(services.shared);
        // Langium empties its global scopes (the protected `globalScopeCache`) when an update
        // starts, but the server answers requests while it builds: a completion between that
        // moment and the indexing of the changed files would cache a global scope without their
        // names, and the files linked next would report them unresolved. Indexed contents are
        // complete once this phase ends, so the cache is emptied again then. A Langium bug,
        // reported in docs/maintaining.md; pinned by "a request answered while an edit is being
        // built leaves no link unresolved" (test/perf/incremental-updates.test.ts).
        services.shared.workspace.DocumentBuilder.onBuildPhase(DocumentState.IndexedContent, () => this.globalScopeCache.clear());
    }

    override getScope(context: ReferenceInfo): Scope {
        return this.memberScope(context) ?? this.getGlobalScope(this.reflection.getReferenceType(context), context);
    }

    /** The scope of a reference to a member of a project or contract; undefined for a global name. */
    memberScope(context: ReferenceInfo): Scope | undefined {
        const { container } = context;
        if (isIndicatorAssessment(container) || isProblemStatement(container)) {
            return this.projectScope(container, 'indicators', indicatorsOf);
        }
        if (isGoalAssessment(container)) {
            return this.projectScope(container, 'goals', goalsOf);
        }
        if (isMilestoneAssessment(container)) {
            return this.projectScope(container, 'milestones', milestonesOf);
        }
        if (isBreakdownActual(container)) {
            return this.projectScope(container, 'components', breakdownOf);
        }
        if (isClauseReview(container)) {
            const review = AstUtils.getContainerOfType(container, isCompliance) as Compliance | undefined;
            const contract = review?.contract?.ref;
            return contract ? this.membersOf(contract, 'clauses', () => contract.clauses) : EMPTY_SCOPE;
        }
        return undefined;
    }

    private projectScope(node: AstNode, kind: Members, members: (p: Project) => AstNode[]): Scope {
        const assessment = AstUtils.getContainerOfType(node, isAssessment) as Assessment | undefined;
        const project = assessment?.project?.ref;
        return project ? this.membersOf(project, kind, () => members(project)) : EMPTY_SCOPE;
    }

    private membersOf(owner: AstNode, kind: Members, members: () => AstNode[]): Scope {
        const scopes = this.memberScopes.get(owner, () => new Map());
        let scope = scopes.get(kind);
        if (!scope) {
            scopes.set(kind, scope = new MapScope(this.firstOfEachName(members())));
        }
        return scope;
    }

    /** Descriptions by name; with duplicate names (reported by name/duplicate) the first one wins. */
    private firstOfEachName(nodes: AstNode[]): AstNodeDescription[] {
        const seen = new Set<string>();
        const descriptions: AstNodeDescription[] = [];
        for (const node of nodes) {
            const name = this.nameProvider.getName(node);
            if (!name || seen.has(name)) continue;
            seen.add(name);
            descriptions.push(this.descriptions.createDescription(node, name));
        }
        return descriptions;
    }
}
