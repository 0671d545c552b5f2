// The command line of the bench and scripts/ tools: one line saying what is wrong and the usage,
// exit 2, rather than the stack trace of Node's parseArgs.
import { parseArgs } from 'node:util';

/**
 * `parseArgs(config)` with `-h, --help`, which prints `usage` and exits 0. An unknown option or
 * a missing value is a usage error (usageError).
 */
export function parseCommandLine(usage, config) {
    let parsed;
    try {
        parsed = parseArgs({ ...config, options: { ...config.options, help: { type: 'boolean', short: 'h' } } });
    } catch (error) {
        // Node's first sentence says what is wrong ("Unknown option '--nope'"); the rest is advice about `--`.
        usageError(usage, error.message.split(/\.\s/)[0]);
    }
    if (parsed.values.help) {
        console.log(usage);
        process.exit(0);
    }
    return parsed;
}

/** Prints what is wrong, if said, then `usage`, on stderr, and exits 2. */
export function usageError(usage, what) {
    console.error(what ? `${what}\n${usage}` : usage);
    process.exit(2);
}
