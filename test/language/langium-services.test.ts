import { DefaultIndexManager, DefaultReferences, EmptyFileSystem, URI, type AstNode } from 'langium';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DefaultRenameProvider } from 'langium/lsp';
import { describe, expect, it } from 'vitest';
import { isClause, isContract, type Model } from '../../packages/language/src/generated/ast.js';
import { createKpiServices } from '../../packages/language/src/index.js';
import { applyWorkspaceEdit, HOTLINE, hotline, positionOf, textDocument } from '../lsp/support.js';
import { buildWorkspace, type TestWorkspace } from '../support/workspace.js';

/*
 * KPI Spec overrides some of Langium's services (docs/maintaining.md lists them). Langium's own
 * services that depend on them must keep working: these tests use Langium's classes, not KPI
 * Spec's, on a KPI Spec workspace.
 */

const fileOf = (uri: { path: string }) => uri.path.split('/').pop()!;

function contractClause(ws: TestWorkspace, name: string): AstNode {
    const contract = (ws.documents.get('contract.kpi')!.parseResult.value as Model).blocks.find(isContract)!;
    return contract.clauses.find(c => isClause(c) && c.name === name)!;
}

describe("Langium's reference index (KpiIndexManager)", () => {
    it('answers IndexManager.findAllReferences in every file, and follows edits', async () => {
        const ws = await hotline();
        const index = ws.services.shared.workspace.IndexManager;
        const referencing = () => {
            const clause = contractClause(ws, '接通率');
            const path = ws.services.workspace.AstNodeLocator.getAstNodePath(clause);
            const found = index.findAllReferences(clause, path).map(ref => `${fileOf(ref.sourceUri)}:${ref.segment.range.start.line + 1}`).toArray().sort();
            // KpiIndexManager looks in fewer documents than Langium, and must find the same.
            const langium = DefaultIndexManager.prototype.findAllReferences.call(index, clause, path)
                .map(ref => `${fileOf(ref.sourceUri)}:${ref.segment.range.start.line + 1}`).toArray().sort();
            expect(found).toEqual(langium);
            return found;
        };
        expect(referencing()).toEqual(['compliance.kpi:3', 'targets.kpi:20']);

        await ws.edit('targets.kpi', HOTLINE['targets.kpi']!.replace('依据 热线服务合同.接通率, ', '依据 '));
        expect(referencing()).toEqual(['compliance.kpi:3']);
        await ws.edit('compliance.kpi', '');
        expect(referencing()).toEqual([]);
        await ws.edit('targets.kpi', HOTLINE['targets.kpi']!);
        expect(referencing()).toEqual(['targets.kpi:20']);
    });

    it("lets Langium's References find a clause's declaration and links", async () => {
        const ws = await hotline();
        const found = new DefaultReferences(ws.services).findReferences(contractClause(ws, '接通率'), { includeDeclaration: true })
            .map(ref => `${fileOf(ref.sourceUri)}:${ws.documents.get(fileOf(ref.sourceUri))!.textDocument.getText(ref.segment.range)}`)
            .toArray().sort();
        // Langium sees a qualified link as one reference to the clause (KpiReferences splits it).
        expect(found).toEqual(['compliance.kpi:接通率', 'contract.kpi:接通率', 'targets.kpi:热线服务合同.接通率']);
    });

    it("lets Langium's rename provider rename a standard in every file", async () => {
        const ws = await buildWorkspace(HOTLINE, 'zh-CN', {
            references: { References: services => new DefaultReferences(services) },
            lsp: { RenameProvider: services => new DefaultRenameProvider(services) },
        });
        expect(ws.services.lsp.RenameProvider!.constructor).toBe(DefaultRenameProvider);
        const edit = await ws.services.lsp.RenameProvider!.rename(ws.documents.get('standards.kpi')!, {
            textDocument: textDocument('standards.kpi'), position: positionOf(ws, 'standards.kpi', '标准 广东两建办', 3), newName: '广东省两建办',
        });
        const texts = applyWorkspaceEdit(ws, edit);
        expect(Object.keys(texts).sort()).toEqual(['standards.kpi', 'targets.kpi']);
        expect(texts['standards.kpi']).toContain('标准 广东省两建办 "广东省两建办12345热线工作要求"');
        expect(texts['targets.kpi']).toContain('适用 广东省两建办, 热线运营规范');
    });
});

describe('units (KpiLexer)', () => {
    const lexer = createKpiServices(EmptyFileSystem).kpi.parser.Lexer;
    /** The words of `text` and what the lexer makes of them: `word:UNIT` or `word:ID`. */
    const words = (text: string) => lexer.tokenize(text).tokens
        .filter(t => t.tokenType.name === 'UNIT' || t.tokenType.name === 'ID')
        .map(t => `${t.image}:${t.tokenType.name}`);

    it.each([
        ['预算 10666 万元', ['万元:UNIT']],
        ['>= 12.52 元/通', ['元:UNIT', '通:UNIT']],
        ['2000 人 × 50 元/人*月', ['人:UNIT', '元:UNIT', '人:UNIT', '月:UNIT']],
        ['= 3 人·天', ['人:UNIT', '天:UNIT']],
        ['>= 1e+5 次', ['次:UNIT']],
        ['≤ -2.5\u3000小时', ['小时:UNIT']],
    ])('a word after a number or a unit operator is a unit: %s', (text, expected) => {
        expect(words(text)).toEqual(expected);
    });

    it.each([
        ['>= 95\n接通率', ['接通率:ID']],
        ['率2 通', ['率2:ID', '通:ID']],
        ['2021-03 通', ['通:ID']],
        ['元 /* 注释 */ 通', ['元:ID', '通:ID']],
        ['项目 热线', ['热线:ID']],
        ['热线', ['热线:ID']],
    ])('a word anywhere else is a name: %s', (text, expected) => {
        expect(words(text)).toEqual(expected);
    });

    it('takes a unit that begins with a keyword after a number whole (中位数, percent)', () => {
        expect(words('>= 5 中位数')).toEqual(['中位数:UNIT']);
        expect(words('>= 5 percent')).toEqual(['percent:UNIT']);
        expect(lexer.tokenize('等级 中').tokens.map(t => t.tokenType.name)).toEqual(['等级', '中']);
    });
});

describe('the service registry (KpiServiceRegistry)', () => {
    it('gives every file the language, open or not, whatever its name', () => {
        const { shared, kpi } = createKpiServices(EmptyFileSystem);
        const registry = shared.ServiceRegistry;
        expect(registry.getServices(URI.file('/ws/targets.kpi'))).toBe(kpi);
        shared.workspace.TextDocuments.set(TextDocument.create('file:///ws/open.kpi', 'plaintext', 1, ''));
        expect(registry.getServices(URI.parse('file:///ws/open.kpi'))).toBe(kpi);
        // A file named on the command line is read as KPI Spec, whatever its extension.
        expect(registry.getServices(URI.file('/ws/notes.txt'))).toBe(kpi);
        expect(registry.getServices(URI.parse('untitled:Untitled-1'))).toBe(kpi);
    });
});
