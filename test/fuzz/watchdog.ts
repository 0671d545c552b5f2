import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { CaseResult, CaseSummary } from './session.js';

const ROOT = join(import.meta.dirname, '..', '..');
/** Inputs that broke something, or came close to the time limit, are written here (gitignored). */
export const FAILED_INPUTS = join(ROOT, 'test-results', 'fuzz');

export interface FuzzOptions {
    seed: number;
    /** Run this many cases… */
    cases: number;
    /** …or stop starting new ones after this many milliseconds, whichever comes first. */
    budgetMs?: number;
    /**
     * CPU time one call of a case (validation, an editor request) may take in the worker before
     * the case counts as a hang (or five times as long waiting): the worker is terminated and
     * the input saved.
     */
    callTimeoutMs: number;
    /** CPU time one call (a document's validation, one editor request) may take; none if absent. */
    maxCallMs?: number;
    /** Stop after this many failing cases. */
    maxFailures?: number;
    /** Told of the report so far after every case (progress, a record if the run is interrupted). */
    onCase?: (report: FuzzReport) => void;
}

export interface FuzzFailure {
    case: number;
    kind: 'hang' | 'crash' | 'exception' | 'time';
    mutation: string;
    file: string;
    feature: string;
    message: string;
    stack?: string;
    /** Where the input was saved. */
    input: string;
}

export interface FuzzReport {
    seed: number;
    cases: number;
    hangs: number;
    crashes: number;
    failures: FuzzFailure[];
    /** The longest CPU time any one call took, and which feature made it. */
    maxCallMs: number;
    maxCallFeature: string;
    byMutation: Record<string, number>;
    /** How often completion was asked at each position class. */
    byPositionClass: Record<string, number>;
    /** Each worker session: the case it started at (a hang or a crash starts a new one). */
    sessions: number[];
}

/** How many times its limit a call may wait (using no CPU time) before it counts as a hang. */
const WAIT_FACTOR = 5;

type WorkerMessage = { type: 'ready' } | ({ type: 'started' } & CaseSummary) | { type: 'call'; feature: string } | { type: 'finished'; result: CaseResult };
type Outcome = { kind: 'finished'; result: CaseResult } | { kind: 'hang'; feature: string } | { kind: 'crash'; error: Error };

/**
 * Runs fuzz cases (session.ts) in a worker thread, one at a time. A call of a case that does
 * not finish within its wall time is a hang and a worker that dies (out of memory, a native
 * stack overflow) a crash: either is reported with its input saved, and a fresh worker resumes
 * with the next case.
 */
export async function runFuzz(options: FuzzOptions): Promise<FuzzReport> {
    const report: FuzzReport = {
        seed: options.seed, cases: 0, hangs: 0, crashes: 0, failures: [], maxCallMs: 0, maxCallFeature: '',
        byMutation: {}, byPositionClass: {}, sessions: [],
    };
    const started = performance.now();
    const maxFailures = options.maxFailures ?? 20;
    let worker: SupervisedWorker | undefined;
    try {
        while (report.cases < options.cases && performance.now() - started < (options.budgetMs ?? Infinity)
            && new Set(report.failures.map(f => f.case)).size < maxFailures) {
            options.onCase?.(report);
            if (!worker) {
                report.sessions.push(report.cases);
                worker = await SupervisedWorker.start(options.seed, report.cases);
            }
            const { summary, outcome } = await worker.runCase(options.callTimeoutMs);
            report.cases = summary.case;
            report.byMutation[summary.mutation] = (report.byMutation[summary.mutation] ?? 0) + 1;
            const fail = (kind: FuzzFailure['kind'], feature: string, message: string, stack?: string): void => {
                report.failures.push({ case: summary.case, kind, mutation: summary.mutation, file: summary.file, feature, message, stack, input: save(options.seed, summary, '') });
            };
            if (outcome.kind !== 'finished') {
                await worker.stop();
                worker = undefined;
                if (outcome.kind === 'hang') {
                    report.hangs++;
                    fail('hang', outcome.feature, `no answer after ${options.callTimeoutMs} ms of CPU time (or ${WAIT_FACTOR} times as long waiting): the worker was terminated`);
                } else {
                    report.crashes++;
                    fail('crash', 'the whole case', outcome.error.message, outcome.error.stack);
                }
                continue;
            }
            const { result } = outcome;
            for (const f of result.failures) fail('exception', f.feature, f.message, f.stack);
            for (const name of result.positionClasses) report.byPositionClass[name] = (report.byPositionClass[name] ?? 0) + 1;
            for (const [feature, ms] of Object.entries(result.slowest)) {
                if (ms > report.maxCallMs) [report.maxCallMs, report.maxCallFeature] = [ms, feature];
                if (options.maxCallMs === undefined) continue;
                if (ms > options.maxCallMs) fail('time', feature, `${ms.toFixed(0)} ms CPU for one call (limit ${options.maxCallMs} ms)`);
                // Inputs that took over half the limit are kept too, to be profiled.
                else if (ms > options.maxCallMs / 2) save(options.seed, summary, 'slow-');
            }
        }
    } finally {
        await worker?.stop();
    }
    return report;
}

