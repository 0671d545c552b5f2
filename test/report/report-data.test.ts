import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { workspaceReport, type ReportData } from '../../packages/cli/src/report/index.js';
import { REPO, runCli, tempDir } from '../cli/run-cli.js';

// The report's numbers are `kpispec score`'s and `kpispec lint`'s: the same engine, not a copy.

const FOLDERS = ['examples', 'test/fixtures/reference/hotline-12345', 'test/fixtures/reference/english', 'test/fixtures/reference/forms'];

async function reportOf(folder: string, locale = 'en'): Promise<ReportData> {
    return workspaceReport({ paths: [folder], cwd: REPO, env: { LANG: 'en_US.UTF-8' }, scope: folder, locale, ruleUrl: id => `https://docs.example/${id}.md` });
}

async function json<T>(args: string[]): Promise<T> {
    const run = await runCli(args);
    expect(run.stderr).toBe('');
    return JSON.parse(run.stdout) as T;
}

describe.each(FOLDERS)('the report of %s', folder => {
    it('scores every assessment exactly as kpispec score -f json', async () => {
        const data = await reportOf(folder);
        const sheets = await json<Array<{ file: string; assessment: string }>>(['score', folder, '-f', 'json', '--locale', 'en']);
        const reported = data.projects.flatMap(p => p.assessments.map(a => a.sheet));
        const key = (s: { file: string; assessment: string }) => `${s.file}#${s.assessment}`;
        expect(JSON.parse(JSON.stringify(reported)).sort((a: typeof sheets[0], b: typeof sheets[0]) => key(a).localeCompare(key(b))))
            .toEqual(sheets.sort((a, b) => key(a).localeCompare(key(b))));
    });

    it('counts findings per rule and severity exactly as kpispec lint -f json', async () => {
        const data = await reportOf(folder);
        const results = await json<Array<{ messages: Array<{ ruleId: string; severity: number }> }>>(['lint', folder, '-f', 'json', '--locale', 'en']);
        const expected: Record<string, number> = {};
        for (const m of results.flatMap(r => r.messages)) expected[m.ruleId] = (expected[m.ruleId] ?? 0) + 1;
        expect(Object.fromEntries(data.byRule.map(r => [r.ruleId, r.count]))).toEqual(expected);
        const all = results.flatMap(r => r.messages);
        expect(data.totals).toEqual({
            errors: all.filter(m => m.severity === 2).length,
            warnings: all.filter(m => m.severity === 1).length,
            infos: all.filter(m => m.severity === 0).length,
        });
        // Every finding is listed once: under its project or among the other files'.
        expect(data.projects.reduce((n, p) => n + p.findings.length, data.other.length)).toBe(all.length);
    });
});

describe('the report of the Shenzhen 12345 case', () => {
    it('holds the answer rate to the contract and the provincial rule, marks it weaker and shows the actual', async () => {
        const data = await reportOf('test/fixtures/reference/hotline-12345', 'zh-CN');
        const [project] = data.projects;
        const row = project!.targets.find(t => t.indicator === '接通率')!;
        expect(row.target?.text).toBe('≥80%');
        expect(row.references.map(r => [r.kind, r.text])).toEqual([['clause', '≥95%'], ['requirement', '≥90%']]);
        expect(row.actual?.text).toBe('89.19%');
        expect(row.weaker).toBe(true);
        expect(project!.targets.find(t => t.indicator === '及时转办率')!.weaker).toBe(false);
    });

    it('reports the funds, the late and overdue milestones with their delays, and the inflated score', async () => {
        const data = await reportOf('test/fixtures/reference/hotline-12345', 'zh-CN');
        const project = data.projects[0]!;
        expect(project.funds[0]).toMatchObject({ budgeted: '10666 万元', spent: '10666 万元', rate: 1 });
        expect(project.milestones.map(m => [m.name, m.status, m.delayDays])).toEqual([
            ['统一接听服务', 'pending', 1066], ['统一信息系统', 'pending', 1005], ['统一服务场地', 'done', 670],
        ]);
        const [review] = project.assessments;
        expect(review!.claimedTotal).toBe(100);
        // The rules score 89.19% against the project's own ≥80%: full marks, no inflation. The fault
        // is the target, which the targets table marks weaker.
        expect(review!.inflation).toBe(0);
    });

    it('ranks an assessment that claims more than the rules give by its inflation', async () => {
        const dir = tempDir();
        writeFileSync(join(dir, 'p.kpi'), '项目 甲 "甲项目" {\n    绩效指标 { 产出指标 { 数量指标 { 人数 "服务人数" >= 100 人 } } }\n}\n'
            + '自评 甲自评 对象 甲 {\n    指标 人数 实际 80 人 分值 100 得分 100\n    合计 分值 100 得分 100\n    等级 优\n}\n');
        const data = await reportOf(dir);
        expect(data.projects[0]!.assessments[0]).toMatchObject({ claimedTotal: 100, inflation: 20 });
        expect(data.projects[0]!.assessments[0]!.sheet.total.ruleScore).toBe(80);
    });

    it('gives each finding its source, a remedy, a problem heading and its rule page', async () => {
        const data = await reportOf('test/fixtures/reference/hotline-12345', 'zh-CN');
        const finding = data.projects[0]!.findings.find(f => f.ruleId === 'target/below-contract')!;
        expect(finding.source).toContain('深圳市12345热线绩效评价报告 §四.6');
        expect(finding.remedy).toContain('合同');
        expect(finding.heading).toBe('targets');
        expect(finding.docsUrl).toBe('https://docs.example/target/below-contract.md');
        expect(finding.file).toBe(join('test/fixtures/reference/hotline-12345', 'targets.kpi'));
        // Its evidence includes the clause it is weaker than, to compare with.
        const clause = readFileSync(join(REPO, 'test/fixtures/reference/hotline-12345/contract.kpi'), 'utf8').split('\n').findIndex(l => l.includes('条款 接通率')) + 1;
        expect(finding.related).toEqual([{ file: join('test/fixtures/reference/hotline-12345', 'contract.kpi'), line: clause, message: '合同「热线服务合同」条款「接通率」' }]);
    });
});

