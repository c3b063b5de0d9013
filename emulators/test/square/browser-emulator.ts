/**
 * The emulator the browser suites run against: the Square emulator on loopback, with a GBP
 * location (the quickstart tests SCA with GBP) and a USD one, and a Square client on its REST
 * API for charging the tokens the card form gives.
 */
import {SquareClient} from 'square';
import {
  startSquareEmulator,
  type RunningSquareEmulator,
} from '../../square/index.js';

export interface BrowserEmulator {
  url: string;
  emulator: RunningSquareEmulator;
  client: SquareClient;
  close(): Promise<void>;
}

export async function startBrowserEmulator(options: {
  applicationId: string;
  locations: Record<string, string>;
}): Promise<BrowserEmulator> {
  const emulator = await startSquareEmulator({
    applicationId: options.applicationId,
    locations: options.locations,
  });
  const client = new SquareClient({
    token: emulator.accessToken,
    baseUrl: emulator.url,
    maxRetries: 0,
  });
  return {url: emulator.url, emulator, client, close: () => emulator.close()};
}
