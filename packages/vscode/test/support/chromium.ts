import { chromium, type BrowserContext } from 'playwright-core';

/**
 * Debian's Chromium, headless, in a fresh profile: the flags keep it from reaching the network
 * for anything but the workbench (no sync, updates or component downloads on CI machines).
 */
export async function launchChromium(profileDir: string): Promise<BrowserContext> {
    return chromium.launchPersistentContext(profileDir, {
        executablePath: process.env.KPISPEC_CHROMIUM ?? '/usr/bin/chromium',
        headless: true,
        viewport: { width: 1440, height: 900 },
        args: [
            '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
            '--disable-background-networking', '--disable-component-update', '--disable-sync',
        ],
    });
}
