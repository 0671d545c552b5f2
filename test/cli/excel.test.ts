import { copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { createKpiServices } from '../../packages/language/src/index.js';
import { readSheets } from '../../packages/language/src/excel/index.js';
import { importWorkbook } from '../../packages/language/src/lsp/workbook-import.js';
import { expectFatal, REPO, runBuiltCli, runCli, tempDir, type Run } from './run-cli.js';

const EXCEL = join(REPO, 'test', 'fixtures', 'excel');
const dir = tempDir();

interface JsonMessage { ruleId: string; severity: number; message: string; line: number; column: number; cell?: string }
interface JsonResult { filePath: string; messages: JsonMessage[] }

/** One line on stderr naming the file, no stack trace, exit 2. */
/** A one-line refusal (expectFatal) that writes nothing to stdout. */
function expectRefused(run: Run, text: string): void {
    expectFatal(run, text);
    expect(run.stdout).toBe('');
}

/** A folder holding copies of the given fixtures. */
function folder(name: string, ...files: string[]): string {
    const target = join(dir, name);
    mkdirSync(target, { recursive: true });
    for (const f of files) copyFileSync(join(EXCEL, f), join(target, f.split('/').pop()!));
    return target;
}

const zh = { LANG: 'zh_CN.UTF-8' };

describe('kpispec lint on workbooks', () => {
    it('reports findings of a workbook by sheet and cell, in every format', async () => {
        const partial = folder('partial', 'partial/自评表.xlsx');
        const json = await runCli(['lint', partial, '-f', 'json'], { env: zh });
        const [result] = JSON.parse(json.stdout) as JsonResult[];
        expect(result!.filePath).toBe(join(partial, '自评表.xlsx'));
        const unreadable = result!.messages.filter(m => m.ruleId === 'excel/unreadable-cell');
        expect(unreadable.map(m => [m.cell, m.line, m.column, m.message])).toEqual([
            ['自评表!G12', 12, 7, '「十分」不是数值'],
            ['自评表!B21', 21, 2, '一级指标「其他指标」不是已知的指标类别，其下的指标未读入'],
        ]);
        expect(result!.messages.every(m => /^自评表![A-Z]+\d+$/.test(m.cell ?? ''))).toBe(true);

        const stylish = await runCli(['lint', partial], { env: zh });
        expect(stylish.stdout).toMatch(/^.*自评表\.xlsx\n/);
        expect(stylish.stdout).toMatch(/ {2}自评表!G12 +警告 +「十分」不是数值 +excel\/unreadable-cell/);

        const sarif = JSON.parse((await runCli(['lint', partial, '-f', 'sarif'], { env: zh })).stdout);
        const located = sarif.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'excel/unreadable-cell');
        expect(located.locations[0].physicalLocation.artifactLocation.uri).toMatch(/%E8%87%AA%E8%AF%84%E8%A1%A8\.xlsx$/);
        expect(located.locations[0].physicalLocation.region.startLine).toBe(12);
        expect(located.locations[0].logicalLocations).toEqual([{ fullyQualifiedName: '自评表!G12', kind: 'element' }]);

        const github = await runCli(['lint', partial, '-f', 'github'], { env: zh });
        expect(github.stdout).toMatch(/::warning file=.*自评表\.xlsx,line=12,col=7,.*::自评表!G12: 「十分」不是数值/);
        const junit = await runCli(['lint', partial, '-f', 'junit'], { env: zh });
        expect(junit.stdout).toContain('name="自评表!G12 excel/unreadable-cell"');
    });

    it('reads workbooks beside .kpi files as one workspace: a 自评表 assesses the project a .kpi file defines', async () => {
        const workspace = folder('workspace', 'layout-a/自评表.xlsx');
        const project = readFileSync(join(EXCEL, '..', 'reference', 'forms', 'targets.kpi'), 'utf8').replace('项目 养老补贴 "社区居家养老服务补贴项目"', '项目 社区居家养老服务补贴项目 "社区居家养老服务补贴项目"');
        writeFileSync(join(workspace, 'targets.kpi'), project);
        const run = await runCli(['lint', workspace, '-f', 'json'], { env: zh });
        const results = JSON.parse(run.stdout) as JsonResult[];
        const workbook = results.find(r => r.filePath.endsWith('.xlsx'))!;
        // No second project from the workbook: its assessment links the .kpi file's.
        expect(workbook.messages.filter(m => m.ruleId === 'name/duplicate')).toEqual([]);
        expect(workbook.messages.filter(m => m.ruleId.startsWith('reference/'))).toEqual([]);
        // The form's goal text is the summary of the .kpi project's goals, which it does not name: said beside it (实际完成情况).
        expect(workbook.messages.filter(m => m.ruleId === 'assessment/goal-not-covered').map(m => m.cell)).toEqual(['自评表!F10', '自评表!F10']);
    });

    it('reads 申报表.xlsx and 自评表.xlsx of one project in a folder as one project and its assessment, not a name defined twice', async () => {
        const workspace = folder('two-workbooks', 'layout-c/申报表.xlsx', 'layout-a/自评表.xlsx');
        const results = JSON.parse((await runCli(['lint', workspace, '-f', 'json'], { env: zh })).stdout) as JsonResult[];
        const messages = results.flatMap(r => r.messages);
        expect(messages.filter(m => m.ruleId === 'name/duplicate' || m.ruleId.startsWith('reference/'))).toEqual([]);
        // The 自评表 is scored against the 申报表's project.
        const score = await runCli(['score', workspace, '-f', 'json'], { env: zh });
        expect(score.code).toBe(0);
        expect((JSON.parse(score.stdout) as Array<{ file: string; project: string }>).map(a => [a.file.split(/[\\/]/).pop(), a.project]))
            .toEqual([['自评表.xlsx', '社区居家养老服务补贴项目']]);
    });

    it('checks what a flat sheet (Layout B) says below its table: 存在问题 无 beside a shortfall', async () => {
        const flat = folder('flat', 'layout-b-narrative/一体化导出.xlsx');
        const [result] = JSON.parse((await runCli(['lint', flat, '-f', 'json'], { env: zh })).stdout) as JsonResult[];
        expect(result!.messages.filter(m => m.ruleId === 'assessment/denies-problems').map(m => [m.cell, m.message])).toEqual([
            ['绩效自评!B13', '自评称没有问题，但存在未完成事项：指标「助餐点数量」实际 16 个 未达到目标 ≥20 个'],
        ]);
    });

    it('says of a 得分 cell it cannot read (`良`, `#REF!`) that it could not be read, naming the cell and its text, not that no score was written', async () => {
        const book = new ExcelJS.Workbook();
        const sheet = book.addWorksheet('自评表');
        sheet.addRow(['项目名称', '助餐项目']);
        sheet.addRow(['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分']);
        sheet.addRow(['产出指标', '数量指标', '助餐服务人数', '≥1800人', '1700人', 50, '良']);
        sheet.addRow(['满意度指标', '服务对象满意度', '满意度', '≥90%', '92%', 40, { formula: '#REF!*2', result: { error: '#REF!' } }]);
        sheet.addRow(['满意度指标', '服务对象满意度', '投诉率', '≤5%', '3%', 10]);
        const forms = join(dir, 'unread-score');
        mkdirSync(forms, { recursive: true });
        writeFileSync(join(forms, '自评表.xlsx'), new Uint8Array(await book.xlsx.writeBuffer()));
        const missing = async (locale: string) => (JSON.parse((await runCli(['lint', forms, '-f', 'json', '--locale', locale])).stdout) as JsonResult[])[0]!
            .messages.filter(m => m.ruleId === 'score/missing').map(m => [m.cell, m.message]);
        // On the 得分 cell itself; a 得分 left blank (row 5) is still one not written.
        expect(await missing('zh-CN')).toEqual([
            ['自评表!G3', '指标「助餐服务人数」有分值 50，但得分格 自评表!G3「良」无法读取，合计中按 0 分计；按规则应得 47.22 分'],
            ['自评表!G4', '指标「满意度」有分值 40，但得分格 自评表!G4「#REF!」无法读取，合计中按 0 分计；按规则应得 40 分'],
            ['自评表!F5', '指标「投诉率」有分值 10 却未填得分，合计中按 0 分计；按规则应得 10 分'],
        ]);
        expect((await missing('en'))[0]).toEqual(['自评表!G3', 'Indicator \'助餐服务人数\' has a weight 50 but its score cell 自评表!G3 ("良") could not be read and counts 0 in the total; the rule gives 47.22']);
        const reasons = async (locale: string) => (JSON.parse((await runCli(['score', forms, '-f', 'json', '--locale', locale])).stdout) as Array<{ rows: Array<{ reason: string }> }>)[0]!
            .rows.map(r => r.reason.split(/；|; /)[0]);
        expect(await reasons('zh-CN')).toEqual([
            '得分格 自评表!G3「良」无法读取（score/missing），自评合计按 0 分计',
            '得分格 自评表!G4「#REF!」无法读取（score/missing），自评合计按 0 分计',
            '未填得分（score/missing），自评合计按 0 分计',
        ]);
        expect((await reasons('en'))[0]).toBe('The score cell 自评表!G3 ("良") could not be read (score/missing): it counts 0 in the claimed total');
        // The reviewer's workbook says so too.
        await runCli(['report', forms, '-o', join(dir, 'unread-score.xlsx'), '--locale', 'zh-CN']);
        const scores = (await readSheets(new Uint8Array(readFileSync(join(dir, 'unread-score.xlsx'))))).find(s => s.name === '评分复核')!;
        expect(scores.rows.flat().some(c => c?.text.startsWith('得分格 自评表!G3「良」无法读取'))).toBe(true);
    });

    it('points a finding on the assessment as a whole at the part of the form it names, not at the title in A1', async () => {
        const books = folder('places', 'partial/自评表.xlsx');
        const cellsOf = async (ruleId: string, path: string) => (JSON.parse((await runCli(['lint', path, '-f', 'json'], { env: zh })).stdout) as JsonResult[])
            .flatMap(r => r.messages).filter(m => m.ruleId === ruleId).map(m => [m.cell, m.line, m.column]);
        // The 产出指标 family's weights: its cell, the family merged down from B12.
        expect(await cellsOf('score/profile-weights', books)).toEqual([['自评表!B12', 12, 2]]);
        // The 申报表's 中期目标, which the 自评表 does not assess: beside the 自评表's goals (实际完成情况 F10).
        expect(await cellsOf('assessment/goal-not-covered', folder('goal-places', 'several-sheets/表单.xlsx'))).toContainEqual(['自评表!F10', 10, 6]);
    });

    it('points a finding on a whole form with no cell of its own at the head it concerns, not at the project name', async () => {
        const cellsOf = async (path: string) => (JSON.parse((await runCli(['lint', path, '-f', 'json'], { env: zh })).stdout) as JsonResult[])
            .flatMap(r => r.messages).filter(m => m.ruleId === 'score/weights-total' || m.ruleId.startsWith('target/missing-')).map(m => [m.ruleId, m.cell]);
        // A flat sheet without a 合计 row whose weights add up to 90: the 分值 column's head (H2), not the project name (B1).
        expect(await cellsOf(folder('flat-weights', 'layout-b/一体化导出.xlsx'))).toEqual([['score/weights-total', '绩效自评!H2']]);
        // A 申报表 without 效益指标 and 满意度指标 rows: the 一级指标 head (A3), not the title (A1).
        const book = new ExcelJS.Workbook();
        const sheet = book.addWorksheet('申报表');
        sheet.addRow(['项目支出绩效目标申报表']);
        sheet.addRow(['项目名称', '助餐项目']);
        sheet.addRow(['一级指标', '二级指标', '三级指标', '指标值']);
        sheet.addRow(['产出指标', '数量指标', '助餐服务人数', '≥1800人']);
        const forms = join(dir, 'missing-families');
        mkdirSync(forms, { recursive: true });
        writeFileSync(join(forms, '申报表.xlsx'), new Uint8Array(await book.xlsx.writeBuffer()));
        expect(await cellsOf(forms)).toEqual([['target/missing-benefit', '申报表!A3'], ['target/missing-satisfaction', '申报表!A3']]);
    });

    it('points an indicator of the 申报表 with no row in the 自评表 at the 自评表\'s rows of its family, where it prints some', async () => {
        const forms = folder('not-assessed', 'layout-c/申报表.xlsx');
        const book = new ExcelJS.Workbook();
        const sheet = book.addWorksheet('自评表');
        sheet.addRow(['项目支出绩效自评表']);
        sheet.addRow(['项目名称', '社区居家养老服务补贴项目']);
        sheet.addRow(['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值']);
        sheet.addRow(['产出指标', '数量指标', '助餐服务人数', '≥1800人', '1850人']);
        sheet.addRow(['满意度指标', '服务对象满意度', '服务对象满意度', '≥90%', '92%']);
        writeFileSync(join(forms, '自评表.xlsx'), new Uint8Array(await book.xlsx.writeBuffer()));
        const messages = (JSON.parse((await runCli(['lint', forms, '-f', 'json'], { env: zh })).stdout) as JsonResult[])
            .flatMap(r => r.messages).filter(m => m.ruleId === 'assessment/indicator-not-assessed');
        const at = (title: string) => messages.find(m => m.message.includes(`「${title}」`))?.cell;
        // 产出指标 (A4) and 满意度指标 (A5) rows; no 效益指标 row: the title, as before.
        expect([at('上门服务人数'), at('人均助餐补贴'), at('服务投诉次数'), at('失能老人照护覆盖率')]).toEqual(['自评表!A4', '自评表!A4', '自评表!A5', '自评表!A1']);
    });

    it('honours the configured severity of excel/unreadable-cell', async () => {
        const configured = folder('configured', 'partial/自评表.xlsx');
        writeFileSync(join(configured, 'kpispec.json'), JSON.stringify({ rules: { 'excel/unreadable-cell': 'off' } }));
        const results = JSON.parse((await runCli(['lint', configured, '-f', 'json'])).stdout) as JsonResult[];
        expect(results[0]!.messages.some(m => m.ruleId === 'excel/unreadable-cell')).toBe(false);
    });
});

