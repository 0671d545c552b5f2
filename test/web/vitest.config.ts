import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

// The web page's browser test needs Chromium, which the real-editor tools install, so it runs
// with them (scripts/test-editor.sh), not in `npm test`: `vitest run --config test/web/vitest.config.ts`.
export default defineConfig({
    test: {
        root: join(import.meta.dirname, '..', '..'),
        include: ['test/web/**/*.browser.ts'],
        testTimeout: 60_000,
        hookTimeout: 120_000,
        pool: 'forks',
    },
});
