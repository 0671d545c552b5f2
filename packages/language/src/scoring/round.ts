/**
 * Rounds to `digits` decimals, half up. Scaling first and trimming float noise at 12 significant
 * digits keeps 1.005 → 1.01 and 0.1 + 0.2 → 0.3, which plain Math.round(x * 100) gets wrong.
 */
export function round(value: number, digits = 2): number {
    // Most weights and scores are whole numbers: nothing to round (and no 12-digit trimming of large ones).
    if (Number.isInteger(value)) return value;
    const scale = 10 ** digits;
    const scaled = value * scale;
    // Trimming at 12 digits moves a scaled value under 1e9 by less than 0.0005: it can change the
    // rounding only near a half. Elsewhere the trimming, a string made and read for every
    // number scored, is skipped.
    if (Math.abs(scaled) < 1e9 && Math.abs(scaled - Math.floor(scaled) - 0.5) > 1e-3) return Math.round(scaled) / scale;
    return Math.round(Number(scaled.toPrecision(12))) / scale;
}

/** 0.9388 → '93.88%'. */
export function percent(share: number): string {
    return `${round(share * 100)}%`;
}
