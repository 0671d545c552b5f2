import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { displayWidth } from '../../packages/language/src/i18n/display-width.js';
import { REPO, runCli, tempDir } from './run-cli.js';

const dir = tempDir();

describe('kpispec init', () => {
    it.each([['zh', 'zh'], ['en', 'en']])('writes a %s starter that lints clean, is formatted and scores', async (lang, folder) => {
        const init = await runCli(['init', '--lang', lang, folder], { cwd: dir });
        expect(init.code).toBe(0);
        expect(init.stdout).toContain(`created ${folder}/targets.kpi`);
        for (const file of ['targets.kpi', 'contract.kpi', 'assessment.kpi', 'kpispec.json']) {
            expect(readFileSync(join(dir, folder, file), 'utf8').length).toBeGreaterThan(50);
        }
        expect(readFileSync(join(dir, folder, 'targets.kpi'), 'utf8')).toMatch(lang === 'en' ? /^project Hotline /m : /^项目 示例项目 /m);

        const lint = await runCli(['lint', folder, '-f', 'json'], { cwd: dir });
        expect(lint.code).toBe(0);
        const messages = (JSON.parse(lint.stdout) as Array<{ messages: Array<{ severity: number }> }>).flatMap(r => r.messages);
        expect(messages.filter(m => m.severity > 0)).toEqual([]);
        expect(await runCli(['format', '--check', folder], { cwd: dir })).toMatchObject({ code: 0, stdout: '' });
        const score = await runCli(['score', folder, '-f', 'json'], { cwd: dir });
        expect(JSON.parse(score.stdout)[0].total).toMatchObject({ ruleScore: 99.7, difference: 0 });
    });

    it('refuses to overwrite, naming the file, and writes nothing', async () => {
        mkdirSync(join(dir, 'partial'));
        writeFileSync(join(dir, 'partial', 'contract.kpi'), '// mine\n');
        const run = await runCli(['init', 'partial'], { cwd: dir });
        expect(run).toMatchObject({ code: 2, stderr: 'kpispec: partial/contract.kpi already exists; nothing was written\n' });
        expect(readFileSync(join(dir, 'partial', 'contract.kpi'), 'utf8')).toBe('// mine\n');
        expect((await runCli(['init', '--lang', 'fr'], { cwd: dir })).stderr).toBe("kpispec: unknown language 'fr' (use zh or en)\n");
    });
});

