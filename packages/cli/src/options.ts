import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { URI, type LangiumDocument } from 'langium';
import { formatConfigProblem, parseLocale, type Bilingual, type KpiConfiguration, type KpiSettings, type Locale } from '@kpispec/language/core';
import { UserError } from './exit-codes.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * `parseArgs`, strict: unknown options and missing values are usage errors (exit 2), and so is
 * an option given twice (see `single`; `--check --check` as much as `-f json -f csv`), unless
 * it is `multiple`. A negative number after an option that takes a value is that value
 * (`--max-warnings -1`), so that the option's own check can say what is wrong with it rather
 * than Node's "ambiguous" message.
 */
export function parseCommandArgs<O extends Options>(command: string, argv: string[], options: O) {
    const takesValue = new Set(Object.entries(options).filter(([, o]) => o.type === 'string')
        .flatMap(([name, o]) => [`--${name}`, ...o.short ? [`-${o.short}`] : []]));
    const args = argv.flatMap((arg, i) => takesValue.has(argv[i - 1]!) && /^-\d/.test(arg) ? [] : takesValue.has(arg) && /^-\d/.test(argv[i + 1] ?? '') ? [`${arg}=${argv[i + 1]}`] : [arg]);
    let parsed;
    try {
        parsed = parseArgs({ args, options, allowPositionals: true, strict: true, tokens: true });
    } catch (e) {
        const what = parseError((e as Error).message);
        throw new UserError({ zh: `${what.zh}（见 kpispec ${command} --help）`, en: `${what.en} (see kpispec ${command} --help)` });
    }
    const given = new Map<string, Array<string | undefined>>();
    for (const token of parsed.tokens) {
        if (token.kind === 'option' && !options[token.name]?.multiple) given.set(token.name, [...given.get(token.name) ?? [], token.value]);
    }
    for (const [name, values] of given) repeated(values, `--${name}`);
    return { values: parsed.values, positionals: parsed.positionals };
}

/** What Node's parseArgs says is wrong, by the option it names, in both languages. */
const PARSE_ERRORS: ReadonlyArray<readonly [RegExp, (option: string) => string]> = [
    [/^Unknown option '(.*)'$/, option => `未知选项「${option}」`],
    [/^Option '(.*)' argument missing$/, option => `选项「${option}」缺少取值`],
    [/^Option '(.*)' does not take an argument$/, option => `选项「${option}」不带取值`],
    // `-f -x`: a value that starts with a dash is written `--format=-x`.
    [/^Option '(.*)' argument is ambiguous$/, option => `选项「${option}」的取值有歧义，是否漏写了取值？以 - 开头的取值写作 --选项=取值`],
];

function parseError(message: string): Bilingual {
    // Node's first sentence says what is wrong ("Unknown option '--colour'"); the rest is advice about `--`.
    const what = message.split(/\.\s/)[0]!.replace(/\.$/, '');
    // Lower-cased as every other message is ("unknown option '--colour'").
    const en = `${what.charAt(0).toLowerCase()}${what.slice(1)}`;
    for (const [pattern, zh] of PARSE_ERRORS) {
        const match = pattern.exec(what);
        if (match) return { zh: zh(match[1]!), en };
    }
    return { zh: en, en };
}

/** An option given more than once is a usage error, whether it takes a value or not. */
function repeated(values: ReadonlyArray<string | undefined>, option: string): void {
    if (values.length < 2) return;
    const all = values.every(v => v !== undefined);
    throw new UserError({
        zh: `${option} 给了 ${values.length} 次${all ? `（${values.join('、')}）` : ''}，只能给一次`,
        en: `${option} given ${values.length} times${all ? ` (${values.join(', ')})` : ''}; give it once`,
    });
}

/** A `--lang` (init's, import's keywords) other than zh or en. */
export function unknownKeywordLanguage(value: string | undefined): Bilingual {
    return { zh: `未知的关键字语言「${value}」（可用 zh 或 en）`, en: `unknown language '${value}' (use zh or en)` };
}

export function nonNegativeInteger(value: string, option: string): number {
    if (!/^\d+$/.test(value)) throw new UserError({ zh: `${option} 应为不小于 0 的整数，而不是「${value}」`, en: `${option} needs a whole number ≥ 0, not '${value}'` });
    return Number(value);
}

/** The value of an option given once; given twice it is a usage error rather than the last one silently winning. */
export function single(values: string[] | undefined, option: string): string | undefined {
    repeated(values ?? [], option);
    return values?.[0];
}

