import { relative, sep } from 'node:path';
import { URI, type AstNodeDescription, type AstReflection } from 'langium';
import { CANDIDATES, NameIndex, pick, suggestionPlace, unresolvedReferenceMessage, type KpiConfiguration, type Locale } from '@kpispec/language/core';
import { UserError } from '../exit-codes.js';
import { reportLanguage } from '../options.js';
import { toRelatedLocation, type LintMessage, type RelatedLocation } from '../results.js';
import type { PassedOverFile } from '../passed-over.js';
import { readUtf8, readUtf8Sync, type CliServices } from '../workspace.js';
import { readCache, unitKey, writeCache } from './cache.js';
import { threadsFor, type Concurrency } from './concurrency.js';
import { findUnits, type Unit } from './discover.js';
import { UnitPool } from './pool.js';
import { readFiles } from './read-files.js';
import { blockName, interner, type FileScan } from './scan.js';
import { shardOf, type Shard } from './shard.js';
import { localeEnv, type FileOutcome, type UnitOutcome, type WorkspaceSetup } from './unit-validator.js';

export interface UnitRunOptions {
    /** The .kpi files, sorted. */
    readonly files: readonly string[];
    /** The workbooks beside them: a workspace with workbooks is validated at once. */
    readonly workbooks: readonly string[];
    readonly cwd: string;
    readonly env: Readonly<Record<string, string | undefined>>;
    readonly configFile: string | undefined;
    readonly noInlineConfig: boolean;
    readonly locale: string | undefined;
    readonly concurrency: Concurrency;
    readonly shard: Shard | undefined;
    /** The cache file, with `--cache`. */
    readonly cache: string | undefined;
    /** The main thread's services: configuration, and parsing the few files whose exports are needed. */
    readonly services: CliServices;
}

/** One file's findings, unsorted and unfiltered. */
export interface FileFindings {
    readonly filePath: string;
    readonly messages: LintMessage[];
}

/** The workspace is to be validated at once, and these of its files reported. */
export interface AtOnce {
    readonly inShard: (filePath: string) => boolean;
}

export interface UnitRun {
    /** The files of this shard (all files without `--shard`), in the files' order. */
    readonly findings: FileFindings[];
    /** The language of the report's own words (see reportLanguage). */
    readonly locale: Locale;
    /** The files of this shard that cannot be read or are not UTF-8, passed over. */
    readonly passedOver: PassedOverFile[];
}

/** `KPISPEC_DEBUG=units` prints what the run does, with times since the process started, on stderr. */
const debug = process.env['KPISPEC_DEBUG'] === 'units'
    ? (what: string) => process.stderr.write(`[units ${(performance.now() / 1000).toFixed(2)} s, ${mb(process.memoryUsage().rss)} RSS, ${mb(process.memoryUsage().heapUsed)} heap] ${what}\n`)
    : () => undefined;

const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;

/**
 * `kpispec lint` unit by unit (see findUnits): scans every file, validates the units of the
 * shard that the cache does not hold, in threads, and gives the findings of one run over the
 * whole workspace. A workspace with workbooks (whose forms are read against every project) is
 * validated at once, and so is one where a scan turns out to differ from the parse (a file with
 * syntax errors read differently): then AtOnce says which files the shard reports.
 */
export async function lintInUnits(options: UnitRunOptions): Promise<UnitRun | AtOnce> {
    if (options.workbooks.length > 0 && !options.shard) return { inShard: () => true };
    const pool = new UnitPool({
        cwd: options.cwd, configFile: options.configFile, noInlineConfig: options.noInlineConfig, locale: options.locale, env: localeEnv(options.env),
    });
    // Without a cache every unit is validated: workers start now, to load while this thread scans and then scan with it,
    // as many as the units need if a project comes with its contract, assessment and compliance
    // files (fewer files per unit start more workers after the scan; any not needed are stopped).
    if (!options.cache && options.workbooks.length === 0) pool.start(threadsFor(options.concurrency, options.files.length / 4 / (options.shard?.count ?? 1)) - 1);
    try {
        return await lintWithPool(options, pool);
    } finally {
        await pool.close();
    }
}

