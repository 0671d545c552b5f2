import type { ErrorObject, ValidateFunction } from 'ajv';
import { URI, UriUtils } from 'langium';
import { isConfigurable, isRuleId, PARSE_ERRORS_STAY, RULES } from '../rules/catalog.js';
import type { KpiConfig } from './configuration.js';
import { likelyMeant } from './did-you-mean.js';
import { ConfigReadError, configRoot, isInsideRoot, readConfigBytes } from './config-reader.js';
import { JsonSyntaxError, lineColumn, parseJsonWithLocations, pointerSegment, type JsonLocation } from './json-positions.js';
import { BUILTIN_PROFILES } from '../scoring/profiles.js';
import { configSchema } from './schema.js';

export const CONFIG_FILE_NAME = 'kpispec.json';

/** A fault in a configuration file, at a 1-based line and column. */
export interface ConfigProblem {
    uri: URI;
    line: number;
    column: number;
    message: string;
}

/** `path:line:column: message`, the one line the CLI prints and the server shows. */
export function formatConfigProblem(p: ConfigProblem): string {
    const where = p.uri.scheme === 'file' ? p.uri.fsPath : p.uri.toString();
    return `${where}:${p.line}:${p.column}: ${p.message}`;
}

/** What one file (with its `extends` merged in) sets; undefined settings when it is broken. */
export interface LoadedConfigFile {
    settings?: Partial<KpiConfig>;
    problems: ConfigProblem[];
}

/** What one run (or one server generation) shares while loading configuration files. */
export interface ConfigLoader {
    /** The editor's workspace folders, or the CLI's working folder: where `extends` may reach without a repository. */
    workspaceRoots: readonly URI[];
    /** Files read and merged so far, by URI: each file is read once, however many files extend it. */
    loaded: Map<string, LoadedConfigFile>;
}

/** Deeper `extends` chains are refused: real ones have two or three levels. */
export const MAX_EXTENDS_DEPTH = 32;

interface RawConfig extends Partial<KpiConfig> {
    $schema?: string;
    extends?: string | string[];
}

let validator: Promise<ValidateFunction> | undefined;

/**
 * Ajv is loaded with the first configuration file: a workspace without one does not pay for it.
 * It is CommonJS, whose module object is the default export both in Node and in a bundle's chunk.
 */
