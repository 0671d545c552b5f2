/**
 * Polls `probe` until it returns something other than undefined; editors become ready at their
 * own pace (10-30 s on a 2-core CI machine), so tests wait for a state, never for a fixed time.
 * On timeout the error says what was awaited and what the last probe saw.
 */
export async function waitFor<T>(
    what: string,
    probe: () => T | undefined | Promise<T | undefined>,
    { timeoutMs = 60_000, intervalMs = 250, describe }: { timeoutMs?: number; intervalMs?: number; describe?: () => string } = {},
): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
        const value = await probe();
        if (value !== undefined) return value;
        if (Date.now() > deadline) {
            throw new Error(`timed out after ${Math.round(timeoutMs / 1000)} s waiting for ${what}${describe ? `; last seen: ${describe()}` : ''}`);
        }
        await new Promise(resolve => setTimeout(resolve, intervalMs));
    }
}
