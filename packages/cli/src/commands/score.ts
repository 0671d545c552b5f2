import { relative } from 'node:path';
import { excel, isAssessment, pick, type Bilingual, type Locale, type Model } from '@kpispec/language/core';
import { ExitCode, UserError } from '../exit-codes.js';
import type { Io } from '../io.js';
import { commandLineLocale, languageOfDocuments, parseCommandArgs } from '../options.js';
import { formatScoreCsv } from '../score/csv.js';
import { checkProfile, formUnreadScores, scoreSheet, type ScoreSheet } from '../score/sheet.js';
import { formatScoreTable } from '../score/table.js';
import { passedOverNote, type PassedOverFile } from '../passed-over.js';
import { addDocuments, validateWithWorkbooks, type CliServices } from '../workspace.js';
import { shownPath } from '../shown-path.js';
import { WORKSPACE_EXTENSIONS } from '../excel/workbook-documents.js';
import { skippedNote, skipStrayWorkbooks, type SkippedWorkbook } from '../excel/stray-workbooks.js';
import { setUpCommand } from '../command-setup.js';
import { unreadInDocument, unreadInForm, unreadNote, type UnreadPart } from '../score/unread-notes.js';

export const SCORE_HELP: Bilingual = {
    en: `Usage: kpispec score [options] [files or folders...]

Recomputes every self-assessment (自评) in the files by the scoring profile: for each row
the target, actual, weight, claimed score, the score the rule gives, the difference and
why; the budget execution; level-1 sums; the total; the grade claimed and computed.
The files are read as one workspace, as lint reads them: .kpi files and the Excel forms
beside them (.xlsx, .xls: a 自评表 finds its project in a .kpi file or a 申报表).

Options:
  -f, --format <name>    table (default), json or csv (UTF-8 with BOM, for Excel)
  -p, --profile <name>   scoring profile (default: kpispec.json "profile", else national-2020)
      --locale <zh-CN|en> language of labels and reasons (default: each assessment in its
                          file's, as lint: kpispec.json "locale", else the file's keywords;
                          LANG only for files without keywords)
  -c, --config <file>    use this configuration file instead of finding kpispec.json
  -h, --help             show this help

What could not be read (text the parser read past, a form's cell that is no value) is named
on stderr in lint's words; the scores count only the rest.

Exit codes: 0 printed; 2 usage, configuration or file errors (a .kpi file that cannot be
read or is not UTF-8 is named on stderr, and the rest is still scored), or no assessment found.
`,
    zh: `用法：kpispec score [选项] [文件或文件夹...]

按评分方案重新计算文件中的每份自评：逐行列出目标、实际、分值、自评得分、按规则应得的
分数、差额和原因；预算执行；一级指标小计；总分；自评等级和复算等级。
文件作为一个工作区读取，与 lint 相同：.kpi 文件及其旁边的 Excel 表单
（.xlsx、.xls：自评表在 .kpi 文件或申报表中找到它的项目）。

选项：
  -f, --format <name>    table（默认）、json 或 csv（带 BOM 的 UTF-8，供 Excel 打开）
  -p, --profile <name>   评分方案（默认：kpispec.json 的 "profile"，否则 national-2020）
      --locale <zh-CN|en> 标签和原因的语言（默认：每份自评用其文件的语言，与 lint 相同：
                          kpispec.json 的 "locale"，其次是文件的关键字；LANG 只用于
                          没有关键字的文件）
  -c, --config <file>    使用此配置文件，而不是查找 kpispec.json
  -h, --help             显示本帮助

未能读取的内容（解析器跳过的文字、表单中不是数值的单元格）以 lint 的措辞在标准错误中
列出；得分只计其余部分。

退出码：0 已输出；2 用法、配置或文件错误（无法读取或不是 UTF-8 的 .kpi 文件在标准错误
中列出，其余照常计分），或没有找到自评。
`,
};

const FORMATS = ['table', 'json', 'csv'];