async function validate(value: unknown): Promise<ErrorObject[]> {
    validator ??= import('ajv').then(({ default: ajv }) => new ajv.Ajv({ allErrors: true, strict: true }).compile(configSchema()));
    const check = await validator;
    return check(value) ? [] : check.errors ?? [];
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Where a file was named from: an `extends` entry, which is where an unreadable file is reported. */
interface Reference {
    problem: (message: string) => ConfigProblem;
    path: string;
}

/**
 * Reads, checks and merges one configuration file and the files it `extends` (relative paths,
 * merged first, this file winning). `chain` holds the files being loaded, to catch cycles.
 * A file named by `extends` must lie inside the repository or workspace of the file naming it
 * (see configRoot), and is refused before it is read otherwise: its content, even a fragment in
 * an error message, must not reach a CI log or the Problems panel.
 */
export async function loadConfigFile(uri: URI, loader: ConfigLoader, chain: readonly string[] = [], from?: Reference): Promise<LoadedConfigFile> {
    const known = loader.loaded.get(uri.toString());
    if (known) return known;
    let bytes: Uint8Array;
    try {
        bytes = await readConfigBytes(uri);
    } catch (e) {
        const reason = e instanceof ConfigReadError ? e.message : (e as NodeJS.ErrnoException).code ?? (e as Error).message;
        const message = from ? `"extends": cannot read ${from.path} (${reason})` : `cannot read the file (${reason})`;
        return { problems: [from ? from.problem(message) : { uri, line: 1, column: 1, message }] };
    }
    const loaded = await parseConfigFile(uri, bytes, loader, chain);
    loader.loaded.set(uri.toString(), loaded);
    return loaded;
}

async function parseConfigFile(uri: URI, bytes: Uint8Array, loader: ConfigLoader, chain: readonly string[]): Promise<LoadedConfigFile> {
    const at = (offset: number, message: string, text = ''): ConfigProblem => ({ uri, ...lineColumn(text, offset), message });
    let text: string;
    try {
        text = utf8.decode(bytes);
    } catch {
        return { problems: [at(0, 'not valid UTF-8 text')] };
    }
    let parsed: ReturnType<typeof parseJsonWithLocations>;
    try {
        parsed = parseJsonWithLocations(text);
    } catch (e) {
        if (e instanceof JsonSyntaxError) return { problems: [at(e.offset, `invalid JSON: ${e.message}`, text)] };
        throw e;
    }
    const schemaProblems = describeErrors(await validate(parsed.value), parsed.value, parsed.locations)
        .sort((a, b) => a.offset - b.offset)
        .map(({ offset, message }) => at(offset, message, text));
    if (schemaProblems.length > 0) return { problems: schemaProblems };

    const { $schema: _schema, extends: extendsPaths, ...own } = parsed.value as RawConfig;
    const problems: ConfigProblem[] = [];
    let settings: Partial<KpiConfig> = {};
    const bases = typeof extendsPaths === 'string' ? [extendsPaths] : extendsPaths ?? [];
    const root = bases.length > 0 ? await configRoot(uri, loader.workspaceRoots) : '';
    const inner = [...chain, uri.toString()];
    for (const [i, path] of bases.entries()) {
        const pointer = typeof extendsPaths === 'string' ? '/extends' : `/extends/${i}`;
        const problem = (message: string) => at(parsed.locations.get(pointer)!.value, message, text);
        const baseUri = UriUtils.resolvePath(UriUtils.dirname(uri), path);
        if (inner.includes(baseUri.toString())) {
            problems.push(problem(`"extends" makes a cycle through ${path}`));
        } else if (inner.length >= MAX_EXTENDS_DEPTH) {
            problems.push(problem(`"extends" goes more than ${MAX_EXTENDS_DEPTH} files deep`));
        } else if (!await isInsideRoot(baseUri, root)) {
            problems.push(problem(`"extends": ${path} is outside ${root}; only files inside the repository or workspace are read`));
        } else {
            const base = await loadConfigFile(baseUri, loader, inner, { problem, path });
            problems.push(...base.problems);
            if (base.settings) settings = mergeSettings(settings, base.settings);
        }
    }
    settings = mergeSettings(settings, own);
    const known = new Set<string>([...Object.keys(BUILTIN_PROFILES), ...Object.keys(settings.profiles ?? {})]);
    if (own.profile !== undefined && !known.has(own.profile)) {
        problems.push(at(parsed.locations.get('/profile')!.value, `unknown scoring profile "${own.profile}" (use one of ${[...known].map(n => `"${n}"`).join(', ')} or define it under "profiles")`, text));
    }
    return problems.length > 0 ? { problems } : { settings, problems };
}

/** `base` overridden by `own`: maps merge by key, `ignore` lists add up, other settings replace. */
export function mergeSettings(base: Partial<KpiConfig>, own: Partial<KpiConfig>): Partial<KpiConfig> {
    const merged: Partial<KpiConfig> = { ...base, ...own };
    if (base.rules || own.rules) merged.rules = { ...base.rules, ...own.rules };
    if (base.profiles || own.profiles) merged.profiles = { ...base.profiles, ...own.profiles };
    if (base.ignore || own.ignore) merged.ignore = [...base.ignore ?? [], ...own.ignore ?? []];
    return merged;
}

// Every rule: a typo of a syntax rule is told which one it is, and that it cannot be configured (unknownRule).
const RULE_IDS = RULES.map(r => r.id);
const OPTION_NAMES = Object.keys((configSchema()['properties'] ?? {}) as object);

/** `rules["target/below-contract"]`, `profiles.hubei.weights` — how a user would point at a value. */
function label(pointer: string): string {
    if (pointer === '') return 'the configuration';
    return pointer.slice(1).split('/')
        .map(s => s.replace(/~1/g, '/').replace(/~0/g, '~'))
        .map((s, i) => (/^[A-Za-z_$][\w$-]*$/.test(s) ? (i === 0 ? s : `.${s}`) : `[${JSON.stringify(s)}]`))
        .join('');
}

function valueAt(root: unknown, pointer: string): unknown {
    let value = root;
    for (const s of pointer.split('/').slice(1)) value = (value as Record<string, unknown>)?.[s.replace(/~1/g, '/').replace(/~0/g, '~')];
    return value;
}

function didYouMean(name: string, candidates: readonly string[]): string {
    const meant = likelyMeant(name, candidates);
    return meant ? ` (did you mean "${meant}"?)` : '';
}

/** `unknown rule "syntax/parsin" (did you mean "syntax/parsing"? it cannot be configured: …)`. */
function unknownRule(name: string): string {
    const meant = likelyMeant(name, RULE_IDS);
    if (!meant) return `unknown rule "${name}"`;
    return `unknown rule "${name}" (did you mean "${meant}"?${isConfigurable(meant) ? '' : ` it cannot be configured: ${PARSE_ERRORS_STAY.en}`})`;
}

/** Turns Ajv's errors into one-line messages placed at the faulty key or value. */
function describeErrors(errors: readonly ErrorObject[], root: unknown, locations: Map<string, JsonLocation>): Array<{ offset: number; message: string }> {
    // `extends` is a oneOf: report it once instead of once per branch.
    const oneOfPaths = new Set(errors.filter(e => e.keyword === 'oneOf').map(e => e.instancePath));
    const result: Array<{ offset: number; message: string }> = [];
    for (const e of errors) {
        if (e.keyword !== 'oneOf' && [...oneOfPaths].some(p => e.instancePath.startsWith(p))) continue;
        const where = label(e.instancePath);
        const value = valueAt(root, e.instancePath);
        const location = locations.get(e.instancePath);
        let offset = location?.value ?? 0;
        let message: string;
        switch (e.keyword) {
            case 'additionalProperties': {
                const name = String(e.params['additionalProperty']);
                offset = locations.get(`${e.instancePath}/${pointerSegment(name)}`)?.key ?? offset;
                message = e.instancePath === '/rules' ? (isRuleId(name) ? `"${name}" cannot be configured: ${PARSE_ERRORS_STAY.en}` : unknownRule(name))
                    : e.instancePath === '' ? `unknown setting "${name}"${didYouMean(name, OPTION_NAMES)}`
                        : `unknown property "${name}" in ${where}`;
                break;
            }
            case 'enum':
                message = `${where} must be one of ${(e.params['allowedValues'] as unknown[]).map(v => JSON.stringify(v)).join(', ')}, not ${JSON.stringify(value)}`;
                break;
            case 'type':
                message = `${where} must be ${e.params['type'] === 'object' ? 'an object' : e.params['type'] === 'array' ? 'a list' : `a ${String(e.params['type'])}`}, not ${JSON.stringify(value)}`;
                break;
            case 'required':
                message = `${where} is missing "${String(e.params['missingProperty'])}"`;
                break;
            case 'oneOf':
                message = `${where} must be a path or a list of paths`;
                break;
            case 'pattern':
                message = `${where} must be a URL, not ${JSON.stringify(value)}`;
                break;
            default:
                message = `${where} ${e.message ?? 'is invalid'}`;
        }
        result.push({ offset, message });
    }
    return result;
}
