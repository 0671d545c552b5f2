import { defineConfig } from 'vitest/config';

// The report in a real browser (Debian's Chromium through playwright-core). Not part of `npm test`:
// `npm run test:editor` installs Chromium first and runs this config (scripts/test-editor.sh).
export default defineConfig({
    test: {
        include: ['test/report/**/*.browser.ts'],
        testTimeout: 120_000,
        hookTimeout: 180_000,
        pool: 'forks',
    },
});
