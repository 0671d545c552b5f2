import { copyFileSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isAssessment, isProject } from '../../packages/language/src/generated/ast.js';
import { formSheetName, readSheets, type SheetGrid } from '../../packages/language/src/excel/index.js';
import { runCli, tempDir } from '../cli/run-cli.js';
import { REFERENCE, strictParser } from '../support/parse.js';

/**
 * The reference cases exported with `kpispec export` and read back: the exported workbook, linted
 * with the case's other files (contracts, standards, compliance reviews and kpispec.json, which
 * export does not write), gives the findings of the typed case, entry by entry of expected.json
 * (rule, severity and message: the message names the values involved) and nothing else, at any
 * severity.
 *
 * Where a finding points differs by nature: a typed file's line becomes a workbook's sheet and
 * cell. What can be compared is compared: a finding on a project's line is on that project's
 * 申报表 sheet, on an assessment's line on its 自评表 sheet, on another block's line on the
 * same line text of the file that keeps it; and a finding on a row (an indicator, a 问题, a
 * 测算 component, a goal) points at a cell of the row that prints it, found by the row's title
 * or name (names are kept in cell notes). Lines that head a block (`自评 …`, `产出指标 {`, `适用 …`,
 * `预算执行 …`, `合计 …`) print no row of their own: for them only the sheet is compared.
 *
 * No rule of the reference cases is lost: the printed forms have places (or the labelled blocks
 * export adds) for everything these cases hold. A fault only text can hold (a syntax error, a
 * suppression comment) would be lost, and none is in them.
 */

interface Expected { file: string; rule: string; line: string; count: number }
interface JsonMessage { ruleId: string; severity: number; message: string; line: number; cell?: string }
interface JsonResult { filePath: string; messages: JsonMessage[] }

const expected = JSON.parse(readFileSync(join(REFERENCE, 'expected.json'), 'utf8')) as Record<string, Expected[] | string>;
const cases = readdirSync(REFERENCE).filter(e => statSync(join(REFERENCE, e)).isDirectory());
const dir = tempDir();
const parse = strictParser();

type BlockKind = 'project' | 'assessment' | 'other';
/** A top-level block of a file: its kind, name and lines (1-based, inclusive). */
interface Block { kind: BlockKind; name: string; from: number; to: number }

async function blocksOf(text: string): Promise<Block[]> {
    const { model, errors } = await parse(text);
    expect(errors).toEqual([]);
    return model.blocks.map(b => ({
        kind: isProject(b) ? 'project' : isAssessment(b) ? 'assessment' : 'other',
        name: b.name,
        from: b.$cstNode!.range.start.line + 1,
        to: b.$cstNode!.range.end.line + 1,
    }));
}

/** Lints a folder as JSON in the given message language. */
async function lint(folder: string, locale: string): Promise<JsonResult[]> {
    const run = await runCli(['lint', folder, '-f', 'json', '--locale', locale]);
    expect(run.stderr).toBe('');
    return JSON.parse(run.stdout) as JsonResult[];
}

const fileName = (path: string) => path.split(/[\\/]/).pop()!;
const key = (m: JsonMessage) => `${m.ruleId} ${m.severity} ${m.message}`;

