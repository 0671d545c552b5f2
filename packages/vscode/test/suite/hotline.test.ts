/**
 * The extension in a real VS Code (desktop, or code-server's workbench through the launcher), on
 * a copy of examples/hotline-12345: what an officer sees through the `vscode` API. Waits poll for
 * a state; nothing sleeps a fixed time.
 */
import * as assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { waitFor } from '../support/poll.js';
import { expectedKeys, lineOf } from '../support/reference.js';
import { ruleOf, shownKeys } from '../support/shown-diagnostics.js';

const EXTENSION_ID = 'kpispec.kpispec-vscode';

function folder(): string {
    const ws = vscode.workspace.workspaceFolders?.[0];
    assert.ok(ws, 'the suite needs the reference workspace open');
    return ws.uri.fsPath;
}

const fileUri = (file: string): vscode.Uri => vscode.Uri.file(join(folder(), file));


function findDiagnostic(file: string, rule: string): vscode.Diagnostic | undefined {
    return vscode.languages.getDiagnostics(fileUri(file)).find(d => ruleOf(d) === rule);
}

async function open(file: string): Promise<vscode.TextEditor> {
    return vscode.window.showTextDocument(await vscode.workspace.openTextDocument(fileUri(file)));
}

/** The line `接通率 "15秒内接通率" >= 80% 依据 热线服务合同.接通率, …` of targets.kpi. */
const ANSWER_RATE = '接通率 "15秒内接通率"';

