// A worker thread of `kpispec lint --concurrency`: validates the units the main thread sends, in turn.
import { parentPort, workerData } from 'node:worker_threads';
import { UserError } from '../exit-codes.js';
import type { Unit } from './discover.js';
import { UnitValidator, type UnitSetup } from './unit-validator.js';

const port = parentPort!;
const validator = UnitValidator.create(workerData as UnitSetup);
// Until the first unit arrives, a failure to set up is reported with it.
validator.catch(() => undefined);

// The main thread sends the next unit before this one is done, so that no thread waits for
// work; units share the services, so they are validated one after the other.
let previous: Promise<void> = Promise.resolve();
port.on('message', (unit: Unit) => {
    previous = previous.then(async () => {
        try {
            port.postMessage({ outcome: await (await validator).validate(unit) });
        } catch (e) {
            port.postMessage({ error: e instanceof Error ? e.message : String(e), user: e instanceof UserError });
        }
    });
});
