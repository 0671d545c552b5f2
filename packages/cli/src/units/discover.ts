import { relative } from 'node:path';
import { URI } from 'langium';
import { blockName, type FileScan } from './scan.js';

/** Files validated together: a project with the files that name it, or the shared standards. */
export interface Unit {
    /** Its first project's name, else its first file's path from the working folder: fixes its shard. */
    readonly name: string;
    /** Absolute paths, in the workspace's (sorted) order. */
    readonly files: readonly string[];
    /** The shared standards' unit: its files are loaded in every unit, and validated here. */
    readonly shared: boolean;
}

/** The workspace cut into units, with what every unit needs of the rest. */
export interface Units {
    readonly units: Unit[];
    /** Files loaded beside every unit: standards that name nothing of other files and are named once. */
    readonly sharedFiles: readonly string[];
    /** Block name → URIs of the files defining it, in the workspace's order (for name/duplicate). */
    readonly exports: ReadonlyMap<string, readonly string[]>;
}

/**
 * Groups files so that every name a file mentions is defined in its unit or in a shared
 * standard: files join when one defines a block name the other mentions or defines too. A file
 * whose links all stay in its unit is then linked and validated as in the whole workspace.
 */
export function findUnits(files: readonly string[], scans: readonly FileScan[], cwd: string): Units {
    const definers = new Map<string, number[]>();
    scans.forEach((scan, i) => {
        for (const entry of scan.blocks) {
            const name = blockName(entry);
            const at = definers.get(name);
            if (!at) definers.set(name, [i]);
            else if (at[at.length - 1] !== i) at.push(i);
        }
    });
    const isShared = scans.map((scan, i) =>
        scan.blocks.length > 0
        && scan.blocks.every(b => b.startsWith('standard ') && definers.get(blockName(b))!.length === 1)
        && scan.mentions.every(m => definers.get(m)?.every(d => d === i) ?? true));

    const parent = files.map((_, i) => i);
    const root = (i: number): number => {
        while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
        return i;
    };
    scans.forEach((scan, i) => {
        if (isShared[i]) return;
        // Most words a file mentions define nothing: looked up, and passed, without a list each.
        for (const name of scan.mentions) {
            const at = definers.get(name);
            if (at === undefined) continue;
            for (let k = 0; k < at.length; k++) if (!isShared[at[k]!]) parent[root(at[k]!)] = root(i);
        }
    });

    const members = new Map<number, number[]>();
    const sharedFiles: string[] = [];
    files.forEach((file, i) => {
        if (isShared[i]) {
            sharedFiles.push(file);
            return;
        }
        const r = root(i);
        let list = members.get(r);
        if (!list) members.set(r, list = []);
        list.push(i);
    });
    const units: Unit[] = [...members.values()].map(list => {
        const project = list.flatMap(i => scans[i]!.blocks).find(b => b.startsWith('project '));
        return {
            name: project ? blockName(project) : relative(cwd, files[list[0]!]!).split('\\').join('/'),
            files: list.map(i => files[i]!),
            shared: false,
        };
    });
    if (sharedFiles.length > 0) units.push({ name: relative(cwd, sharedFiles[0]!).split('\\').join('/'), files: sharedFiles, shared: true });

    const exports = new Map<string, string[]>();
    for (const [name, at] of definers) exports.set(name, at.map(i => URI.file(files[i]!).toString()));
    return { units, sharedFiles, exports };
}
