import { existsSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, relative, resolve } from 'node:path';
import { writeReport } from '../report-files.js';
import { ExitCode, UserError } from '../exit-codes.js';
import { ruleHelpUri } from '../formatters/sarif.js';
import type { Io } from '../io.js';
import { parseCommandArgs } from '../options.js';
import { renderPages, renderReport, workspaceReport, type ReportData } from '../report/index.js';
import { DEFAULT_DOCS_BASE_URL } from '../version.js';

/** Above this many projects one page would be too long to open: an index and a page per project. */
const SPLIT_ABOVE = 50;

export const REPORT_HELP = `Usage: kpispec report [options] [paths or globs...]

Writes the reviewer's report of the files, read as one workspace: an overview (projects,
scores claimed and recomputed, grades, findings by rule, score inflation) and per project
the 评分复核, targets beside their contract clauses and standards, funds, milestones and
the 问题清单 with sources and 整改建议. One self-contained HTML file: no scripts, no
external requests, prints on A4. Numbers are those of 'kpispec score' and 'kpispec lint'.

Options:
  -o, --output <path>       a .html file, or a folder for index.html plus one page per
                            project (default: kpispec-report.html; kpispec-report/ when
                            there are more than ${SPLIT_ABOVE} projects; a .html file then gets its
                            project pages in a folder of the same name)
  -f, --format <name>       html (default); xlsx is not available in this version
  -p, --profile <name>      scoring profile (default: kpispec.json "profile", else national-2020)
      --locale <zh-CN|en>   report language (default: kpispec.json "locale", then LANG)
  -c, --config <file>       use this configuration file instead of finding kpispec.json
      --docs-base-url <url> where rule pages <id>.md are published (each finding links there)
  -h, --help                show this help

Exit codes: 0 written (whatever it found); 2 usage, configuration or file errors.
`;

export async function report(argv: string[], io: Io): Promise<number> {
    const { values, positionals } = parseCommandArgs('report', argv, {
        output: { type: 'string', short: 'o' },
        format: { type: 'string', short: 'f', default: 'html' },
        profile: { type: 'string', short: 'p' },
        locale: { type: 'string' },
        config: { type: 'string', short: 'c' },
        'docs-base-url': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
    });
    if (values.help) {
        io.stdout(REPORT_HELP);
        return ExitCode.Clean;
    }
    if (values.format === 'xlsx') throw new UserError('--format xlsx is not available: this version has no Excel writer (use html)');
    if (values.format !== 'html') throw new UserError(`unknown format '${values.format}' (use html)`);
    const paths = positionals.length ? positionals : ['.'];
    const data = await workspaceReport({
        paths,
        cwd: io.cwd,
        env: io.env,
        scope: paths.join(', '),
        locale: values.locale,
        configFile: values.config,
        profile: values.profile,
        ruleUrl: (id, configured) => ruleHelpUri(values['docs-base-url'] ?? configured ?? DEFAULT_DOCS_BASE_URL, id),
    });
    const written = await write(data, values.output, io.cwd);
    const findings = data.totals.errors + data.totals.warnings + data.totals.infos;
    io.stdout(`${relative(io.cwd, written) || written}: ${data.projects.length} projects, ${findings} findings\n`);
    return ExitCode.Clean;
}

/** Writes one file or an index with project pages; returns the path of the page to open. */
async function write(data: ReportData, output: string | undefined, cwd: string): Promise<string> {
    const large = data.projects.length > SPLIT_ABOVE;
    const target = resolve(cwd, output ?? (large ? 'kpispec-report' : 'kpispec-report.html'));
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

/** Each page is written whole or not at all (see writeReport). */
async function writePages(folder: string, pages: ReadonlyMap<string, string>): Promise<void> {
    for (const [name, content] of pages) await writeReport(join(folder, name), content);
}
