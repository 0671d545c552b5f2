import { cpSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatStylish } from '../../packages/cli/src/formatters/stylish.js';
import type { FileResult } from '../../packages/cli/src/results.js';
import { REPO, runCli, tempDir } from './run-cli.js';

/**
 * The places a finding names elsewhere (`related`: the contract clause a target is below, the
 * milestone's plan…) in the text formats, on a copy of the hotline reference case: a dim line
 * under the finding in stylish, lines of the message in GitHub annotations and the job summary.
 */
const parent = tempDir();
const CASE = join(parent, 'hotline-12345');

beforeAll(() => {
    cpSync(join(REPO, 'test', 'fixtures', 'reference', 'hotline-12345'), CASE, { recursive: true });
});

/** The line after the one that matches `finding` (which must be there once). */
function lineAfter(lines: readonly string[], finding: RegExp): string | undefined {
    const at = lines.flatMap((l, i) => (finding.test(l) ? [i] : []));
    expect(at, String(finding)).toHaveLength(1);
    return lines[at[0]! + 1];
}

describe('stylish: a line per related place under its finding', () => {
    it('in Chinese, the path relative to the working folder as the file headers are', async () => {
        const run = await runCli(['lint', CASE, '-f', 'stylish'], { cwd: parent });
        expect(run.code).toBe(1);
        const lines = run.stdout.split('\n');
        expect(lines).toContain('hotline-12345/targets.kpi');
        expect(lineAfter(lines, /^ {2}20:31 +错误 +目标值 ≥80% 弱于合同「热线服务合同」条款「接通率」约定的 ≥95% +target\/below-contract$/))
            .toBe('    → hotline-12345/contract.kpi:9:8  合同「热线服务合同」条款「接通率」');
        expect(lineAfter(lines, /^ {2}20:31 +错误 +.* +target\/below-standard$/))
            .toBe('    → hotline-12345/standards.kpi:3:8  标准「广东两建办」要求「即时接通率」');
        expect(lineAfter(lines, /^ {2}16:5 +错误 +.* +milestone\/overdue$/))
            .toBe('    → hotline-12345/targets.kpi:44:9  里程碑「统一接听服务」计划 2018-04-30');
        // A place in the finding's own file is named with its path too.
        expect(lineAfter(lines, /^ {2}7:35 +警告 +.* +score\/ignores-problem$/))
            .toBe('    → hotline-12345/assessment.kpi:13:5  问题「热线服务质量有待提升」');
        // A finding that names nothing elsewhere is followed by the next finding.
        expect(lineAfter(lines, /^ {2}5:21 +警告 +实际未统计，结论「未达标」没有数据支撑 +compliance\/no-data$/)).toMatch(/^ {2}5:28 +警告 /);
        expect(lineAfter(lines, /^ {2}18:9 +错误 +.* +target\/missing-quantity$/)).toMatch(/^ {2}20:31 +错误 /);
        expect(lines.filter(l => l.startsWith('    → '))).toHaveLength(25);
        expect(run.stdout).toContain('✖ 29 个问题（错误 6 个，警告 23 个，提示 0 个）');
    });

    it('in English with --locale en: the related message in English, no other words', async () => {
        const run = await runCli(['lint', CASE, '-f', 'stylish', '--locale', 'en'], { cwd: CASE });
        const lines = run.stdout.split('\n');
        expect(lineAfter(lines, /^ {2}20:31 +error +Target ≥80% .* +target\/below-contract$/))
            .toBe("    → contract.kpi:9:8  clause '接通率' of contract '热线服务合同'");
        expect(lineAfter(lines, /^ {2}16:5 +error +.* +milestone\/overdue$/))
            .toBe("    → targets.kpi:44:9  milestone '统一接听服务' planned 2018-04-30");
        expect(lineAfter(lines, /^ {2}5:21 +warning +.* +compliance\/no-data$/)).toMatch(/^ {2}5:28 +warning /);
        // Every finding's places, in order, right under it: the arrow, the place and its message, no word added.
        const json = JSON.parse((await runCli(['lint', CASE, '-f', 'json', '--locale', 'en'], { cwd: CASE })).stdout) as FileResult[];
        const expected = json.flatMap(r => r.messages.flatMap(m => ['(finding)', ...(m.related ?? []).map(x => `    → ${relative(CASE, x.filePath)}:${x.line}:${x.column}  ${x.message}`)]));
        expect(lines.filter(l => /^ {2}\d/.test(l) || l.startsWith('    → ')).map(l => (l.startsWith('    → ') ? l : '(finding)'))).toEqual(expected);
    });

    it('adds only those lines: the finding rows and their alignment are as without related places', async () => {
        const run = await runCli(['lint', CASE, '-f', 'stylish'], { cwd: parent });
        const json = JSON.parse((await runCli(['lint', CASE, '-f', 'json'], { cwd: parent })).stdout) as FileResult[];
        const bare = json.map(r => ({ ...r, messages: r.messages.map(({ related: _, ...m }) => m) }));
        const context = { cwd: parent, root: parent, docsBaseUrl: '', locale: 'zh-CN' as const, color: false, sources: new Map<string, string>(), env: {} };
        expect(json.some(r => r.messages.some(m => m.related))).toBe(true);
        expect(run.stdout.split('\n').filter(l => !l.startsWith('    → ')).join('\n')).toBe(formatStylish(bare, context));
    });

    it('dim, as the rule ids, when colours are on', async () => {
        const run = await runCli(['lint', CASE, '-f', 'stylish'], { cwd: CASE, env: { FORCE_COLOR: '1' } });
        expect(run.stdout).toContain('\u001b[2mtarget/below-contract\u001b[0m\n\u001b[2m    → contract.kpi:9:8  合同「热线服务合同」条款「接通率」\u001b[0m\n');
    });
});

