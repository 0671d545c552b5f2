// Writes the workbooks of test/fixtures/excel/: each layout (A 自评表, B 一体化 flat sheet,
// C 申报表) with the variants the reader must tolerate, and the bad inputs the CLI must refuse
// with one line. Run after `npm run build`: node scripts/make-excel-fixtures.mjs
// The forms are the 社区居家养老服务补贴 reference case (test/fixtures/reference/forms).
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as XLSX from '@e965/xlsx';
import ExcelJS from 'exceljs';
import { writeXlsx } from '../packages/cli/dist/excel/write-xlsx.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', 'test', 'fixtures', 'excel');

const HEADS = new Set(['项目名称', '主管部门', '实施单位', '项目资金（万元）', '项目资金（元）', '资金情况（万元）', '年初预算数', '全年预算数',
    '全年执行数', '分值', '执行率', '得分', '年度总体目标', '预期目标', '实际完成情况', '绩效指标', '一级指标', '二级指标', '三级指标',
    '年度指标值', '实际完成值', '偏差原因分析及改进措施', '总分', '自评等级', '指标值', '指标值说明', '总体目标', '年度目标', '中期目标',
    '中期资金总额', '年度资金总额', '项目属性', '项目期', '三级指标名称', '计算符号', '*实际完成值', '计量单位', '*分值', '*指标得分',
    '扣减分数', '完成情况简要描述', '偏差原因及改进措施']);

/** A plan from rows of plain values; heads are recognised by their label. */
function plan(name, rows, merges, widths, { tableFrom = 2, titleRow = 0, percent = [] } = {}) {
    return {
        name, merges, widths, tableFrom, titleRow,
        rows: rows.map((row, r) => row.map((v, c) => {
            if (v === null || v === undefined) return undefined;
            const address = XLSX.utils.encode_cell({ r, c });
            return { value: v, ...(HEADS.has(v) ? { head: true } : {}), ...(percent.includes(address) ? { numFmt: '0.00%' } : {}) };
        })),
    };
}

// The reference assessment, row by row: level 1, level 2, title, target, actual, weight, score, deviation.
const INDICATORS = [
    ['产出指标', '数量指标', '助餐服务人数', '≥1800人', 1850, 10, 10, ''],
    ['产出指标', '数量指标', '上门服务人数', '≥500人', 512, 10, 10, ''],
    ['产出指标', '数量指标', '助餐点数量', '≥20个', '16个', 10, 8, '两处助餐点选址调整，延至2024年建成'],
    ['产出指标', '质量指标', '服务投诉办结率', '＝100％', 100, 5, 5, ''],
    ['产出指标', '时效指标', '补贴发放及时率', '≧95%', '96.5%', 10, 10, ''],
    ['产出指标', '成本指标', '人均助餐补贴', '≤50元/人*月', 48, 5, 5, ''],
    ['效益指标', '社会效益指标', '老年人助餐满意度', '≥90%', '93%', 10, 10, ''],
    ['效益指标', '社会效益指标', '失能老人照护覆盖率', '≥60%', '62%', 20, 20, ''],
    ['满意度指标', '服务对象满意度指标', '服务对象满意度', '≥90%', 92, 10, '—', ''],
    ['满意度指标', '服务对象满意度指标', '服务投诉次数', '≤10次', '不适用', 0, 0, ''],
];

/** Merges a column over each run of equal values (一级 and 二级 as printed). */
function runMerges(column, firstRow, values) {
    const merges = [];
    let start = 0;
    for (let i = 1; i <= values.length; i++) {
        if (i < values.length && values[i] === values[start]) continue;
        if (i - start > 1) merges.push(`${column}${firstRow + start}:${column}${firstRow + i - 1}`);
        start = i;
    }
    return merges;
}