/** The texts on a source line that name its row: strings, and the name after 指标 / indicator … */
function rowTokens(line: string): string[] {
    if (/\{$/.test(line) || /^(自评|assessment|项目|project|适用|applies|预算执行|execution|合计|total)\s/.test(line)) return [];
    const strings = [...line.matchAll(/"((?:\\.|[^"\\])*)"/g)].map(m => m[1]!);
    const named = /^(指标|indicator|里程碑|milestone|测算|breakdown)\s+([^\s"]+)/.exec(line)?.[2];
    const leading = /^([^\s"{]+)\s+"/.exec(line)?.[1];
    return [...strings, ...(named ? [named] : []), ...(leading && !/^(问题|problem)$/.test(leading) ? [leading] : [])];
}

/** Every text and note on the row of a cell (`F14`) of a sheet. */
function rowTexts(sheet: SheetGrid, cell: string): string {
    const row = Number(/\d+$/.exec(cell)![0]) - 1;
    return (sheet.rows[row] ?? []).map(c => `${c?.text ?? ''} ${c?.note ?? ''}`).join(' ');
}

describe('reference cases exported and read back', () => {
    for (const name of cases) {
        it(`${name}: the expected findings, entry by entry, and nothing else`, async () => {
            const source = join(REFERENCE, name);
            const back = join(dir, name);
            mkdirSync(back, { recursive: true });
            const locale = name === 'english' ? 'en' : 'zh-CN';

            // Projects and assessments go into the workbook; the other blocks stay in .kpi files.
            const blocks = new Map<string, Block[]>();
            const exported: string[] = [];
            for (const file of readdirSync(source)) {
                if (!file.endsWith('.kpi')) {
                    copyFileSync(join(source, file), join(back, file));
                    continue;
                }
                const text = readFileSync(join(source, file), 'utf8');
                const found = await blocksOf(text);
                blocks.set(file, found);
                if (found.some(b => b.kind !== 'other')) exported.push(join(source, file));
                const kept = found.filter(b => b.kind === 'other');
                if (kept.length === 0) continue;
                const lines = text.split('\n');
                // Blank the exported blocks' lines: the kept blocks stay on their own lines.
                const keptText = lines.map((l, i) => (kept.some(b => i + 1 >= b.from && i + 1 <= b.to) ? l : '')).join('\n');
                writeFileSync(join(back, file), keptText);
            }
            const workbook = join(back, '表单.xlsx');
            const exportRun = await runCli(['export', ...exported, '-o', workbook]);
            expect(exportRun.stderr).toBe('');
            expect(exportRun.code).toBe(0);
            const sheets = await readSheets(new Uint8Array(readFileSync(workbook)));

            const typed = await lint(source, locale);
            const read = await lint(back, locale);
            const readMessages = read.flatMap(r => r.messages.map(m => ({ ...m, file: fileName(r.filePath) })));

            // Nothing lost, nothing added, at any severity.
            const all = (results: JsonResult[]) => results.flatMap(r => r.messages.map(key)).sort();
            expect(all(read)).toEqual(all(typed));

            // Entry by entry: the typed case's findings on the entry's line, and where they are read back.
            for (const entry of expected[name] as Expected[]) {
                const text = readFileSync(join(source, entry.file), 'utf8').split(/\r?\n/);
                const line = text.findIndex(l => l.trimStart().startsWith(entry.line)) + 1;
                const onLine = typed.find(r => fileName(r.filePath) === entry.file)!.messages
                    .filter(m => m.ruleId === entry.rule && m.line === line && m.severity > 0);
                expect(onLine, `${entry.file}:${line} ${entry.rule}`).toHaveLength(entry.count);
                const block = blocks.get(entry.file)!.find(b => line >= b.from && line <= b.to)!;
                for (const m of onLine) {
                    const matches = readMessages.filter(r => key(r) === key(m));
                    expect(matches.length, key(m)).toBeGreaterThan(0);
                    if (block.kind === 'other') {
                        // Kept in its .kpi file, on the same line text.
                        expect(matches.map(r => `${r.file}:${r.line}`)).toContain(`${entry.file}:${line}`);
                        continue;
                    }
                    const sheetName = formSheetName(block.name, block.kind === 'project' ? '申报表' : '自评表');
                    const here = matches.filter(r => r.file === '表单.xlsx' && r.cell?.startsWith(`${sheetName}!`));
                    expect(here.length, `${key(m)} on sheet ${sheetName}`).toBeGreaterThan(0);
                    const tokens = rowTokens(text[line - 1]!.trim());
                    const sheet = sheets.find(s => s.name === sheetName)!;
                    if (tokens.length > 0) {
                        const rows = here.map(r => rowTexts(sheet, r.cell!.slice(r.cell!.indexOf('!') + 1)));
                        expect(rows.some(row => tokens.some(t => row.includes(t))), `${key(m)}: a cell of the row of ${tokens.join(' / ')}`).toBe(true);
                    }
                }
            }
        });
    }

    it('covers every reference case', () => {
        expect(cases.sort()).toEqual(Object.keys(expected).filter(k => k !== 'about').sort());
    });
});