describe('bad workbooks: one line naming the file, exit 2, nothing written', () => {
    const cases: Array<[string, string]> = [
        ['bad/不是表格.xlsx', '不是表格.xlsx: 不是 Excel 工作簿（.xlsx 或 .xls）'],
        ['bad/加密.xlsx', '加密.xlsx: 工作簿有密码保护，请去掉密码后再提交'],
        ['bad/无表单.xlsx', '无表单.xlsx: 找不到「一级指标」表头'],
        ['bad/公式无值.xlsx', '公式无值.xlsx: 自评表!E3 是公式（=SUM(E2:E2)）但没有计算结果'],
        ['bad/超链接.xlsx', '超链接.xlsx: 自评表!E3 含指向外部的超链接（http://example.com/台账）'],
        ['bad/外部引用.xlsx', '外部引用.xlsx: 自评表!E3 引用了其他工作簿（[1]台账!E3）'],
    ];
    for (const [i, [file, message]] of cases.entries()) {
        it(`lint and import refuse ${file}`, async () => {
            const input = folder(`bad-${i}`, file);
            const named = join(input, file.split('/').pop()!);
            expectRefused(await runCli(['lint', named], { env: zh }), message);
            // In a folder, only a workbook without a form is skipped (see below): the others are submissions gone wrong.
            if (!file.includes('无表单')) expectRefused(await runCli(['lint', input], { env: zh }), message);
            expectRefused(await runCli(['import', named], { env: zh }), message);
            expect(readdirSync(input).filter(f => f.endsWith('.kpi'))).toEqual([]);
        });
    }

    it('skips a workbook without a form found in a folder, with a note, and lints the rest', async () => {
        const submissions = folder('stray', 'layout-a/自评表.xlsx');
        copyFileSync(join(EXCEL, 'bad/无表单.xlsx'), join(submissions, '预算明细.xlsx'));
        const alone = folder('alone', 'layout-a/自评表.xlsx');
        const expected = (JSON.parse((await runCli(['lint', alone, '-f', 'json'], { env: zh })).stdout) as JsonResult[])[0]!.messages;

        const run = await runCli(['lint', submissions, '-f', 'json'], { env: zh });
        expect(run.stderr).toBe(`kpispec: 已跳过 ${join(submissions, '预算明细.xlsx')}：找不到「一级指标」表头，不是绩效表单\n`);
        const results = JSON.parse(run.stdout) as JsonResult[];
        expect(results.map(r => r.filePath.split(/[\\/]/).pop())).toEqual(['自评表.xlsx']);
        expect(results[0]!.messages).toEqual(expected);
        expect(run.code).toBe(1);

        const en = await runCli(['lint', submissions, '--locale', 'en'], { cwd: submissions });
        expect(en.stderr).toBe('kpispec: skipped 预算明细.xlsx: no 「一级指标」 column head found; not a performance form\n');
        expect(en.stdout).toContain('自评表.xlsx');

        // The reviewer's report of the folder passes over it the same way.
        const page = join(folder('stray-report'), 'report.html');
        const report = await runCli(['report', submissions, '-o', page], { env: zh });
        expect(report.stderr).toBe(`kpispec: 已跳过 ${join(submissions, '预算明细.xlsx')}：找不到「一级指标」表头，不是绩效表单\n`);
        expect(report.code).toBe(0);
        // ... and says so on the page, where the reviewer reads it.
        expect(readFileSync(page, 'utf8')).toContain(`未复核（不是绩效表单）：${join(submissions, '预算明细.xlsx')}：找不到「一级指标」表头`);

        // Named on the command line it is still refused: the user asked for it.
        expectRefused(await runCli(['lint', join(submissions, '预算明细.xlsx'), join(submissions, '自评表.xlsx')], { env: zh }), '预算明细.xlsx: 找不到「一级指标」表头');
    });

    it('passes over its own review workbook saved among the submissions, without a word', async () => {
        // The reviewer saves the report's workbook into the folder under review, then lints it again.
        const submissions = folder('saved-review', 'layout-a/自评表.xlsx');
        const first = await runCli(['lint', submissions, '-f', 'json'], { env: zh });
        const saved = await runCli(['report', submissions, '-o', join(submissions, 'kpispec-report.xlsx')], { env: zh });
        expect(saved.code).toBe(0);
        expect(existsSync(join(submissions, 'kpispec-report.xlsx'))).toBe(true);

        const again = await runCli(['lint', submissions, '-f', 'json'], { env: zh });
        expect(again.stderr).toBe('');
        expect(again.stdout).toBe(first.stdout);
        const report = await runCli(['report', submissions, '-o', join(folder('saved-review-page'), 'report.html')], { env: zh });
        expect(report.stderr).toBe('');
        expect(readFileSync(join(dir, 'saved-review-page', 'report.html'), 'utf8')).not.toContain('data-skipped');

        // Named on the command line, it is refused with what it is.
        expectRefused(await runCli(['lint', join(submissions, 'kpispec-report.xlsx')], { env: zh }),
            'kpispec-report.xlsx: 是 KPI Spec 写出的复核工作簿（问题清单、评分复核），不含表单');
    });

    it('says why it skipped a workbook in the language of the run, not of the environment', async () => {
        // An English submission with a stray Chinese spreadsheet, reviewed under LANG=zh_CN:
        // lint's findings and summary are in English, and so is the note.
        const submissions = folder('stray-english');
        copyFileSync(join(REPO, 'test', 'fixtures', 'reference', 'english', 'hotline.kpi'), join(submissions, 'hotline.kpi'));
        copyFileSync(join(EXCEL, 'bad/无表单.xlsx'), join(submissions, '预算明细.xlsx'));
        const note = 'kpispec: skipped 预算明细.xlsx: no 「一级指标」 column head found; not a performance form\n';
        const lint = await runCli(['lint', submissions], { env: zh, cwd: submissions });
        expect(lint.stderr).toBe(note);
        expect(lint.stdout).toMatch(/\d+ problems? \(/);
        const score = await runCli(['score', submissions], { env: zh, cwd: submissions });
        expect(score.stderr).toBe(note);
        expect(score.code).toBe(0);
        // --locale still decides.
        expect((await runCli(['lint', submissions, '--locale', 'zh-CN'], { env: zh, cwd: submissions })).stderr)
            .toBe('kpispec: 已跳过 预算明细.xlsx：找不到「一级指标」表头，不是绩效表单\n');
    });

    it('refuses a 50 MB workbook before reading it', async () => {
        const big = join(folder('big'), '大表.xlsx');
        writeFileSync(big, Buffer.from([0x50, 0x4b, 0x03, 0x04]));
        truncateSync(big, 50 * 1024 * 1024);
        expectRefused(await runCli(['lint', big], { env: zh }), '大表.xlsx: 文件过大（50.0 MB，上限 10 MB），不像是一张表单');
    });

    it('reads workbooks and kpispec.json in the built command as in the sources (their libraries are chunks loaded when needed)', async () => {
        const books = folder('built', 'partial/自评表.xlsx', 'layout-a-xls/自评表.xls');
        writeFileSync(join(books, 'kpispec.json'), JSON.stringify({ locale: 'en', rules: { 'target/no-source': 'off' } }));
        const built = await runBuiltCli(['lint', books, '-f', 'json']);
        expect(built.stderr).toBe('');
        const results = JSON.parse(built.stdout) as JsonResult[];
        expect(results.map(r => r.filePath)).toEqual([join(books, '自评表.xls'), join(books, '自评表.xlsx')]);
        expect(results.flatMap(r => r.messages.map(m => m.ruleId))).toContain('excel/unreadable-cell');
        expect(results.flatMap(r => r.messages.map(m => m.ruleId))).not.toContain('target/no-source');
        expect(built.stdout).toBe((await runCli(['lint', books, '-f', 'json'])).stdout);
        writeFileSync(join(books, 'kpispec.json'), '{ "rules": { "target/no-source": "loud" } }');
        const refused = await runBuiltCli(['lint', books]);
        expect(refused.code).toBe(2);
        expect(refused.stderr).toContain('kpispec.json');
    });

    it('refuses a damaged .xls without SheetJS writing to the console', async () => {
        const bytes = readFileSync(join(EXCEL, 'layout-a-xls/自评表.xls'));
        for (let i = 600; i < bytes.length; i += 97) bytes[i] = 0x5a;
        const damaged = join(folder('damaged'), '损坏.xls');
        writeFileSync(damaged, bytes);
        const run = await runBuiltCli(['lint', damaged]);
        expect(run.code).not.toBe(0);
        expect(run.stderr.split('\n').filter(Boolean).length).toBeLessThanOrEqual(1);
        expect(run.stderr).not.toContain('Missing Info');
    });

    it('writes nothing when one of several workbooks is bad', async () => {
        const mixed = folder('mixed', 'layout-a/自评表.xlsx', 'bad/加密.xlsx');
        const run = await runCli(['import', join(mixed, '自评表.xlsx'), join(mixed, '加密.xlsx')], { env: zh });
        expectFatal(run, '加密.xlsx: 工作簿有密码保护');
        expect(existsSync(join(mixed, '自评表.kpi'))).toBe(false);
    });
});

describe('kpispec import', () => {
    // Every readable fixture: what the .kpi files say is what the workbook says; a value the reader
    // could not read (excel/unreadable-cell, a cell's finding) is the comment at the top of the file.
    for (const fixture of readdirSync(EXCEL).filter(f => f !== 'bad')) {
        it(`imports ${fixture} to .kpi files with the findings of the workbook`, async () => {
            const books = readdirSync(join(EXCEL, fixture)).filter(f => /\.xlsx?$/.test(f));
            const source = folder(`import-every-${fixture}`, ...books.map(b => `${fixture}/${b}`));
            const out = join(dir, `import-every-${fixture}-out`);
            expect((await runCli(['import', ...books.map(b => join(source, b)), '-o', out], { env: zh })).code).toBe(0);
            const lint = async (path: string) => (JSON.parse((await runCli(['lint', path, '-f', 'json'], { env: zh })).stdout) as JsonResult[]).flatMap(r => r.messages);
            const [read, written] = [await lint(source), await lint(out)];
            const unread = read.filter(m => m.ruleId === 'excel/unreadable-cell');
            const said = (messages: JsonMessage[]) => messages.filter(m => m.ruleId !== 'excel/unreadable-cell').map(m => `${m.ruleId} ${m.message}`).sort();
            expect(said(written)).toEqual(said(read));
            expect(said(read).length).toBeGreaterThan(0);
            const comments = readdirSync(out).map(f => readFileSync(join(out, f), 'utf8')).join('');
            for (const m of unread) expect(comments).toContain(`// 未读入 ${m.cell}: ${m.message}\n`);
        });
    }

    it('writes the keywords --lang asks for, with the same findings', async () => {
        const source = folder('import-lang', 'layout-a/自评表.xlsx');
        const [zhOut, enOut] = [join(dir, 'import-lang-zh'), join(dir, 'import-lang-en')];
        expect((await runCli(['import', join(source, '自评表.xlsx'), '-o', zhOut], { env: zh })).code).toBe(0);
        expect((await runCli(['import', join(source, '自评表.xlsx'), '-o', enOut, '--lang', 'en'], { env: zh })).code).toBe(0);
        const english = readFileSync(join(enOut, '自评表.kpi'), 'utf8');
        expect(english).toMatch(/^assessment /m);
        expect(english).toMatch(/^\s+indicator "助餐服务人数" +actual 1850 +weight 10 score 10$/m);
        expect(english).not.toMatch(/自评 |指标 |实际 /);
        const rules = async (path: string) => (JSON.parse((await runCli(['lint', path, '-f', 'json', '--locale', 'zh-CN'])).stdout) as JsonResult[])
            .flatMap(r => r.messages.map(m => `${m.line} ${m.ruleId}`)).sort();
        expect(await rules(enOut)).toEqual(await rules(zhOut));
        expectRefused(await runCli(['import', join(source, '自评表.xlsx'), '-o', enOut, '--lang', 'fr']), "unknown language 'fr' (use zh or en)");
    });

    it('writes what it could not read in the language the file\'s findings are in: its keywords\', unless one is chosen', async () => {
        const source = folder('import-notes', 'partial/自评表.xlsx');
        const [zhOut, enOut, chosen] = [join(dir, 'import-notes-zh'), join(dir, 'import-notes-en'), join(dir, 'import-notes-chosen')];
        const english = { LANG: 'en_US.UTF-8' };
        // On stderr in the same words as in the file (a CI runner's LANG=C.UTF-8 is no reason for English beside Chinese).
        // The workbook is named by its path from the working folder, as lint names it.
        const inChinese = await runCli(['import', join(source, '自评表.xlsx'), '-o', zhOut], { env: english, cwd: dir });
        expect(readFileSync(join(zhOut, '自评表.kpi'), 'utf8')).toContain('// 未读入 自评表!G12: 「十分」不是数值\n');
        expect(inChinese.stderr).toContain(`kpispec: ${join('import-notes', '自评表.xlsx')} 自评表!G12: 「十分」不是数值\n`);
        const inEnglish = await runCli(['import', join(source, '自评表.xlsx'), '-o', enOut, '--lang', 'en'], { env: zh, cwd: dir });
        expect(readFileSync(join(enOut, '自评表.kpi'), 'utf8')).toContain('// not read 自评表!G12: "十分" is not a number\n');
        expect(inEnglish.stderr).toContain(`kpispec: ${join('import-notes', '自评表.xlsx')} 自评表!G12: "十分" is not a number\n`);
        const lint = await runCli(['lint', join(source, '自评表.xlsx'), '--locale', 'en'], { cwd: dir });
        expect(lint.stdout.startsWith(`${join('import-notes', '自评表.xlsx')}\n`)).toBe(true);
        await runCli(['import', join(source, '自评表.xlsx'), '-o', chosen, '--locale', 'en'], { env: zh });
        expect(readFileSync(join(chosen, '自评表.kpi'), 'utf8')).toContain('// not read 自评表!G12: "十分" is not a number\n');
    });

    it('names the workbook\'s form, not the .kpi file itself, when both define a name', async () => {
        const source = folder('import-twin', 'layout-a/自评表.xlsx');
        expect((await runCli(['import', join(source, '自评表.xlsx')], { env: zh })).code).toBe(0);
        // Named one by one, the workbook is read beside the text imported from it.
        const run = await runCli(['lint', join(source, '自评表.kpi'), join(source, '自评表.xlsx'), '-f', 'json'], { env: zh });
        const messages = (JSON.parse(run.stdout) as JsonResult[]).flatMap(r => r.messages.filter(m => m.ruleId === 'name/duplicate').map(m => `${r.filePath.split(/[\\/]/).pop()} ${m.message}`));
        expect(messages.sort()).toEqual([
            '自评表.kpi 名称「社区居家养老服务补贴项目自评」已在 自评表.xlsx 自评表 中定义',
            '自评表.xlsx 名称「社区居家养老服务补贴项目自评」已在 自评表.kpi 中定义',
        ]);
        // A glob naming only the workbook says why it finds nothing.
        expectFatal(await runCli(['lint', '*.xlsx'], { cwd: source }),
            "no .kpi files or workbooks match '*.xlsx' (a workbook with the .kpi file imported from it beside it is read from that file)");
    });

    it('writes a form as printed, its tables lined up and formatted, the same text as the editor\'s import', async () => {
        const source = folder('import-printed', 'layout-a/自评表.xlsx');
        const out = join(dir, 'import-printed-out');
        expect((await runCli(['import', join(source, '自评表.xlsx'), '-o', out], { env: zh })).code).toBe(0);
        const text = readFileSync(join(out, '自评表.kpi'), 'utf8');
        expect(text).toContain([
            '    指标 "助餐服务人数"       实际 1850   分值 10 得分 10',
            '    指标 "上门服务人数"       实际 512    分值 10 得分 10',
            '    指标 "助餐点数量"         实际 16 个  分值 10 得分 8 偏差 "两处助餐点选址调整，延至2024年建成"',
        ].join('\n'));
        expect(text).toContain('                "助餐点数量"   >= 20 个\n');
        expect(await runCli(['format', '--check', out])).toMatchObject({ code: 0, stdout: '' });
        const editor = await importWorkbook(createKpiServices(NodeFileSystem).kpi, URI.file(join(source, '自评表.xlsx')), 'zh-CN');
        expect(editor.files.map(f => f.text)).toEqual([text]);
    });

    it('imported beside its workbook, the .kpi is read instead of the workbook: no name is defined twice', async () => {
        const source = folder('import-beside', 'layout-a/自评表.xlsx');
        const before = (JSON.parse((await runCli(['lint', source, '-f', 'json'])).stdout) as JsonResult[])
            .flatMap(r => r.messages.map(m => `${m.ruleId} ${m.message}`)).sort();
        expect((await runCli(['import', join(source, '自评表.xlsx')])).code).toBe(0);
        const results = JSON.parse((await runCli(['lint', source, '-f', 'json'])).stdout) as JsonResult[];
        expect(results.map(r => r.filePath.split(/[\\/]/).pop())).toEqual(['自评表.kpi']);
        expect(results.flatMap(r => r.messages.map(m => `${m.ruleId} ${m.message}`)).sort()).toEqual(before);
    });

    it('reports rows without a data source (target/no-source) on imported 自评表 rows as on typed ones, in the workbook and its .kpi alike', async () => {
        const typed = join(dir, 'no-source-typed');
        mkdirSync(typed, { recursive: true });
        writeFileSync(join(typed, 'project.kpi'), [
            '项目 助餐 "社区助餐项目" {', '    预算 100 万元', '    绩效指标 {', '        产出指标 {', '            数量指标 {',
            '                "助餐人数" >= 100 人 来源 "助餐台账"', '                "助餐点数" >= 5 个', '            }', '        }',
            '        效益指标 { 社会效益 { "覆盖率" >= 60% } }', '        满意度指标 { 服务对象满意度 { "满意度" >= 90% 来源 "问卷" } }',
            '    }', '}', '自评 助餐自评 "社区助餐项目自评" 对象 助餐 {', '    预算执行 全年预算 100 万元 全年执行 95 万元 分值 10 得分 9.5',
            '    指标 "助餐人数" 实际 120 分值 30 得分 30', '    指标 "助餐点数" 实际 5 分值 30 得分 30', '    指标 "覆盖率" 实际 70% 分值 20 得分 20',
            '    指标 "满意度" 实际 95% 分值 10 得分 10', '    合计 分值 100 得分 99.5', '    等级 优', '}', '',
        ].join('\n'));
        const noSource = (results: JsonResult[]) => results.flatMap(r => r.messages.filter(m => m.ruleId === 'target/no-source').map(m => `${m.severity} ${m.message}`)).sort();
        const lintJson = async (path: string) => JSON.parse((await runCli(['lint', path, '-f', 'json'], { env: zh })).stdout) as JsonResult[];
        const typedFindings = noSource(await lintJson(typed));
        expect(typedFindings).toEqual(['0 指标「助餐点数」未注明数据来源（来源 "…"）', '0 指标「覆盖率」未注明数据来源（来源 "…"）']);

        // Exported: the 申报表 keeps 来源 in its 数据来源 column, and the rows without one are reported at their row.
        const workbook = join(dir, 'no-source-workbook');
        mkdirSync(workbook, { recursive: true });
        expect((await runCli(['export', join(typed, 'project.kpi'), '-o', join(workbook, '表单.xlsx')])).code).toBe(0);
        const fromWorkbook = await lintJson(workbook);
        expect(noSource(fromWorkbook)).toEqual(typedFindings);
        expect(fromWorkbook[0]!.messages.filter(m => m.ruleId === 'target/no-source').every(m => m.cell?.startsWith('助餐申报表!'))).toBe(true);

        // Imported: the .kpi files give the workbook's findings, no-source included, and nothing else.
        const imported = join(dir, 'no-source-imported');
        expect((await runCli(['import', join(workbook, '表单.xlsx'), '-o', imported])).code).toBe(0);
        const all = (results: JsonResult[]) => results.flatMap(r => r.messages.map(m => `${m.ruleId} ${m.severity} ${m.message}`)).sort();
        expect(all(await lintJson(imported))).toEqual(all(fromWorkbook));

        // A printed 自评表 alone (no 数据来源 column): every row is reported, in the workbook and in its .kpi.
        const printed = folder('no-source-printed', 'layout-a/自评表.xlsx');
        const printedFindings = noSource(await lintJson(printed));
        expect(printedFindings.length).toBe(10);
        expect((await runCli(['import', join(printed, '自评表.xlsx'), '-o', join(printed, 'kpi')])).code).toBe(0);
        expect(noSource(await lintJson(join(printed, 'kpi')))).toEqual(printedFindings);
    });

    it('writes a 自评表 without a project where the 申报表 imported before, or with it, defines it: the folder defines it once', async () => {
        const source = folder('import-pair', 'layout-c/申报表.xlsx', 'layout-a/自评表.xlsx');
        const duplicates = async (path: string) => (JSON.parse((await runCli(['lint', path, '-f', 'json'], { env: zh })).stdout) as JsonResult[])
            .flatMap(r => r.messages.filter(m => m.ruleId === 'name/duplicate' || m.ruleId.startsWith('reference/')));
        // One after the other, as an officer imports the forms the year brings.
        const oneByOne = join(dir, 'import-pair-one-by-one');
        expect((await runCli(['import', join(source, '申报表.xlsx'), '-o', oneByOne])).code).toBe(0);
        expect((await runCli(['import', join(source, '自评表.xlsx'), '-o', oneByOne])).code).toBe(0);
        expect(readFileSync(join(oneByOne, '自评表.kpi'), 'utf8')).not.toMatch(/^项目 /m);
        expect(await duplicates(oneByOne)).toEqual([]);
        // Together; and again with --force, when the 自评表.kpi replaced is no definition to leave the project to.
        const together = join(dir, 'import-pair-together');
        expect((await runCli(['import', join(source, '自评表.xlsx'), join(source, '申报表.xlsx'), '-o', together])).code).toBe(0);
        expect(readFileSync(join(together, '自评表.kpi'), 'utf8')).not.toMatch(/^项目 /m);
        expect(await duplicates(together)).toEqual([]);
        const alone = join(dir, 'import-pair-alone');
        expect((await runCli(['import', join(source, '自评表.xlsx'), '-o', alone])).code).toBe(0);
        expect((await runCli(['import', join(source, '自评表.xlsx'), '-o', alone, '--force'])).code).toBe(0);
        expect(readFileSync(join(alone, '自评表.kpi'), 'utf8')).toMatch(/^项目 社区居家养老服务补贴项目 /m);
    });

    it('refuses two workbooks of one name into one folder, where the second would replace the first; one named twice is one', async () => {
        const a = folder('import-same-name/a', 'layout-a/自评表.xlsx');
        const b = folder('import-same-name/b', 'partial/自评表.xlsx');
        const out = join(dir, 'import-same-name-out');
        for (const force of [[], ['--force']]) {
            expectRefused(await runCli(['import', join(a, '自评表.xlsx'), join(b, '自评表.xlsx'), '-o', out, ...force], { cwd: dir }),
                `${join('import-same-name-out', '自评表.kpi')} would be written from both ${join('import-same-name', 'a', '自评表.xlsx')} and ${join('import-same-name', 'b', '自评表.xlsx')}; import them into different folders`);
            expect(existsSync(out)).toBe(false);
        }
        const twice = await runCli(['import', join(a, '自评表.xlsx'), `${a}/./自评表.xlsx`, '-o', out], { cwd: dir });
        expect(twice).toMatchObject({ code: 0, stdout: `${join('import-same-name-out', '自评表.kpi')}\n` });
        // What each could not read names its own workbook, not the name they share.
        const apart = join(dir, 'import-same-name-apart');
        const notes = await runCli(['import', join(b, '自评表.xlsx'), '-o', apart, '--locale', 'en'], { cwd: dir });
        expect(notes.stderr).toContain(`kpispec: ${join('import-same-name', 'b', '自评表.xlsx')} 自评表!G12: "十分" is not a number\n`);
    });

    it('says to save a spreadsheet of another kind (.xlsm, WPS\'s .et, .csv) as .xlsx first', async () => {
        const source = folder('import-xlsm', 'layout-a/自评表.xlsx');
        copyFileSync(join(source, '自评表.xlsx'), join(source, '自评表.xlsm'));
        expectRefused(await runCli(['import', '自评表.xlsm'], { cwd: source }), '自评表.xlsm: not a workbook (.xlsx or .xls); save it as an Excel workbook (.xlsx) first');
        expectRefused(await runCli(['import', 'notes.txt'], { cwd: source }), 'notes.txt: not a workbook (.xlsx or .xls)\n');
    });

    it('refuses to replace a .kpi file unless --force', async () => {
        const source = folder('import-force', 'layout-c/申报表.xlsx');
        expect((await runCli(['import', join(source, '申报表.xlsx')])).code).toBe(0);
        expectRefused(await runCli(['import', join(source, '申报表.xlsx')]), '申报表.kpi exists (use --force to replace it)');
        expect((await runCli(['import', join(source, '申报表.xlsx'), '--force'])).code).toBe(0);
    });
});

describe('kpispec export of a file with a syntax error', () => {
    it('writes what it read, names the file\'s first syntax error on stderr, and exits 1', async () => {
        const source = join(dir, 'export-syntax');
        mkdirSync(source, { recursive: true });
        writeFileSync(join(source, 'a.kpi'), '项目 P "助餐" {\n    预算 300 万元\n    绩效指标 {\n        产出指标 { 数量指标 { "人数" >= 1800 人 } }\n    }\n}\n'
            + '自评 PZ 对象 P {\n    指标 "人数" 实际 1850 分值 10 得分 1O\n}\n');
        const out = join(dir, 'export-syntax.xlsx');
        const run = await runCli(['export', 'export-syntax', '-o', out], { cwd: dir, env: zh });
        expect(run.code).toBe(1);
        expect(existsSync(out)).toBe(true);
        expect(run.stderr).toBe(`kpispec: ${join('export-syntax', 'a.kpi')}:8:31：语法错误（这一行不认识「O」；此处可以写：口径、偏差、「}」（结束这一块）），表单中缺少或误读了此处的内容：请改正（kpispec lint）后再导出\n`);
    });
});

describe('kpispec export of a workbook', () => {
    it('says to import a workbook named to export, rather than that it is not UTF-8 text', async () => {
        const source = folder('export-workbook', 'layout-a/自评表.xlsx');
        const out = join(dir, 'export-workbook.xlsx');
        expectRefused(await runCli(['export', '自评表.xlsx', '-o', out], { cwd: source }),
            '自评表.xlsx: export writes the forms of .kpi files; import the workbook first (kpispec import 自评表.xlsx), then export the .kpi files');
        expect(existsSync(out)).toBe(false);
    });
});

describe('kpispec export into the folder it exports', () => {
    it('says that lint will read the workbook there with the .kpi files it copies, unless it is written elsewhere or ignored', async () => {
        const project = join(dir, 'export-inside');
        cpSync(join(REPO, 'examples', 'hotline-12345'), project, { recursive: true });
        const duplicates = async () => JSON.parse((await runCli(['lint', project, '-f', 'json'], { env: zh })).stdout)
            .flatMap((r: JsonResult) => r.messages.filter(m => m.ruleId === 'name/duplicate')).length;
        expect(await duplicates()).toBe(0);

        const inside = await runCli(['export', '.', '-o', '表单.xlsx'], { env: zh, cwd: project });
        expect(inside.code).toBe(0);
        expect(inside.stdout).toBe('表单.xlsx: 热线二期申报表, 热线二期自评表\n');
        expect(inside.stderr).toBe('kpispec: 表单.xlsx 在导出的文件夹内：lint 和编辑器会把它与 .kpi 文件一并读入，其表单与之重复（name/duplicate）；请保存到文件夹外，或在 kpispec.json 的 "ignore" 中列出\n');
        // What it warns of: the project and the self-assessment are each defined twice.
        expect(await duplicates()).toBeGreaterThan(0);

        const english = await runCli(['export', project, '-o', join('forms', '表单.xlsx'), '--locale', 'en'], { env: zh, cwd: project });
        expect(english.stderr).toBe(`kpispec: ${join('forms', '表单.xlsx')} is in the folder exported: lint and the editor read it with the .kpi files, and its forms repeat theirs (name/duplicate); save it outside, or list it under "ignore" in kpispec.json\n`);

        // Beside the files exported, named one by one.
        expect((await runCli(['export', 'targets.kpi', 'assessment.kpi', '-o', 'forms.xlsx'], { env: zh, cwd: project })).stderr).toMatch(/^kpispec: forms\.xlsx 在导出的文件夹内/);

        // Outside the folder, or listed under "ignore", nothing to say.
        expect((await runCli(['export', project, '-o', join(dir, 'export-outside.xlsx')], { env: zh })).stderr).toBe('');
        writeFileSync(join(project, 'kpispec.json'), '{ "ignore": ["*.xlsx", "forms/**"] }\n');
        expect((await runCli(['export', '.', '-o', '表单.xlsx'], { env: zh, cwd: project })).stderr).toBe('');
        expect(await duplicates()).toBe(0);
    });
});
