import { resolve } from 'node:path';
import { URI } from 'langium';
import { pick, type Bilingual } from '@kpispec/language/core';
import { ExitCode, UserError } from '../exit-codes.js';
import { stepSummary } from '../formatters/github.js';
import { LINT_FORMATS } from '../formatters/index.js';
import { plural } from '../formatters/plural.js';
import { useColor, type Io } from '../io.js';
import { commandLineLocale, docsBaseUrl, nonNegativeInteger, parseCommandArgs, repositoryRoot, single } from '../options.js';
import { totals, type ReportContext } from '../results.js';
import { DEFAULT_DOCS_BASE_URL } from '../rule-links.js';
import { appendSummary, refuseInputAsOutput } from '../report-files.js';
import { writeOutput } from '../write-file.js';
import { WORKSPACE_EXTENSIONS } from '../excel/workbook-documents.js';
import { setUpCommand } from '../command-setup.js';
import { passedOverNote, passedOverResult } from '../passed-over.js';
import { shownPath } from '../shown-path.js';
import { cachePath, DEFAULT_CACHE_FILE } from '../cache-location.js';
import { parseConcurrency } from '../units/concurrency.js';
import { lintFiles } from '../units/lint-files.js';
import { parseShard } from '../units/shard.js';
import { skippedNote, skipStrayWorkbooks, type SkippedWorkbook } from '../excel/stray-workbooks.js';
import { LINT_OPTIONS } from './lint-options.js';

export const LINT_HELP: Bilingual = {
    en: `Usage: kpispec lint [options] [paths or globs...]

Checks .kpi files as one workspace (links between files resolve) and reports problems.
Excel forms (.xlsx, .xls: 自评表, 一体化 sheets, 申报表) join the workspace; their findings
name the sheet and cell (自评表!F14). Folders are searched recursively, following
links, skipping node_modules, dot-folders and the "ignore" globs of kpispec.json.
Default path: the current folder.

Options:
  -f, --format <name>       stylish (default), json, sarif, github or junit
  -o, --output-file <file>  write the report to a file instead of stdout
      --max-warnings <n>    exit 1 when there are more than n warnings
      --quiet               report errors only (warnings neither shown nor counted)
      --locale <zh-CN|en>   message language (default: kpispec.json "locale", then the
                            file's keywords; LANG only for files without keywords)
  -c, --config <file>       use this configuration file instead of finding kpispec.json
      --no-inline-config    ignore kpispec-disable comments (they are reported as unused)
      --docs-base-url <url> where rule pages <id>.md are published (links in sarif, github)
      --concurrency <auto|n> threads validating units (a project with the files that name
                            it; shared standards are loaded in each); auto: one per core
                            once there are 1,000 units per thread. The output is the same.
      --shard <i/n>         report only the i-th of n parts of the units (1 ≤ i ≤ n; a unit's
                            part follows from its project's name), for CI machines
      --cache               reuse the findings of units whose files, standards and
                            configuration are unchanged since the last run
      --cache-location <p>  the cache file, or a folder for it (default: .kpispeccache)
  -h, --help                show this help

Exit codes: 0 no errors and warnings within --max-warnings; 1 errors or too many
warnings; 2 usage, configuration or file errors (a .kpi file that cannot be read or is
not UTF-8 is named on stderr, and the rest is still reported).
`,
    zh: `用法：kpispec lint [选项] [路径或通配符...]

把 .kpi 文件作为一个工作区检查（文件之间的引用可以解析），报告问题。
Excel 表单（.xlsx、.xls：自评表、一体化表、申报表）也加入工作区，其问题注明工作表和
单元格（自评表!F14）。文件夹递归查找，跟随链接，跳过 node_modules、以点开头的文件夹
和 kpispec.json 中 "ignore" 的通配符。默认路径：当前文件夹。

选项：
  -f, --format <name>       stylish（默认）、json、sarif、github 或 junit
  -o, --output-file <file>  把报告写入文件，而不是标准输出
      --max-warnings <n>    警告多于 n 个时以 1 退出
      --quiet               只报告错误（警告既不显示也不计数）
      --locale <zh-CN|en>   消息语言（默认：kpispec.json 的 "locale"，其次是文件关键字的
                            语言；LANG 只用于没有关键字的文件）
  -c, --config <file>       使用此配置文件，而不是查找 kpispec.json
      --no-inline-config    忽略 kpispec-disable 注释（它们会报告为未使用）
      --docs-base-url <url> 规则页面 <id>.md 的发布地址（sarif、github 中的链接）
      --concurrency <auto|n> 校验单元的线程数（一个项目和引用它的文件为一个单元；共用的
                            标准在每个线程中各加载一次）；auto：每核一个线程，且每个线程
                            至少有 1,000 个单元。输出不受影响。
      --shard <i/n>         只报告单元 n 份中的第 i 份（1 ≤ i ≤ n；单元属于哪一份由其
                            项目名称决定），供多台 CI 机器分担
      --cache               复用上次运行以来文件、标准和配置都未改变的单元的结果
      --cache-location <p>  缓存文件，或存放它的文件夹（默认：.kpispeccache）
  -h, --help                显示本帮助

退出码：0 没有错误，且警告不超过 --max-warnings；1 有错误或警告过多；2 用法、配置或
文件错误（无法读取或不是 UTF-8 的 .kpi 文件在标准错误中列出，其余照常报告）。
`,
};

