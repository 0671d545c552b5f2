import { expectFindReferences, expectGoToDefinition } from 'langium/test';
import type { Location, LocationLink } from 'vscode-languageserver';
import { ResponseError } from 'vscode-languageserver';
import { describe, expect, it } from 'vitest';
import { ENGLISH, HOTLINE, hotline, positionOf, servicesWith, textDocument, applyWorkspaceEdit } from './support.js';
import type { TestWorkspace } from '../support/workspace.js';

/** The text a location covers, as `file:text`. */
function covered(ws: TestWorkspace, location: { uri: string; range: Location['range'] }): string {
    const file = [...ws.documents.keys()].find(f => location.uri.endsWith(`/${f}`))!;
    return `${file}:${ws.documents.get(file)!.textDocument.getText(location.range)}`;
}

async function definition(ws: TestWorkspace, file: string, needle: string, at: number): Promise<string[]> {
    const links = await ws.services.lsp.DefinitionProvider!.getDefinition(ws.documents.get(file)!, { textDocument: textDocument(file), position: positionOf(ws, file, needle, at) }) as LocationLink[] | undefined;
    return (links ?? []).map(l => covered(ws, { uri: l.targetUri, range: l.targetSelectionRange }));
}

async function references(ws: TestWorkspace, file: string, needle: string, at: number, includeDeclaration = true): Promise<string[]> {
    const found = await ws.services.lsp.ReferencesProvider!.findReferences(ws.documents.get(file)!, {
        textDocument: textDocument(file), position: positionOf(ws, file, needle, at), context: { includeDeclaration },
    });
    return found.map(l => `${covered(ws, l)}@${l.range.start.line + 1}:${l.range.start.character}`).sort();
}

async function rename(ws: TestWorkspace, file: string, needle: string, at: number, newName: string): Promise<Record<string, string>> {
    const edit = await ws.services.lsp.RenameProvider!.rename(ws.documents.get(file)!, { textDocument: textDocument(file), position: positionOf(ws, file, needle, at), newName });
    return applyWorkspaceEdit(ws, edit);
}

describe('go to definition', () => {
    it('goes from each part of a qualified link to the clause or to the contract', async () => {
        const ws = await hotline();
        expect(await definition(ws, 'targets.kpi', '热线服务合同.接通率', 8)).toEqual(['contract.kpi:接通率']);
        expect(await definition(ws, 'targets.kpi', '热线服务合同.接通率', 2)).toEqual(['contract.kpi:热线服务合同']);
        expect(await definition(ws, 'assessment.kpi', '指标 单位成本', 4)).toEqual(['targets.kpi:单位成本']);
        expect(await definition(ws, 'compliance.kpi', '对象 热线服务合同', 4)).toEqual(['contract.kpi:热线服务合同']);
    });

    it('works within one file (langium/test)', async () => {
        const services = await servicesWith({});
        await expectGoToDefinition(services)({
            text: ENGLISH['hotline.kpi']!.replace('clause AnswerRate', 'clause <|AnswerRate|>').replace('per HotlineContract.AnswerRate', 'per HotlineContract.Answer<|>Rate'),
            index: 0, rangeIndex: 0, disposeAfterCheck: true,
        });
    });
});

describe('find references', () => {
    it('finds a clause by the clause part of qualified links, in every file', async () => {
        const ws = await hotline();
        expect(await references(ws, 'contract.kpi', '条款 接通率', 3)).toEqual([
            'compliance.kpi:接通率@3:7', 'contract.kpi:接通率@9:7', 'targets.kpi:接通率@20:47',
        ]);
    });

    it('finds a contract by 对象 and by the contract part of qualified links', async () => {
        const ws = await hotline();
        expect(await references(ws, 'contract.kpi', '合同 热线服务合同', 3, false)).toEqual([
            'compliance.kpi:热线服务合同@2:32', 'targets.kpi:热线服务合同@20:40',
        ]);
    });

    it('works within one file (langium/test)', async () => {
        const services = await servicesWith({});
        const text = ENGLISH['hotline.kpi']!
            .replace('indicator AnswerRate', 'indicator <|AnswerRate|>').replace('concerns AnswerRate', 'concerns <|AnswerRate|>')
            .replace('AnswerRate "Answered within 15 seconds" >= 80%', '<|>An<|>swerRate "Answered within 15 seconds" >= 80%');
        await expectFindReferences(services)({ text, includeDeclaration: false, disposeAfterCheck: true });
    });
});

