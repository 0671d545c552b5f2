import { AstUtils } from 'langium';
import type { KpiCoreServices } from '../kpi-core-module.js';
import { assessmentChecks } from './assessment-checks.js';
import { clauseChecks } from './clause-checks.js';
import { complianceChecks } from './compliance-checks.js';
import { contractChecks } from './contract-checks.js';
import { fundsChecks } from './funds-checks.js';
import { milestoneChecks } from './milestone-checks.js';
import { nameChecks } from './name-checks.js';
import { mergeChecks, toValidationChecks } from './report.js';
import { scoreChecks } from './score-checks.js';
import { targetChecks } from './target-checks.js';

/** Registers every rule group's checks with Langium's validation registry. */
export function registerChecks(services: KpiCoreServices): void {
    const checks = mergeChecks(
        nameChecks(services),
        clauseChecks(services),
        targetChecks(services),
        contractChecks(services),
        scoreChecks(services),
        assessmentChecks(services),
        milestoneChecks(services),
        complianceChecks(services),
        fundsChecks(services),
    );
    services.validation.ValidationRegistry.register(toValidationChecks(checks, node => services.kpi.Settings.localeOf(AstUtils.getDocument(node))));
}
