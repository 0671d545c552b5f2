import { URI } from 'langium';
import type { KpiConfiguration } from '@kpispec/language/core';
import { UserError } from './exit-codes.js';
import { CliFileSystemProvider } from './file-system.js';
import { findKpiFiles } from './files.js';
import { throwOnConfigProblems, useConfigFile, useLocale } from './options.js';
import { createServices, type CliServices } from './workspace.js';

export interface CommandWorkspaceOptions {
    /** Files, folders or globs as given; none means the working folder. */
    paths: readonly string[];
    cwd: string;
    env: Readonly<Record<string, string | undefined>>;
    /** `--config`. */
    configFile?: string | undefined;
    /** `--locale`. */
    locale?: string | undefined;
    /** Besides .kpi files (lint and report also read workbooks). */
    extensions?: readonly string[];
}

/** What a command works on: its services, their configuration and the files found. */
export interface CommandWorkspace<S extends CliServices = CliServices> {
    services: S;
    configuration: KpiConfiguration;
    /** Absolute paths, sorted; never empty. */
    files: string[];
}

/**
 * The start every command that reads a workspace shares, so that lint, score, report, export
 * and format find the same files with the same configuration: `--config` (else the nearest
 * kpispec.json), `--locale`, discovery with `ignore`, and configuration faults as exit 2.
 */
export function setUpCommand(options: CommandWorkspaceOptions): Promise<CommandWorkspace>;
/** With services `create` makes (the editor's, for `format`). */
export function setUpCommand<S extends CliServices>(options: CommandWorkspaceOptions, create: () => S): Promise<CommandWorkspace<S>>;
export async function setUpCommand(options: CommandWorkspaceOptions, create: () => CliServices = createServices): Promise<CommandWorkspace> {
    const services = create();
    const configuration = services.kpi.kpi.Configuration;
    const fileSystem = services.shared.workspace.FileSystemProvider;
    useConfigFile(configuration, options.configFile, options.cwd);
    useLocale(services.kpi.kpi.Settings, options.locale, options.env);
    const paths = options.paths.length ? options.paths : ['.'];
    const files = await findKpiFiles(paths, { configuration, fileSystem, cwd: options.cwd }, options.extensions);
    if (files.length === 0) {
        const where = options.paths.length ? options.paths : [options.cwd];
        throw new UserError({ zh: `在 ${where.join('、')} 中没有找到 .kpi 文件`, en: `no .kpi files found in ${where.join(', ')}` });
    }
    await configuration.load(files.map(f => URI.file(f)), fileSystem);
    throwOnConfigProblems(configuration);
    throwOnConfigFolders(fileSystem);
    return { services, configuration, files };
}

/**
 * A folder named kpispec.json is no configuration, and discovery passes it by: its files would
 * be checked with the defaults (or a configuration further up) without a word. Exit 2 instead.
 */
function throwOnConfigFolders(fileSystem: unknown): void {
    if (!(fileSystem instanceof CliFileSystemProvider)) return;
    const [first, ...more] = [...fileSystem.configFolders].sort();
    if (!first) return;
    throw new UserError(`invalid configuration: ${first} is a folder, not a configuration file${more.length ? ` (and ${more.length} more)` : ''}`);
}