describe('rename', () => {
    it('renames a clause everywhere, rewriting only the clause part of qualified links', async () => {
        const ws = await hotline();
        const texts = await rename(ws, 'contract.kpi', '条款 接通率', 3, '十五秒接通率');
        expect(Object.keys(texts).sort()).toEqual(['compliance.kpi', 'contract.kpi', 'targets.kpi']);
        expect(texts['contract.kpi']).toContain('条款 十五秒接通率 "15秒接通率" >= 95%');
        expect(texts['targets.kpi']).toContain('接通率 "15秒内接通率" >= 80% 依据 热线服务合同.十五秒接通率, 广东两建办.即时接通率');
        expect(texts['compliance.kpi']).toContain('条款 十五秒接通率       实际 89.19%');
        for (const [file, text] of Object.entries(texts)) await ws.edit(file, text);
        for (const file of Object.keys(HOTLINE)) expect(ws.diagnostics(file).filter(d => d.code === 'reference/unresolved')).toEqual([]);
    });

    it('renames a contract and the contract part of every qualified link', async () => {
        const ws = await hotline();
        const texts = await rename(ws, 'targets.kpi', '热线服务合同.接通率', 2, '热线合同');
        expect(texts['contract.kpi']).toContain('合同 热线合同 "深圳市12345热线接听服务采购合同（二期）"');
        expect(texts['targets.kpi']).toContain('依据 热线合同.接通率, 广东两建办.即时接通率');
        expect(texts['compliance.kpi']).toContain('对象 热线合同 {');
        for (const [file, text] of Object.entries(texts)) await ws.edit(file, text);
        for (const file of Object.keys(HOTLINE)) expect(ws.diagnostics(file).filter(d => d.code === 'reference/unresolved')).toEqual([]);
    });

    it('renames a standard in 适用 and in the standard part of qualified links', async () => {
        const ws = await hotline();
        const texts = await rename(ws, 'standards.kpi', '标准 广东两建办', 3, '广东省两建办');
        expect(texts['targets.kpi']).toContain('适用 广东省两建办, 热线运营规范');
        expect(texts['targets.kpi']).toContain('依据 热线服务合同.接通率, 广东省两建办.即时接通率');
        expect(texts['standards.kpi']).toContain('标准 广东省两建办 "广东省两建办12345热线工作要求"');
    });

    it('renames an indicator in the assessment, but not the clause or requirement of the same name', async () => {
        const ws = await hotline();
        const texts = await rename(ws, 'assessment.kpi', '涉及 接通率', 3, '及时接通率');
        expect(Object.keys(texts).sort()).toEqual(['assessment.kpi', 'targets.kpi']);
        expect(texts['targets.kpi']).toContain('及时接通率 "15秒内接通率" >= 80% 依据 热线服务合同.接通率');
        expect(texts['assessment.kpi']).toContain('指标 及时接通率     实际 89.19%');
        expect(texts['assessment.kpi']).toContain('涉及 及时接通率');
    });

    it('refuses a new name that is not a name', async () => {
        const ws = await hotline();
        for (const bad of ['接通 率', '合同.条款', '9率', '项目', '']) {
            await expect(rename(ws, 'contract.kpi', '条款 接通率', 3, bad)).rejects.toBeInstanceOf(ResponseError);
        }
        const prepared = ws.services.lsp.RenameProvider!.prepareRename(ws.documents.get('targets.kpi')!, { textDocument: textDocument('targets.kpi'), position: positionOf(ws, 'targets.kpi', '热线服务合同.接通率', 8) });
        expect(prepared).toMatchObject({ start: { line: 19 }, end: { line: 19 } });
    });

    // Two rows of one name cannot be told apart by any reference: no later rename could undo it.
    it('refuses a name another element of its kind has already, and says which', async () => {
        const ws = await hotline();
        const refused = async (file: string, needle: string, at: number, newName: string) => {
            const error = await rename(ws, file, needle, at, newName).then(() => undefined, (e: unknown) => e);
            expect(error, `${needle} → ${newName}`).toBeInstanceOf(ResponseError);
            return (error as ResponseError<void>).message;
        };
        expect(await refused('assessment.kpi', '涉及 接通率', 3, '及时转办率')).toBe('不能改名为「及时转办率」：项目「热线二期」中已有名为「及时转办率」的指标');
        expect(await refused('contract.kpi', '条款 接通率', 3, '质检率')).toBe('不能改名为「质检率」：合同「热线服务合同」中已有名为「质检率」的条款');
        expect(await refused('standards.kpi', '要求 回复率', 3, '按时办结率')).toContain('标准「广东两建办」中已有');
        expect(await refused('targets.kpi', '统一信息系统 "', 0, '统一服务场地')).toContain('的里程碑');
        expect(await refused('targets.kpi', '项目 热线二期', 3, '热线服务合同')).toBe('不能改名为「热线服务合同」：工作区中已有名为「热线服务合同」的块');
        // The same name elsewhere is no clash: an indicator may be named as a clause, or as a row of another project.
        expect(Object.keys(await rename(ws, 'targets.kpi', '及时转办率 "', 0, '质检率'))).toEqual(['targets.kpi', 'assessment.kpi']);
        expect(Object.keys(await rename(ws, 'standards.kpi', '要求 回复率', 3, '审核率'))).toEqual(['standards.kpi']);
    });
});