suite('KPI Spec on examples/hotline-12345', () => {
    suiteSetup(async () => {
        const extension = vscode.extensions.getExtension(EXTENSION_ID);
        assert.ok(extension, `${EXTENSION_ID} is not loaded`);
        await extension.activate();
    });

    test('lists the reference diagnostics of every file without opening them', async () => {
        const expected = expectedKeys(folder());
        let shown: string[] = [];
        try {
            await waitFor('the reference diagnostics', () => {
                shown = shownKeys(folder());
                return shown.join('\n') === expected.join('\n') ? true : undefined;
            }, { timeoutMs: 120_000, intervalMs: 500 });
        } catch {
            assert.deepEqual(shown, expected, 'errors and warnings shown for the workspace');
        }
        assert.equal(vscode.workspace.textDocuments.filter(d => d.languageId === 'kpi').length, 0, 'no .kpi file was opened');
    });

    test('links every diagnostic to its rule page, shipped in the extension for offline use', () => {
        const extensionPath = vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath;
        const diagnostics = vscode.languages.getDiagnostics().filter(([uri]) => uri.fsPath.startsWith(folder())).flatMap(([, list]) => list);
        assert.ok(diagnostics.length > 0);
        for (const diagnostic of diagnostics) {
            const code = diagnostic.code;
            assert.ok(typeof code === 'object', `${ruleOf(diagnostic)} has a docs link`);
            const page = join(extensionPath, 'docs', 'rules', `${code.value}.md`);
            assert.equal(code.target.scheme === 'file' ? code.target.fsPath : code.target.toString(), page, 'the link is the shipped page');
            assert.ok(existsSync(page), `${page} exists`);
        }
    });

    test('a finding points to the contract clause it names, one click away in the Problems panel', async () => {
        const diagnostic = await waitFor('target/below-contract', () => findDiagnostic('targets.kpi', 'target/below-contract'));
        const [related] = diagnostic.relatedInformation ?? [];
        assert.ok(related, 'related information on target/below-contract');
        assert.equal(related.location.uri.fsPath, join(folder(), 'contract.kpi'));
        const clause = lineOf(folder(), 'contract.kpi', '条款 接通率');
        assert.equal(related.location.range.start.line, clause, 'the clause\'s line');
        assert.equal(related.message, '合同「热线服务合同」条款「接通率」');
    });

    test('hover on an indicator shows the contract value behind its target', async () => {
        const editor = await open('targets.kpi');
        const line = lineOf(folder(), 'targets.kpi', ANSWER_RATE);
        const position = new vscode.Position(line, editor.document.lineAt(line).firstNonWhitespaceCharacterIndex + 1);
        const text = await waitFor('a hover on 接通率', async () => {
            const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, position);
            const shown = hovers.flatMap(h => h.contents.map(c => (typeof c === 'string' ? c : c.value))).join('\n');
            return shown.trim() ? shown : undefined;
        }, { timeoutMs: 30_000 });
        assert.match(text, /95\s*%/, `hover:\n${text}`);
    });

    test('Format Document lines up again the 指标 table its author padded, around a longer cell', async () => {
        const document = (await open('assessment.kpi')).document;
        const edits = await waitFor('the formatter\'s edits', async () => {
            const result = await vscode.commands.executeCommand<vscode.TextEdit[]>('vscode.executeFormatDocumentProvider', document.uri, { tabSize: 4, insertSpaces: true });
            return result && result.length > 0 ? result : undefined;
        }, { timeoutMs: 30_000 });
        let text = document.getText();
        for (const edit of [...edits].sort((a, b) => document.offsetAt(b.range.start) - document.offsetAt(a.range.start))) {
            text = text.slice(0, document.offsetAt(edit.range.start)) + edit.newText + text.slice(document.offsetAt(edit.range.end));
        }
        // As typed, the 单位成本 row ran past the others; formatted, each field is in one column.
        assert.deepEqual(text.split('\n').filter(line => line.startsWith('    指标 ')), [
            '    指标 接通率     实际 89.19%      分值 30 得分 30',
            '    指标 及时转办率 实际 96.5%       分值 10 得分 10',
            '    指标 单位成本   实际 12.52 元/通 分值 10 得分 10',
            '    指标 即接即办率 实际 72%         分值 30 得分 30',
            '    指标 受理满意度 实际 95.6%       分值 10 得分 10',
        ]);
        assert.equal(text.replace(/\s+/g, ''), document.getText().replace(/\s+/g, ''), 'only whitespace changes');
    });

    test('completion offers block keywords and snippets in the file\'s language, and clause references without snippets', async () => {
        const editor = await open('targets.kpi');
        const items = async (position: vscode.Position): Promise<vscode.CompletionItem[]> =>
            (await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, position)).items;
        const labelOf = (i: vscode.CompletionItem): string => (typeof i.label === 'string' ? i.label : i.label.label);
        const labels = async (position: vscode.Position): Promise<string[]> => (await items(position)).map(labelOf);
        // Every provider VS Code asks, its own snippet provider included.
        const snippets = async (position: vscode.Position): Promise<string[]> =>
            (await items(position)).filter(i => i.kind === vscode.CompletionItemKind.Snippet).map(labelOf);
        const end = new vscode.Position(editor.document.lineCount - 1, 0);
        assert.equal(editor.document.lineAt(end.line).text, '', 'targets.kpi ends with an empty line');
        const atTop = await labels(end);
        assert.ok(atTop.includes('合同') && atTop.includes('自评'), `top-level completion: ${atTop.join(', ')}`);
        assert.ok((await snippets(end)).includes('合同'), 'the 合同 snippet at the top level');

        const line = lineOf(folder(), 'targets.kpi', ANSWER_RATE);
        const reference = editor.document.lineAt(line).text.indexOf('热线服务合同');
        const afterPer = await labels(new vscode.Position(line, reference));
        assert.ok(afterPer.some(l => l.includes('热线服务合同')), `completion after 依据: ${afterPer.join(', ')}`);
        assert.deepEqual(await snippets(new vscode.Position(line, reference)), [], 'no snippet after 依据');
        assert.deepEqual(await snippets(new vscode.Position(line, reference + 1)), [], 'no snippet after 依据 热');
    });

    test('the quick fix raises a target to the contract value, and the error goes', async () => {
        const editor = await open('targets.kpi');
        const uri = editor.document.uri;
        const line = lineOf(folder(), 'targets.kpi', ANSWER_RATE);
        const diagnostic = await waitFor('target/below-contract', () => findDiagnostic('targets.kpi', 'target/below-contract'));
        // The fix a user picks from the light bulb: the one that names the contract. (The API
        // command drops the actions' `diagnostics`, so they are told apart by title.)
        let offered: string[] = [];
        const fix = await waitFor('a quick fix naming 热线服务合同', async () => {
            const actions = await vscode.commands.executeCommand<Array<vscode.CodeAction | vscode.Command>>(
                'vscode.executeCodeActionProvider', uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
            offered = actions.map(a => a.title);
            return actions.find((a): a is vscode.CodeAction & { edit: vscode.WorkspaceEdit } =>
                a.title.includes('热线服务合同') && 'edit' in a && a.edit !== undefined);
        }, { timeoutMs: 30_000, describe: () => `actions offered: ${offered.join(' | ') || 'none'}` });
        try {
            assert.ok(await vscode.workspace.applyEdit(fix.edit), `applying «${fix.title}»`);
            const fixed = editor.document.lineAt(line).text;
            assert.match(fixed, /(>=|≥)\s*95\s*%/, `line after «${fix.title}»: ${fixed}`);
            assert.doesNotMatch(fixed, /80\s*%/, `line after «${fix.title}»: ${fixed}`);
            await waitFor('target/below-contract to disappear after the fix', () =>
                findDiagnostic('targets.kpi', 'target/below-contract') ? undefined : true, { timeoutMs: 30_000 });
        } finally {
            await vscode.window.showTextDocument(editor.document);
            await vscode.commands.executeCommand('workbench.action.files.revert');
        }
        await waitFor('target/below-contract to return after reverting', () => findDiagnostic('targets.kpi', 'target/below-contract'), { timeoutMs: 30_000 });
    });

    test('kpispec.json is checked against its schema as it is edited', async () => {
        const uri = fileUri('kpispec.json');
        await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode('{ "rules": { "target/below-contract": "loud" } }\n'));
        try {
            const document = await vscode.workspace.openTextDocument(uri);
            await vscode.window.showTextDocument(document);
            // VS Code's JSON support (not the KPI Spec server, whose source is `kpispec`), given
            // the schema the extension contributes, lists the severities the file may use.
            const problem = await waitFor('a schema problem on the unknown severity', () =>
                vscode.languages.getDiagnostics(uri).find(d => d.source !== 'kpispec' && d.message.includes('"off"')), { timeoutMs: 60_000 });
            assert.equal(document.getText(problem.range), '"loud"', `diagnostic: ${problem.message}`);
        } finally {
            await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
            await vscode.workspace.fs.delete(uri);
        }
    });

    test('a kpispec.json written outside the editor re-checks files that are not open', async () => {
        const uri = fileUri('kpispec.json');
        await waitFor('target/below-contract before', () => findDiagnostic('targets.kpi', 'target/below-contract'));
        await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode('{ "rules": { "target/below-contract": "off" } }\n'));
        try {
            await waitFor('target/below-contract to be turned off', () =>
                findDiagnostic('targets.kpi', 'target/below-contract') ? undefined : true, { timeoutMs: 60_000 });
            assert.ok(findDiagnostic('targets.kpi', 'target/below-standard'), 'other rules still report');
        } finally {
            await vscode.workspace.fs.delete(uri);
        }
        await waitFor('target/below-contract back once kpispec.json is deleted', () =>
            findDiagnostic('targets.kpi', 'target/below-contract'), { timeoutMs: 60_000 });
    });

    test('a .kpi file created outside the editor is checked, with the files it affects', async () => {
        const uri = fileUri('duplicate.kpi');
        // A second contract named 热线服务合同: both it and contract.kpi (not open) report the clash.
        await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode('合同 热线服务合同 "重复的合同" 对象 热线二期 {\n}\n'));
        try {
            await waitFor('name/duplicate in the new file and in contract.kpi', () =>
                findDiagnostic('duplicate.kpi', 'name/duplicate') && findDiagnostic('contract.kpi', 'name/duplicate') ? true : undefined, { timeoutMs: 60_000 });
        } finally {
            await vscode.workspace.fs.delete(uri);
        }
        await waitFor('name/duplicate to leave contract.kpi once the file is deleted', () =>
            findDiagnostic('contract.kpi', 'name/duplicate') ? undefined : true, { timeoutMs: 60_000 });
    });
});
