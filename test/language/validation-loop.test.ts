import { DefaultDocumentValidator, EmptyFileSystem, type AstNode, type ValidateSingleNodeOptions, type ValidationAcceptor } from 'langium';
import { validationHelper } from 'langium/test';
import { describe, expect, it, vi } from 'vitest';
import { createKpiServices, type KpiServices, type Model } from '../../packages/language/src/index.js';
import { KpiDocumentValidator } from '../../packages/language/src/validation/document-validator.js';
import { messageOf } from '../support/workspace.js';

/*
 * KPI Spec runs its (synchronous) checks without a promise per check per node. What Langium's
 * own loop guarantees must still hold: every node is checked, a check that throws becomes an
 * error on its node while the other checks go on, and an asynchronous check is awaited.
 */
const TEXT = `标准 S "s" {
    要求 A "a" >= 90% 必设
    要求 B "b" >= 80%
}
`;

function servicesWith(checks: Record<string, (node: AstNode, accept: ValidationAcceptor) => unknown>, validator?: (services: KpiServices) => DefaultDocumentValidator) {
    const { kpi } = createKpiServices(EmptyFileSystem, validator ? { validation: { DocumentValidator: validator } } : {});
    kpi.validation.ValidationRegistry.register(checks as never);
    return validationHelper<Model>(kpi);
}

describe('the validation loop', () => {
    it('checks every node, in document order', async () => {
        const seen: string[] = [];
        await servicesWith({ AstNode: node => { seen.push(node.$type); } })(TEXT);
        expect(seen).toEqual(['Model', 'Standard', 'Requirement', 'Comparison', 'Quantity', 'Requirement', 'Comparison', 'Quantity']);
    });

    it('turns an exception into an error on the node and runs the other checks', async () => {
        // Langium also logs the exception; that is expected here.
        const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
        const validate = servicesWith({
            Requirement: (node, accept) => { if ((node as { name?: string }).name === 'A') throw new Error('boom'); accept('warning', 'checked', { node }); },
        });
        const { diagnostics } = await validate(TEXT);
        expect(diagnostics.map(messageOf)).toEqual(expect.arrayContaining(['An error occurred during validation: boom', 'checked']));
        expect(diagnostics.find(d => messageOf(d).endsWith('boom'))!.range.start.line).toBe(1);
        expect(logged).toHaveBeenCalled();
        logged.mockRestore();
    });

    it('runs only the categories asked for: none, some or all', async () => {
        const validate = servicesWith({ Standard: (node, accept) => { accept('warning', 'fast check', { node }); } });
        const messages = async (categories?: string[]) =>
            (await validate(TEXT, { validation: categories ? { categories } : true })).diagnostics.map(messageOf);
        expect(await messages(['built-in'])).not.toContain('fast check');
        expect(await messages([])).not.toContain('fast check');
        expect(await messages(['built-in', 'fast'])).toContain('fast check');
        expect(await messages()).toContain('fast check');
    });

    it('awaits an asynchronous check', async () => {
        const validate = servicesWith({
            Standard: async (node, accept) => { await new Promise(resolve => setTimeout(resolve, 5)); accept('warning', 'late', { node }); },
        });
        expect((await validate(TEXT)).diagnostics.map(messageOf)).toContain('late');
    });

    it("checks and enters the nodes validateSingleNodeOptions says, as Langium's loop does", async () => {
        // A validator may leave out a node (here the standard) or what is under it (requirement B).
        const options = (node: AstNode): ValidateSingleNodeOptions => ({
            validateNode: node.$type !== 'Standard',
            validateChildren: (node as { name?: string }).name !== 'B',
        });
        const seenWith = async (validator: (services: KpiServices) => DefaultDocumentValidator) => {
            const seen: string[] = [];
            await servicesWith({ AstNode: node => { seen.push(node.$type); } }, validator)(TEXT);
            return seen;
        };
        const kpi = await seenWith(services => new class extends KpiDocumentValidator {
            protected override validateSingleNodeOptions(node: AstNode): ValidateSingleNodeOptions { return options(node); }
        }(services));
        const langium = await seenWith(services => new class extends DefaultDocumentValidator {
            protected override validateSingleNodeOptions(node: AstNode): ValidateSingleNodeOptions { return options(node); }
        }(services));
        expect(kpi).toEqual(['Model', 'Requirement', 'Comparison', 'Quantity', 'Requirement']);
        expect(kpi).toEqual(langium);
    });
});
