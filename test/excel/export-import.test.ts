import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { URI, type LangiumDocument } from 'langium';
import { describe, expect, it } from 'vitest';
import { excel, importedText } from '../../packages/language/src/index.js';
import { isAssessment, isProject, type Assessment, type Model } from '../../packages/language/src/generated/ast.js';
import { parseActual, parseSplitTarget, parseTarget } from '../../packages/language/src/excel/cell-values.js';
import { readNote, writeNote } from '../../packages/language/src/excel/form-notes.js';
import { exportForms } from '../../packages/language/src/lsp/workbook-export.js';
import { writeXlsx } from '../../packages/cli/src/excel/write-xlsx.js';
import { REPO } from '../cli/run-cli.js';
import { buildWorkspace, messageOf, readFolder, type TestWorkspace } from '../support/workspace.js';

/**
 * `kpispec export` then `kpispec import` (or lint of the exported workbook), from the sources:
 * the workbook a folder exports reads back to the same findings and scores, and imports to the
 * same .kpi content, save what the forms cannot carry (docs/excel.md).
 */

const EXAMPLES = join(REPO, 'examples');

/** The workbook `kpispec export` writes for a folder's files, and their workspace. */
async function exported(files: Record<string, string>): Promise<{ ws: TestWorkspace; bytes: Uint8Array }> {
    const ws = await buildWorkspace(files);
    const { plans } = await exportForms(ws.services, URI.parse('file:///ws'));
    return { ws, bytes: await writeXlsx(plans) };
}

/**
 * The files a read-back folder holds beside the workbook: each file's blocks that the forms do
 * not carry (contracts, standards, compliance reviews), on their own lines.
 */
function keptFiles(ws: TestWorkspace): Record<string, string> {
    const kept: Record<string, string> = {};
    for (const [name, document] of ws.documents) {
        const model = document.parseResult.value as Model;
        const exportedLines = new Set<number>();
        for (const block of model.blocks) {
            if (!isProject(block) && !isAssessment(block)) continue;
            const { start, end } = block.$cstNode!.range;
            for (let l = start.line; l <= end.line; l++) exportedLines.add(l);
        }
        if (exportedLines.size === 0) kept[name] = document.textDocument.getText();
        else if (model.blocks.some(b => !isProject(b) && !isAssessment(b))) {
            kept[name] = document.textDocument.getText().split('\n').map((l, i) => (exportedLines.has(i) ? '' : l)).join('\n');
        }
    }
    return kept;
}

/** Findings of every document as `rule severity message`, sorted. */
function findings(ws: TestWorkspace): string[] {
    return [...ws.documents.values()].flatMap(d => (d.diagnostics ?? []).map(x => `${String(x.code)} ${x.severity} ${messageOf(x)}`)).sort();
}

/** Each assessment's rule scores: the rows', the total and the grade. */
function scores(ws: TestWorkspace): unknown[] {
    const assessments = [...ws.documents.values()].flatMap(d => (d.parseResult.value as Model).blocks.filter(isAssessment));
    return assessments.map((a: Assessment) => {
        const { score } = ws.services.kpi.Scores.of(a);
        return { name: a.name, rows: score.rows.map(r => [r.target, r.actual, r.met, r.ruleScore]), execution: score.execution?.ruleScore, total: score.total, grade: score.grade };
    }).sort((a, b) => (a.name < b.name ? -1 : 1));
}

/** The workbook read back as a folder: its forms beside the kept files. */
async function readBack(ws: TestWorkspace, bytes: Uint8Array, options?: excel.EmitOptions): Promise<{ back: TestWorkspace; forms: excel.EmittedForm[] }> {
    const forms = await excel.workbookToKpi(bytes, '表单.xlsx', new Set(), options);
    const files = { ...keptFiles(ws), ...Object.fromEntries(forms.map(f => [`表单.xlsx/${f.sheet}.kpi`, f.text])) };
    return { back: await buildWorkspace(files), forms };
}

/** The .kpi files `kpispec import` writes for the workbook, joined. */
async function imported(ws: TestWorkspace, forms: readonly excel.EmittedForm[]): Promise<string> {
    const texts = [];
    for (const form of forms) texts.push(await importedText(ws.services, form));
    return texts.join('\n');
}

