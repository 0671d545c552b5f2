export interface Random {
    /** Uniform in [0, 1). */
    next(): number;
    /** Uniform in [lo, hi). */
    between(lo: number, hi: number): number;
    /** Integer in [lo, hi]. */
    int(lo: number, hi: number): number;
    pick<T>(list: readonly T[]): T;
    chance(p: number): boolean;
    shuffle<T>(list: readonly T[]): T[];
}

export function random(seed: number): Random;