describe('kpispec format', () => {
    const MESSY = '标准 S "s" {\n要求 R "r"   >= 90% 必设\n}\n';
    const TIDY = '标准 S "s" {\n    要求 R "r" >= 90% 必设\n}\n';

    it('--check lists unformatted files and exits 1 without changing them; without it, rewrites them', async () => {
        mkdirSync(join(dir, 'fmt'));
        writeFileSync(join(dir, 'fmt', 'messy.kpi'), MESSY);
        writeFileSync(join(dir, 'fmt', 'tidy.kpi'), TIDY);
        const check = await runCli(['format', '--check', 'fmt'], { cwd: dir });
        expect(check).toMatchObject({ code: 1, stdout: 'fmt/messy.kpi\n' });
        // In the files' language, as lint's words.
        expect(check.stderr).toBe('kpispec: 1 个文件未格式化；运行 kpispec format 即可修正\n');
        expect((await runCli(['format', '--check', 'fmt', '--locale', 'en'], { cwd: dir })).stderr).toBe("kpispec: 1 file not formatted; run 'kpispec format' to fix\n");
        expect(readFileSync(join(dir, 'fmt', 'messy.kpi'), 'utf8')).toBe(MESSY);

        expect(await runCli(['format', 'fmt'], { cwd: dir })).toMatchObject({ code: 0, stdout: 'fmt/messy.kpi\n' });
        expect(readFileSync(join(dir, 'fmt', 'messy.kpi'), 'utf8')).toBe(TIDY);
        expect(await runCli(['format', '--check', 'fmt'], { cwd: dir })).toMatchObject({ code: 0, stdout: '' });
    });

    it('keeps the byte order mark of a file it rewrites', async () => {
        mkdirSync(join(dir, 'fmt-bom'));
        writeFileSync(join(dir, 'fmt-bom', 'a.kpi'), '\uFEFF' + MESSY);
        expect((await runCli(['format', 'fmt-bom'], { cwd: dir })).code).toBe(0);
        expect(readFileSync(join(dir, 'fmt-bom', 'a.kpi'), 'utf8')).toBe('\uFEFF' + TIDY);
    });

    it('--check on the examples lists none but the specification\'s cases, kept as their authors lined them up', async () => {
        // examples/forms, framework and hotline-12345 are unchanged copies of the reference cases
        // (reference-cases.test.ts); every example the project wrote is formatted.
        const run = await runCli(['format', '--check', 'examples'], { cwd: REPO });
        const listed = run.stdout.split('\n').filter(Boolean);
        for (const file of listed) {
            const reference = join(REPO, 'test', 'fixtures', 'reference', relative('examples', file));
            expect(existsSync(reference) && readFileSync(join(REPO, file), 'utf8') === readFileSync(reference, 'utf8'), file).toBe(true);
        }
        expect(run.code).toBe(listed.length > 0 ? 1 : 0);
    });

    it('leaves a file with syntax errors alone and exits 2, naming where', async () => {
        mkdirSync(join(dir, 'fmt-broken'));
        writeFileSync(join(dir, 'fmt-broken', 'a.kpi'), '合同 C "c" {\n  条款 A "a" }\n');
        const run = await runCli(['format', 'fmt-broken'], { cwd: dir });
        expect(run).toMatchObject({ code: 2, stderr: 'kpispec: 未格式化：fmt-broken/a.kpi:2:12 有语法错误\n' });
        expect((await runCli(['format', 'fmt-broken', '--locale', 'en'], { cwd: dir })).stderr).toBe('kpispec: not formatted, syntax error at fmt-broken/a.kpi:2:12\n');
        expect(readFileSync(join(dir, 'fmt-broken', 'a.kpi'), 'utf8')).toBe('合同 C "c" {\n  条款 A "a" }\n');
    });
});

