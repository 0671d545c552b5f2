/**
 * The oldest Node.js `kpispec` runs on: Langium's parser (Chevrotain) needs 22. The bin imports
 * this module first, so that an older node stops here with one line instead of failing, with a
 * stack trace, on an API it lacks (`enableCompileCache`, `process.execve`).
 */
export const REQUIRED_NODE_MAJOR = 22;

/** What to tell a user whose node is `version` (`20.20.2`), or undefined when it will do. */
export function unsupportedNodeMessage(version: string): string | undefined {
    if (Number(version.split('.')[0]) >= REQUIRED_NODE_MAJOR) return undefined;
    return `kpispec: needs Node.js ${REQUIRED_NODE_MAJOR} or later, this is Node.js ${version}; install Node.js 24 LTS, or run it from the project with npx kpispec`;
}

const message = unsupportedNodeMessage(process.versions.node);
if (message !== undefined) {
    process.stderr.write(`${message}\n`);
    process.exit(2);
}