export async function score(argv: string[], io: Io): Promise<number> {
    const { values, positionals } = parseCommandArgs('score', argv, {
        format: { type: 'string', short: 'f', default: 'table' },
        profile: { type: 'string', short: 'p' },
        locale: { type: 'string' },
        config: { type: 'string', short: 'c' },
        help: { type: 'boolean', short: 'h' },
    });
    if (values.help) {
        io.stdout(pick(commandLineLocale(argv, io.env), SCORE_HELP));
        return ExitCode.Clean;
    }
    if (!FORMATS.includes(values.format)) {
        throw new UserError({ zh: `未知格式「${values.format}」（可用 ${FORMATS.join('、')}）`, en: `unknown format '${values.format}' (use ${FORMATS.join(', ')})` });
    }
    const { services, configuration, files } = await setUpCommand({
        paths: positionals, cwd: io.cwd, env: io.env, configFile: values.config, locale: values.locale, extensions: WORKSPACE_EXTENSIONS,
    });
    const { kpi } = services;
    // As the editor's scoring-profile setting does: the named profile wins over every kpispec.json.
    if (values.profile !== undefined) configuration.overrides = { profile: values.profile };

    const skipped: SkippedWorkbook[] = [];
    // A .kpi file that cannot be read or is not UTF-8 is passed over with a note, as lint and report do.
    const passedOver: PassedOverFile[] = [];
    const passOver = (file: PassedOverFile) => passedOver.push({ ...file, file: shownPath(file.file, io.cwd) });
    const { documents, sheets: forms } = files.some(excel.isWorkbookPath)
        // Workbooks are read as lint and report read them (a workbook of a folder that holds no
        // form is passed over with a note), and validated with the rest as they are.
        ? await validateWithWorkbooks(services, files, skipStrayWorkbooks(positionals, io.cwd, workbook => skipped.push(workbook)), passOver)
        // Linking is enough: scores need the assessed project, not the diagnostics (validating
        // would take half as long again).
        : { documents: await linked(services, files, passOver), sheets: [] };
    const formOf = new Map(forms.map(f => [f.document, f]));
    const sheets: ScoreSheet[] = [];
    const locales = new Map<ScoreSheet, Locale>();
    // What the files say that could not be read: scored without it, and said.
    const unread: UnreadPart[] = [];
    for (const document of [...documents, ...forms.map(f => f.document)]) {
        const config = configuration.get(document.uri);
        checkProfile(config);
        // Each assessment in its file's language, as lint's messages about that file.
        const locale = kpi.kpi.Settings.localeOf(document);
        const form = formOf.get(document);
        const path = form?.file ?? document.uri.fsPath;
        const file = relative(io.cwd, path) || path;
        unread.push(...(form ? unreadInForm(form, file, config, locale) : await unreadInDocument(services, document, file)));
        for (const block of (document.parseResult.value as Model).blocks ?? []) {
            if (!isAssessment(block)) continue;
            const sheet = scoreSheet(block, kpi.kpi.Scores.of(block), file, locale, form && formUnreadScores(form.form));
            sheets.push(sheet);
            locales.set(sheet, locale);
        }
    }
    if (skipped.length > 0 || passedOver.length > 0 || unread.length > 0) {
        // In the language of most files, as lint's and report's notes.
        const noteLocale = languageOfDocuments(kpi.kpi.Settings, [...documents, ...forms.map(f => f.document)]);
        for (const workbook of skipped) io.stderr(skippedNote(workbook, noteLocale));
        for (const file of passedOver) io.stderr(passedOverNote(file, noteLocale));
        for (const part of unread) io.stderr(unreadNote(part, noteLocale));
    }
    if (sheets.length === 0) throw new UserError({ zh: '没有找到自评（自评 / assessment）', en: 'no self-assessment (自评 / assessment) found' });
    io.stdout(values.format === 'json' ? JSON.stringify(sheets, null, 2) + '\n'
        : values.format === 'csv' ? formatScoreCsv(sheets)
            : formatScoreTable(sheets, sheet => locales.get(sheet)!));
    return passedOver.length > 0 ? ExitCode.Fatal : ExitCode.Clean;
}

async function linked(services: CliServices, files: readonly string[], passOver: (file: PassedOverFile) => void) {
    const documents = addDocuments(services, files, { passOver });
    await services.shared.workspace.DocumentBuilder.build(documents, { validation: false });
    return documents;
}