export async function lint(argv: string[], io: Io): Promise<number> {
    const { values, positionals } = parseCommandArgs('lint', argv, LINT_OPTIONS);
    if (values.help) {
        io.stdout(pick(commandLineLocale(argv, io.env), LINT_HELP));
        return ExitCode.Clean;
    }
    const formatName = single(values.format, '--format') ?? 'stylish';
    const format = LINT_FORMATS[formatName];
    if (!format) {
        const names = Object.keys(LINT_FORMATS);
        throw new UserError({ zh: `未知格式「${formatName}」（可用 ${names.join('、')}）`, en: `unknown format '${formatName}' (use ${names.join(', ')})` });
    }
    const maxWarnings = values['max-warnings'] === undefined ? Infinity : nonNegativeInteger(values['max-warnings'], '--max-warnings');
    const docsBaseUrlFlag = values['docs-base-url'] === undefined ? undefined : docsBaseUrl(values['docs-base-url']);
    const outputFile = single(values['output-file'], '--output-file');
    const concurrency = parseConcurrency(values.concurrency);
    const shard = values.shard === undefined ? undefined : parseShard(values.shard);
    const cache = values.cache ? cachePath(resolve(io.cwd, values['cache-location'] ?? DEFAULT_CACHE_FILE)) : undefined;

    const { services: { shared, kpi }, configuration, files } = await setUpCommand({
        paths: positionals, cwd: io.cwd, env: io.env, configFile: values.config, locale: values.locale, extensions: WORKSPACE_EXTENSIONS,
    });
    if (values['no-inline-config']) configuration.overrides = { noInlineConfig: true };
    if (outputFile) await refuseInputAsOutput(resolve(io.cwd, outputFile), files);

    const config = configuration.get(URI.file(files[0]!));
    const keep = values.quiet ? (m: { severity: number }) => m.severity === 2 : undefined;
    const skipped: SkippedWorkbook[] = [];
    const { results, locale, sources, passedOver } = await lintFiles(files, {
        cwd: io.cwd, env: io.env, configFile: values.config, noInlineConfig: values['no-inline-config'] === true, locale: values.locale,
        concurrency, shard, cache, services: { shared, kpi }, keep,
        skipNoForm: skipStrayWorkbooks(positionals, io.cwd, workbook => skipped.push(workbook)), quoteSources: formatName === 'sarif',
    });
    // In the run's language, as lint's other words: known once the files are read.
    for (const workbook of skipped) io.stderr(skippedNote(workbook, locale));
    for (const file of passedOver) io.stderr(passedOverNote({ ...file, file: shownPath(file.file, io.cwd) }, locale));
    // For machines (JSON, SARIF, JUnit, annotations) each is also a result, in the files' order, as the editor shows it.
    if (passedOver.length > 0 && formatName !== 'stylish') {
        const order = new Map(files.map((f, i) => [f, i]));
        results.push(...passedOver.map(file => passedOverResult(file, locale)));
        results.sort((a, b) => (order.get(a.filePath) ?? files.length) - (order.get(b.filePath) ?? files.length));
    }

    const context: ReportContext = {
        cwd: io.cwd,
        root: repositoryRoot(io.cwd),
        docsBaseUrl: docsBaseUrlFlag ?? config.docsBaseUrl ?? DEFAULT_DOCS_BASE_URL,
        locale,
        color: !outputFile && useColor(io),
        sources,
        env: io.env,
    };
    const report = format(results, context);
    if (outputFile) await writeOutput(resolve(io.cwd, outputFile), report);
    else io.stdout(report);
    // Annotations are capped per step; the job summary lists every problem.
    const summaryFile = io.env['GITHUB_STEP_SUMMARY'];
    if (formatName === 'github' && summaryFile) await appendSummary(summaryFile, stepSummary(results, context), io.stderr, locale);

    // The rest is reported; a file that could not be read is still a file error.
    if (passedOver.length > 0) return ExitCode.Fatal;
    const { errors, warnings } = totals(results);
    if (errors > 0) return ExitCode.Problems;
    if (warnings > maxWarnings) {
        io.stderr(`kpispec: ${pick(locale, { zh: `警告 ${warnings} 个，超过 --max-warnings ${maxWarnings}`, en: `${plural(warnings, 'warning')}, more than --max-warnings ${maxWarnings}` })}\n`);
        return ExitCode.Problems;
    }
    return ExitCode.Clean;
}
