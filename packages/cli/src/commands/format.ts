import { relative } from 'node:path';
import { TextDocument, URI } from 'langium';
import { pick, unreadMessage, type Bilingual, type Locale } from '@kpispec/language/core';
import { ExitCode, UserError } from '../exit-codes.js';
import type { Io } from '../io.js';
import { plural } from '../formatters/plural.js';
import { commandLineLocale, parseCommandArgs, reportLanguage } from '../options.js';
import { PassedOverError } from '../passed-over.js';
import { shownPath } from '../shown-path.js';
import { readUtf8 } from '../workspace.js';
import { setUpCommand } from '../command-setup.js';
import { writeErrorMessage, writeFileAtomically } from '../write-file.js';

export const FORMAT_HELP: Bilingual = {
    en: `Usage: kpispec format [options] [paths or globs...]

Formats .kpi files in place with the language's formatter (the one the editor uses):
one row per line, 4-space indentation by block depth, single spaces (tables you lined up stay
lined up), comments kept.
Only whitespace changes. Files with syntax errors are left alone and reported.

Options:
      --check          change nothing; list the files that would change and exit 1 if any
  -c, --config <file>  use this configuration file (its "ignore" globs) instead of kpispec.json
      --locale <lang>  zh-CN or en: the language of the notes on stderr (default: the files')
  -h, --help           show this help

Exit codes: 0 formatted (or already formatted); 1 --check found unformatted files;
2 usage, configuration or file errors, or a file with syntax errors (a file that cannot be
read or is not UTF-8 is named on stderr, and the rest is still formatted).
`,
    zh: `用法：kpispec format [选项] [路径或通配符...]

用语言自带的格式化程序（编辑器用的那个）就地格式化 .kpi 文件：
每条一行，按块的层级缩进 4 个空格，单个空格（已对齐的表格保持对齐），保留注释。
只改动空白。有语法错误的文件保持原样，并报告出来。

选项：
      --check          不做改动；列出会改变的文件，有则以 1 退出
  -c, --config <file>  使用此配置文件（其 "ignore" 通配符），而不是 kpispec.json
      --locale <lang>  zh-CN 或 en：标准错误中说明的语言（默认：文件的语言）
  -h, --help           显示本帮助

退出码：0 已格式化（或本来就已格式化）；1 --check 发现未格式化的文件；2 用法、配置或
文件错误，或有语法错误的文件（无法读取或不是 UTF-8 的文件在标准错误中列出，其余照常
格式化）。
`,
};

const OPTIONS = { tabSize: 4, insertSpaces: true };

export async function format(argv: string[], io: Io): Promise<number> {
    const { values, positionals } = parseCommandArgs('format', argv, {
        check: { type: 'boolean' },
        config: { type: 'string', short: 'c' },
        locale: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
    });
    if (values.help) {
        io.stdout(pick(commandLineLocale(argv, io.env), FORMAT_HELP));
        return ExitCode.Clean;
    }
    const { createEditorServices } = await import('../editor-services.js');
    const { services: { shared, kpi }, files } = await setUpCommand({
        paths: positionals, cwd: io.cwd, env: io.env, configFile: values.config, locale: values.locale,
    }, createEditorServices);

    const formatter = kpi.lsp.Formatter!;
    const changed: string[] = [];
    let broken = 0;
    // The notes on stderr, in the files' language (as lint's), known once they are all read;
    // said also when a file that cannot be written ends the run.
    const notes: Bilingual[] = [];
    const locales: Locale[] = [];
    try {
        for (const file of files) {
            let text: string;
            try {
                text = await readUtf8(file, { keepBom: true });
            } catch (e) {
                // As lint passes it over: named, and the other files still formatted.
                if (!(e instanceof PassedOverError)) throw e;
                broken++;
                const passed = { ...e.passedOver, file: shownPath(file, io.cwd) };
                notes.push({ zh: unreadMessage(passed.file, passed, 'zh-CN'), en: unreadMessage(passed.file, passed, 'en') });
                continue;
            }
            const document = shared.workspace.LangiumDocumentFactory.fromString(text, URI.file(file));
            locales.push(kpi.kpi.Settings.localeOf(document));
            const { lexerErrors, parserErrors } = document.parseResult;
            const error = lexerErrors[0] ? [lexerErrors[0].line, lexerErrors[0].column]
                : parserErrors[0] ? [parserErrors[0].token.startLine, parserErrors[0].token.startColumn] : undefined;
            if (error) {
                broken++;
                // An error at the end of the file comes with no position (or -1): point at the last line.
                const known = (n: number | undefined) => n !== undefined && Number.isFinite(n) && n >= 1;
                const [line, column] = known(error[0]) ? [error[0]!, known(error[1]) ? error[1]! : 1] : [text.split('\n').length, 1];
                const at = `${relative(io.cwd, file)}:${line}:${column}`;
                notes.push({ zh: `未格式化：${at} 有语法错误`, en: `not formatted, syntax error at ${at}` });
                continue;
            }
            const edits = await formatter.formatDocument(document, { textDocument: { uri: document.uri.toString() }, options: OPTIONS });
            const formatted = TextDocument.applyEdits(document.textDocument, edits);
            if (formatted === text) continue;
            changed.push(file);
            if (!values.check) {
                try {
                    await writeFileAtomically(file, formatted);
                } catch (e) {
                    const { zh, en } = writeErrorMessage(file, e);
                    throw new UserError({ zh: `${zh}（文件未改动）`, en: `${en} (the file is unchanged)` });
                }
            }
        }
    } finally {
        const locale = reportLanguage(kpi.kpi.Settings, locales);
        for (const note of notes) io.stderr(`kpispec: ${pick(locale, note)}\n`);
    }
    const locale = reportLanguage(kpi.kpi.Settings, locales);
    for (const file of changed) io.stdout(`${relative(io.cwd, file) || file}\n`);
    if (values.check && changed.length > 0) {
        const unformatted: Bilingual = {
            zh: `${changed.length} 个文件未格式化；运行 kpispec format 即可修正`,
            en: `${plural(changed.length, 'file')} not formatted; run 'kpispec format' to fix`,
        };
        io.stderr(`kpispec: ${pick(locale, unformatted)}\n`);
    }
    if (broken > 0) return ExitCode.Fatal;
    return values.check && changed.length > 0 ? ExitCode.Problems : ExitCode.Clean;
}