describe('github: related places on lines of the message', () => {
    it('annotations append them after %0A, paths relative to the workspace, line only', async () => {
        const summary = join(parent, 'summary.md');
        const run = await runCli(['lint', CASE, '-f', 'github'], { cwd: CASE, env: { GITHUB_WORKSPACE: parent, GITHUB_STEP_SUMMARY: summary } });
        expect(run.code).toBe(1);
        const lines = run.stdout.trimEnd().split('\n');
        expect(lines).toHaveLength(29);
        expect(lines).toContain('::error file=hotline-12345/targets.kpi,line=20,col=31,endLine=20,endColumn=37,title=target/below-contract::'
            + '目标值 ≥80%25 弱于合同「热线服务合同」条款「接通率」约定的 ≥95%25%0A→ hotline-12345/contract.kpi:9 合同「热线服务合同」条款「接通率」');
        expect(lines).toContain('::error file=hotline-12345/assessment.kpi,line=16,col=5,endLine=16,endColumn=19,title=milestone/overdue::'
            + '计划 2018-04-30 完成，截至评价日 2021-03-31 仍未完成，逾期 1066 天（约35个月）%0A→ hotline-12345/targets.kpi:44 里程碑「统一接听服务」计划 2018-04-30');
        // Unchanged without related places.
        expect(lines).toContain('::warning file=hotline-12345/compliance.kpi,line=5,col=21,endLine=5,endColumn=24,title=compliance/no-data::实际未统计，结论「未达标」没有数据支撑');
        expect(lines.filter(l => l.includes('%0A→ '))).toHaveLength(25);

        // The job summary: the places are lines (`<br>`) of the Message cell; the table stays one row per problem.
        const table = readFileSync(summary, 'utf8');
        expect(table).toContain('| hotline-12345/targets.kpi | 20 | 错误 | [target/below-contract](https://github.com/kpispec/kpispec/blob/main/docs/rules/target/below-contract.md) | '
            + '目标值 ≥80% 弱于合同「热线服务合同」条款「接通率」约定的 ≥95%<br>→ hotline-12345/contract.kpi\\:9 合同「热线服务合同」条款「接通率」 |');
        expect(table).toContain('| hotline-12345/compliance.kpi | 5 | 警告 | [compliance/no-data](https://github.com/kpispec/kpispec/blob/main/docs/rules/compliance/no-data.md) | 实际未统计，结论「未达标」没有数据支撑 |');
        const rows = table.split('\n').filter(l => l.startsWith('|'));
        expect(rows).toHaveLength(2 + 29);
        for (const row of rows) expect(row.replace(/\\\|/g, '').split('|')).toHaveLength(7);
    });

    it('in English with --locale en', async () => {
        const summary = join(parent, 'summary-en.md');
        const run = await runCli(['lint', CASE, '-f', 'github', '--locale', 'en'], { cwd: CASE, env: { GITHUB_STEP_SUMMARY: summary } });
        const lines = run.stdout.trimEnd().split('\n');
        const line = lines.find(l => l.includes('title=target/below-contract::'))!;
        expect(line).toMatch(/^::error file=targets\.kpi,line=20,col=31,.*::Target ≥80%25 [^%]*%25[^%]*%0A→ contract\.kpi:9 clause '接通率' of contract '热线服务合同'$/);
        expect(lines.find(l => l.includes('title=compliance/no-data::'))).toBe('::warning file=compliance.kpi,line=5,col=21,endLine=5,endColumn=24,title=compliance/no-data::The actual was not measured: the verdict \'unmet\' has no data behind it');
        expect(readFileSync(summary, 'utf8')).toContain("<br>→ contract.kpi\\:9 clause '接通率' of contract '热线服务合同' |");
    });
});
