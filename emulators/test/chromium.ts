/**
 * Headless Chromium for the browser fakes' tests (and the repository's end-to-end tests, which
 * re-export it): the system's Chromium through playwright-core, or `CHROMIUM_PATH`.
 */
import {chromium, type Browser} from 'playwright-core';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}
