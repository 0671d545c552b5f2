/**
 * Rounds to `digits` decimals, half up. Scaling first and trimming float noise at 12 significant
 * digits keeps 1.005 → 1.01 and 0.1 + 0.2 → 0.3, which plain Math.round(x * 100) gets wrong.
 */
export function round(value: number, digits = 2): number {
    // Most weights and scores are whole numbers: nothing to round (and no 12-digit trimming of large ones).
    if (Number.isInteger(value)) return value;
    const scale = 10 ** digits;
    return Math.round(Number((value * scale).toPrecision(12))) / scale;
}

/** 0.9388 → '93.88%'. */
export function percent(share: number): string {
    return `${round(share * 100)}%`;
}