/** Layout A, the national 自评表. `yuan` prints amounts in 元; `merged` merges heads as printed. */
function layoutA({ merged = true, yuan = false, extraTitleRows = 0, name = '自评表' } = {}) {
    const k = yuan ? 10000 : 1;
    const pad = Array.from({ length: extraTitleRows }, (_, i) => [i === 0 ? '附件1' : '填报单位（盖章）：某市民政局']);
    const rows = [
        ...pad,
        ['项目支出绩效自评表'],
        ['（2023年度）'],
        ['项目名称', null, '社区居家养老服务补贴项目'],
        ['主管部门', null, '某市民政局', null, null, '实施单位', null, '某市养老服务指导中心'],
        [yuan ? '项目资金（元）' : '项目资金（万元）', null, null, '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
        [merged ? null : '项目资金', null, '年度资金总额', 300 * k, 260 * k, 198 * k, 10, 0.7815, 7.6],
        [null, null, '其中：当年财政拨款', 260 * k, 220 * k, 170 * k, '—', '—', '—'],
        [null, null, '其他资金', 40 * k, 40 * k, 28 * k, '/', '／', '-'],
        ['年度总体目标', '预期目标', null, null, null, '实际完成情况'],
        [null, '为2000名老年人提供助餐服务', null, null, null, '全年为1850名老年人提供助餐服务'],
        ['绩效指标', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'],
    ];
    const first = rows.length + 1; // 1-based row of the first indicator
    INDICATORS.forEach(([l1, l2, title, target, actual, weight, score, deviation], i) => {
        const prev = INDICATORS[i - 1];
        const printL1 = merged || !prev || prev[0] !== l1 ? l1 : null;
        const printL2 = merged || !prev || prev[1] !== l2 ? l2 : null;
        rows.push([null, printL1, printL2, title, target, actual, weight, score, deviation || null]);
    });
    rows.push(['总分', null, null, null, null, null, 100, 85.6, null]);
    rows.push(['自评等级', null, null, null, null, null, '良', null, null]);
    const o = extraTitleRows; // offset of every printed row
    const at = r => r + o;
    const merges = merged ? [
        `A${at(1)}:I${at(1)}`, `A${at(2)}:I${at(2)}`, `A${at(3)}:B${at(3)}`, `C${at(3)}:I${at(3)}`, `A${at(4)}:B${at(4)}`,
        `C${at(4)}:E${at(4)}`, `F${at(4)}:G${at(4)}`, `H${at(4)}:I${at(4)}`, `A${at(5)}:B${at(8)}`,
        `A${at(9)}:A${at(10)}`, `B${at(9)}:E${at(9)}`, `F${at(9)}:I${at(9)}`, `B${at(10)}:E${at(10)}`, `F${at(10)}:I${at(10)}`,
        `A${at(11)}:A${first + INDICATORS.length - 1}`,
        ...runMerges('B', first, INDICATORS.map(x => x[0])),
        ...runMerges('C', first, INDICATORS.map(x => x[0] + x[1])),
        `A${first + INDICATORS.length}:F${first + INDICATORS.length}`, `A${first + INDICATORS.length + 1}:F${first + INDICATORS.length + 1}`,
    ] : [];
    return plan(name, rows, merges, [10, 12, 16, 22, 14, 14, 8, 10, 30], { tableFrom: 2 + o, titleRow: o, percent: [`H${at(6)}`] });
}

/** Layout B, the 一体化 flat sheet; `order` permutes its columns. */
function layoutB({ order, below = [] } = {}) {
    const heads = ['一级指标', '二级指标', '三级指标名称', '计算符号', '指标值', '*实际完成值', '计量单位', '*分值', '*指标得分', '扣减分数', '完成情况简要描述', '偏差原因及改进措施'];
    const split = target => {
        const m = /^([≥≧≤=＝]+)?([\d.]+)(.*)$/.exec(target);
        const sign = { '≥': '大于等于', '≧': '≥', '≤': '小于等于', '＝': '等于', '=': '=' }[m[1]] ?? '';
        return [sign, Number(m[2]), m[3].replace('％', '%')];
    };
    const body = INDICATORS.map(([l1, l2, title, target, actual, weight, score, deviation]) => {
        const [sign, value, unit] = split(target);
        const a = typeof actual === 'string' ? actual.replace(/[个%]$/, '') : actual;
        return [l1, l2, title, sign, value, a === '不适用' ? a : Number(a), unit, weight, score, score === '—' ? null : weight - score, null, deviation || null];
    });
    const permutation = order ?? heads.map((_, i) => i);
    const rows = [
        ['项目名称', '社区居家养老服务补贴项目'],
        permutation.map(i => heads[i]),
        ...body.map(row => permutation.map(i => row[i])),
        ...below,
    ];
    return plan('绩效自评', rows, [], permutation.map(i => [10, 14, 20, 10, 8, 10, 8, 6, 8, 8, 20, 24][i]), { tableFrom: 1, titleRow: -1 });
}

/** Layout C, the 申报表. */
function layoutC({ merged = true, yuan = false, name = '绩效目标申报表' } = {}) {
    const k = yuan ? 10000 : 1;
    const rows = [
        ['项目支出绩效目标申报表'],
        ['（2023年度）'],
        ['项目名称', null, '社区居家养老服务补贴项目'],
        ['主管部门', null, '某市民政局', null, '实施单位', '某市养老服务指导中心'],
        ['项目属性', null, '延续项目', null, '项目期', '2023年1月-2023年12月'],
        [yuan ? '项目资金（元）' : '项目资金（万元）', null, '中期资金总额', 900 * k, '年度资金总额', 300 * k],
        [null, null, '其中：财政拨款', 780 * k, '其中：财政拨款', 260 * k],
        [null, null, '其他资金', 120 * k, '其他资金', 30 * k],
        ['总体目标', null, '中期目标', null, '年度目标'],
        [null, null, '三年内覆盖全市老年人助餐需求', null, '为2000名老年人提供助餐服务'],
        ['绩效指标', '一级指标', '二级指标', '三级指标', '指标值', '指标值说明'],
    ];
    const first = rows.length + 1;
    INDICATORS.forEach(([l1, l2, title, target], i) => {
        const prev = INDICATORS[i - 1];
        rows.push([null, merged || !prev || prev[0] !== l1 ? l1 : null, merged || !prev || prev[1] !== l2 ? l2 : null, title, target, null]);
    });
    const merges = merged ? [
        'A1:F1', 'A2:F2', 'A3:B3', 'C3:F3', 'A4:B4', 'A5:B5', 'A6:B8', 'A9:B10', 'C9:D9', 'E9:F9', 'C10:D10', 'E10:F10',
        `A11:A${first + INDICATORS.length - 1}`,
        ...runMerges('B', first, INDICATORS.map(x => x[0])),
        ...runMerges('C', first, INDICATORS.map(x => x[0] + x[1])),
    ] : [];
    return plan(name, rows, merges, [10, 12, 18, 22, 16, 24]);
}

/** The same plan as a BIFF8 .xls (SheetJS writes values and merges, no styles). */
function xls(p) {
    const aoa = p.rows.map(row => row.map(c => c?.value ?? null));
    const sheet = XLSX.utils.aoa_to_sheet(aoa);
    sheet['!merges'] = p.merges.map(m => XLSX.utils.decode_range(m));
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, sheet, p.name);
    return XLSX.write(book, { bookType: 'xls', type: 'buffer' });
}

/**
 * An .xls with rows hidden (1-based): SheetJS writes no ROW records, so one per row is put after
 * the sheet's DIMENSIONS record, its fDyZero flag set as Excel sets it on a hidden row.
 */
function hideXlsRows(bytes, rows) {
    const cfb = XLSX.CFB.read(bytes, { type: 'buffer' });
    const entry = XLSX.CFB.find(cfb, 'Workbook');
    const stream = Buffer.from(entry.content);
    // The sheet's substream starts at its second BOF (0x0809); its DIMENSIONS (0x0200) follows.
    let at = 0, bofs = 0;
    while (at < stream.length) {
        const type = stream.readUInt16LE(at), length = stream.readUInt16LE(at + 2);
        at += 4 + length;
        if (type === 0x0809) bofs++;
        if (type === 0x0200 && bofs === 2) break;
    }
    const records = rows.map(row => {
        const record = Buffer.alloc(20);
        record.writeUInt16LE(0x0208, 0);
        record.writeUInt16LE(16, 2);
        record.writeUInt16LE(row - 1, 4); // rw
        record.writeUInt16LE(0, 6); // colMic
        record.writeUInt16LE(16, 8); // colMac
        record.writeUInt16LE(0x00ff, 10); // miyRw: the default height
        record.writeUInt16LE(0x0120, 16); // fDyZero (hidden), and the bit that must be 1
        record.writeUInt16LE(0x000f, 18); // ixfe
        return record;
    });
    entry.content = Buffer.concat([stream.subarray(0, at), ...records, stream.subarray(at)]);
    entry.size = entry.content.length;
    return XLSX.CFB.write(cfb, { type: 'buffer' });
}

/** A compound file holding the streams of an ECMA-376 encrypted package, as Excel saves with a password. */
function encrypted() {
    const cfb = XLSX.CFB.utils.cfb_new();
    XLSX.CFB.utils.cfb_add(cfb, '/EncryptionInfo', Buffer.from([4, 0, 4, 0, 0x40, 0, 0, 0, ...Buffer.from('<?xml version="1.0"?><encryption/>')]));
    XLSX.CFB.utils.cfb_add(cfb, '/EncryptedPackage', Buffer.alloc(64, 7));
    return XLSX.CFB.write(cfb, { type: 'buffer' });
}

/** A small workbook whose F3 is what `edit` puts there (a formula, a link). */
async function oneOddCell(edit) {
    const book = new ExcelJS.Workbook();
    book.created = book.modified = new Date(Date.UTC(2024, 0, 1));
    const sheet = book.addWorksheet('自评表');
    sheet.addRow(['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分']);
    sheet.addRow(['产出指标', '数量指标', '助餐服务人数', '≥1800人', 1850, 10, 10]);
    sheet.addRow(['产出指标', '数量指标', '上门服务人数', '≥500人', 512, 10, 10]);
    edit(sheet.getCell('E3'));
    return Buffer.from(await book.xlsx.writeBuffer());
}

async function main() {
    rmSync(root, { recursive: true, force: true });
    const files = {
        'layout-a/自评表.xlsx': await writeXlsx([layoutA()]),
        'layout-a-unmerged/自评表.xlsx': await writeXlsx([layoutA({ merged: false, yuan: true, extraTitleRows: 2 })]),
        'layout-a-xls/自评表.xls': xls(layoutA()),
        // Two indicators' rows hidden (last year's, kept out of sight).
        'layout-a-xls-hidden/自评表.xls': hideXlsRows(xls(layoutA()), [14, 15]),
        'layout-b/一体化导出.xlsx': await writeXlsx([layoutB()]),
        'layout-b-reordered/一体化导出.xlsx': await writeXlsx([layoutB({ order: [2, 0, 1, 4, 3, 6, 5, 8, 7, 9, 11, 10] })]),
        // A province's flat sheet with the 自评表's labelled rows below its table.
        'layout-b-narrative/一体化导出.xlsx': await writeXlsx([layoutB({ below: [['存在问题', '无'], ['改进措施', '完善助餐点布局'], ['评价结论', '基本完成年度目标']] })]),
        'layout-c/申报表.xlsx': await writeXlsx([layoutC()]),
        'layout-c-yuan/申报表.xlsx': await writeXlsx([layoutC({ merged: false, yuan: true })]),
        'several-sheets/表单.xlsx': await writeXlsx([
            plan('填报说明', [['填报说明'], ['1. 金额单位为万元。']], [], [40], { tableFrom: 9, titleRow: 0 }),
            layoutC(), layoutA(),
        ]),
        'partial/自评表.xlsx': await writeXlsx([(() => {
            const p = layoutA();
            const rows = p.rows.map(r => [...r]);
            rows[11][6] = { value: '十分' }; // 分值 of 助餐服务人数 is not a number
            rows[20][1] = { value: '其他指标' }; // a level-1 family the language has not
            return { ...p, rows, merges: p.merges.filter(m => !m.startsWith('B20:')) };
        })()]),
        'bad/不是表格.xlsx': Buffer.from('项目名称,社区居家养老服务补贴项目\n'),
        'bad/加密.xlsx': encrypted(),
        'bad/无表单.xlsx': await writeXlsx([plan('说明', [['填报说明'], ['本表为空']], [], [40], { tableFrom: 9 })]),
        'bad/公式无值.xlsx': await oneOddCell(cell => { cell.value = { formula: 'SUM(E2:E2)' }; }),
        'bad/超链接.xlsx': await oneOddCell(cell => { cell.value = { text: '512', hyperlink: 'http://example.com/台账' }; }),
        'bad/外部引用.xlsx': await oneOddCell(cell => { cell.value = { formula: '[1]台账!E3', result: 512 }; }),
    };
    for (const [path, bytes] of Object.entries(files)) {
        mkdirSync(dirname(join(root, path)), { recursive: true });
        writeFileSync(join(root, path), bytes);
    }
    console.log(`wrote ${Object.keys(files).length} workbooks to ${root}`);
}

await main();
