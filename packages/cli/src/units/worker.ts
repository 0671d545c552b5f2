// A worker thread of `kpispec lint --concurrency`: sets up its services as soon as it starts,
// reads and scans the files the main thread sends while it scans too, is told what the units
// share, then validates the units the main thread sends, in turn.
import { parentPort, workerData } from 'node:worker_threads';
import { UserError } from '../exit-codes.js';
import type { Reply, ScanWork, UnitWork } from './pool.js';
import { readAndScan } from './read-files.js';
import { threadServices, UnitValidator, type ThreadSetup, type WorkspaceSetup } from './unit-validator.js';

const port = parentPort!;
const services = threadServices(workerData as ThreadSetup);
port.postMessage({ ready: true });
let validator: Promise<UnitValidator> | undefined;
/** Names go to the main thread as copies: the main thread holds each once. */
const asIs = (name: string) => name;

// The main thread sends the next unit before this one is done, so that no thread waits for
// work; units share the services, so they are validated one after the other.
let previous: Promise<void> = Promise.resolve();
port.on('message', (message: WorkspaceSetup | UnitWork | ScanWork) => {
    if ('scan' in message) {
        previous = previous.then(() => reply(() => ({ scanned: message.scan.map(file => readAndScan(file, asIs)) })));
    } else if ('unit' in message) {
        previous = previous.then(() => reply(async () => ({ outcome: await (await validator!).validate(message.unit, message.texts) })));
    } else {
        validator = UnitValidator.create(message, services);
        // Until the first unit arrives, a failure to set up is reported with it.
        validator.catch(() => undefined);
    }
});

async function reply(work: () => Reply | Promise<Reply>): Promise<void> {
    try {
        port.postMessage(await work());
    } catch (e) {
        // A user error in both languages, for the main thread to print in the CLI's.
        const text = e instanceof Error ? e.message : String(e);
        port.postMessage({ error: e instanceof UserError ? e.text : { zh: text, en: text }, user: e instanceof UserError } satisfies Reply);
    }
}
