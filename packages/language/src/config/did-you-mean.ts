import { closestNames } from '../validation/closest-names.js';

/** The closest candidate when it looks like a typo of the name (same first letter, similar length). */
export function likelyMeant(name: string, candidates: readonly string[]): string | undefined {
    const [closest] = closestNames(name, candidates, 1);
    return closest && closest[0] === name[0] && Math.abs(closest.length - name.length) <= 3 ? closest : undefined;
}
