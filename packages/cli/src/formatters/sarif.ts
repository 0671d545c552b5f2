import { createHash } from 'node:crypto';
import { isAbsolute, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ArtifactLocation, Log, Region, ReportingDescriptor, Result } from 'sarif';
import { isConfigurable, isSuppressible, PARSE_ERRORS_STAY, pick, RULES, type RuleMeta } from '@kpispec/language/core';
import { HOMEPAGE, ruleHelpUri } from '../rule-links.js';
import { CLI_VERSION } from '../version.js';
import type { FileResult, LintMessage, ReportContext } from '../results.js';

/** By LintMessage severity 0, 1, 2. */
const LEVEL = ['note', 'warning', 'error'] as const satisfies ReadonlyArray<Result.level>;
const SEVERITY_LEVEL = { error: 'error', warn: 'warning', info: 'note' } as const satisfies Record<RuleMeta['severity'], Result.level>;
const SRCROOT = '%SRCROOT%';

/**
 * How to switch a rule off, and suppress it where a comment can, as code; a parse error takes
 * neither (isConfigurable), and its help says so.
 */
function configuring(rule: RuleMeta, context: ReportContext): { text: string; markdown: string } {
    if (!isConfigurable(rule.id)) {
        const refused = `${rule.id}: ${pick(context.locale, PARSE_ERRORS_STAY)}`;
        return { text: refused, markdown: refused };
    }
    const ways = [`kpispec.json: { "rules": { "${rule.id}": "off" } }`];
    if (isSuppressible(rule.id)) ways.push(`// kpispec-disable-next-line ${rule.id} -- <reason>`);
    const configure = ways.join('; ');
    return { text: configure, markdown: `\`${configure}\`` };
}

function describeRule(rule: RuleMeta, context: ReportContext): ReportingDescriptor {
    const helpUri = ruleHelpUri(context.docsBaseUrl, rule.id);
    const title = pick(context.locale, rule.title);
    const configure = configuring(rule, context);
    return {
        id: rule.id,
        name: rule.id.replace(/[/-](\w)/g, (_, c: string) => c.toUpperCase()),
        shortDescription: { text: title },
        fullDescription: { text: `${rule.title.zh} / ${rule.title.en}` },
        help: {
            // A Chinese title ends with a Chinese full stop.
            text: `${title}${context.locale === 'en' ? '. ' : '。'}${helpUri}\n${configure.text}`,
            markdown: `**${title}** (${rule.id})\n\n[${context.locale === 'en' ? 'Rule documentation' : '规则说明'}](${helpUri})\n\n${configure.markdown}`,
        },
        helpUri,
        defaultConfiguration: { level: SEVERITY_LEVEL[rule.severity] },
        properties: { tags: [rule.id.split('/')[0]!] },
    };
}

/**
 * SARIF 2.1.0 for GitHub code scanning: every catalog rule with descriptions, help and a link to
 * its page; results with repository-relative locations (`%SRCROOT%`) and fingerprints that
 * survive lines moving (rule + the text of the line + its occurrence).
 */
export function formatSarif(results: readonly FileResult[], context: ReportContext): string {
    const ruleIndex = new Map<string, number>(RULES.map((r, i) => [r.id, i]));
    const sarifResults = results.flatMap(r => {
        const location = artifactLocation(r.filePath, context.root);
        const lines = (context.sources.get(r.filePath) ?? '').split(/\r?\n/);
        const seen = new Map<string, number>();
        return r.messages.map((m): Result => ({
            ruleId: m.ruleId,
            ...(ruleIndex.has(m.ruleId) ? { ruleIndex: ruleIndex.get(m.ruleId)! } : {}),
            level: LEVEL[m.severity],
            message: { text: m.message },
            locations: [{
                physicalLocation: { artifactLocation: location, region: region(m) },
                // A form read from a workbook: the sheet and cell, as Excel names them.
                ...(m.cell ? { logicalLocations: [{ fullyQualifiedName: m.cell, kind: 'element' }] } : {}),
            }],
            // What the message names elsewhere: the clause, requirement or goal, where it is defined.
            ...(m.related ? {
                relatedLocations: m.related.map((r, i) => ({
                    id: i + 1,
                    physicalLocation: { artifactLocation: artifactLocation(r.filePath, context.root), region: region(r) },
                    message: { text: r.message },
                })),
            } : {}),
            partialFingerprints: { 'kpispecLineHash/v1': fingerprint(m, lines, seen) },
        }));
    });
    const log: Log = {
        $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
        version: '2.1.0',
        runs: [{
            tool: {
                driver: {
                    name: 'kpispec',
                    informationUri: HOMEPAGE,
                    version: CLI_VERSION,
                    semanticVersion: CLI_VERSION,
                    rules: RULES.map(r => describeRule(r, context)),
                },
            },
            originalUriBaseIds: { [SRCROOT]: { uri: pathToFileURL(context.root + sep).href } },
            columnKind: 'utf16CodeUnits',
            results: sarifResults,
        }],
    };
    return JSON.stringify(log, null, 2) + '\n';
}

function artifactLocation(file: string, root: string): ArtifactLocation {
    const rel = relative(root, file);
    if (rel.startsWith('..') || isAbsolute(rel)) return { uri: pathToFileURL(file).href };
    return { uri: rel.split(sep).map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}

function region(m: Pick<LintMessage, 'line' | 'column' | 'endLine' | 'endColumn'>): Region {
    return { startLine: m.line, startColumn: m.column, endLine: m.endLine, endColumn: m.endColumn };
}

function fingerprint(m: LintMessage, lines: readonly string[], seen: Map<string, number>): string {
    const text = m.cell ?? (lines[m.line - 1] ?? '').replace(/\s+/g, ' ').trim();
    const key = createHash('sha256').update(`${m.ruleId}\u0000${text}`).digest('hex').slice(0, 32);
    const occurrence = (seen.get(key) ?? 0) + 1;
    seen.set(key, occurrence);
    return `${key}:${occurrence}`;
}
