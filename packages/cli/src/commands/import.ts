import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { URI, type LangiumDocument } from 'langium';
import { excel, pick, type Bilingual, type KpiCoreServices } from '@kpispec/language/core';
import { ExitCode, UserError } from '../exit-codes.js';
import { isMissing, noSuchPath } from '../files.js';
import { readWorkbookFile } from '../excel/workbook-documents.js';
import { saveAsWorkbook } from '../other-documents.js';
import type { Io } from '../io.js';
import { commandLineLocale, parseCommandArgs, unknownKeywordLanguage, useLocale } from '../options.js';
import { readUtf8Sync } from '../workspace.js';
import { shownPath } from '../shown-path.js';
import { writeOutput } from '../write-file.js';

export const IMPORT_HELP: Bilingual = {
    en: `Usage: kpispec import [options] <workbooks...>

Reads Excel forms (.xlsx, .xls: 自评表, 一体化 flat sheets, 申报表) and writes .kpi files
that can be edited and linted, formatted, their tables lined up as the form prints them:
one per sheet that holds a form, beside its workbook
(自评表.xlsx → 自评表.kpi; a workbook of several forms → 自评表-<sheet>.kpi). Values the
reader could not read are listed at the top of the file and on stderr. A 自评表 whose project
a 申报表 imported with it, or a .kpi file in the folder written to, defines assesses that one.

Options:
  -o, --out-dir <dir>    write the .kpi files into this folder instead
      --force            replace .kpi files that exist
      --lang <zh|en>     keywords in Chinese or English (default: those of the file the
                         workbook was exported from, as its notes say, else Chinese)
      --locale <zh-CN|en> message language
  -h, --help             show this help

Exit codes: 0 written; 2 usage errors, a file that is no readable form, a .kpi file
that exists, or two workbooks that would write one .kpi file (nothing is written then).
`,
    zh: `用法：kpispec import [选项] <工作簿...>

读取 Excel 表单（.xlsx、.xls：自评表、一体化平表、申报表），写出可以编辑、检查和格式化
的 .kpi 文件，其中的表格按表单的样子对齐：每个含表单的工作表一个文件，放在工作簿旁边
（自评表.xlsx → 自评表.kpi；含多个表单的工作簿 → 自评表-<工作表>.kpi）。读不出的值
列在文件开头和标准错误中。一同导入的申报表，或写入的文件夹中的 .kpi 文件定义了哪个项目，
自评表评的就是哪个项目。

选项：
  -o, --out-dir <dir>    把 .kpi 文件写入这个文件夹
      --force            替换已存在的 .kpi 文件
      --lang <zh|en>     关键字用中文或英文（默认：工作簿导出时所用文件的关键字，如其
                         说明所写；否则中文）
      --locale <zh-CN|en> 消息语言
  -h, --help             显示本帮助

退出码：0 已写出；2 用法错误、不是可读表单的文件、已存在的 .kpi 文件，或两个工作簿会
写出同一个 .kpi 文件（此时什么也不写）。
`,
};

