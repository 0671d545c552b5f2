import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { EmptyFileSystem } from 'langium';
import { createKpiServices, excel } from '../../packages/language/src/index.js';

const { kpi } = createKpiServices(EmptyFileSystem);

/** Syntax errors of a text: what the reader emits must always be valid .kpi. */
function syntaxErrors(text: string): string[] {
    const result = kpi.parser.LangiumParser.parse(text);
    return [...result.lexerErrors.map(e => e.message), ...result.parserErrors.map(e => e.message)];
}

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'excel');
const SOURCES = ['layout-a/自评表.xlsx', 'layout-a-xls/自评表.xls', 'layout-b/一体化导出.xlsx', 'layout-c/申报表.xlsx', 'several-sheets/表单.xlsx'];

/** mulberry32: a small seeded generator, so that a failure can be replayed. */
function random(seed: number): () => number {
    let a = seed;
    return () => {
        a = (a + 0x6d2b79f5) | 0;
        let t = Math.imul(a ^ (a >>> 15), 1 | a);
        t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

const JUNK: ReadonlyArray<string | number> = [
    '', '—', '/', '无', '≥', '≥abc%', '＝', '%', '1e309', 'NaN', -0, 1e21, -3.5, 0.0000001, '一级指标', '二级指标', '三级指标',
    '总分', '合计', '年度资金总额', '全年执行数', '其中：财政拨款', '项目名称', '"引号\\反斜杠"', '\n换行\r\n', '𠀀𪚥', '\u0000\u0007',
    '实际完成值', '计算符号', '大于等于', '定性', '达成预期指标', '不适用', 'x'.repeat(5000), '≤50元/人*月', '95％以上',
];

/** One mutation of a workbook's cells: junk values, deleted or swapped cells, new merges. */
function mutateCells(book: XLSX.WorkBook, next: () => number): void {
    const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
    const sheet = book.Sheets[pick(book.SheetNames)]!;
    const range = XLSX.utils.decode_range(sheet['!ref'] ?? 'A1:J30');
    const address = () => XLSX.utils.encode_cell({ r: Math.floor(next() * (range.e.r + 3)), c: Math.floor(next() * (range.e.c + 3)) });
    for (let i = 0, n = 1 + Math.floor(next() * 8); i < n; i++) {
        const kind = next();
        const at = address();
        if (kind < 0.5) {
            const v = pick(JUNK);
            sheet[at] = typeof v === 'number' ? { t: 'n', v } : { t: 's', v };
        } else if (kind < 0.7) {
            delete sheet[at];
        } else if (kind < 0.85) {
            const other = address();
            [sheet[at], sheet[other]] = [sheet[other], sheet[at]];
        } else {
            const s = XLSX.utils.decode_cell(at);
            (sheet['!merges'] ??= []).push({ s, e: { r: s.r + Math.floor(next() * 4), c: s.c + Math.floor(next() * 4) } });
        }
    }
    sheet['!ref'] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: range.e.r + 3, c: range.e.c + 3 } });
}

/** Reading may give forms or our own clear error; nothing else may escape. */
async function expectReadOrClearError(bytes: Uint8Array): Promise<'read' | 'refused'> {
    try {
        const forms = await excel.workbookToKpi(bytes, 'fuzz.xlsx');
        for (const form of forms) expect(syntaxErrors(form.text), form.text).toEqual([]);
        return 'read';
    } catch (e) {
        if (e instanceof excel.WorkbookError) {
            expect(e.text.zh.length).toBeGreaterThan(0);
            return 'refused';
        }
        throw e;
    }
}

describe('the workbook reader under mutation', () => {
    it('reads mutated cells or refuses them with its own error', async () => {
        const next = random(20261204);
        const outcomes = { read: 0, refused: 0 };
        for (const source of SOURCES) {
            const original = readFileSync(join(FIXTURES, source));
            for (let i = 0; i < 25; i++) {
                const book = XLSX.read(original, { type: 'buffer', cellFormula: true });
                mutateCells(book, next);
                const bytes = new Uint8Array(XLSX.write(book, { bookType: next() < 0.8 ? 'xlsx' : 'xls', type: 'buffer' }) as Buffer);
                outcomes[await expectReadOrClearError(bytes)]++;
            }
        }
        // Most mutations leave a form the reader still finds.
        expect(outcomes.read).toBeGreaterThan(outcomes.refused);
    });

    it('refuses damaged bytes (flipped, truncated, zeroed) with its own error', async () => {
        const next = random(42);
        for (const source of SOURCES) {
            const original = readFileSync(join(FIXTURES, source));
            for (let i = 0; i < 40; i++) {
                const bytes = new Uint8Array(original);
                const kind = next();
                if (kind < 0.4) {
                    for (let j = 0; j < 1 + next() * 20; j++) bytes[Math.floor(next() * bytes.length)] = Math.floor(next() * 256);
                    await expectReadOrClearError(bytes);
                } else if (kind < 0.7) {
                    await expectReadOrClearError(bytes.slice(0, Math.floor(next() * bytes.length)));
                } else {
                    const from = Math.floor(next() * bytes.length);
                    bytes.fill(0, from, from + Math.floor(next() * 2000));
                    await expectReadOrClearError(bytes);
                }
            }
        }
    });
});
