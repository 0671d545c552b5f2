// The benchmark table: one row per measure, one column per workspace size, the target
// (issues 7 and 17, on a 2-core machine) and ✗ on every cell that misses it.

export const TARGETS = {
    /** `kpispec lint`, cold, by workspace size (issue 17). */
    lint: { 1000: { ms: 3_000, rssMB: 400 }, 10000: { ms: 30_000, rssMB: 2_048 } },
    warmMs: 1_000,
    lintOverParse: 3,
    /** Server, by workspace size: issue 17 at 1,000 projects, issue 7 elsewhere. */
    server: {
        1000: { localP95Ms: 50, standardP95Ms: 1_000, peakRssMB: 600 },
        other: { localP95Ms: 150, standardP95Ms: 3_000 },
    },
    requestP95Ms: 100,
};

const serverTargets = (n) => TARGETS.server[n] ?? TARGETS.server.other;

const seconds = (ms) => (ms === undefined ? '–' : `${(ms / 1000).toFixed(2)} s`);
const millis = (ms) => (ms === undefined ? '–' : `${ms.toFixed(0)} ms`);
const mb = (v) => (v === undefined ? '–' : `${v.toFixed(0)} MB`);
const pair = (s) => (s ? `${millis(s.p50)} / ${millis(s.p95)}` : '–');

/** A row: label, target text, value text per size, and whether a size misses the target. */
function row(label, target, cell, misses = () => false) {
    return { label, target, cell, misses };
}

export function formatTable(results, scenarios) {
    const sizes = Object.keys(results.sizes);
    const T = TARGETS;
    const rows = [
        row('files / lines', '', e => `${e.files} / ${e.lines}`),
        row('`kpispec lint` wall time (CPU time)', '≤ 3 s (N = 1,000), ≤ 30 s (N = 10,000)', e => `${seconds(e.lint.ms)} (${seconds(e.lint.cpuMs)})`, e => e.lint.ms > (T.lint[e.n]?.ms ?? Infinity)),
        row('`kpispec lint` peak RSS', '≤ 400 MB (N = 1,000), ≤ 2 GB (N = 10,000)', e => mb(e.lint.rssMB), e => e.lint.rssMB > (T.lint[e.n]?.rssMB ?? Infinity)),
        row('… load average (1 min) during the run', '', e => String(e.lint.load ?? '–')),
        row('`kpispec lint --cache`, one file changed: wall (CPU) time, units validated', '≤ 1 s (N = 1,000)',
            e => (e.warm ? `${seconds(e.warm.ms)} (${seconds(e.warm.cpuMs)}), ${e.warm.validated} of ${e.warm.validated + e.warm.reused}, load ${e.warm.load}` : '–'),
            e => e.n === 1000 && e.warm?.ms > T.warmMs),
        row('`kpispec lint --shard i/4`: slowest shard wall time (CPU time), peak RSS', '', e => (e.shards ? `${seconds(e.shards.ms)} (${seconds(e.shards.cpuMs)}), ${mb(e.shards.rssMB)}` : '–')),
        row('parse-only floor wall time (CPU time; parsing alone)', '', e => `${seconds(e.parse.ms)} (${seconds(e.parse.cpuMs)}; ${seconds(e.parse.parseMs)})`),
        row('lint ÷ parse floor', `≤ ${T.lintOverParse}`, e => `${e.lintOverParse.toFixed(2)}×`, e => e.lintOverParse > T.lintOverParse),
        row('diagnostics reported by lint', '', e => String(e.lint.diagnostics)),
        row('server start → all diagnostics published', '', e => seconds(e.server?.startMs)),
        row('server peak RSS', `≤ ${T.server[1000].peakRssMB} MB (N = 1,000)`, e => mb(e.server?.peakRssMB), e => e.server?.peakRssMB > (T.server[e.n]?.peakRssMB ?? Infinity)),
    ];
    for (const s of scenarios) {
        const get = (e) => e.server?.scenarios[s.key];
        const { 1000: at1000, other } = T.server;
        rows.push(
            row(`${s.label}: edited file p50 / p95`, s.key === 'local' ? `p95 ≤ ${at1000.localP95Ms} ms (N = 1,000), ${other.localP95Ms} ms` : '',
                e => pair(get(e)?.own), e => s.key === 'local' && get(e)?.own.p95 > serverTargets(e.n).localP95Ms),
            row(`${s.label}: all re-validated files p50 / p95`, s.key === 'standard' ? `p95 ≤ ${at1000.standardP95Ms / 1000} s (N = 1,000), ${other.standardP95Ms / 1000} s` : '',
                e => (get(e) ? `${pair(get(e).all)} (${get(e).affected} files)` : '–'), e => s.key === 'standard' && get(e)?.all.p95 > serverTargets(e.n).standardP95Ms),
            row(`${s.label}: completion / hover p95`, `≤ ${T.requestP95Ms} ms`,
                e => (get(e) ? `${millis(get(e).completion.p95)} / ${millis(get(e).hover.p95)}` : '–'),
                e => get(e) && Math.max(get(e).completion.p95, get(e).hover.p95) > T.requestP95Ms),
        );
    }
    const header = `| measure | target | ${sizes.map(n => `N = ${n}`).join(' | ')} |`;
    const rule = `|---|---|${sizes.map(() => '---:').join('|')}|`;
    const lines = rows.map(r => `| ${r.label} | ${r.target} | ${sizes.map(n => {
        const e = results.sizes[n];
        return `${r.cell(e)}${r.misses(e) ? ' ✗' : ''}`;
    }).join(' | ')} |`);
    const m = results.machine;
    return [`${m.cpus} × ${m.cpu}, ${m.memoryGB} GB, Node ${m.node}, ${results.date}`, '', header, rule, ...lines].join('\n');
}