/**
 * The statements of each project and assessment of a text: comments dropped, continuation lines
 * joined, spaces collapsed; an assessment's statements sorted, as a form prints its rows in an
 * order of its own (问题 before the 里程碑 block).
 */
function statements(text: string): Record<string, string[]> {
    const out: Record<string, string[]> = {};
    let current: string | undefined;
    let lines: Array<{ indent: number; text: string }> = [];
    const close = () => {
        if (!current) return;
        const joined: Array<{ indent: number; text: string }> = [];
        for (const l of lines) {
            const last = joined.at(-1);
            if (last && l.indent > last.indent && !last.text.endsWith('{')) last.text += ` ${l.text}`;
            else joined.push({ ...l });
        }
        const texts = joined.map(l => l.text.replace(/\s+/g, ' '));
        out[current] = /^(自评|assessment)\s/.test(texts[0]!) ? [texts[0]!, ...texts.slice(1).sort()] : texts;
    };
    // A group on one line (`数量指标 { "…" >= 80 公里 }`) as on three.
    const expanded = text.replace(/\/\/[^\n]*/g, '').replace(/^(\s*)([^\s"]+) \{ (.*) \}$/gm, '$1$2 {\n$1    $3\n$1}');
    for (const raw of expanded.split('\n')) {
        if (raw.trim() === '') continue;
        const top = /^(项目|自评|project|assessment)\s+(\S+)/.exec(raw);
        if (top || /^\S/.test(raw) && !raw.startsWith('}')) {
            close();
            current = top?.[2];
            lines = [];
        }
        if (current) lines.push({ indent: raw.length - raw.trimStart().length, text: raw.trim() });
    }
    close();
    return out;
}

describe('dates in Excel forms', () => {
    it('reads deadlines as officers type them in 指标值, and date actuals', () => {
        const by = (date: string) => ({ kind: 'date', comparator: '<=', date });
        for (const text of ['≤ 2023-11-30', '≤2023-11-30', '<=2023/11/30', '≦2023年11月30日', '＜＝2023-11-30', '2023年11月30日前', '2023-11-30前',
            '2023年11月30日之前', '2023年11月30日前完成', '不晚于2023年11月30日', '2023.11.30前', '2023年11月30日前建成并投入使用', '2023-11-30前全部完成']) {
            expect(parseTarget(text), text).toEqual(by('2023-11-30'));
        }
        // A month is a deadline at its last day (docs/language.md).
        expect(parseTarget('2023年11月底前')).toEqual(by('2023-11'));
        expect(parseTarget('2023年11月末前完成')).toEqual(by('2023-11'));
        expect(parseTarget('≤2023-11')).toEqual(by('2023-11'));
        expect(parseTarget('2023年底前')).toEqual(by('2023-12'));
        expect(parseTarget('2023年内完成')).toEqual(by('2023-12'));
        // A month printed with a dot, then 月.
        expect(parseTarget('2023.11月底前')).toEqual(by('2023-11'));
        // Without a comparator a date stays bare, reported by target/no-comparator as when typed.
        expect(parseTarget('2023-11-30')).toEqual({ kind: 'date', date: '2023-11-30' });
        expect(parseTarget('≥2023-11-30')).toEqual({ kind: 'date', comparator: '>=', date: '2023-11-30' });
        expect(parseSplitTarget('小于等于', '2023-11-30', undefined)).toEqual(by('2023-11-30'));
        expect(parseSplitTarget('≤', '2023年11月30日', '—')).toEqual(by('2023-11-30'));

        // Not one date: before November or by its end? a number 2023.11? no such day; a bound after 前.
        expect(parseTarget('2023年11月前')).toEqual({ kind: 'qualitative', text: '2023年11月前' });
        expect(parseTarget('2023-11前')).toEqual({ kind: 'qualitative', text: '2023-11前' });
        expect(parseTarget('2023.11月前')).toEqual({ kind: 'qualitative', text: '2023.11月前' });
        expect(parseTarget('≤2023.11')).toEqual({ kind: 'comparison', comparator: '<=', number: '2023.11' });
        expect(parseTarget('2023-02-30前')).toEqual({ kind: 'qualitative', text: '2023-02-30前' });
        expect(parseTarget('≥2023-11-30前')).toEqual({ kind: 'qualitative', text: '≥2023-11-30前' });
        expect(parseTarget('按期完成')).toEqual({ kind: 'qualitative', text: '按期完成' });
        expect(parseTarget('≤30天')).toEqual({ kind: 'comparison', comparator: '<=', number: '30', unit: '天' });

        for (const text of ['2023-12-20', '2023/12/20', '2023年12月20日', '2023.12.20', '2023年12月20日完工', '2023年12月20日已完成']) {
            expect(parseActual(text), text).toEqual({ kind: 'date', date: '2023-12-20' });
        }
        expect(parseActual('2023-12')).toEqual({ kind: 'date', date: '2023-12' });
        // An actual is a day, not a bound.
        expect(parseActual('2023-12-20前')).toEqual({ kind: 'text', text: '2023-12-20前' });
        expect(parseActual('1850')).toEqual({ kind: 'measured', number: '1850' });
    });

    it('reads Excel date cells as dates, whatever their format prints (11/30/23, 2023年11月30日, 2023-11)', async () => {
        const book = new ExcelJS.Workbook();
        const sheet = book.addWorksheet('一体化');
        const day = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));
        sheet.addRows([
            ['项目名称', '农村饮水安全巩固提升工程'],
            ['一级指标', '二级指标', '三级指标', '计算符号', '指标值', '计量单位', '实际完成值', '分值', '得分'],
            ['产出指标', '时效指标', '工程完工时间', '≤', day(2023, 11, 30), null, day(2023, 12, 20), 7, 7],
            ['产出指标', '时效指标', '管网通水时间', '≤', day(2023, 10, 31), null, day(2023, 10, 15), 5, 5],
            ['产出指标', '时效指标', '资金拨付时间', '≤', day(2023, 6, 1), null, day(2023, 6, 1), 3, 3],
            ['总分', null, null, null, null, null, null, 15, 15],
        ]);
        sheet.getCell('E4').numFmt = 'yyyy"年"m"月"d"日"';
        sheet.getCell('G4').numFmt = 'yyyy-mm-dd';
        sheet.getCell('E5').numFmt = 'yyyy"年"m"月"'; // printed as a month: the month
        const bytes = new Uint8Array(await book.xlsx.writeBuffer());
        const [form] = await excel.workbookToKpi(bytes, '一体化导出.xlsx');
        expect(form!.problems).toEqual([]);
        expect(form!.text).toContain('"工程完工时间" <= 2023-11-30\n');
        expect(form!.text).toContain('"管网通水时间" <= 2023-10-31\n');
        expect(form!.text).toContain('"资金拨付时间" <= 2023-06\n');
        expect(form!.text).toContain('指标 "工程完工时间" 实际 2023-12-20 分值 7 得分 7\n');
        expect(form!.text).toContain('指标 "管网通水时间" 实际 2023-10-15 分值 5 得分 5\n');

        // Read as dates, the missed deadline is found as in a typed file.
        const { back } = await readBack(await buildWorkspace({}), bytes);
        expect(findings(back).filter(f => f.includes('2023-12-20'))).toEqual([
            'assessment/missing-deviation 2 实际 2023-12-20 未达到目标 ≤2023-11-30，须填写偏差原因',
            'score/full-despite-shortfall 1 实际 2023-12-20 未达到目标 ≤2023-11-30，却得满分 7；按规则应得 0 分',
        ]);
    });

    it('reads a share cell as its format prints it: 96% when formatted as a percentage, a bare 0.96 reported as a typed one is', async () => {
        const book = new ExcelJS.Workbook();
        const sheet = book.addWorksheet('一体化');
        sheet.addRows([
            ['项目名称', '社区养老服务'],
            ['一级指标', '二级指标', '三级指标', '计算符号', '指标值', '计量单位', '实际完成值', '分值', '得分'],
            ['产出指标', '质量指标', '服务合格率', '≥', 90, '%', 0.96, 10, 10],
            ['产出指标', '质量指标', '回访率', '≥', 90, '%', 0.96, 10, 10],
            ['产出指标', '数量指标', '受益人数', '≥', 1.2, '万人', 12500, 10, 10],
            ['总分', null, null, null, null, null, null, 30, 30],
        ]);
        sheet.getCell('G4').numFmt = '0%';
        const bytes = new Uint8Array(await book.xlsx.writeBuffer());
        const [form] = await excel.workbookToKpi(bytes, '一体化导出.xlsx');
        expect(form!.problems).toEqual([]);
        expect(form!.text).toContain('指标 "服务合格率" 实际 0.96 分值 10 得分 10\n');
        expect(form!.text).toContain('指标 "回访率" 实际 96% 分值 10 得分 10\n');
        const { back } = await readBack(await buildWorkspace({}), bytes);
        expect(findings(back).filter(f => f.startsWith('assessment/unit-mismatch'))).toEqual([
            'assessment/unit-mismatch 1 实际 0.96 没有写单位：按 0.96% 读；若指 96%，请写作 96%',
            'assessment/unit-mismatch 1 实际 12500 没有写单位：按目标的单位读作 12500 万人，是目标的 1041666.67%；若指 12500 人，请写明单位',
        ]);
        // Neither a shortfall scored in full nor an over-achievement asking for a reason: the reading is what is reported.
        expect(findings(back).filter(f => /score\/(?!profile-weights|weights-total)|missing-deviation|denies-problems/.test(f))).toEqual([]);
    });

    it('a date target and a date actual survive export and read back: the same findings and scores as the .kpi', async () => {
        // The county framework's 工程完工时间 (<= 2023-11-30), finished late.
        const files = readFolder(join(EXAMPLES, 'framework'));
        files['project.kpi'] = files['project.kpi']!.replace('实际 2023-11-25', '实际 2023-12-20');
        const { ws, bytes } = await exported(files);
        const typed = findings(ws);
        expect(typed.filter(f => /工程完工时间|2023-12-20/.test(f))).toEqual([
            'assessment/missing-deviation 2 实际 2023-12-20 未达到目标 ≤2023-11-30，须填写偏差原因',
            'score/full-despite-shortfall 1 实际 2023-12-20 未达到目标 ≤2023-11-30，却得满分 7；按规则应得 0 分',
        ]);
        const { back, forms } = await readBack(ws, bytes);
        expect(forms.flatMap(f => f.problems)).toEqual([]);
        expect(findings(back)).toEqual(typed);
        expect(scores(back)).toEqual(scores(ws));
        const text = await imported(ws, forms);
        expect(text).toMatch(/"工程完工时间" <= 2023-11-30 来源 "竣工验收报告"\n/);
        expect(text).toMatch(/指标 "工程完工时间" +实际 2023-12-20 +分值 7 +得分 7\n/);
    });
});

describe('remarks printed after values', () => {
    it('keep their place after a target, an actual, a milestone\'s dates and the 评价日 through export and import', async () => {
        const files = readFolder(join(EXAMPLES, 'complete-forms'));
        files['targets.kpi'] = files['targets.kpi']!.replace('>= 95% 来源 "财务记录"', '>= 95%（按月） 来源 "财务记录"').replace('计划 2023-06-30', '计划 2023-06-30（暂定）');
        files['assessment.kpi'] = files['assessment.kpi']!.replace('实际 97 ', '实际 97（全部按月） ').replace('完成 2023-06-20', '完成 2023-06-20（已验收）').replace('评价日 2024-03-31', '评价日 2024-03-31（初评）');
        const { ws, bytes } = await exported(files);
        expect(findings(ws).filter(f => f.startsWith('syntax'))).toEqual([]);
        const { back, forms } = await readBack(ws, bytes);
        expect(forms.flatMap(f => f.problems)).toEqual([]);
        const text = await imported(ws, forms);
        for (const printed of ['>= 95%（按月）', '实际 97（全部按月）', '计划 2023-06-30（暂定）', '完成 2023-06-20（已验收）', '评价日 2024-03-31（初评）']) expect(text).toContain(printed);
        expect(findings(back)).toEqual(findings(ws));
        expect(scores(back)).toEqual(scores(ws));
    });
});

describe('units printed with a bracketed denominator', () => {
    it('read as without the brackets, and keep them through export and import', async () => {
        const files = readFolder(join(EXAMPLES, 'complete-forms'));
        files['targets.kpi'] = files['targets.kpi']!.replace('"人均助餐补贴" <= 50 元/人*月', '"人均助餐补贴" <= 50 元/(人*月)');
        const plain = await buildWorkspace(readFolder(join(EXAMPLES, 'complete-forms')));
        const { ws, bytes } = await exported(files);
        expect(findings(ws)).toEqual(findings(plain));
        const { back, forms } = await readBack(ws, bytes);
        expect(forms.flatMap(f => f.problems)).toEqual([]);
        expect(await imported(ws, forms)).toContain('<= 50 元/(人*月)');
        expect(findings(back)).toEqual(findings(ws));
    });
});

describe('export then import keeps what the files say', () => {
    for (const example of readdirSync(EXAMPLES)) {
        it(`${example}: the same projects and assessments, keywords and titles, no line added; the same findings and scores`, async () => {
            const { ws, bytes } = await exported(readFolder(join(EXAMPLES, example)));
            const { back, forms } = await readBack(ws, bytes);
            expect(forms.flatMap(f => f.problems)).toEqual([]);
            const source = Object.assign({}, ...[...ws.documents.values()].map((d: LangiumDocument) => statements(d.textDocument.getText()))) as Record<string, string[]>;
            expect(statements(await imported(ws, forms))).toEqual(source);
            expect(findings(back)).toEqual(findings(ws));
            expect(scores(back)).toEqual(scores(ws));
        });
    }

    it('keeps the assessment’s own title, which the printed 自评表 has no place for, in the title’s note', async () => {
        const hotline = await exported(readFolder(join(EXAMPLES, 'hotline-12345')));
        const text = await imported(hotline.ws, (await readBack(hotline.ws, hotline.bytes)).forms);
        expect(text).toContain('自评 热线二期自评 "热线二期项目绩效自评（2019-07至2020-06）" 对象 热线二期 {');

        const english = await exported(readFolder(join(EXAMPLES, 'blocks-en')));
        const englishText = await imported(english.ws, (await readBack(english.ws, english.bytes)).forms);
        expect(englishText).toContain('assessment HomeCareReview "Home care visits, self-assessment 2023" for HomeCare {');

        // An assessment without a title comes back without one.
        const untitled = await exported({ 'a.kpi': '项目 P "社区养老" {\n    预算 10 万元\n}\n自评 P自评 对象 P {\n    合计 分值 100 得分 90\n}\n' });
        const [, form] = (await readBack(untitled.ws, untitled.bytes)).forms;
        expect(form!.text).toContain('自评 P自评 对象 P {\n');
    });

    it('keeps any title in a note, quotes and ；included', () => {
        const note = { name: '热线二期自评', title: '自评（一期；二期） "终稿" \\ 2020', keywords: 'en' as const };
        expect(readNote(writeNote(note))).toEqual(note);
        expect(readNote(writeNote({ name: 'R', title: '' }))).toEqual({ name: 'R', title: '' });
        expect(readNote('kpispec: 名称 R；标题 "unterminated')).toEqual({ name: 'R' });
    });

    it('makes up a well-formed title for a 自评表 without kpispec’s notes (an officer’s copy)', async () => {
        const plain = async (files: Record<string, string>) => {
            const ws = await buildWorkspace(files);
            const { plans } = await exportForms(ws.services, URI.parse('file:///ws'));
            // As an officer retypes the form: no notes.
            const bare = plans.map(p => ({ ...p, rows: p.rows.map(r => r.map(c => (c ? { ...c, note: undefined } : c))) }));
            return excel.workbookToKpi(await writeXlsx(bare), '表单.xlsx');
        };
        const [, zh] = await plain({ 'a.kpi': '项目 P "社区养老" {\n    实施期 2023-01 至 2023-12\n}\n自评 R "R" 对象 P {\n    合计 分值 100 得分 90\n}\n' });
        expect(zh!.text).toContain(' "社区养老2023年度绩效自评" 对象 社区养老 {');
        const [, en] = await plain({ 'a.kpi': 'project P "Home care visits" {\n    period 2023-01 to 2023-12\n}\nassessment R "R" for P {\n    total weight 100 score 90\n}\n' });
        // Chinese keywords (a form without notes says nothing of the file's), an English title with its space.
        expect(en!.text).toContain('自评 Homecarevisits自评 "Home care visits, self-assessment 2023" 对象 Homecarevisits {');
    });

    it('writes English keywords for a form exported from an English file, and whichever the caller asks for', async () => {
        const { bytes } = await exported(readFolder(join(EXAMPLES, 'english')));
        const [project, assessment] = await excel.workbookToKpi(bytes, '表单.xlsx');
        expect(project!.text).toContain('project Hotline2 "Shenzhen 12345 hotline answering service, phase II" {\n');
        expect(project!.text).toContain('        output {\n            quality {\n');
        expect(assessment!.text).toContain('    indicator AnswerRate actual 89.19% weight 50 score 50\n');
        expect(assessment!.text).toContain('    grade excellent\n');
        const [zh] = await excel.workbookToKpi(bytes, '表单.xlsx', new Set(), { keywords: 'zh' });
        expect(zh!.text).toContain('项目 Hotline2 "Shenzhen 12345 hotline answering service, phase II" {\n');
        expect(zh!.text).toContain('        产出指标 {\n            质量指标 {\n');

        const chinese = await exported(readFolder(join(EXAMPLES, 'complete-forms')));
        const [, en] = await excel.workbookToKpi(chinese.bytes, '表单.xlsx', new Set(), { keywords: 'en' });
        expect(en!.text).toContain('    execution initial 300 万元 budgeted 300 万元 spent 285 万元 rate 95% weight 10 score 9.5\n'
            + '        of-which fiscal initial 260 万元 budgeted 260 万元 spent 250 万元\n');
        const { back } = await readBack(chinese.ws, chinese.bytes, { keywords: 'en' });
        expect(findings(back)).toEqual(findings(chinese.ws));
    });

    it('adds no line the file did not have: a blank 中期资金总额, the 预算 printed as 年度资金总额, the 执行率 export computes', async () => {
        const { ws, bytes } = await exported(readFolder(join(EXAMPLES, 'hotline-12345')));
        const text = await imported(ws, (await readBack(ws, bytes)).forms);
        expect(text).not.toMatch(/资金 \{|中期|执行率/);
        expect(text).toContain('    预算执行 全年预算 10666 万元 全年执行 10666 万元 分值 10 得分 10\n');
        // The printed form still shows the rate: the form's own formula 全年执行数 ÷ 全年预算数.
        const book = new ExcelJS.Workbook();
        await book.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
        const rate = book.getWorksheet('热线二期自评表')!.getCell('H6');
        expect(rate.value).toEqual({ formula: 'F6/E6', result: 1 });
        // A 主管部门 left blank is blank, not the next label.
        const framework = await exported(readFolder(join(EXAMPLES, 'framework')));
        const [project] = (await readBack(framework.ws, framework.bytes)).forms;
        expect(project!.text).not.toContain('主管部门');
        // A free group under 项目管理 stays a group.
        expect(project!.text).toContain('        项目管理 {\n            资金管理 {\n');
    });

    it('writes a bare number actual as a number, which Excel does not flag as a number stored as text, and reads it back the same', async () => {
        const { ws, bytes } = await exported(readFolder(join(EXAMPLES, 'complete-forms')));
        const book = new ExcelJS.Workbook();
        await book.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
        const sheet = book.worksheets.find(w => w.getCell('A1').text === '项目支出绩效自评表')!;
        const actuals = sheet.getColumn('F').values.filter(v => v !== undefined && v !== null);
        expect(actuals).toContain(2050);
        expect(actuals.filter(v => typeof v === 'string' && /^\d+(\.\d+)?$/.test(v))).toEqual([]);
        const { back } = await readBack(ws, bytes);
        expect(scores(back)).toEqual(scores(ws));
    });

    it('prints English funds sources as the form names them', async () => {
        const { bytes } = await exported(readFolder(join(EXAMPLES, 'complete-forms-en')));
        const texts = (await excel.readSheets(bytes)).flatMap(s => s.rows.flat().map(c => c?.text ?? ''));
        expect(texts).toContain('其中：财政拨款');
        expect(texts).toContain('其中：其他资金');
        expect(texts.some(t => /fiscal|other$/.test(t))).toBe(false);
    });
});

// Keeps the fixtures' reader honest: a real 自评表 with a typed 执行率 still reads it.
it('reads a typed 执行率 (no formula) as the form states it', async () => {
    const [form] = await excel.workbookToKpi(new Uint8Array(readFileSync(join(REPO, 'test', 'fixtures', 'excel', 'layout-a', '自评表.xlsx'))), '自评表.xlsx');
    expect(form!.text).toContain('执行率 78.15%');
});
