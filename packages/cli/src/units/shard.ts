import { createHash } from 'node:crypto';
import { UserError } from '../exit-codes.js';

/** `--shard i/n`: the i-th of n parts of the units (1-based). */
export interface Shard {
    readonly index: number;
    readonly count: number;
}

export function parseShard(text: string): Shard {
    const match = /^(\d+)\/(\d+)$/.exec(text.trim());
    const index = Number(match?.[1]);
    const count = Number(match?.[2]);
    if (!match || count < 1 || index < 1 || index > count) {
        throw new UserError({ zh: `--shard 应为 i/n，1 ≤ i ≤ n（如 2/4），而不是「${text}」`, en: `--shard must be i/n with 1 ≤ i ≤ n (e.g. 2/4), not '${text}'` });
    }
    return { index, count };
}

/** The shard a unit belongs to, from its name alone: the same on every machine and in every run. */
export function shardOf(name: string, count: number): number {
    return (createHash('sha1').update(name).digest().readUInt32BE(0) % count) + 1;
}
