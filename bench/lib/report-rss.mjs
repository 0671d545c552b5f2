// Preloaded with `node --import` where GNU time is missing: writes the process's peak
// resident memory (kB) and CPU time (s) to $KPI_BENCH_RSS_FILE when it exits.
import { writeFileSync } from 'node:fs';

const file = process.env.KPI_BENCH_RSS_FILE;
if (file) {
    process.on('exit', () => {
        const usage = process.resourceUsage();
        writeFileSync(file, `${usage.maxRSS} ${(usage.userCPUTime + usage.systemCPUTime) / 1e6}`);
    });
}
