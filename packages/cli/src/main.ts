import { dirname, sep } from 'node:path';
import { pick, type Bilingual } from '@kpispec/language/core';
import { exportForms, EXPORT_HELP } from './commands/export.js';
import { format, FORMAT_HELP } from './commands/format.js';
import { importWorkbooks, IMPORT_HELP } from './commands/import.js';
import { init, INIT_HELP } from './commands/init.js';
import { lint, LINT_HELP } from './commands/lint.js';
import { report, REPORT_HELP } from './commands/report.js';
import { score, SCORE_HELP } from './commands/score.js';
import { ExitCode, UserError } from './exit-codes.js';
import { processIo, type Io } from './io.js';
import { commandLineLocale } from './options.js';
import { CLI_VERSION } from './version.js';

const USAGE: Bilingual = {
    en: `Usage: kpispec <command> [options]

Commands:
  lint [paths...]     check .kpi files and folders (read as one workspace)
  score [paths...]    recompute the scores of self-assessments (自评)
  report [paths...]   write the reviewer's report (HTML: scores, targets, funds, problems)
  format [paths...]   format .kpi files in place, or --check that they are formatted
  import <workbooks>  write .kpi files from Excel forms (自评表, 一体化 sheets, 申报表)
  export <paths> -o F write the official Excel forms (Layout A, C) from .kpi files
  init [folder]       write a starter project, contract, assessment and kpispec.json

Run 'kpispec <command> --help' for a command's options.
  -h, --help          show this help
  -v, --version       print the version
`,
    zh: `用法：kpispec <命令> [选项]

命令：
  lint [路径...]      检查 .kpi 文件和文件夹（作为一个工作区读取）
  score [路径...]     重新计算自评的得分
  report [路径...]    生成审核报告（HTML：得分、目标、资金、问题）
  format [路径...]    就地格式化 .kpi 文件，或用 --check 检查是否已格式化
  import <工作簿>     从 Excel 表单（自评表、一体化表、申报表）生成 .kpi 文件
  export <路径> -o F  从 .kpi 文件生成官方 Excel 表单（版式 A、C）
  init [文件夹]       生成示例项目、合同、自评和 kpispec.json

运行 'kpispec <命令> --help' 查看该命令的选项。
  -h, --help          显示本帮助
  -v, --version       显示版本号
`,
};

type Command = (argv: string[], io: Io) => Promise<number>;

const COMMANDS: Record<string, { run: Command; help: Bilingual }> = {
    lint: { run: lint, help: LINT_HELP },
    score: { run: score, help: SCORE_HELP },
    report: { run: report, help: REPORT_HELP },
    format: { run: format, help: FORMAT_HELP },
    import: { run: importWorkbooks, help: IMPORT_HELP },
    export: { run: exportForms, help: EXPORT_HELP },
    init: { run: init, help: INIT_HELP },
};

/** Runs the CLI and returns its exit code; only the bin entry point exits the process. */
export async function main(argv: string[], io: Io = processIo()): Promise<number> {
    const [first, ...rest] = argv;
    // The CLI's own words: usage, errors (see commandLineLocale).
    const locale = commandLineLocale(argv, io.env);
    try {
        if (first === '-v' || first === '--version') {
            io.stdout(`${CLI_VERSION}\n`);
            return ExitCode.Clean;
        }
        if (first === '-h' || first === '--help' || first === 'help') {
            io.stdout(pick(locale, (rest[0] && COMMANDS[rest[0]]?.help) || USAGE));
            return ExitCode.Clean;
        }
        if (first === undefined) {
            io.stderr(pick(locale, USAGE));
            return ExitCode.Fatal;
        }
        const command = COMMANDS[first];
        if (!command) {
            throw new UserError({
                zh: `未知命令「${first}」（可用 lint、score、report、format、import、export 或 init；见 kpispec --help）`,
                en: `unknown command '${first}' (use lint, score, report, format, import, export or init; see kpispec --help)`,
            });
        }
        return await command.run(rest, io);
    } catch (e) {
        // A user error is one line; anything else is a bug, still reported without a stack trace.
        const internal = (e as Error)?.message ?? String(e);
        const text = e instanceof UserError ? e.text : { zh: `内部错误：${internal}`, en: `internal error: ${internal}` };
        const message = pick(locale, text);
        io.stderr(`kpispec: ${relativePaths(message, io.cwd).replace(/\s*\n\s*/g, ' ')}\n`);
        return ExitCode.Fatal;
    }
}

/**
 * Files in a message are named as the user names them, relative to the working folder: the
 * commands find and read files by absolute path (`g/zz.kpi is not UTF-8 text`, not
 * `/home/…/g/zz.kpi …`). A path outside the working folder stays absolute.
 */
function relativePaths(message: string, cwd: string): string {
    if (dirname(cwd) === cwd) return message;
    const prefix = cwd.endsWith(sep) ? cwd : cwd + sep;
    const escaped = prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return message.replace(new RegExp(`(^|[\\s'"(])${escaped}`, 'g'), '$1');
}
