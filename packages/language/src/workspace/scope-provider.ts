import {
    AstUtils, DefaultScopeProvider, EMPTY_SCOPE, MapScope, stream,
    type AstNode, type AstNodeDescription, type LangiumCoreServices, type ReferenceInfo, type Scope, type Stream,
} from 'langium';
import {
    isAssessment, isBreakdownActual, isClauseReview, isCompliance, isGoalAssessment, isIndicatorAssessment,
    isMilestoneAssessment, isProblemStatement, type Assessment, type Compliance, type Project,
} from '../generated/ast.js';
import { breakdownOf, goalsOf, indicatorsOf, milestonesOf } from '../model/project.js';
import type { KpiIndexManager } from './index-manager.js';
import { KpiWorkspaceCache } from './workspace-cache.js';

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
    private readonly memberScopes: KpiWorkspaceCache<AstNode, Map<Members, Scope>>;
    private readonly globalScopes = new Map<string, Scope>();

    constructor(services: LangiumCoreServices) {
        super(services);
        this.memberScopes = new KpiWorkspaceCache(services.shared);
    }

    override getScope(context: ReferenceInfo): Scope {
        return this.memberScope(context) ?? this.getGlobalScope(this.reflection.getReferenceType(context));
    }

    /**
     * The global names of a type, looked up in the index as it is now. Langium builds a scope
     * of all of them, kept until the next edit: rebuilt after every keystroke, and, when the
     * server answers a request while it builds, kept without the names of the files not yet
     * indexed (the files linked next then reported them unresolved; docs/maintaining.md).
     */
    protected override getGlobalScope(referenceType: string): Scope {
        let scope = this.globalScopes.get(referenceType);
        if (!scope) this.globalScopes.set(referenceType, scope = new IndexScope(this.indexManager as KpiIndexManager, referenceType));
        return scope;
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

/** The exported names of a type, as a scope of `allElements(type)` answers, asked of the index at each lookup. */
class IndexScope implements Scope {
    constructor(private readonly index: KpiIndexManager, private readonly type: string) {}

    getElement(name: string): AstNodeDescription | undefined {
        return this.index.exported(name, this.type)[0];
    }

    getElements(name: string): Stream<AstNodeDescription> {
        return stream(this.index.exported(name, this.type));
    }

    getAllElements(): Stream<AstNodeDescription> {
        return this.index.allElements(this.type);
    }
}
