// The checking worker: started by the page from a Blob of this bundle (a classic script, as
// module workers do not load from file://). Requests are answered one at a time, in order, so
// an edit's check never overlaps a drop's.
import type { Request, Response } from '../protocol.js';
import { Checker } from './checker.js';
import { WARM_UP } from './warm-up.js';

const checker = new Checker();
let queue: Promise<void> = (async () => {
    const started = performance.now();
    await checker.check(WARM_UP, 'zh-CN').catch(() => undefined);
    self.postMessage({ id: 0, type: 'ready', elapsed: Math.round(performance.now() - started) } satisfies Response);
})();

async function answer(request: Request): Promise<Response> {
    try {
        switch (request.type) {
            case 'check': return { id: request.id, type: 'findings', findings: await checker.check(request.files, request.locale, request.workbooks, request.scope, request.passedOver) };
            case 'report': return { id: request.id, type: 'report', html: checker.report() };
            case 'plans': return { id: request.id, type: 'plans', plans: request.of === 'review' ? checker.reviewPlans() : checker.formPlans(request.of === 'reviewed-forms') };
            case 'update': return { id: request.id, type: 'findings', findings: await checker.update(request.path, request.text) };
            case 'hover': return { id: request.id, type: 'hover', markdown: await checker.hover(request.path, request.line, request.character) };
        }
    } catch (e) {
        return { id: request.id, type: 'error', message: e instanceof Error ? e.message : String(e) };
    }
}

self.onmessage = (event: MessageEvent<Request>) => {
    queue = queue.then(async () => self.postMessage(await answer(event.data)));
};
