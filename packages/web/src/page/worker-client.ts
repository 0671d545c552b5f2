import type { excel } from '@kpispec/language';
import type { Findings, Request, Response, WorkbookKind } from '../protocol.js';
import { packedScriptUrl } from './packed-script.js';

type Pending = { resolve: (r: Response) => void; reject: (e: Error) => void };
// Distributes Request over its members, so each keeps its own fields without the id.
type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;

/**
 * The checking worker, started from a Blob of the bundle the page carries in a non-executed
 * script element (module workers and worker files do not load from file://). The bundle is
 * gzipped and base64-encoded there (build.mjs): it holds the language services and the Excel
 * reader, 1.6 MB of code that would take the page past its 1.5 MB; inflated here, in about as
 * long as the browser takes to parse it.
 */
export class CheckerClient {
    private readonly worker: Worker;
    private readonly pending = new Map<number, Pending>();
    private nextId = 1;

    /** `onReady` is called once the worker has warmed up (see worker/warm-up.ts). */
    constructor(packed: string, onReady: (elapsed: number) => void) {
        this.worker = new Worker(packedScriptUrl(packed));
        this.worker.onmessage = (event: MessageEvent<Response>) => {
            if (event.data.type === 'ready') return onReady(event.data.elapsed);
            const pending = this.pending.get(event.data.id);
            this.pending.delete(event.data.id);
            pending?.resolve(event.data);
        };
        this.worker.onerror = event => {
            for (const p of this.pending.values()) p.reject(new Error(event.message));
            this.pending.clear();
        };
    }

    async findings(request: WithoutId<Extract<Request, { type: 'check' | 'update' }>>): Promise<Findings> {
        const response = await this.send(request);
        if (response.type === 'error') throw new Error(response.message);
        if (response.type !== 'findings') throw new Error(`unexpected answer ${response.type}`);
        return response.findings;
    }

    async hover(path: string, line: number, character: number): Promise<string | undefined> {
        const response = await this.send({ type: 'hover', path, line, character });
        return response.type === 'hover' ? response.markdown : undefined;
    }

    /** The reviewer report of the files as they now are (edits included). */
    async report(): Promise<string> {
        const response = await this.send({ type: 'report' });
        if (response.type === 'error') throw new Error(response.message);
        if (response.type !== 'report') throw new Error(`unexpected answer ${response.type}`);
        return response.html;
    }

    /** The sheets of the report's workbook or of the forms, for the page to write (see protocol.ts). */
    async plans(of: WorkbookKind): Promise<excel.SheetPlan[]> {
        const response = await this.send({ type: 'plans', of });
        if (response.type === 'error') throw new Error(response.message);
        if (response.type !== 'plans') throw new Error(`unexpected answer ${response.type}`);
        return response.plans;
    }

    private send(request: WithoutId<Request>): Promise<Response> {
        const id = this.nextId++;
        return new Promise((resolve, reject) => {
            this.pending.set(id, { resolve, reject });
            this.worker.postMessage({ ...request, id });
        });
    }
}
