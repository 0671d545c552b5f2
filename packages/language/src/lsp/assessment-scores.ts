import { AstUtils } from 'langium';
import type { Assessment, Execution, IndicatorAssessment } from '../generated/ast.js';
import type { KpiServices } from '../kpi-module.js';
import { resolveProfile, scoreAssessment, type AssessmentScore, type RowScore } from '../scoring/index.js';

type ExecutionScore = NonNullable<AssessmentScore['execution']>;

/**
 * Rule scores for the editor (hover, code lens, inlay hints), computed by the same engine and
 * profile as the checks. Not cached across requests: a score depends on the assessed
 * project's targets in other files, which change without this assessment being re-parsed.
 */
export class AssessmentScores {
    constructor(private readonly services: KpiServices) {}

    of(assessment: Assessment | undefined): AssessmentScore | undefined {
        const document = assessment && AstUtils.findRootNode(assessment).$document;
        if (!assessment || !document) return undefined;
        return scoreAssessment(assessment, resolveProfile(this.services.kpi.Configuration.get(document.uri)));
    }

    row(row: IndicatorAssessment): RowScore | undefined {
        return this.of(row.$container)?.rows.find(r => r.node === row);
    }

    execution(execution: Execution): ExecutionScore | undefined {
        return this.of(execution.$container)?.execution;
    }
}
