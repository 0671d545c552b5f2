import { AstUtils, DocumentState, isReference, type AstNode, type LangiumDocument, type ValidationAcceptor } from 'langium';
import { describe, expect, it, vi } from 'vitest';
import { isClause, isIndicator, type Contract, type Model } from '../../packages/language/src/generated/ast.js';
import { ownFile, reading } from '../../packages/language/src/validation/check-reads.js';
import { buildWorkspace, messageOf, type TestWorkspace } from '../support/workspace.js';

/*
 * What an edit rebuilds (KpiDocumentBuilder, KpiIndexManager): a keystroke must cost what it
 * affects, not the workspace, and still leave every file's diagnostics as a full rebuild would.
 */
const contract = (answerRate: string) => `
合同 服务合同 "热线接听服务合同" 对象 热线 {
    条款 接通率 "15秒接通率" >= ${answerRate} 违约 "扣减服务费"
}`;

const targets = `
项目 热线 "热线接听服务" {
    绩效指标 {
        产出指标 {
            质量指标 {
                接通率 "15秒内接通率" >= 80% 依据 服务合同.接通率 来源 "话务系统"
            }
        }
    }
}`;

const assessment = `
自评 热线自评 "热线自评" 对象 热线 {
    指标 接通率 实际 89% 分值 10 得分 10
}`;

/** Another project, with a link to a contract nobody has written yet. */
const unrelated = `
项目 其他 "其他项目" {
    绩效指标 {
        产出指标 {
            质量指标 {
                办结率 "办结率" >= 90% 依据 未签合同.办结率 来源 "办件系统"
            }
        }
    }
}`;

const files = {
    'contract.kpi': contract('95%'),
    'targets.kpi': targets,
    'assessment.kpi': assessment,
    'other.kpi': unrelated,
};

/** Names of the files linked and validated while `run` updates the workspace. */
async function rebuilt(ws: TestWorkspace, run: () => Promise<void>): Promise<{ linked: string[]; validated: string[] }> {
    const name = (doc: LangiumDocument) => doc.uri.path.split('/').pop()!;
    const linked: string[] = [];
    const validated: string[] = [];
    const linker = ws.services.references.Linker;
    const original = linker.link.bind(linker);
    const link = vi.spyOn(linker, 'link').mockImplementation((doc, token) => {
        linked.push(name(doc));
        return original(doc, token);
    });
    const listener = ws.services.shared.workspace.DocumentBuilder.onDocumentPhase(DocumentState.Validated, doc => { validated.push(name(doc)); });
    try {
        await run();
    } finally {
        link.mockRestore();
        listener.dispose();
    }
    return { linked: linked.sort(), validated: validated.sort() };
}

const codes = (ws: TestWorkspace, file: string) => ws.diagnostics(file).map(d => String(d.code));

