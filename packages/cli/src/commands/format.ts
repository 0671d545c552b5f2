import { relative } from 'node:path';
import { TextDocument, URI } from 'langium';
import { ExitCode, UserError } from '../exit-codes.js';
import type { Io } from '../io.js';
import { plural } from '../formatters/plural.js';
import { parseCommandArgs } from '../options.js';
import { PassedOverError, passedOverNote } from '../passed-over.js';
import { shownPath } from '../shown-path.js';
import { readUtf8 } from '../workspace.js';
import { setUpCommand } from '../command-setup.js';
import { writeErrorMessage, writeFileAtomically } from '../write-file.js';

export const FORMAT_HELP = `Usage: kpispec format [options] [paths or globs...]

Formats .kpi files in place with the language's formatter (the one the editor uses):
one row per line, 4-space indentation by block depth, single spaces (tables you lined up stay
lined up), comments kept.
Only whitespace changes. Files with syntax errors are left alone and reported.

Options:
      --check          change nothing; list the files that would change and exit 1 if any
  -c, --config <file>  use this configuration file (its "ignore" globs) instead of kpispec.json
  -h, --help           show this help

Exit codes: 0 formatted (or already formatted); 1 --check found unformatted files;
2 usage, configuration or file errors, or a file with syntax errors (a file that cannot be
read or is not UTF-8 is named on stderr, and the rest is still formatted).
`;

const OPTIONS = { tabSize: 4, insertSpaces: true };

export async function format(argv: string[], io: Io): Promise<number> {
    const { values, positionals } = parseCommandArgs('format', argv, {
        check: { type: 'boolean' },
        config: { type: 'string', short: 'c' },
        help: { type: 'boolean', short: 'h' },
    });
    if (values.help) {
        io.stdout(FORMAT_HELP);
        return ExitCode.Clean;
    }
    const { createEditorServices } = await import('../editor-services.js');
    const { services: { shared, kpi }, files } = await setUpCommand({ paths: positionals, cwd: io.cwd, env: io.env, configFile: values.config }, createEditorServices);

    const formatter = kpi.lsp.Formatter!;
    const changed: string[] = [];
    let broken = 0;
    for (const file of files) {
        let text: string;
        try {
            text = await readUtf8(file, { keepBom: true });
        } catch (e) {
            // As lint passes it over: named, and the other files still formatted.
            if (!(e instanceof PassedOverError)) throw e;
            broken++;
            io.stderr(passedOverNote({ ...e.passedOver, file: shownPath(file, io.cwd) }, 'en'));
            continue;
        }
        const document = shared.workspace.LangiumDocumentFactory.fromString(text, URI.file(file));
        const { lexerErrors, parserErrors } = document.parseResult;
        const error = lexerErrors[0] ? [lexerErrors[0].line, lexerErrors[0].column]
            : parserErrors[0] ? [parserErrors[0].token.startLine, parserErrors[0].token.startColumn] : undefined;
        if (error) {
            broken++;
            // An error at the end of the file comes with no position (or -1): point at the last line.
            const known = (n: number | undefined) => n !== undefined && Number.isFinite(n) && n >= 1;
            const [line, column] = known(error[0]) ? [error[0]!, known(error[1]) ? error[1]! : 1] : [text.split('\n').length, 1];
            io.stderr(`kpispec: not formatted, syntax error at ${relative(io.cwd, file)}:${line}:${column}\n`);
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
                throw new UserError(`${writeErrorMessage(file, e)} (the file is unchanged)`);
            }
        }
    }
    for (const file of changed) io.stdout(`${relative(io.cwd, file) || file}\n`);
    if (values.check && changed.length > 0) {
        io.stderr(`kpispec: ${plural(changed.length, 'file')} not formatted; run 'kpispec format' to fix\n`);
    }
    if (broken > 0) return ExitCode.Fatal;
    return values.check && changed.length > 0 ? ExitCode.Problems : ExitCode.Clean;
}
