import { existsSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, relative, resolve } from 'node:path';
import { pick, type Bilingual } from '@kpispec/language/core';
import { isWrittenInto, writeOutput } from '../write-file.js';
import { reviewPlans } from '../excel/review-plans.js';
import { writeXlsx } from '../excel/write-xlsx.js';
import { skippedNote } from '../excel/stray-workbooks.js';
import { passedOverNote } from '../passed-over.js';
import { ExitCode, UserError } from '../exit-codes.js';
import { plural } from '../formatters/plural.js';
import type { Io } from '../io.js';
import { commandLineLocale, docsBaseUrl, parseCommandArgs } from '../options.js';
import { renderPages, renderReport, workspaceReport, type ReportData } from '../report/index.js';
import { DEFAULT_DOCS_BASE_URL, ruleHelpUri } from '../rule-links.js';

/** Above this many projects one page would be too long to open: an index and a page per project. */
const SPLIT_ABOVE = 50;

export const REPORT_HELP: Bilingual = {
    en: `Usage: kpispec report [options] [paths or globs...]

Writes the reviewer's report of the files (.kpi files and the Excel forms beside them),
read as one workspace: an overview (projects, scores claimed and recomputed, grades,
findings by rule, score inflation) and per project the 评分复核, targets beside their
contract clauses and standards, funds, milestones and the 问题清单 with sources and
整改建议. One self-contained HTML file: no scripts, no external requests, prints on A4.
Numbers are those of 'kpispec score' and 'kpispec lint'.

Options:
  -o, --output <path>       a .html file, or a folder for index.html plus one page per
                            project (default: kpispec-report.html; kpispec-report/ when
                            there are more than ${SPLIT_ABOVE} projects; a .html file then gets its
                            project pages in a folder of the same name); a .xlsx file
                            for --format xlsx (default: kpispec-report.xlsx)
  -f, --format <name>       html (default; xlsx when -o names a .xlsx file) or xlsx: a
                            workbook with the 问题清单 (one row per finding) and the
                            评分复核 (one row per scored line)
  -p, --profile <name>      scoring profile (default: kpispec.json "profile", else national-2020)
      --locale <zh-CN|en>   the language of the whole report, findings included (default:
                            the one most of the files are in, each file's as lint decides
                            it: kpispec.json "locale", else its keywords; LANG on a tie)
  -c, --config <file>       use this configuration file instead of finding kpispec.json
      --docs-base-url <url> where rule pages <id>.md are published (each finding links there)
  -h, --help                show this help

Exit codes: 0 written (whatever it found); 2 usage, configuration or file errors (a .kpi
file that cannot be read or is not UTF-8 is named on stderr and in the report, which is still written).
`,
    zh: `用法：kpispec report [选项] [路径或通配符...]

生成这些文件（.kpi 文件及其旁边的 Excel 表单，作为一个工作区读取）的审核报告：总体情况
（项目、自评得分和复算得分、等级、按规则的问题、得分虚高），以及每个项目的评分复核、
目标及其对应的合同条款和标准、资金、里程碑、附依据和整改建议的问题清单。
一个独立的 HTML 文件：没有脚本，不请求外部资源，可按 A4 打印。
数字与 'kpispec score' 和 'kpispec lint' 的相同。

选项：
  -o, --output <path>       .html 文件，或放 index.html 和每个项目一页的文件夹（默认：
                            kpispec-report.html；项目多于 ${SPLIT_ABOVE} 个时为 kpispec-report/；
                            此时 .html 文件的项目页放在同名文件夹中）；--format xlsx
                            时为 .xlsx 文件（默认：kpispec-report.xlsx）
  -f, --format <name>       html（默认；-o 为 .xlsx 文件时为 xlsx）或 xlsx：含问题清单
                            （每个问题一行）和评分复核（每个计分行一行）的工作簿
  -p, --profile <name>      评分方案（默认：kpispec.json 的 "profile"，否则 national-2020）
      --locale <zh-CN|en>   整份报告（包括问题）的语言（默认：多数文件的语言，每个文件的
                            语言与 lint 的判断相同：kpispec.json 的 "locale"，其次是其
                            关键字；数量相同时用 LANG）
  -c, --config <file>       使用此配置文件，而不是查找 kpispec.json
      --docs-base-url <url> 规则页面 <id>.md 的发布地址（每个问题都链接到那里）
  -h, --help                显示本帮助

退出码：0 已写出（无论发现什么）；2 用法、配置或文件错误（无法读取或不是 UTF-8 的 .kpi
文件在标准错误和报告中列出，报告照常写出）。
`,
};