describe('kpispec score', () => {
    const HOTLINE = join(REPO, 'examples', 'hotline-12345');

    it('prints the recomputed form as a table aligned for Chinese text', async () => {
        const run = await runCli(['score', HOTLINE, '--locale', 'zh-CN'], { cwd: REPO });
        expect(run.code).toBe(0);
        const lines = run.stdout.split('\n');
        expect(lines[0]).toBe('examples/hotline-12345/assessment.kpi: 自评 热线二期自评 "热线二期项目绩效自评（2019-07至2020-06）"（评分方案 national-2020）');
        const header = lines.find(l => l.startsWith('行 '))!;
        const row = lines.find(l => l.startsWith('接通率 '))!;
        // The reason column starts at the same display column in the header and in the row.
        expect(displayWidth(header.slice(0, header.indexOf('说明')))).toBe(displayWidth(row.slice(0, row.indexOf('实际 89.19%'))));
        expect(row).toMatch(/^接通率 +产出指标 +≥80% +89\.19% +30 +30 +30 +0 +实际 89\.19% 达到目标 ≥80%/);
        expect(lines.find(l => l.startsWith('合计'))).toMatch(/^合计 +100 +100 +100 +0$/);
        expect(run.stdout).toContain('等级：自评 优，复算 优');
    });

    it('json carries every figure; a profile changes the rule scores', async () => {
        const national = JSON.parse((await runCli(['score', HOTLINE, '-f', 'json'], { cwd: REPO })).stdout);
        expect(national).toHaveLength(1);
        expect(national[0]).toMatchObject({ assessment: '热线二期自评', project: '热线二期', profile: 'national-2020' });
        expect(national[0].rows[1]).toMatchObject({ kind: 'indicator', row: '接通率', target: '≥80%', actual: '89.19%', weight: 30, claimed: 30, ruleScore: 30, difference: 0, met: true });
        expect(national[0].level1.map((s: { weight: number }) => s.weight)).toEqual([10, 50, 30, 10]);

        const hubei = JSON.parse((await runCli(['score', HOTLINE, '-f', 'json', '--profile', 'hubei-2020'], { cwd: REPO })).stdout);
        expect(hubei[0].profile).toBe('hubei-2020');
        expect(hubei[0].level1.map((s: { weight: number }) => s.weight)).not.toEqual(national[0].level1.map((s: { weight: number }) => s.weight));
    });

    it('csv opens in Excel: a byte order mark, quoted fields, a line per row, sum, total and grade', async () => {
        const run = await runCli(['score', HOTLINE, '-f', 'csv', '--locale', 'en'], { cwd: REPO });
        expect(run.stdout.startsWith('\ufefffile,assessment,section,row,')).toBe(true);
        const lines = run.stdout.slice(1).trimEnd().split('\r\n').slice(1);
        expect(lines.filter(l => l.includes(',indicator,'))).toHaveLength(5);
        expect(lines.filter(l => l.includes(',level1,'))).toHaveLength(4);
        expect(lines.at(-1)).toBe('examples/hotline-12345/assessment.kpi,热线二期自评,grade,,,,,,excellent,excellent,,');
        // The execution reason holds a comma-free text; a reason with commas is quoted.
        expect(lines.find(l => l.includes(',execution,'))).toMatch(/"?Execution rate 100%/);
    });

    it('csv guards text that Excel would run as a formula, and leaves signed numbers alone', async () => {
        const folder = join(dir, 'csv-injection');
        mkdirSync(folder, { recursive: true });
        writeFileSync(join(folder, 'p.kpi'), [
            '项目 P "p" { 绩效指标 { 产出指标 { 数量指标 { "=HYPERLINK(1),x" >= 10 个 } } } }',
            '自评 "@SUM(A1)" 对象 P { 指标 "=HYPERLINK(1),x" 实际 9 个 分值 10 得分 9.5 }',
        ].join('\n'));
        const csv = (await runCli(['score', folder, '-f', 'csv'], { cwd: folder })).stdout;
        const cells = csv.split(/,|\r\n/);
        expect(cells.filter(c => /^"?[=@]/.test(c))).toEqual([]);
        expect(csv).toContain(`"'=HYPERLINK(1),x"`);
        expect(csv).toContain("'@SUM(A1)");
        // The difference of the claimed score from the rule score stays a number.
        expect(cells).toContain('+0.5');
    });

    it('exit 2 for an unknown profile or when there is no assessment', async () => {
        expect((await runCli(['score', HOTLINE, '-p', 'sichuan'], { cwd: REPO })).stderr).toMatch(/^kpispec: unknown scoring profile 'sichuan' \(use national-2020, hubei-2020\)\n$/);
        const none = await runCli(['score', join(HOTLINE, 'contract.kpi')], { cwd: REPO });
        expect(none).toMatchObject({ code: 2, stderr: 'kpispec: no self-assessment (自评 / assessment) found\n' });
        expect((await runCli(['score', HOTLINE, '-f', 'xlsx'], { cwd: REPO })).stderr).toBe("kpispec: unknown format 'xlsx' (use table, json, csv)\n");
    });
});

describe('displayWidth', () => {
    it('counts CJK and full-width characters as two columns, combining marks and colour codes as none', () => {
        expect(displayWidth('abc')).toBe(3);
        expect(displayWidth('接通率')).toBe(6);
        expect(displayWidth('≥95％，「」')).toBe(1 + 2 + 2 + 2 + 2 + 2);
        expect(displayWidth('e\u0301')).toBe(1);
        expect(displayWidth('\u001b[31merror\u001b[0m')).toBe(5);
    });
});