async function lintWithPool(options: UnitRunOptions, pool: UnitPool): Promise<UnitRun | AtOnce> {
    const { files, cwd } = options;
    const cached = options.cache ? await readCache(options.cache) : undefined;
    if (cached) debug(`cache read: ${cached.units.size} units, ${cached.files.size} files`);
    // Texts read are kept for the units, each until its unit is validated: reading a file costs as much as scanning it.
    const read = await readFiles(files, interner(), options.cache !== undefined, cached?.files, pool.read.bind(pool));
    const { scans, hashes, texts } = read;
    const found = findUnits(files, scans, cwd);
    const { sharedFiles, exports } = found;
    // A file that cannot be read or is not UTF-8, read as empty, is alone in a unit, which is not validated.
    const unread = read.passedOver();
    const passedOver = new Set(unread.map(f => f.file));
    const allUnits = passedOver.size > 0 ? found.units.filter(u => !u.files.every(f => passedOver.has(f))) : found.units;
    const { shard } = options;
    const units = shard ? allUnits.filter(u => shardOf(u.name, shard.count) === shard.index) : allUnits;
    const indexOf = new Map(files.map((f, i) => [f, i]));
    const shardFiles = new Set(units.flatMap(u => u.files));
    // A file in no unit (a workbook, a file passed over) goes to the shard of its path.
    const inUnit = shard ? new Set(allUnits.flatMap(u => u.files)) : undefined;
    const atOnce: AtOnce = {
        inShard: !shard ? () => true
            : file => shardFiles.has(file) || (!inUnit!.has(file) && shardOf(relative(cwd, file).split(sep).join('/'), shard.count) === shard.index),
    };
    if (options.workbooks.length > 0) return atOnce;

    const configuration = options.services.kpi.kpi.Configuration;
    const workspace: WorkspaceSetup = { sharedFiles, exports: [...exports], configFolders: configuration.foldersFound() };
    const keys = new Map<Unit, string>();
    if (options.cache) {
        const flags = JSON.stringify([options.configFile, options.noInlineConfig, options.locale, localeEnv(options.env)]);
        const sharedPart = sharedFiles.map(f => `${f}\0${hashes[indexOf.get(f)!]}`).join('\0');
        for (const unit of units) keys.set(unit, unitKey([flags, sharedPart, ...unitParts(unit, configuration, scans, hashes, indexOf, exports)]));
    }

    const outcomes = new Map<Unit, UnitOutcome>();
    const pending: Unit[] = [];
    for (const unit of units) {
        const hit = cached?.units.get(keys.get(unit) ?? '');
        if (hit) outcomes.set(unit, hit);
        else pending.push(unit);
    }
    // The largest first, so that no thread is left with a large unit at the end.
    const weight = (u: Unit) => u.files.reduce((sum, f) => sum + read.lengths[indexOf.get(f)!]!, 0);
    pending.sort((a, b) => weight(b) - weight(a));
    const threads = threadsFor(options.concurrency, pending.length);
    debug(`${files.length} files scanned: ${allUnits.length} units (${units.length} in this run, ${pending.length} to validate in ${threads} threads), ${sharedFiles.length} shared files`);
    const needed = new Set(pending.flatMap(u => u.files));
    for (const file of texts.keys()) if (!needed.has(file)) texts.delete(file);
    const take = (unit: Unit) => unit.files.map(file => {
        // A file the cache spared reading is read now that its unit is validated again.
        const text = texts.get(file) ?? readUtf8Sync(file);
        texts.delete(file);
        return text;
    });
    await pool.validate(pending, workspace, threads, options.services, take, (unit, outcome) => outcomes.set(unit, outcome));
    debug('units validated');

    for (const outcome of outcomes.values()) {
        if (!outcome.complete) {
            debug(`a unit of ${outcome.files[0]?.filePath} references a file outside it: validating at once`);
            return atOnce;
        }
        for (const file of outcome.files) {
            if (!sameBlocks(file.blocks, scans[indexOf.get(file.filePath)!]!.blocks)) {
                debug(`${file.filePath} was scanned as ${JSON.stringify(scans[indexOf.get(file.filePath)!]!.blocks)}, parsed as ${JSON.stringify(file.blocks)}: validating at once`);
                return atOnce;
            }
        }
    }
    if (options.cache) {
        const kept = new Map([...outcomes].map(([unit, outcome]) => [keys.get(unit)!, outcome]));
        await writeCache(options.cache, { units: kept, files: read.states() }, { validated: pending.length, reused: units.length - pending.length }).catch((e: NodeJS.ErrnoException) => {
            const code = e.code ?? e.message;
            throw new UserError({ zh: `无法写入缓存 ${options.cache}：${code}`, en: `cannot write the cache ${options.cache}: ${code}` });
        });
        debug('cache written');
    }

    const byFile = new Map<string, FileOutcome>();
    for (const outcome of outcomes.values()) for (const file of outcome.files) byFile.set(file.filePath, file);
    const findings = files.filter(f => byFile.has(f)).map(f => byFile.get(f)!);
    await nameClosestCandidates(findings, files, byFile, scans, options.services);
    debug('closest names found');
    const settings = options.services.kpi.kpi.Settings;
    const first = files[0]!;
    const locale = findings.length > 0 ? reportLanguage(settings, findings.map(f => f.locale)) : await localeOfFile(first, passedOver.has(first) ? '' : await readUtf8(first), options.services);
    debug('locale found');
    return { findings: findings.map(f => ({ filePath: f.filePath, messages: f.messages })), locale, passedOver: unread.filter(f => atOnce.inShard(f.file)) };
}