export async function report(argv: string[], io: Io): Promise<number> {
    const { values, positionals } = parseCommandArgs('report', argv, {
        output: { type: 'string', short: 'o' },
        format: { type: 'string', short: 'f' },
        profile: { type: 'string', short: 'p' },
        locale: { type: 'string' },
        config: { type: 'string', short: 'c' },
        'docs-base-url': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
    });
    if (values.help) {
        io.stdout(pick(commandLineLocale(argv, io.env), REPORT_HELP));
        return ExitCode.Clean;
    }
    const format = values.format ?? (values.output && /\.xlsx$/i.test(values.output) ? 'xlsx' : 'html');
    if (format !== 'html' && format !== 'xlsx') throw new UserError({ zh: `未知格式「${format}」（可用 html 或 xlsx）`, en: `unknown format '${format}' (use html or xlsx)` });
    if (format === 'xlsx' && values.output && !/\.xlsx$/i.test(values.output)) {
        throw new UserError({ zh: `${values.output}：--format xlsx 写的是 .xlsx 工作簿`, en: `${values.output}: --format xlsx writes a .xlsx workbook` });
    }
    // Else the pages would go into a folder named like a workbook.
    if (format === 'html' && values.output && /\.xlsx?$/i.test(values.output)) {
        throw new UserError(values.format === undefined
            ? { zh: `${values.output}：报告的工作簿是 .xlsx 文件`, en: `${values.output}: the report's workbook is a .xlsx file` }
            : { zh: `${values.output}：--format html 写的是 .html 文件或文件夹，不是工作簿`, en: `${values.output}: --format html writes a .html file or a folder, not a workbook` });
    }
    // Checked before any file is read, as lint checks it: a javascript: base would give every rule link href="#".
    const docsBase = values['docs-base-url'] === undefined ? undefined : docsBaseUrl(values['docs-base-url']);
    const paths = positionals.length ? positionals : ['.'];
    const data = await workspaceReport({
        paths,
        cwd: io.cwd,
        env: io.env,
        // The current folder by its name: `.` says nothing in a report sent on.
        scope: paths.map(p => (resolve(io.cwd, p) === io.cwd ? basename(io.cwd) || p : p)).join(', '),
        locale: values.locale,
        configFile: values.config,
        profile: values.profile,
        ruleUrl: (id, configured) => ruleHelpUri(docsBase ?? configured ?? DEFAULT_DOCS_BASE_URL, id),
    });
    for (const workbook of data.skipped ?? []) io.stderr(skippedNote(workbook, data.locale));
    for (const file of data.passedOver ?? []) io.stderr(passedOverNote(file, data.locale));
    const written = format === 'xlsx' ? await writeWorkbook(data, resolve(io.cwd, values.output ?? 'kpispec-report.xlsx')) : await write(data, values.output, io.cwd);
    const findings = data.totals.errors + data.totals.warnings + data.totals.infos;
    // Into a pipe or stdout the line would end up in the report: it goes to stderr then.
    const say = isWrittenInto(written) ? io.stderr : io.stdout;
    say(`${relative(io.cwd, written) || written}: ${plural(data.projects.length, 'project')}, ${plural(findings, 'finding')}\n`);
    // Written without them: a file that could not be read is still a file error.
    return data.passedOver ? ExitCode.Fatal : ExitCode.Clean;
}

/** Writes one file or an index with project pages; returns the path of the page to open. */
async function write(data: ReportData, output: string | undefined, cwd: string): Promise<string> {
    const large = data.projects.length > SPLIT_ABOVE;
    const target = resolve(cwd, output ?? (large ? 'kpispec-report' : 'kpispec-report.html'));
    // A device or a pipe (`-o /dev/stdout`) takes one page, whatever its name.
    if (output !== undefined && isWrittenInto(target)) {
        await writeOutput(target, renderReport(data));
        return target;
    }
    const isFolder = (output !== undefined && /[\\/]$/.test(output))
        || (existsSync(target) && statSync(target).isDirectory())
        || extname(target).toLowerCase() !== '.html';
    if (isFolder) {
        await writePages(target, renderPages(data));
        return join(target, 'index.html');
    }
    if (large) {
        const index = basename(target);
        await writePages(dirname(target), renderPages(data, { index, folder: basename(target, extname(target)) }));
        return target;
    }
    await writePages(dirname(target), new Map([[basename(target), renderReport(data)]]));
    return target;
}

/** The 问题清单 and 评分复核 as a workbook, with export --review's sheets; returns its path. */
async function writeWorkbook(data: ReportData, target: string): Promise<string> {
    await writeOutput(target, await writeXlsx(reviewPlans(data)));
    return target;
}

/** Each page is written whole or not at all (see writeOutput). */
async function writePages(folder: string, pages: ReadonlyMap<string, string>): Promise<void> {
    for (const [name, content] of pages) await writeOutput(join(folder, name), content);
}
