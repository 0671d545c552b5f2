import { cpSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { describe, expect, it } from 'vitest';
import { createKpiServices } from '../../packages/language/src/index.js';
import { FIXTURES, runCli, tempDir } from './run-cli.js';

/**
 * test/fixtures/cli/config: kpispec.json extends shared/base.json (which turns
 * contract/no-penalty and target/no-source off and sets English) and turns no-penalty back to
 * error; nested/kpispec.json, nearer to its file, makes it info; drafts/ is ignored.
 */
const CONFIG = join(FIXTURES, 'config');

interface Result { filePath: string; messages: Array<{ ruleId: string; severity: number; message: string }> }

async function lintJson(args: string[], env: Record<string, string> = {}): Promise<Map<string, Result['messages']>> {
    const run = await runCli(['lint', ...args, '-f', 'json'], { cwd: CONFIG, env });
    expect(run.stderr).toBe('');
    return new Map((JSON.parse(run.stdout) as Result[]).map(r => [r.filePath.slice(CONFIG.length + 1), r.messages]));
}

const severities = (messages: Result['messages'] | undefined, rule: string) => (messages ?? []).filter(m => m.ruleId === rule).map(m => m.severity);

describe('configuration discovery', () => {
    it('the nearest kpispec.json applies; extends merges a shared file under it; ignore skips drafts', async () => {
        const results = await lintJson(['.']);
        expect([...results.keys()]).toEqual(['a/contract.kpi', 'nested/contract.kpi']);
        expect(severities(results.get('a/contract.kpi'), 'contract/no-penalty')).toEqual([2]);
        expect(severities(results.get('nested/contract.kpi'), 'contract/no-penalty')).toEqual([0]);
    });

    it('the configuration\'s locale is used when no --locale is given, and the flag wins', async () => {
        const english = await lintJson(['a'], { LANG: 'zh_CN.UTF-8' });
        // Names stay Chinese; the Chinese messages quote them in 「」.
        expect(english.get('a/contract.kpi')![0]!.message).not.toMatch(/[「」]/);
        const chinese = await lintJson(['a', '--locale', 'zh-CN']);
        expect(chinese.get('a/contract.kpi')![0]!.message).toMatch(/「根目录合同」/);
    });

    it('--config replaces discovery for every file', async () => {
        const results = await lintJson(['.', '--config', 'shared/base.json']);
        expect(severities(results.get('a/contract.kpi'), 'contract/no-penalty')).toEqual([]);
        expect(severities(results.get('nested/contract.kpi'), 'contract/no-penalty')).toEqual([]);
        // The base file ignores nothing, so the draft is read and its syntax error reported.
        expect(severities(results.get('drafts/draft.kpi'), 'syntax/parsing').length).toBeGreaterThan(0);
    });

    it('a glob matches paths relative to the current folder, and ignore still applies', async () => {
        const results = await lintJson(['**/*.kpi']);
        expect([...results.keys()]).toEqual(['a/contract.kpi', 'nested/contract.kpi']);
        expect([...(await lintJson(['nested/*.kpi'])).keys()]).toEqual(['nested/contract.kpi']);
    });

    it('a kpispec.json that is a link to a shared file applies, and a folder without one takes its parent\'s', async () => {
        // Discovery spares the stat of folders whose listing has no kpispec.json; a link is listed as a link, not a file.
        const dir = tempDir();
        cpSync(CONFIG, dir, { recursive: true });
        writeFileSync(join(dir, 'shared', 'strict.json'), JSON.stringify({ rules: { 'contract/no-penalty': 'warn' }, ignore: ['draft.kpi'] }));
        mkdirSync(join(dir, 'linked', 'deeper'), { recursive: true });
        symlinkSync(join(dir, 'shared', 'strict.json'), join(dir, 'linked', 'kpispec.json'));
        cpSync(join(dir, 'a', 'contract.kpi'), join(dir, 'linked', 'deeper', 'contract.kpi'));
        cpSync(join(dir, 'drafts', 'draft.kpi'), join(dir, 'linked', 'deeper', 'draft.kpi'));
        const run = await runCli(['lint', 'linked', '-f', 'json'], { cwd: dir });
        const results = JSON.parse(run.stdout) as Result[];
        // The linked file's ignore left the draft out; its rules apply to the contract.
        expect(results.map(r => r.filePath)).toEqual([join(dir, 'linked', 'deeper', 'contract.kpi')]);
        expect(severities(results[0]!.messages, 'contract/no-penalty')).toEqual([1]);
    });

    it('a file named explicitly is linted even when ignore matches it', async () => {
        const results = await lintJson(['drafts/draft.kpi']);
        expect([...results.keys()]).toEqual(['drafts/draft.kpi']);
    });

    it('a file named explicitly is linted as KPI Spec whatever its extension', async () => {
        const dir = tempDir();
        writeFileSync(join(dir, 'notes.txt'), '合同 C "c" {\n    条款 A "a" >= 95%\n}\n');
        const run = await runCli(['lint', 'notes.txt', '-f', 'json'], { cwd: dir });
        expect(run.stderr).toBe('');
        const results = JSON.parse(run.stdout) as Result[];
        expect(results.map(r => r.filePath)).toEqual([join(dir, 'notes.txt')]);
        expect(results[0]!.messages.map(m => m.ruleId)).toEqual(['contract/no-penalty']);
    });
});

describe('suppressions from the command line', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.kpi'), '合同 C "c" {\n    // kpispec-disable-next-line contract/no-penalty\n    条款 A "a" >= 95%\n}\n');

    it('--no-inline-config and "noInlineConfig" ignore suppressions; "requireSuppressionReason" asks for reasons', async () => {
        const rules = async (args: string[]) => {
            const run = await runCli(['lint', '.', '-f', 'json', ...args], { cwd: dir });
            return (JSON.parse(run.stdout) as Result[])[0]!.messages.map(m => `${m.ruleId}`);
        };
        expect(await rules([])).toEqual([]);
        expect(await rules(['--no-inline-config'])).toEqual(['suppression/unused', 'contract/no-penalty']);
        writeFileSync(join(dir, 'kpispec.json'), '{ "noInlineConfig": true }');
        expect(await rules([])).toEqual(['suppression/unused', 'contract/no-penalty']);
        writeFileSync(join(dir, 'kpispec.json'), '{ "requireSuppressionReason": true }');
        expect(await rules([])).toEqual(['suppression/no-reason']);
    });
});

describe('KpiConfiguration (the service the editor shares)', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'sub'), { recursive: true });
    const config = (text: string) => writeFileSync(join(dir, 'kpispec.json'), text);

    it('loads per folder, answers synchronously, reports problems instead of throwing, and reloads after invalidate', async () => {
        const { shared, kpi } = createKpiServices(NodeFileSystem);
        const configuration = kpi.kpi.Configuration;
        const file = URI.file(join(dir, 'sub', 'a.kpi'));
        config('{ "rules": { "target/vague": "off" }, "profile": "hubei-2020" }');
        expect(configuration.get(file).rules).toEqual({});
        await configuration.loadFor(file, shared.workspace.FileSystemProvider);
        expect(configuration.get(file)).toMatchObject({ rules: { 'target/vague': 'off' }, profile: 'hubei-2020' });
        expect(configuration.fileFor(file)?.fsPath).toBe(join(dir, 'kpispec.json'));
        expect(configuration.problems()).toEqual([]);

        config('{ "rules": { "target/vague": "of" } }');
        await configuration.loadFor(file, shared.workspace.FileSystemProvider);
        expect(configuration.get(file).rules).toEqual({ 'target/vague': 'off' });

        configuration.invalidate();
        await configuration.loadFor(file, shared.workspace.FileSystemProvider);
        expect(configuration.get(file)).toMatchObject({ rules: {}, profile: 'national-2020' });
        expect(configuration.problems()).toEqual([expect.objectContaining({ line: 1, column: 30, message: expect.stringContaining('rules["target/vague"] must be one of') })]);

        configuration.overrides = { noInlineConfig: true };
        expect(configuration.get(file).noInlineConfig).toBe(true);
    });

    it('applies a configuration file\'s severities to what the language server validates', async () => {
        config('{ "rules": { "contract/no-penalty": "error" } }');
        writeFileSync(join(dir, 'sub', 'a.kpi'), '合同 C "c" {\n    条款 A "a" >= 95%\n}\n');
        const { shared } = createKpiServices(NodeFileSystem);
        const document = await shared.workspace.LangiumDocuments.getOrCreateDocument(URI.file(join(dir, 'sub', 'a.kpi')));
        await shared.workspace.DocumentBuilder.build([document], { validation: true });
        expect(document.diagnostics?.filter(d => d.code === 'contract/no-penalty').map(d => d.severity)).toEqual([1]);
    });
});