describe('the report of a complete form', () => {
    it('shows funds from 年初 to 全年 to 执行 with the rate, by source, and the project\'s own 资金', async () => {
        const data = await reportOf('test/fixtures/reference/forms', 'zh-CN');
        const project = data.projects[0]!;
        expect(project.funds.map(f => [f.label, f.initial, f.budgeted, f.spent, f.rate])).toEqual([
            ['预算执行', '300 万元', '260 万元', '198 万元', 0.7615],
            ['财政拨款', '260 万元', '220 万元', '170 万元', 0.7727],
            ['其他资金', '40 万元', '40 万元', '28 万元', 0.7],
        ]);
        expect(project.declaredFunds).toEqual([
            { label: '中期资金总额', amount: '900 万元' },
            { label: '年度资金总额', amount: '300 万元' },
            { label: '其中 财政拨款', amount: '260 万元' },
            { label: '其中 其他资金', amount: '30 万元' },
        ]);
    });

    it('puts last year\'s actual beside the target', async () => {
        const data = await reportOf('test/fixtures/reference/forms', 'zh-CN');
        const row = data.projects[0]!.targets.find(t => t.indicator === '助餐服务人数')!;
        expect(row.target?.text).toBe('≥1800 人');
        expect(row.lastYear).toMatchObject({ text: '2000 人', value: 2000 });
        // A bare actual takes the target's unit, as the scoring engine reads it.
        expect(row.actual).toMatchObject({ text: '1850 人', value: 1850 });
    });
});

