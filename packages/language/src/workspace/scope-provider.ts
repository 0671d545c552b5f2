import { DefaultScopeProvider, EMPTY_SCOPE, type AstNode, type ReferenceInfo, type Scope } from 'langium';
import {
    isAssessment, isClauseReview, isCompliance, isGoalAssessment, isIndicatorAssessment,
    isMilestoneAssessment, isProblemStatement, type Assessment, type Compliance,
} from '../generated/ast.js';
import { goalsOf, indicatorsOf, milestonesOf } from '../model/project.js';
import { AstUtils } from 'langium';

/**
 * Assessment lines resolve names of the assessed project (goals, indicators, milestones);
 * compliance lines resolve clauses of the reviewed contract. Everything else is global.
 */
export class KpiScopeProvider extends DefaultScopeProvider {
    override getScope(context: ReferenceInfo): Scope {
        const { container } = context;
        if (isIndicatorAssessment(container) || isProblemStatement(container)) {
            return this.projectScope(container, p => indicatorsOf(p));
        }
        if (isGoalAssessment(container)) {
            return this.projectScope(container, p => goalsOf(p));
        }
        if (isMilestoneAssessment(container)) {
            return this.projectScope(container, p => milestonesOf(p));
        }
        if (isClauseReview(container)) {
            const review = AstUtils.getContainerOfType(container, isCompliance) as Compliance | undefined;
            const contract = review?.contract?.ref;
            return contract ? this.createScopeForNodes(contract.clauses) : EMPTY_SCOPE;
        }
        return this.getGlobalScope(this.reflection.getReferenceType(context), context);
    }

    private projectScope(node: AstNode, members: (p: NonNullable<Assessment['project']['ref']>) => AstNode[]): Scope {
        const assessment = AstUtils.getContainerOfType(node, isAssessment) as Assessment | undefined;
        const project = assessment?.project?.ref;
        return project ? this.createScopeForNodes(members(project)) : EMPTY_SCOPE;
    }
}
