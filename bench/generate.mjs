#!/usr/bin/env node
// Generates a benchmark workspace of N projects: `npm run bench:gen -- <N> [outDir] [--seed S]`.
//
// Each project is a folder with targets.kpi (the complete 申报表: 资金 and its sources, the 测算
// breakdown, about 30 indicators over every family, linked to its contract and to the shared
// standards, some with 上年 values), contract.kpi, assessment.kpi (the complete 自评表: 预算执行
// with its 其中 rows, 测算 actuals, the narratives) and compliance.kpi; standards/ holds the
// standards every project applies (the common one and one per sector).
// Project p0000 is department-wide (and fault-free unless N = 1): its targets file has over 1,000 lines. Faults from
// corpus/faults.mjs are spread so that every rule of RULES.md fires somewhere (but excel/*, which
// only workbooks produce, and suppression/*): each fault is given to one project in turn (so
// N = 10 already covers them all), and to others at random.
// The same N and seed always produce the same files. `.bench.json` describes the workspace.
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FAULTS } from './corpus/faults.mjs';
import { assess, assignWeights, buildProject, review } from './corpus/model.mjs';
import { renderAssessment, renderCompliance, renderContract, renderStandard, renderTargets } from './corpus/render.mjs';
import { COMMON_STANDARD, SECTORS } from './corpus/sectors.mjs';
import { parseCommandLine, usageError } from './lib/command-line.mjs';
import { random } from './lib/random.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
export const MARKER = '.bench.json';

/** Chance that a project has a given fault besides the ones it is given in turn. */
const FAULT_RATE = { default: 0.04, 'syntax/lexing': 0.005, 'syntax/parsing': 0.005, 'reference/unresolved': 0.01, 'name/duplicate': 0.005 };

export function defaultDir(n) {
    return join(HERE, 'workspaces', `n${n}`);
}

/** Writes the workspace and returns its description (also written to `<dir>/.bench.json`). */
export function generate(n, dir = defaultDir(n), seed = 20240331) {
    prepare(dir);
    const rng = random(seed + n);
    // The complete forms' parts (资金, 测算, 预算执行's 其中 rows, narratives) and their faults draw
    // from a stream of their own, so the rest of each project is what it was before they existed.
    const forms = random((seed + n) ^ 0x5f0f0f5);
    const write = (file, text) => {
        const path = join(dir, file);
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(path, text);
    };
    for (const standard of [COMMON_STANDARD, ...SECTORS.map(s => s.standard)]) write(standard.file, renderStandard(standard));

    // Fault k goes to project 1 + k mod (N-1); one that cannot apply there moves on to the next.
    const owed = new Map();
    FAULTS.forEach((fault, k) => {
        const at = n > 1 ? 1 + (k % (n - 1)) : 0;
        if (!owed.has(at)) owed.set(at, []);
        owed.get(at).push(fault);
    });
    let carried = [];
    const fired = new Map();
    const projects = [];
    let lines = 0;
    let previous;
    for (let i = 0; i < n; i++) {
        const sector = SECTORS[i % SECTORS.length];
        const p = buildProject(i, sector, rng, { large: i === 0, english: i % 10 === 7, forms });
        const due = [...carried, ...(owed.get(i) ?? [])];
        const extra = i === 0 && n > 1 ? [] : FAULTS.filter(f => !due.includes(f) && (f.forms ? forms : rng).chance(FAULT_RATE[f.rule] ?? FAULT_RATE.default));
        const planned = FAULTS.filter(f => due.includes(f) || extra.includes(f));
        carried = [];
        const applyPhase = (phase) => {
            for (const fault of planned.filter(f => f.phase === phase)) {
                if (fault.apply(p, fault.forms ? forms : rng, previous)) {
                    p.faults.push(fault.rule);
                    fired.set(fault.rule, (fired.get(fault.rule) ?? 0) + 1);
                } else if (due.includes(fault)) {
                    carried.push(fault);
                }
            }
        };
        applyPhase('structure');
        assignWeights(p);
        assess(p, rng);
        review(p, rng);
        applyPhase('assess');
        const files = {
            targets: renderTargets(p),
            contract: renderContract(p),
            assessment: renderAssessment(p),
            compliance: renderCompliance(p),
        };
        for (const [kind, text] of Object.entries(files)) {
            write(`${p.dir}/${kind}.kpi`, text);
            lines += text.split('\n').length;
        }
        projects.push({ dir: p.dir, name: p.name, sector: sector.key, english: p.english, indicators: p.indicators.length, faults: p.faults });
        previous = p;
    }
    const description = {
        n, seed,
        files: 1 + SECTORS.length + 4 * n,
        lines,
        // Files the benchmark edits: a local edit, a contract of one project, the standard of all.
        edits: {
            largeTargets: 'p0000/targets.kpi',
            contract: `${projects[Math.min(1, n - 1)].dir}/contract.kpi`,
            commonStandard: COMMON_STANDARD.file,
        },
        faults: Object.fromEntries([...fired].sort()),
        unapplied: carried.map(f => f.rule),
        projects,
    };
    writeFileSync(join(dir, MARKER), JSON.stringify(description, null, 2) + '\n');
    return description;
}

/** Empties the output folder, but only one that is empty or that this script generated. */
function prepare(dir) {
    if (existsSync(dir)) {
        const entries = readdirSync(dir);
        if (entries.length > 0 && !entries.includes(MARKER)) {
            throw new Error(`${dir} is not empty and was not generated by bench/generate.mjs; refusing to overwrite it`);
        }
        rmSync(dir, { recursive: true, force: true });
    }
    mkdirSync(dir, { recursive: true });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
    const USAGE = 'usage: npm run bench:gen -- <N> [outDir] [--seed S] (N projects, default 10, into bench/workspaces/n<N>)';
    const { values, positionals } = parseCommandLine(USAGE, { allowPositionals: true, options: { seed: { type: 'string' } } });
    const n = Number(positionals[0] ?? 10);
    if (!Number.isInteger(n) || n < 1) usageError(USAGE);
    const dir = resolve(positionals[1] ?? defaultDir(n));
    const d = generate(n, dir, values.seed === undefined ? undefined : Number(values.seed));
    console.log(`${dir}: ${d.files} files, ${d.lines} lines, ${Object.keys(d.faults).length} kinds of fault`);
    if (d.unapplied.length > 0) console.warn(`faults that found no project to apply to: ${d.unapplied.join(', ')}`);
}
