/** What bench/generate.mjs writes to `<dir>/.bench.json`. */
export interface WorkspaceDescription {
    n: number;
    seed: number;
    files: number;
    lines: number;
    edits: { largeTargets: string; contract: string; commonStandard: string };
    faults: Record<string, number>;
    unapplied: string[];
    projects: Array<{ dir: string; name: string; sector: string; english: boolean; indicators: number; faults: string[] }>;
}

export const MARKER: string;
export function defaultDir(n: number): string;
/** Writes a workspace of n projects (the same n and seed, the same files) and describes it. */
export function generate(n: number, dir?: string, seed?: number): WorkspaceDescription;
