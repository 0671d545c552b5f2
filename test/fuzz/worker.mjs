// The worker thread of the fuzz watchdog (watchdog.ts): runs one case per request and says
// when each call starts, so that a call that hangs or exhausts memory can be stopped by
// terminating this thread.
import { register } from 'node:module';
import { parentPort, workerData } from 'node:worker_threads';

register('./ts-loader.mjs', import.meta.url);
const { FuzzSession } = await import('./session.ts');
const session = new FuzzSession({ ...workerData, beforeCall: feature => parentPort.postMessage({ type: 'call', feature }) });
parentPort.on('message', async () => {
    const next = await session.nextCase();
    parentPort.postMessage({ type: 'started', ...next.summary });
    parentPort.postMessage({ type: 'finished', result: await session.run(next) });
});
parentPort.postMessage({ type: 'ready' });