function save(seed: number, summary: CaseSummary, prefix: string): string {
    const path = join(FAILED_INPUTS, `${prefix}${seed}-${summary.case}-${summary.file.replace(/\//g, '_')}`);
    mkdirSync(FAILED_INPUTS, { recursive: true });
    writeFileSync(path, summary.input);
    return path;
}

/** A worker thread running a FuzzSession, asked for one case at a time. */
class SupervisedWorker {
    private listener: ((message: WorkerMessage) => void) | undefined;
    private death: ((error: Error) => void) | undefined;

    private constructor(private readonly worker: Worker) {
        worker.on('message', (message: WorkerMessage) => this.listener?.(message));
        worker.on('error', error => this.death?.(error));
        worker.on('exit', code => this.death?.(new Error(`the worker exited with code ${code}`)));
    }

    static async start(seed: number, firstCase: number): Promise<SupervisedWorker> {
        const worker = new SupervisedWorker(new Worker(new URL('./worker.mjs', import.meta.url), {
            workerData: { seed, firstCase },
            // A case that exhausts memory ends its worker (a crash, reported) rather than the machine.
            resourceLimits: { maxOldGenerationSizeMb: 2_048 },
        }));
        await new Promise<void>((resolve, reject) => {
            worker.listener = message => { if (message.type === 'ready') resolve(); };
            worker.death = reject;
        });
        return worker;
    }

    /** Asks for the next case; its outcome comes as a message, a call's timeout or the worker's death. */
    runCase(callTimeoutMs: number): Promise<{ summary: CaseSummary; outcome: Outcome }> {
        return new Promise((resolve, reject) => {
            let summary: CaseSummary | undefined;
            let timer: NodeJS.Timeout | undefined;
            let settled = false;
            let calls = 0;
            const settle = (outcome: Outcome): void => {
                if (settled) return;
                settled = true;
                clearTimeout(timer);
                this.listener = this.death = undefined;
                if (summary) resolve({ summary, outcome });
                // Dying while making the case (not running it) is the fuzzer's fault.
                else reject(outcome.kind === 'crash' ? outcome.error : new Error('the fuzz worker did not start a case'));
            };
            // A busy machine slows a call down without its using more CPU time: a call hangs when
            // the worker spent the limit in CPU time on it, or waited WAIT_FACTOR times as long.
            const watch = (call: number, feature: string, wallStart: number, cpuStart: Promise<number>): void => {
                timer = setTimeout(async () => {
                    const used = await this.cpuMs() - await cpuStart;
                    if (settled || call !== calls) return;
                    if (used >= callTimeoutMs || performance.now() - wallStart >= WAIT_FACTOR * callTimeoutMs) settle({ kind: 'hang', feature });
                    else watch(call, feature, wallStart, cpuStart);
                }, callTimeoutMs);
            };
            this.listener = message => {
                if (message.type === 'started') {
                    summary = { case: message.case, mutation: message.mutation, file: message.file, input: message.input };
                } else if (message.type === 'call') {
                    clearTimeout(timer);
                    watch(++calls, message.feature, performance.now(), this.cpuMs());
                } else if (message.type === 'finished') {
                    settle({ kind: 'finished', result: message.result });
                }
            };
            this.death = error => settle({ kind: 'crash', error });
            this.worker.postMessage('next');
        });
    }

    /** CPU time the worker thread has used, in ms (infinite once it has stopped: nothing more to wait for). */
    private async cpuMs(): Promise<number> {
        try {
            const { user, system } = await this.worker.cpuUsage();
            return (user + system) / 1000;
        } catch {
            return Infinity;
        }
    }

    async stop(): Promise<void> {
        this.listener = this.death = undefined;
        await this.worker.terminate();
    }
}