/** Rule pages are linked from reports and terminals: only web and file addresses, as in kpispec.json. */
export function docsBaseUrl(value: string): string {
    let protocol: string | undefined;
    try {
        protocol = new URL(value).protocol;
    } catch {
        protocol = undefined;
    }
    if (protocol !== 'http:' && protocol !== 'https:' && protocol !== 'file:') {
        throw new UserError({ zh: `--docs-base-url 应为 http、https 或 file 地址，而不是「${value}」`, en: `--docs-base-url needs an http, https or file address, not '${value}'` });
    }
    return value;
}

/**
 * `--locale` sets the language of every file's messages; without it each file has its own (its
 * kpispec.json `locale`, else its keywords' language), and LC_ALL / LC_MESSAGES / LANG count
 * only for files without keywords: a CI runner with LANG=C.UTF-8 and a Chinese desktop give
 * the same messages (see KpiSettings).
 */
export function useLocale(settings: KpiSettings, flag: string | undefined, env: Environment): void {
    settings.environmentLocale = environmentLocale(env);
    if (flag === undefined) return;
    if (!isLocale(flag)) throw new UserError({ zh: `未知语言「${flag}」（可用 zh-CN 或 en）`, en: `unknown locale '${flag}' (use zh-CN or en)` });
    settings.locale = flag;
}

type Environment = Readonly<Record<string, string | undefined>>;

const isLocale = (value: string | undefined): value is Locale => value === 'zh-CN' || value === 'en';

/** LC_ALL / LC_MESSAGES / LANG, else Chinese. */
function environmentLocale(env: Environment): Locale {
    return parseLocale(env['LC_ALL'] || env['LC_MESSAGES'] || env['LANG']) ?? 'zh-CN';
}

/**
 * The language of the CLI's own words, said before or without reading files (usage and file
 * errors, --help): `--locale` on the command line, else LC_ALL / LC_MESSAGES / LANG, else
 * Chinese, as for a file without keywords.
 */
export function commandLineLocale(argv: readonly string[], env: Environment): Locale {
    const end = argv.indexOf('--');
    const options = end < 0 ? argv : argv.slice(0, end);
    for (const [i, arg] of options.entries()) {
        const value = arg === '--locale' ? options[i + 1] : arg.startsWith('--locale=') ? arg.slice('--locale='.length) : undefined;
        if (isLocale(value)) return value;
    }
    return environmentLocale(env);
}

/**
 * The language of output about many files (a report, lint's summary, export's findings sheet):
 * `--locale`; else the language most of the files are in, each file's as lint decides it (its
 * kpispec.json "locale", else the language of its keywords, else LANG), and LANG on a tie. So a
 * folder of Chinese forms with an English one beside it is reported on in Chinese, on any machine.
 */
export function reportLanguage(settings: KpiSettings, locales: Iterable<Locale>): Locale {
    if (settings.chosenLocale) return settings.chosenLocale;
    let english = 0;
    let chinese = 0;
    for (const locale of locales) if (locale === 'en') english++; else chinese++;
    return english > chinese ? 'en' : chinese > english ? 'zh-CN' : settings.environmentLocale;
}

/** reportLanguage of documents. */
export function languageOfDocuments(settings: KpiSettings, documents: readonly LangiumDocument[]): Locale {
    return reportLanguage(settings, documents.map(d => settings.localeOf(d)));
}

/**
 * Applies `--config FILE`: that file instead of discovering kpispec.json files. The working
 * folder is the workspace: outside a repository, `extends` reaches only files inside it.
 */
export function useConfigFile(configuration: KpiConfiguration, file: string | undefined, cwd: string): void {
    configuration.setWorkspaceRoots([URI.file(cwd)]);
    if (file === undefined) return;
    const abs = resolve(cwd, file);
    if (!existsSync(abs)) throw new UserError({ zh: `配置文件不存在：${file}`, en: `no such configuration file: ${file}` });
    configuration.useFile(URI.file(abs));
}

/** Configuration faults end the run (exit 2): the first one, with its position, on one line. */
export function throwOnConfigProblems(configuration: KpiConfiguration): void {
    const [first, ...more] = configuration.problems();
    if (!first) return;
    throw new UserError(`invalid configuration: ${formatConfigProblem(first)}${more.length ? ` (and ${more.length} more)` : ''}`);
}

/** The repository root (nearest folder with `.git`), else the working folder: the base of SARIF paths. */
export function repositoryRoot(cwd: string): string {
    for (let dir = cwd; ; dir = dirname(dir)) {
        if (existsSync(join(dir, '.git'))) return dir;
        if (dirname(dir) === dir) return cwd;
    }
}
