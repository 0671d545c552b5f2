import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatJson } from '../../packages/cli/src/formatters/json.js';
import type { FileResult, LintMessage } from '../../packages/cli/src/results.js';
import { buildWorkspace, messageOf, readFolder, uriOf } from '../support/workspace.js';
import { lintAtOnce } from './lint-at-once.js';
import { REPO, runBuiltCli, runCli, tempDir } from './run-cli.js';

/*
 * reference/unresolved in `kpispec lint`: each name its message offers has a related place,
 * where that name is defined. A unit sees only its files; the closest names of the whole
 * workspace are chosen after every unit ran, and their places found then: the output must be
 * what one validation of the whole workspace gives, and what the language server gives.
 */

const ENV = { LANG: 'en_US.UTF-8' };

const parent = tempDir();
const CASE = join(parent, 'hotline-12345');

beforeAll(() => {
    cpSync(join(REPO, 'examples', 'hotline-12345'), CASE, { recursive: true });
    const targets = join(CASE, 'targets.kpi');
    writeFileSync(targets, readFileSync(targets, 'utf8').replace('依据 热线服务合同.接通率', '依据 热线服务合约.接通率'));
    const compliance = join(CASE, 'compliance.kpi');
    writeFileSync(compliance, readFileSync(compliance, 'utf8').replace('条款 质检率', '条款 质检律'));
});

async function lint(folder: string, ...flags: string[]): Promise<string> {
    const run = await runCli(['lint', folder, '-f', 'json', '--concurrency', '1', ...flags], { env: ENV });
    expect(run.stderr).toBe('');
    expect([0, 1]).toContain(run.code);
    return run.stdout;
}

const unresolvedIn = (json: string, file: string): LintMessage[] =>
    (JSON.parse(json) as FileResult[]).find(r => r.filePath.endsWith(file))!.messages.filter(m => m.ruleId === 'reference/unresolved');

describe('kpispec lint -f json: reference/unresolved', () => {
    it('has a related place for each name offered, where it is defined', async () => {
        const [link] = unresolvedIn(await lint(CASE), 'targets.kpi');
        expect(link!.message).toMatch(/^找不到「热线服务合约\.接通率」；可用的有：热线服务合同\.接通率、热线服务合同\.质检率、/);
        expect(link!.related).toHaveLength(5);
        expect(link!.related![0]).toEqual({
            filePath: join(CASE, 'contract.kpi'), line: 9, column: 8, endLine: 9, endColumn: 11, message: '合同「热线服务合同」条款「接通率」',
        });
        expect(link!.related![1]).toMatchObject({ filePath: join(CASE, 'contract.kpi'), line: 13, column: 8, message: '合同「热线服务合同」条款「质检率」' });
        // A clause of the reviewed contract, in English with --locale en.
        const [clause] = unresolvedIn(await lint(CASE, '--locale', 'en'), 'compliance.kpi');
        expect(clause!.message).toBe("Cannot resolve '质检律'; in scope: 质检率, 接通率, 平均等待时长");
        expect(clause!.related![0]).toEqual({
            filePath: join(CASE, 'contract.kpi'), line: 13, column: 8, endLine: 13, endColumn: 11, message: "clause '质检率' of contract '热线服务合同'",
        });
    });

    it('places names of other units as one validation of the whole workspace does, from the cache and in shards too', async () => {
        const folder = join(REPO, 'test', 'fixtures', 'units');
        const atOnce = await lintAtOnce(folder, ENV);
        const units = await lint(folder);
        expect(units).toBe(atOnce);
        // The orphan file is in no project's unit: every name offered lies in another unit's file.
        const [project] = unresolvedIn(units, join('orphan', 'orphan.kpi'));
        expect(project!.message).toBe('找不到「甲项木」；可用的有：甲项目、甲合同、乙 项目、粘贴');
        expect(project!.related!.map(r => `${relative(folder, r.filePath)} ${r.line}:${r.column} ${r.message}`)).toEqual([
            'a/targets.kpi 1:4 项目「甲项目」', 'b/duplicate.kpi 2:4 项目「甲合同」', 'b/both.kpi 2:4 项目「乙 项目」', 'pasted/links.kpi 3:4 项目「粘贴」',
        ]);
        const cache = ['--cache', '--cache-location', join(parent, 'units-cache')];
        expect(await lint(folder, ...cache)).toBe(atOnce);
        expect(await lint(folder, ...cache)).toBe(atOnce);
        const shards = await Promise.all([1, 2, 3].map(async i => JSON.parse(await lint(folder, '--shard', `${i}/3`)) as FileResult[]));
        expect(formatJson(shards.flat().sort((a, b) => (a.filePath < b.filePath ? -1 : 1)))).toBe(atOnce);
    });

    it('places them as the language server does', async () => {
        for (const folder of [CASE, join(REPO, 'test', 'fixtures', 'units')]) {
            const cli = (JSON.parse(await lint(folder)) as FileResult[]).flatMap(r => r.messages.filter(m => m.ruleId === 'reference/unresolved').map(m => ({
                file: relative(folder, r.filePath), line: m.line, message: m.message,
                related: (m.related ?? []).map(p => `${relative(folder, p.filePath)} ${p.line}:${p.column}-${p.endLine}:${p.endColumn} ${p.message}`),
            })));
            const files = readFolder(folder);
            const ws = await buildWorkspace(files);
            const server = Object.keys(files).sort().flatMap(file => ws.diagnostics(file).filter(d => d.code === 'reference/unresolved').map(d => ({
                file, line: d.range.start.line + 1, message: messageOf(d),
                related: (d.relatedInformation ?? []).map(p => {
                    const { start, end } = p.location.range;
                    return `${p.location.uri.slice(uriOf('').toString().length)} ${start.line + 1}:${start.character + 1}-${end.line + 1}:${end.character + 1} ${p.message}`;
                }),
            })));
            expect(cli.length).toBeGreaterThan(0);
            expect(cli.some(c => c.related.length > 0)).toBe(true);
            expect(server).toEqual(cli);
        }
    });

    it('offers equally close names in the same order whatever the machine\'s language', async () => {
        // 甲合同, 乙合同 and 孤立合同 are as close to the misspelt 甲项木 links: collation by LANG put them in other orders.
        const folder = join(REPO, 'test', 'fixtures', 'units');
        const messagesUnder = async (LANG: string) => {
            const run = await runBuiltCli(['lint', folder, '-f', 'json', '--locale', 'zh-CN'], { env: { LANG } });
            return (JSON.parse(run.stdout) as FileResult[]).flatMap(r => r.messages.filter(m => m.ruleId === 'reference/unresolved').map(m => m.message));
        };
        const [chinese, english] = await Promise.all([messagesUnder('zh_CN.UTF-8'), messagesUnder('en_US.UTF-8')]);
        expect(chinese.some(m => m.includes('孤立合同') && m.includes('甲合同'))).toBe(true);
        expect(english).toEqual(chinese);
    });
});
