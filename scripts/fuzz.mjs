#!/usr/bin/env node
// `npm run fuzz [-- --seed N] [--minutes M]`: the fuzz test of the normal test run
// (test/fuzz/fuzz.test.ts) with a longer budget and any seed (default: a new one each run,
// printed so that a failure can be replayed with --seed).
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
    options: {
        seed: { type: 'string', default: process.env.FUZZ_SEED ?? String(Date.now() % 2 ** 31) },
        minutes: { type: 'string', default: '10' },
    },
});
const seed = Number(values.seed);
const minutes = Number(values.minutes);
if (!Number.isInteger(seed) || !(minutes > 0)) {
    console.error('usage: npm run fuzz -- [--seed N] [--minutes M]');
    process.exit(2);
}
console.log(`fuzzing for ${minutes} min with seed ${seed} (replay: npm run fuzz -- --seed ${seed})`);
const vitest = join(root, 'node_modules', '.bin', 'vitest');
const result = spawnSync(vitest, ['run', 'test/fuzz'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, FUZZ_SEED: String(seed), FUZZ_BUDGET_MS: String(Math.round(minutes * 60_000)) },
});
process.exit(result.status ?? 1);
