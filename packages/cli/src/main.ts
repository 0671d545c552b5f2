import { parseArgs } from 'node:util';
import { parseLocale, type Locale } from '@kpispec/language';
import { lint } from './commands/lint.js';
import { ExitCode, UserError } from './exit-codes.js';

const USAGE = `Usage: kpispec <command> [options]

Commands:
  lint [paths...]    check .kpi files and folders (read as one workspace)

Options:
  -f, --format <name>   stylish (default) or json
      --locale <zh-CN|en>  message language (default from LANG)
  -h, --help            show this help`;

/** Runs the CLI and returns its exit code; only the bin entry point exits the process. */
export async function main(argv: string[]): Promise<number> {
    try {
        const { values, positionals } = parseArgs({
            args: argv,
            allowPositionals: true,
            options: {
                format: { type: 'string', short: 'f', default: 'stylish' },
                locale: { type: 'string' },
                help: { type: 'boolean', short: 'h' },
            },
        });
        const [command, ...paths] = positionals;
        if (values.help || !command) {
            process.stdout.write(USAGE + '\n');
            return command || values.help ? ExitCode.Clean : ExitCode.Fatal;
        }
        const locale: Locale = parseLocale(values.locale) ?? parseLocale(process.env['LC_ALL'] || process.env['LANG']) ?? 'zh-CN';
        if (values.locale && !parseLocale(values.locale)) throw new UserError(`unknown locale '${values.locale}' (use zh-CN or en)`);
        switch (command) {
            case 'lint': return await lint({ paths, format: values.format!, locale });
            default: throw new UserError(`unknown command '${command}'\n${USAGE}`);
        }
    } catch (e) {
        const message = e instanceof UserError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')
            ? (e as Error).message
            : `internal error: ${(e as Error).message}`;
        process.stderr.write(`kpispec: ${message}\n`);
        return ExitCode.Fatal;
    }
}
