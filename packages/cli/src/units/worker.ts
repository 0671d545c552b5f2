// A worker thread of `kpispec lint --concurrency`: sets up its services as soon as it starts, then
// is told what the units share, then validates the units the main thread sends, in turn.
import { parentPort, workerData } from 'node:worker_threads';
import { UserError } from '../exit-codes.js';
import type { UnitWork } from './pool.js';
import { threadServices, UnitValidator, type ThreadSetup, type WorkspaceSetup } from './unit-validator.js';

const port = parentPort!;
const services = threadServices(workerData as ThreadSetup);
let validator: Promise<UnitValidator> | undefined;

// The main thread sends the next unit before this one is done, so that no thread waits for
// work; units share the services, so they are validated one after the other.
let previous: Promise<void> = Promise.resolve();
port.on('message', (message: WorkspaceSetup | UnitWork) => {
    if (!('unit' in message)) {
        validator = UnitValidator.create(message, services);
        // Until the first unit arrives, a failure to set up is reported with it.
        validator.catch(() => undefined);
        return;
    }
    previous = previous.then(async () => {
        try {
            port.postMessage({ outcome: await (await validator!).validate(message.unit, message.texts) });
        } catch (e) {
            port.postMessage({ error: e instanceof Error ? e.message : String(e), user: e instanceof UserError });
        }
    });
});
