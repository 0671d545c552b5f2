import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { URI } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import { excel, isIgnoredNow, pick, type Bilingual, type Locale, type Model } from '@kpispec/language/core';
import { ExitCode, UserError } from '../exit-codes.js';
import { writeXlsx } from '../excel/write-xlsx.js';
import type { Io } from '../io.js';
import { commandLineLocale, docsBaseUrl, languageOfDocuments, parseCommandArgs } from '../options.js';
import { DEFAULT_DOCS_BASE_URL, ruleHelpUri } from '../rule-links.js';
import { validateWorkspace } from '../workspace.js';
import { setUpCommand } from '../command-setup.js';
import { isWrittenInto, writeOutput } from '../write-file.js';
import { passedOverNote, type PassedOverFile } from '../passed-over.js';
import { shownPath } from '../shown-path.js';

export const EXPORT_HELP: Bilingual = {
    en: `Usage: kpispec export [options] <paths...> -o <out.xlsx>

Writes the official forms of the .kpi files as one styled workbook: a 绩效目标申报表
(Layout C) for each project and a 项目支出绩效自评表 (Layout A) for each self-assessment,
with merged heads, borders, column widths and the execution rate. 上年 and 来源 have
columns, 测算 and 里程碑 labelled blocks, 问题, 改进, 结论 and 评价日 labelled rows; what
no form prints (identifiers, 依据 links, 适用 standards, 涉及, 口径) is kept in cell
notes, so the workbook reads back to the same findings.

Options:
  -o, --output <file>    the workbook to write (.xlsx)
      --review           add a 复核得分 column (scores recomputed by the scoring profile)
                         and a 问题清单 sheet listing every finding
      --locale <zh-CN|en> message language of the 问题清单
      --docs-base-url <url> where rule pages <id>.md are published (the 问题清单 links there)
  -c, --config <file>    use this configuration file instead of finding kpispec.json
  -h, --help             show this help

A .kpi file that cannot be read or is not UTF-8 is named on stderr and the
rest is exported. A file with a syntax error is exported as far as it was read,
and named on stderr with its first error.

Exit codes: 0 written; 1 written, but a file has a syntax error; 2 usage,
configuration or file errors (also when a file was passed over, the workbook
written without it).
`,
    zh: `用法：kpispec export [选项] <路径...> -o <out.xlsx>

把 .kpi 文件的官方表单写成一个带格式的工作簿：每个项目一张绩效目标申报表（版式 C），
每份自评一张项目支出绩效自评表（版式 A），带合并的表头、边框、列宽和执行率。上年和
来源有单独的列，测算和里程碑为带标题的区块，问题、改进、结论和评价日为带标题的行；
表单不印的内容（标识符、依据链接、适用的标准、涉及、口径）保存在单元格批注中，
因此工作簿读回后问题相同。

选项：
  -o, --output <file>    要写出的工作簿（.xlsx）
      --review           加一列复核得分（按评分方案复算）和一张列出所有问题的问题清单
      --locale <zh-CN|en> 问题清单的消息语言
      --docs-base-url <url> 规则页面 <id>.md 的发布地址（问题清单链接到那里）
  -c, --config <file>    使用此配置文件，而不是查找 kpispec.json
  -h, --help             显示本帮助

无法读取或不是 UTF-8 的 .kpi 文件在标准错误中列出，其余照常导出。有语法错误的文件
导出已读出的部分，并在标准错误中列出其第一个错误。

退出码：0 已写出；1 已写出，但有文件有语法错误；2 用法、配置或文件错误（有文件被跳过、
工作簿不含它时也是 2）。
`,
};