describe('scheme', () => {
    const dir = tempDir();
    const project = `项目 甲 "甲" {
    绩效指标 {
        产出指标 {
            数量指标 { 接听量 "接听量" >= 100 万通 来源 "系统" }
            成本指标 { 单位成本 "单位成本" <= 12 元/通 来源 "结算" }
        }
        效益指标 { 社会效益 { 办结率 "办结率" >= 90% 来源 "系统" } }
        满意度指标 { 服务对象满意度 { 满意度 "满意度" >= 90% 来源 "回访" } }
    }
}
`;
    const mixed = async (scheme?: number) => {
        const folder = join(dir, `scheme-${scheme ?? 'none'}`);
        mkdirSync(folder, { recursive: true });
        writeFileSync(join(folder, 'a.kpi'), project);
        if (scheme) writeFileSync(join(folder, 'kpispec.json'), JSON.stringify({ scheme }));
        const run = await runCli(['lint', folder, '-f', 'json']);
        return (JSON.parse(run.stdout) as Result[])[0]!.messages.filter(m => m.ruleId === 'target/mixed-scheme');
    };

    it('a project consistently in the 2020 scheme passes unless the configuration asks for 2021', async () => {
        expect(await mixed()).toEqual([]);
        expect(await mixed(2020)).toEqual([]);
        const findings = await mixed(2021);
        expect(findings).toHaveLength(1);
        expect(findings[0]!.message).toContain('2021');
    });
});