describe('kpispec report', () => {
    it('writes one self-contained page in the files\' language, with no script and no external reference', async () => {
        const out = join(tempDir(), 'report.html');
        const run = await runCli(['report', 'test/fixtures/reference/hotline-12345', '-o', out]);
        expect(run).toMatchObject({ code: 0, stderr: '' });
        const page = readFileSync(out, 'utf8');
        expect(page).toContain('<html lang="zh-CN">');
        expect(page).toContain('评分复核');
        expect(page).not.toMatch(/<script|<link|<img|@import|url\(/i);
        expect(page.match(/(?:src|href)="(https?:)?\/\/[^"]*"/g)?.filter(h => !h.includes('/docs/rules/')) ?? []).toEqual([]);
    });

    it('shows user text as text: a title with <script> comes out escaped', async () => {
        const dir = tempDir();
        const evil = '<script>alert(1)</script>';
        writeFileSync(join(dir, 'p.kpi'), `项目 甲 "${evil}" {\n    主管部门 "<b onmouseover=x>部门</b>"\n    预算 10 万元\n    绩效指标 { 产出指标 { 数量指标 { 人数 "${evil}" >= 10 人 } } }\n}\n`
            + `自评 甲自评 "${evil}" 对象 甲 {\n    指标 人数 实际 12 人 分值 100 得分 100\n    问题 "${evil}" 涉及 人数\n    合计 分值 100 得分 100\n    等级 优\n}\n`);
        const out = join(dir, 'report.html');
        expect((await runCli(['report', dir, '-o', out])).code).toBe(0);
        const page = readFileSync(out, 'utf8');
        expect(page).not.toContain('<script');
        expect(page).not.toContain('<b onmouseover');
        expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    });

    it('writes index.html and a page per project into a folder, each link to a page that exists', async () => {
        const out = join(tempDir(), 'site');
        mkdirSync(out);
        expect((await runCli(['report', 'examples', '-o', out])).code).toBe(0);
        const index = readFileSync(join(out, 'index.html'), 'utf8');
        const links = [...new Set([...index.matchAll(/href="(p-[^"#]+\.html)"/g)].map(m => m[1]!))];
        expect(links).toHaveLength((await reportOf('examples')).projects.length);
        for (const link of links) expect(existsSync(join(out, link)), link).toBe(true);
        expect(readdirSync(out).sort()).toEqual(['index.html', ...links].sort());
        expect(readFileSync(join(out, links[0]!), 'utf8')).toContain('href="index.html"');
    });

    it('names the file of projects that units submitted under the same name, so their overview rows can be told apart', async () => {
        const dir = tempDir();
        const project = '项目 养老补贴 "社区居家养老服务补贴项目" {\n    预算 300 万元\n}\n';
        for (const unit of ['区民政局', '市民政局']) {
            mkdirSync(join(dir, unit));
            writeFileSync(join(dir, unit, 'targets.kpi'), project);
        }
        writeFileSync(join(dir, 'other.kpi'), '项目 其他 "其他项目" {\n    预算 5 万元\n}\n');
        const out = join(dir, 'report.html');
        expect((await runCli(['report', '.', '-o', out], { cwd: dir })).code).toBe(0);
        const rows = [...readFileSync(out, 'utf8').matchAll(/<tr data-project="([^"]+)"><th scope="row"[^>]*>(.*?)<\/th>/g)].map(m => [m[1], m[2]!.replace(/<[^>]+>/g, '')]);
        expect(rows).toEqual([
            ['其他', '其他 其他项目'],
            ['养老补贴', `养老补贴 社区居家养老服务补贴项目${join('区民政局', 'targets.kpi')}`],
            ['养老补贴', `养老补贴 社区居家养老服务补贴项目${join('市民政局', 'targets.kpi')}`],
        ]);
    });

    it('shows every self-assessment of a project assessed twice in the overview, as the grade chart counts them', async () => {
        const dir = tempDir();
        const assessment = (name: string, actual: number, claimed: number) =>
            `自评 ${name} 对象 甲 {\n    指标 人数 实际 ${actual} 人 分值 100 得分 ${claimed}\n    合计 分值 100 得分 ${claimed}\n    等级 优\n}\n`;
        writeFileSync(join(dir, 'p.kpi'), '项目 甲 "甲项目" {\n    绩效指标 { 产出指标 { 数量指标 { 人数 "服务人数" >= 100 人 } } }\n}\n'
            + assessment('甲2022', 100, 100) + assessment('甲2023', 40, 95));
        const out = join(dir, 'report.html');
        expect((await runCli(['report', '.', '-o', out], { cwd: dir })).code).toBe(0);
        const overview = readFileSync(out, 'utf8').match(/<table class="projects">[\s\S]*?<\/table>/)![0];
        const cells = (attribute: string) => [...overview.matchAll(new RegExp(`<td class="num" ${attribute}>(.*?)</td>`, 'g'))].map(m => m[1]!.replace(/<[^>]+>/g, ''));
        expect(cells('data-claimed-total')).toEqual(['甲2022 100', '甲2023 95']);
        expect(cells('data-rule-total')).toEqual(['100', '40']);
        // The 2023 assessment's 差 is in the overview, not only in the chart.
        expect(overview).toMatch(/data-assessment-of="甲">.*<td>优<\/td><td>差<\/td><\/tr>/s);
    });

    it('says there is no project, and numbers no 问题清单 as a project\'s sixth part, for a folder of a contract alone', async () => {
        const dir = tempDir();
        writeFileSync(join(dir, 'c.kpi'), '合同 警告 "c" {\n    条款 质检率 "录音质检率" >= 5%\n}\n');
        const out = join(dir, 'report.html');
        expect((await runCli(['report', '.', '-o', out, '--locale', 'zh-CN'], { cwd: dir })).code).toBe(0);
        const page = readFileSync(out, 'utf8');
        expect(page).toMatch(/<h2>二、项目复核<\/h2>\s*<p>复核范围内没有项目（没有「项目」块）。<\/p>/);
        const other = page.match(/<section id="other">[\s\S]*<\/section>/)![0];
        expect(other).toContain('<h4>问题清单</h4>');
        expect(other).not.toContain('（六）');
    });

    it('splits a folder of more than 50 projects into an index and project pages', async () => {
        const dir = tempDir();
        for (let i = 0; i < 51; i++) writeFileSync(join(dir, `p${i}.kpi`), `项目 P${i} "项目${i}" {\n    预算 10 万元\n}\n`);
        const run = await runCli(['report', dir, '-o', join(dir, 'out', 'report.html')]);
        expect(run.code).toBe(0);
        expect(readdirSync(join(dir, 'out', 'report'))).toHaveLength(51);
        expect(readFileSync(join(dir, 'out', 'report.html'), 'utf8')).toContain('href="report/p-P0.html"');
    });
});
