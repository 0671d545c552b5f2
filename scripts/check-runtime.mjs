// npm scripts run with node_modules/.bin first in PATH, so `node` is the pinned Node 24 from
// the `node` dev dependency. If it is missing (scripts skipped at install), say how to fix it.
const major = Number(process.versions.node.split('.')[0]);
if (major < 22) {
    console.error(`kpispec: Node ${process.versions.node} is too old (need 24 LTS). The pinned runtime comes from the "node" dev dependency: run \`npm ci\` (install scripts must be allowed for "node").`);
    process.exit(1);
}