/** What a unit's outcome depends on besides the shared files and the flags. */
function unitParts(unit: Unit, configuration: KpiConfiguration, scans: FileScan[], hashes: string[], indexOf: Map<string, number>, exports: ReadonlyMap<string, readonly string[]>): string[] {
    const parts: string[] = [];
    for (const file of unit.files) {
        const i = indexOf.get(file)!;
        parts.push(file, hashes[i]!, JSON.stringify(configuration.get(URI.file(file))));
        // name/duplicate: the other files that define its names.
        for (const entry of scans[i]!.blocks) parts.push(JSON.stringify(exports.get(blockName(entry))));
    }
    return parts;
}

function sameBlocks(a: readonly string[], b: readonly string[]): boolean {
    return a.length === b.length && a.every((x, i) => x === b[i]);
}

/**
 * Messages of unresolved global names list the closest names of the whole workspace: a unit
 * sees only its own, so they are written here, from every file's exports (as parsed, or for a
 * file of another shard as scanned: parsing them all again cost a shard of 10,000 projects
 * 15 s). Each name offered gets its related place, where the global scope would resolve it: the
 * first file exporting it. The unit placed those it could see (its files and the shared ones);
 * the file of any other is parsed here, only for the few names these messages offer.
 */
async function nameClosestCandidates(
    findings: FileOutcome[], files: readonly string[], byFile: ReadonlyMap<string, FileOutcome>, scans: readonly FileScan[], services: UnitRunOptions['services'],
): Promise<void> {
    if (!findings.some(f => f.unresolved.length > 0)) return;
    const exportsOf = files.map((file, i) => byFile.get(file)?.exports ?? scans[i]!.exports);
    // The names of each type asked for, with the first file exporting each (its index in
    // `files`), in one pass over every file's exports (a province has millions).
    const reflection: AstReflection = services.shared.AstReflection;
    const namesByType = new Map<string, Map<string, number>>();
    for (const file of findings) for (const { type } of file.unresolved) namesByType.set(type, new Map());
    const wanting = new Map<string, Array<Map<string, number>>>();
    const setsFor = (exported: string) => {
        let sets = wanting.get(exported);
        if (!sets) wanting.set(exported, sets = [...namesByType].filter(([type]) => reflection.isSubtype(exported, type)).map(([, names]) => names));
        return sets;
    };
    for (let f = 0; f < exportsOf.length; f++) {
        for (const [name, type] of exportsOf[f]!) for (const names of setsFor(type)) if (!names.has(name)) names.set(name, f);
    }
    const indexes = new Map([...namesByType].map(([type, names]) => [type, new NameIndex(names.keys())]));
    const places = new DefinitionPlaces(services);
    for (const file of findings) {
        for (const { at, name, type, suggested } of file.unresolved) {
            const message = file.messages[at]!;
            const closest = indexes.get(type)!.closest(name, CANDIDATES);
            message.message = pick(file.locale, unresolvedReferenceMessage(name, closest));
            const related: RelatedLocation[] = [];
            for (const candidate of closest) {
                const filePath = files[namesByType.get(type)!.get(candidate)!]!;
                const placed = suggested?.indexOf(candidate) ?? -1;
                const known = placed >= 0 ? message.related?.[placed] : undefined;
                const place = known?.filePath === filePath ? known : await places.of(filePath, candidate, type, file.locale);
                if (place) related.push(place);
            }
            if (related.length > 0) message.related = related;
            else delete message.related;
        }
    }
}

/** Where names are defined in files parsed for it, each file parsed once. */
class DefinitionPlaces {
    private readonly exports = new Map<string, Promise<AstNodeDescription[]>>();

    constructor(private readonly services: UnitRunOptions['services']) {}

    /** The related place of the first export of `file` named `name` of `type` or a subtype, as the validator gives it. */
    async of(file: string, name: string, type: string, locale: Locale): Promise<RelatedLocation | undefined> {
        let exported = this.exports.get(file);
        // Read at once: a few small files, and awaiting each read cost more than parsing it.
        if (!exported) this.exports.set(file, exported = exportedSymbols(file, readUtf8Sync(file), this.services));
        const reflection = this.services.shared.AstReflection;
        const description = (await exported).find(d => d.name === name && reflection.isSubtype(d.type, type));
        const place = description && suggestionPlace(description);
        return place && toRelatedLocation({ location: { uri: place.uri.toString(), range: place.range }, message: pick(locale, place.message) });
    }
}

/** What a file exports, parsed from its text. */
function exportedSymbols(file: string, text: string, { shared, kpi }: UnitRunOptions['services']): Promise<AstNodeDescription[]> {
    const document = shared.workspace.LangiumDocumentFactory.fromString(text, URI.file(file));
    return kpi.references.ScopeComputation.collectExportedSymbols(document);
}

async function localeOfFile(file: string, text: string, { shared, kpi }: UnitRunOptions['services']): Promise<Locale> {
    const document = shared.workspace.LangiumDocumentFactory.fromString(text, URI.file(file));
    await kpi.kpi.Configuration.loadFor(document.uri, shared.workspace.FileSystemProvider);
    return kpi.kpi.Settings.localeOf(document);
}
