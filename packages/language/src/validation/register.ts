import type { KpiServices } from '../kpi-module.js';
import { nameChecks } from './name-checks.js';
import { mergeChecks, toValidationChecks } from './report.js';

/** Registers every rule group's checks with Langium's validation registry. */
export function registerChecks(services: KpiServices): void {
    const checks = mergeChecks(
        nameChecks(services),
    );
    services.validation.ValidationRegistry.register(toValidationChecks(checks, () => services.kpi.Settings.locale));
}