export async function exportForms(argv: string[], io: Io): Promise<number> {
    const { values, positionals } = parseCommandArgs('export', argv, {
        output: { type: 'string', short: 'o' },
        review: { type: 'boolean' },
        locale: { type: 'string' },
        'docs-base-url': { type: 'string' },
        config: { type: 'string', short: 'c' },
        help: { type: 'boolean', short: 'h' },
    });
    if (values.help) {
        io.stdout(pick(commandLineLocale(argv, io.env), EXPORT_HELP));
        return ExitCode.Clean;
    }
    if (!values.output) throw new UserError({ zh: 'export 需要 -o <out.xlsx>（见 kpispec export --help）', en: 'export needs -o <out.xlsx> (see kpispec export --help)' });
    const out = resolve(io.cwd, values.output);
    const docsBase = values['docs-base-url'] === undefined ? undefined : docsBaseUrl(values['docs-base-url']);
    // A pipe or a device (`-o /dev/stdout | …`) has no extension to check.
    const intoStream = isWrittenInto(out);
    if (!/\.xlsx$/i.test(values.output) && !intoStream) throw new UserError({ zh: `${values.output}：export 写的是 .xlsx 工作簿`, en: `${values.output}: export writes .xlsx workbooks` });
    // A workbook named here would be read as text and refused as "not UTF-8", which says nothing of what to do.
    const workbook = positionals.find(excel.isWorkbookPath);
    if (workbook) {
        throw new UserError({
            zh: `${workbook}：export 从 .kpi 文件生成表单；请先导入工作簿（kpispec import ${workbook}），再导出 .kpi 文件`,
            en: `${workbook}: export writes the forms of .kpi files; import the workbook first (kpispec import ${workbook}), then export the .kpi files`,
        });
    }
    const { services: { shared, kpi }, files } = await setUpCommand({
        paths: positionals, cwd: io.cwd, env: io.env, configFile: values.config, locale: values.locale,
    });
    // A .kpi file that cannot be read or is not UTF-8 is named, as lint names it, and the rest is exported (exit 2).
    const passedOver: PassedOverFile[] = [];
    const documents = await validateWorkspace({ shared }, files, file => passedOver.push({ ...file, file: shownPath(file.file, io.cwd) }));
    const locale = languageOfDocuments(kpi.kpi.Settings, documents);
    for (const file of passedOver) io.stderr(passedOverNote(file, locale));

    const plans = excel.formPlans(documents.map(d => d.parseResult.value as Model), values.review ? a => kpi.kpi.Scores.of(a).score : undefined);
    if (plans.length === 0) {
        // Nothing read: the notes said why.
        if (passedOver.length > 0 && documents.length === 0) return ExitCode.Fatal;
        throw new UserError({ zh: '没有可导出的项目（项目）或自评（自评）', en: 'no project (项目) or self-assessment (自评) to export' });
    }
    if (values.review) {
        const base = docsBase ?? kpi.kpi.Configuration.get(documents[0]!.uri).docsBaseUrl ?? DEFAULT_DOCS_BASE_URL;
        plans.push(excel.findingsPlan(excel.findingRows(documents, d => relative(io.cwd, d.uri.fsPath) || d.uri.fsPath, id => ruleHelpUri(base, id)), locale));
    }

    const bytes = await writeXlsx(plans);
    await writeOutput(out, bytes);
    // Written into a pipe or a device (`-o /dev/stdout > forms.xlsx`), the line would end up in the workbook.
    (intoStream ? io.stderr : io.stdout)(`${intoStream ? values.output : relative(io.cwd, out)}: ${plans.map(p => p.name).join(', ')}\n`);
    // The folders given, and those of the files exported: `kpispec lint` of either reads the workbook.
    const folders = [...(positionals.length ? positionals : ['.']).map(p => resolve(io.cwd, p)), ...documents.map(d => dirname(d.uri.fsPath))];
    const readAgain = !intoStream && folders.some(folder => isInside(out, folder)) && !isIgnoredNow(URI.file(out), kpi.kpi.Configuration);
    if (readAgain) io.stderr(readAgainNote(relative(io.cwd, out), locale));
    // A typo the parser stepped over (`得分 1O` is 得分 1) is in the forms as it was read: said, and exit 1 as lint's errors.
    const broken = documents.flatMap(d => {
        const [error] = (d.diagnostics ?? []).filter(x => String(x.code).startsWith('syntax/'))
            .sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
        return error ? [syntaxNote(shownPath(d.uri.fsPath, io.cwd), error, locale)] : [];
    });
    for (const note of broken) io.stderr(note);
    return passedOver.length > 0 ? ExitCode.Fatal : broken.length > 0 ? ExitCode.Problems : ExitCode.Clean;
}

/** A file exported with a syntax error: its first, and what to do. */
function syntaxNote(file: string, { range: { start }, message }: Diagnostic, locale: Locale): string {
    const at = `${file}:${start.line + 1}:${start.character + 1}`;
    return locale === 'en'
        ? `kpispec: ${at}: syntax error (${message}); the forms leave out or misread what it holds: fix it (kpispec lint) and export again\n`
        : `kpispec: ${at}：语法错误（${message}），表单中缺少或误读了此处的内容：请改正（kpispec lint）后再导出\n`;
}

const isInside = (file: string, folder: string) => {
    const path = relative(folder, file);
    return path !== '' && !path.startsWith('..') && !isAbsolute(path);
};

/**
 * Said when the workbook is written into a folder it was exported from, where no `ignore` glob
 * leaves it out: lint, report and the editor read it there as one more submission, beside the .kpi
 * files it copies, and every project and self-assessment is then defined twice (the editor's
 * export command says the same).
 */
function readAgainNote(file: string, locale: Locale): string {
    return locale === 'en'
        ? `kpispec: ${file} is in the folder exported: lint and the editor read it with the .kpi files, and its forms repeat theirs (name/duplicate); save it outside, or list it under "ignore" in kpispec.json\n`
        : `kpispec: ${file} 在导出的文件夹内：lint 和编辑器会把它与 .kpi 文件一并读入，其表单与之重复（name/duplicate）；请保存到文件夹外，或在 kpispec.json 的 "ignore" 中列出\n`;
}