describe('incremental updates', () => {
    it('an edit relinks the files referencing the edited one and only re-validates those reaching it through them', async () => {
        const ws = await buildWorkspace(files);
        const targetsOf = (file: string) => ws.documents.get(file)!.references.map(r => (isReference(r) ? r.ref : undefined));
        const before = targetsOf('assessment.kpi');
        expect(codes(ws, 'assessment.kpi')).toContain('assessment/below-contract');

        const { linked, validated } = await rebuilt(ws, () => ws.edit('contract.kpi', contract('85%')));

        // targets.kpi links the contract's clause; the assessment reaches it only through targets.kpi.
        expect(linked).toEqual(['contract.kpi', 'targets.kpi']);
        expect(validated).toEqual(['assessment.kpi', 'contract.kpi', 'targets.kpi']);
        const after = targetsOf('assessment.kpi');
        expect(after.length).toBe(before.length);
        expect(after.every((node, i) => node !== undefined && node === before[i])).toBe(true);
        // The assessment sees the new clause through targets.kpi's fresh link: 89% now meets ≥85%.
        expect(codes(ws, 'assessment.kpi')).not.toContain('assessment/below-contract');
    });

    it('an edit of a standard re-validates what reads it, not the contracts and reviews reaching it only through a project', async () => {
        const standard = (rate: string) => `标准 热线标准 "热线工作要求" {\n    要求 接通率 "15秒内接通率" >= ${rate}\n}`;
        const ws = await buildWorkspace({
            ...files,
            'standard.kpi': standard('85%'),
            'targets.kpi': targets.replace('    绩效指标 {', '    适用 热线标准\n    绩效指标 {'),
            'compliance.kpi': '履约考核 热线履约 "热线履约考核" 对象 服务合同 {\n    条款 接通率 实际 96% 结论 达标\n}',
        });
        expect(codes(ws, 'assessment.kpi')).not.toContain('assessment/below-standard');

        const { linked, validated } = await rebuilt(ws, () => ws.edit('standard.kpi', standard('90%')));

        // standard ← targets ← contract ← compliance, and ← assessment: contracts and reviews read one file away (validation/reach.ts).
        expect(linked).toEqual(['standard.kpi', 'targets.kpi']);
        expect(validated).toEqual(['assessment.kpi', 'standard.kpi', 'targets.kpi']);
        // The assessment reads the standard through its project: 89% meets the target (≥80%), not ≥90%.
        expect(codes(ws, 'assessment.kpi')).toContain('assessment/below-standard');
    });

    it('a file with an unresolved link is left alone by unrelated edits, and relinked once the name appears', async () => {
        const ws = await buildWorkspace(files);
        expect(codes(ws, 'other.kpi')).toContain('reference/unresolved');

        const unrelatedEdit = await rebuilt(ws, () => ws.edit('contract.kpi', contract('96%')));
        expect(unrelatedEdit.linked).not.toContain('other.kpi');
        expect(unrelatedEdit.validated).not.toContain('other.kpi');

        const signed = await rebuilt(ws, () => ws.edit('signed.kpi', '合同 未签合同 "补签合同" 对象 其他 {\n    条款 办结率 "办结率" >= 90% 违约 "扣费"\n}'));
        expect(signed.linked).toContain('other.kpi');
        expect(codes(ws, 'other.kpi')).not.toContain('reference/unresolved');
    });

    it('a request answered while an edit is being built leaves no link unresolved', async () => {
        const ws = await buildWorkspace(files);
        const indicator = AstUtils.streamAst(ws.documents.get('targets.kpi')!.parseResult.value).find(isIndicator)!;
        const link = { container: indicator, property: 'links', reference: indicator.links[0]!, index: 0 };
        // The server answers requests between build phases: a completion of a 依据 link right after
        // the update started reads the global scope while the edited contract is not indexed yet.
        const builder = ws.services.shared.workspace.DocumentBuilder;
        const listener = builder.onUpdate(() => {
            ws.services.references.ScopeProvider.getScope(link).getAllElements().toArray();
        });
        // What the editor is sent for targets.kpi, each time it is validated.
        const published: string[][] = [];
        const validated = builder.onDocumentPhase(DocumentState.Validated, doc => {
            if (doc.uri.path.endsWith('/targets.kpi')) published.push((doc.diagnostics ?? []).map(d => String(d.code)));
        });
        try {
            await ws.edit('contract.kpi', contract('99%'));
        } finally {
            listener.dispose();
            validated.dispose();
        }
        expect(published).toHaveLength(1);
        expect(published[0]).not.toContain('reference/unresolved');
        expect(ws.diagnostics('targets.kpi').find(d => d.code === 'target/below-contract')?.message).toContain('≥99%');
    });

    it('find references reaches the indicators of other files, and follows their edits', async () => {
        const ws = await buildWorkspace(files);
        const clauseOf = () => ((ws.documents.get('contract.kpi')!.parseResult.value as Model).blocks[0] as Contract).clauses.find(isClause)!;
        const referencing = () => ws.services.references.References.findReferences(clauseOf(), { includeDeclaration: false })
            .map(r => `${r.sourceUri.path.split('/').pop()}:${r.segment.range.start.line}`).toArray();
        expect(referencing()).toEqual(['targets.kpi:5']);

        await ws.edit('targets.kpi', targets.replace('依据 服务合同.接通率 ', ''));
        expect(referencing()).toEqual([]);
        await ws.edit('targets.kpi', `\n${targets}`);
        expect(referencing()).toEqual(['targets.kpi:6']);
    });

    it('a block name taken in another file is reported in both files, and no longer once renamed', async () => {
        const ws = await buildWorkspace(files);
        await ws.edit('copy.kpi', contract('95%'));
        expect(codes(ws, 'contract.kpi')).toContain('name/duplicate');
        expect(codes(ws, 'copy.kpi')).toContain('name/duplicate');

        await ws.edit('copy.kpi', contract('95%').replace('合同 服务合同', '合同 服务合同二'));
        expect(codes(ws, 'contract.kpi')).not.toContain('name/duplicate');
        expect(codes(ws, 'copy.kpi')).not.toContain('name/duplicate');
    });

    it('a file re-validated because a file it links to changed runs again only the checks that read other files', async () => {
        // A target of 100 % cannot be exceeded (target/vague, read from the file alone).
        const full = targets.replace('>= 80%', '>= 100%');
        const ws = await buildWorkspace({ ...files, 'targets.kpi': full });
        const runs = { ownFile: 0, others: 0 };
        const inTargets = (node: AstNode) => AstUtils.getDocument(node).uri.path.endsWith('/targets.kpi');
        ws.services.validation.ValidationRegistry.register({
            Indicator: [
                ...ownFile((node: AstNode) => { if (inTargets(node)) runs.ownFile++; }),
                (node: AstNode) => { if (inTargets(node)) runs.others++; },
            ],
        });
        const found = () => ws.diagnostics('targets.kpi').map(d => `${String(d.code)} ${messageOf(d)}`).sort();
        // A new syntax tree, which the checks registered here see from the start.
        await ws.edit('targets.kpi', `${full}\n`);
        expect(runs).toEqual({ ownFile: 1, others: 1 });
        expect(found()).toEqual(expect.arrayContaining([expect.stringMatching(/^target\/vague 目标值 ≥ ?100%/)]));

        // The contract's edit re-validates targets.kpi: its own-file findings stay as they were.
        const before = found();
        await ws.edit('contract.kpi', contract('98%'));
        expect(runs).toEqual({ ownFile: 1, others: 2 });
        expect(found()).toEqual(before);

        // An edit of targets.kpi itself, or another locale, runs them again.
        await ws.edit('targets.kpi', full);
        expect(runs).toEqual({ ownFile: 2, others: 3 });
        ws.services.kpi.Settings.locale = 'en';
        await ws.edit('contract.kpi', contract('97%'));
        expect(runs).toEqual({ ownFile: 3, others: 4 });
        expect(found()).toEqual(expect.arrayContaining([expect.stringMatching(/^target\/vague Target .*100%.* cannot be exceeded/)]));
    });

    it('a file re-validated because a file it reaches changed runs again only the checks that read that kind of block', async () => {
        const ws = await buildWorkspace(files);
        const runs = { project: 0, contract: 0, others: 0 };
        ws.services.validation.ValidationRegistry.register({
            IndicatorAssessment: [
                ...reading(['Project'], (node: AstNode, accept: ValidationAcceptor) => {
                    runs.project++;
                    accept('hint', 'read from the project', { node });
                }),
                ...reading(['Contract'], () => { runs.contract++; }),
                () => { runs.others++; },
            ],
        });
        const found = () => ws.diagnostics('assessment.kpi').map(d => messageOf(d));
        // A new syntax tree, which the checks registered here see from the start.
        await ws.edit('assessment.kpi', `${assessment}\n`);
        expect(runs).toEqual({ project: 1, contract: 1, others: 1 });
        expect(found()).toContain('read from the project');

        // The contract's edit re-validates the assessment (its row's indicator is held to the
        // contract): no project changed, so that check's finding is kept without running it.
        await ws.edit('contract.kpi', contract('98%'));
        expect(runs).toEqual({ project: 1, contract: 2, others: 2 });
        expect(found()).toContain('read from the project');

        // An edit of the project links the assessment again: every check that reads another file runs.
        await ws.edit('targets.kpi', `${targets}\n`);
        expect(runs).toEqual({ project: 2, contract: 3, others: 3 });
        expect(found()).toContain('read from the project');
    });
});