export async function importWorkbooks(argv: string[], io: Io): Promise<number> {
    const { values, positionals } = parseCommandArgs('import', argv, {
        'out-dir': { type: 'string', short: 'o' },
        force: { type: 'boolean' },
        lang: { type: 'string' },
        locale: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
    });
    if (values.help) {
        io.stdout(pick(commandLineLocale(argv, io.env), IMPORT_HELP));
        return ExitCode.Clean;
    }
    if (positionals.length === 0) throw new UserError({ zh: 'import 至少需要一个工作簿（见 kpispec import --help）', en: 'import needs at least one workbook (see kpispec import --help)' });
    const keywords = values.lang === 'zh-CN' ? 'zh' : values.lang;
    if (keywords !== undefined && keywords !== 'zh' && keywords !== 'en') throw new UserError(unknownKeywordLanguage(values.lang));
    // The text is laid out by the editor's formatter, as `format` lays it out.
    const { createEditorServices, importedText } = await import('../editor-services.js');
    const { kpi } = createEditorServices();
    useLocale(kpi.kpi.Settings, values.locale, io.env);
    const locale = kpi.kpi.Settings.locale;
    // Read every workbook before writing anything: one bad file leaves nothing half-written.
    const books: Array<{ file: string; book: excel.WorkbookForms; paths: string[] }> = [];
    for (const positional of positionals) {
        const file = resolve(io.cwd, positional);
        if (books.some(b => b.file === file)) continue; // named twice
        if (!excel.isWorkbookPath(file)) {
            const then = saveAsWorkbook(file);
            throw new UserError({ zh: `${positional}：不是工作簿（.xlsx 或 .xls）${then.zh}`, en: `${positional}: not a workbook (.xlsx or .xls)${then.en}` });
        }
        if (await isMissing(file)) throw new UserError(noSuchPath(positional));
        const book = (await readWorkbookFile(file, locale))!;
        const dir = values['out-dir'] ? resolve(io.cwd, values['out-dir']) : dirname(file);
        books.push({ file, book, paths: book.forms.map(f => join(dir, excel.kpiFileName(basename(file), f.sheet, book.forms.length))) });
    }
    const paths = books.flatMap(b => b.paths);
    // Two workbooks of one name (a/自评表.xlsx, b/自评表.xlsx) into one folder: the second would replace the first.
    const clash = paths.find((path, i) => paths.indexOf(path) !== i);
    if (clash) {
        const from = books.filter(b => b.paths.includes(clash)).map(b => relative(io.cwd, b.file));
        const shown = relative(io.cwd, clash);
        throw new UserError({
            zh: `${shown} 会同时由 ${from[0]} 和 ${from[1]} 写出；请把它们导入不同的文件夹`,
            en: `${shown} would be written from both ${from[0]} and ${from[1]}; import them into different folders`,
        });
    }
    // A 自评表 assesses the project a 申报表 imported with it, or a .kpi file where it is written, defines (as lint reads them).
    const defined = excel.projectsDefinedBy(await keptDocuments(kpi.shared, paths));
    const emitted = excel.emitWorkbooks(books.map(b => b.book), defined, { keywords });
    const outputs: Array<{ path: string; text: string }> = [];
    for (const [i, { file, paths: bookPaths }] of books.entries()) {
        for (const [j, form] of emitted[i]!.entries()) {
            outputs.push({ path: bookPaths[j]!, text: await importedText(kpi, form) });
            // In the language of the file's comments on them (importedText) and of its findings: its keywords', unless --locale.
            const said = form.problems.length > 0 ? kpi.kpi.Settings.localeOf(kpi.shared.workspace.LangiumDocumentFactory.fromString(form.text, URI.file(bookPaths[j]!))) : locale;
            // The workbook named as lint names it, by its path: two of one name (a/自评表.xlsx, b/自评表.xlsx) are told apart.
            for (const p of form.problems) io.stderr(`kpispec: ${shownPath(file, io.cwd)} ${form.sheet}!${p.cell}: ${pick(said, p.text)}\n`);
        }
    }
    const existing = values.force ? undefined : outputs.find(o => existsSync(o.path));
    if (existing) {
        const shown = relative(io.cwd, existing.path);
        throw new UserError({ zh: `${shown} 已存在（用 --force 替换它）`, en: `${shown} exists (use --force to replace it)` });
    }
    for (const { path, text } of outputs) {
        await writeOutput(path, text);
        io.stdout(`${relative(io.cwd, path)}\n`);
    }
    return ExitCode.Clean;
}

/** The .kpi files already in the folders the import writes to, but for those it replaces, parsed. */
async function keptDocuments(shared: KpiCoreServices['shared'], written: readonly string[]): Promise<LangiumDocument[]> {
    const replaced = new Set(written);
    const documents: LangiumDocument[] = [];
    for (const dir of new Set(written.map(dirname))) {
        for (const name of await readdir(dir).catch(() => [])) {
            const file = join(dir, name);
            if (!name.endsWith('.kpi') || replaced.has(file)) continue;
            try {
                documents.push(shared.workspace.LangiumDocumentFactory.fromString(readUtf8Sync(file), URI.file(file)));
            } catch (e) {
                // One that cannot be read is lint's to name; it defines nothing here.
                if (!(e instanceof UserError)) throw e;
            }
        }
    }
    return documents;
}
