// Preloaded with `node --import` where GNU time is missing: writes the process's peak
// resident memory (kB) to $KPI_BENCH_RSS_FILE when it exits.
import { writeFileSync } from 'node:fs';

const file = process.env.KPI_BENCH_RSS_FILE;
if (file) process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS)));
