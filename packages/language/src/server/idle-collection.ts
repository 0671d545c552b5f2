import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Disposable, DocumentState, type DocumentBuilder } from 'langium';

/**
 * How long the builder must have had nothing to do before the heap is collected: keystrokes
 * within a word come faster; a pause this long is a stop.
 */
export const IDLE_MS = 500;

/**
 * How much the old generation must have grown since the last collection here, as a share of
 * what it held then. V8 lets it grow by a quarter (server/main.ts), but starts marking on its
 * own much earlier: at 1,000 projects, within two edits of a shared standard, each of which
 * leaves 3–4 % behind. A keystroke in a large file leaves under 1 %.
 */
export const GROWTH = 0.02;

/**
 * How many documents a build must have validated for its garbage to be collected when idle.
 * Keystrokes re-validate their file and a few dependents, and collecting after them made them
 * slower (at 1,000 projects, keystroke p50 51–64 ms against 43–49 ms without, bench/RESULTS.md);
 * an edit of a shared standard re-validates thousands.
 */
export const LARGE_BUILD = 100;

/**
 * How long the builder must have had nothing to do before the young generation is collected:
 * long enough for the build's diagnostics to be written out, shorter than a pause between keystrokes.
 */
export const YOUNG_IDLE_MS = 20;

export interface IdleCollectionOptions {
    /** Runs a full collection of the heap. */
    readonly collect: () => void;
    /** Collects the young generation only. */
    readonly collectYoung: () => void;
    /** The bytes the heap's old generation holds now (see oldGenerationUsed). */
    readonly oldGeneration: () => number;
    readonly idleMs?: number;
    readonly youngIdleMs?: number;
    readonly growth?: number;
    readonly largeBuild?: number;
}

/**
 * Collects the whole heap when the server is idle, instead of letting V8 do it in the middle of
 * an edit. At 1,000 projects a full collection marks about 300 MB, 300 ms of this thread,
 * and V8 ran one during every fifth edit of a standard that every project applies, which took
 * those edits from ~0.85 to ~1.3 s (bench/RESULTS.md, issue 17). Once a build has validated
 * `largeBuild` documents, each finished build starts a timer that a new update stops; when it
 * runs out and the old generation has grown by `growth` since the last collection here, the
 * heap is collected. Keystrokes alone never collect the whole heap, and without pauses (an
 * editor replaying changes) nothing changes: V8 collects when it needs to, as before.
 *
 * After every build, once the builder has been idle for `youngIdleMs`, the young generation is
 * collected: a keystroke in a 1,000-line file allocates about 20 MB, and V8 scavenged two or
 * three times in the middle of each (4–10 ms each, copying the new syntax tree). Started with an
 * empty young generation of 16 MB semi-spaces (SERVER_NODE_ARGS), a keystroke scavenges once at
 * most, and the collection of what it left is done while the user reads.
 */
export function collectWhenIdle(builder: DocumentBuilder, options: IdleCollectionOptions): Disposable {
    const { collect, collectYoung, oldGeneration, idleMs = IDLE_MS, youngIdleMs = YOUNG_IDLE_MS, growth = GROWTH, largeBuild = LARGE_BUILD } = options;
    /** What the old generation held after the last collection here; none yet: the first idle moment collects. */
    let collected = 0;
    /** Whether a large build has finished since the last idle moment (keystrokes may have followed it). */
    let pending = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let youngTimer: ReturnType<typeof setTimeout> | undefined;
    const stop = () => {
        clearTimeout(timer);
        clearTimeout(youngTimer);
        timer = youngTimer = undefined;
    };
    const idle = () => {
        timer = undefined;
        pending = false;
        if (oldGeneration() < collected * (1 + growth)) return;
        collect();
        collected = oldGeneration();
    };
    const listeners = [
        builder.onUpdate(stop),
        builder.onBuildPhase(DocumentState.Validated, built => {
            stop();
            // A pending collection does not keep a server that is shutting down alive.
            youngTimer = setTimeout(() => {
                youngTimer = undefined;
                collectYoung();
            }, youngIdleMs);
            youngTimer.unref?.();
            pending ||= built.length >= largeBuild;
            if (!pending) return;
            timer = setTimeout(idle, idleMs);
            timer.unref?.();
        }),
    ];
    return Disposable.create(() => {
        stop();
        for (const listener of listeners) listener.dispose();
    });
}

type V8Collection = (options?: { type: 'major' | 'minor' }) => void;

/** V8's `gc`, exposed for a new context only, not to user code. */
function v8Collection(): V8Collection {
    setFlagsFromString('--expose-gc');
    return runInNewContext('gc') as V8Collection;
}

/** A full collection of this process's heap. */
export function fullCollection(): () => void {
    const gc = v8Collection();
    return () => gc();
}

/** A collection of this process's young generation (a scavenge). */
export function youngCollection(): () => void {
    const gc = v8Collection();
    return () => gc({ type: 'minor' });
}

/**
 * The bytes the heap holds outside its young generation: what a full collection frees. The
 * young generation fills and empties with every edit, by up to 16 MB, as much as the growth
 * that decides a collection.
 */
export function oldGenerationUsed(): number {
    let used = 0;
    for (const space of getHeapSpaceStatistics()) if (!space.space_name.startsWith('new_')) used += space.space_used_size;
    return used;
}
