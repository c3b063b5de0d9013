/**
 * Square on the command line: its environment variables (SQUARE_…) and their checks, how the
 * Node server starts it (or, in development, the offline Square emulator), and the origins a
 * checkout page must allow for Square's Web Payments SDK.
 */
import {z} from 'zod';
import {optional, token} from '../../env.js';
import {isLoopbackHost} from '../../net.js';
import {gatewayEnv, type GatewayNode, type PageLoad} from '../command-line.js';
import {
  createSquareProvider,
  parseNotificationUrl,
  type SquareEnvironmentName,
  type SquareProvider,
} from './client.js';

/** Unset: no credentials were given, and the offline Square emulator stands in. */
export interface SquareConfig {
  accessToken: string;
  applicationId: string;
  /** Uppercase currency → location id (SQUARE_LOCATION_IDS). */
  locations: Record<string, string>;
  /** The location for the shop's default currency (SQUARE_LOCATION_ID). */
  locationId?: string;
  webhookSignatureKey: string;
  webhookUrl: string;
  environment: SquareEnvironmentName;
  apiBase?: string;
}

// web-sdk src/payments.ts: production application ids start sq0idp-, sandbox ones sandbox-sq0idb-.
const environmentOf = (applicationId: string): SquareEnvironmentName =>
  applicationId.startsWith('sandbox-') ? 'sandbox' : 'production';

/** `USD:L1,EUR:L2` → {USD: 'L1', EUR: 'L2'}, or the first problem with it. */
export function parseLocationIds(
  value: string
): Record<string, string> | string {
  const locations: Record<string, string> = {};
  for (const entry of value.split(',')) {
    const match = /^\s*([A-Za-z]{3})\s*:\s*([A-Za-z0-9_-]{1,64})\s*$/.exec(
      entry
    );
    if (!match)
      return `SQUARE_LOCATION_IDS must be CURRENCY:LOCATION_ID pairs separated by commas (USD:L1,EUR:L2), got "${entry.trim()}"`;
    const currency = match[1].toUpperCase();
    if (Object.hasOwn(locations, currency))
      return `SQUARE_LOCATION_IDS names ${currency} twice`;
    locations[currency] = match[2];
  }
  return locations;
}

const locationIdSchema = token('a Square location id').refine(
  (value) => value === undefined || /^[A-Za-z0-9_-]{1,64}$/.test(value),
  'must be a Square location id (letters and digits)'
);

export const squareEnv = gatewayEnv({
  schema: {
    SQUARE_ACCESS_TOKEN: token('a Square access token'),
    SQUARE_APPLICATION_ID: token('a Square application id').refine(
      (value) =>
        value === undefined ||
        value.startsWith('sq0idp-') ||
        value.startsWith('sandbox-sq0idb-'),
      'must be a Square application id (starting with sq0idp- or sandbox-sq0idb-)'
    ),
    SQUARE_LOCATION_ID: locationIdSchema,
    SQUARE_LOCATION_IDS: optional,
    SQUARE_WEBHOOK_SIGNATURE_KEY: token('a Square webhook signature key'),
    SQUARE_WEBHOOK_URL: optional,
    SQUARE_ENVIRONMENT: optional.pipe(
      z.enum(['sandbox', 'production']).optional()
    ),
    SQUARE_API_BASE: optional,
  },
  credentials: [
    'SQUARE_ACCESS_TOKEN',
    'SQUARE_APPLICATION_ID',
    'SQUARE_LOCATION_ID',
    'SQUARE_WEBHOOK_SIGNATURE_KEY',
  ],
  apiBase: 'SQUARE_API_BASE',
  read(vars, problems): SquareConfig | undefined {
    const {
      SQUARE_ACCESS_TOKEN: accessToken,
      SQUARE_APPLICATION_ID: applicationId,
      SQUARE_LOCATION_ID: locationId,
      SQUARE_LOCATION_IDS: locationIds,
      SQUARE_WEBHOOK_SIGNATURE_KEY: webhookSignatureKey,
    } = vars;
    if (
      !accessToken &&
      !applicationId &&
      !locationId &&
      !locationIds &&
      !webhookSignatureKey
    )
      return undefined;
    const before = problems.length;
    if (!accessToken)
      problems.push(
        'SQUARE_ACCESS_TOKEN is required when any SQUARE_ credential is set'
      );
    if (!applicationId)
      problems.push(
        'SQUARE_APPLICATION_ID is required with SQUARE_ACCESS_TOKEN (the Web Payments SDK needs it)'
      );
    let locations: Record<string, string> = {};
    if (locationIds) {
      const parsed = parseLocationIds(locationIds);
      if (typeof parsed === 'string') problems.push(parsed);
      else locations = parsed;
    }
    if (!locationId && !locationIds)
      problems.push(
        'SQUARE_LOCATION_ID (the location for the shop’s currency) or SQUARE_LOCATION_IDS (USD:L1,EUR:L2) is required with SQUARE_ACCESS_TOKEN'
      );
    // Without it no webhook can be verified: refunds, disputes, and a payment whose answer
    // was lost would never reach the order.
    if (!webhookSignatureKey)
      problems.push(
        'SQUARE_WEBHOOK_SIGNATURE_KEY is required with SQUARE_ACCESS_TOKEN (the signature key of the webhook subscription, in the Developer Console)'
      );
    // Square signs the URL the subscription has; it is never guessed from a request.
    const publicUrl = (vars as Record<string, unknown>).PUBLIC_URL as
      string | undefined;
    const webhookUrl =
      vars.SQUARE_WEBHOOK_URL ??
      (publicUrl && `${publicUrl.replace(/\/+$/, '')}/api/webhooks/square`);
    if (!webhookUrl) {
      problems.push(
        'SQUARE_WEBHOOK_URL (the notification URL of the webhook subscription, exactly as in the Developer Console) or PUBLIC_URL is required with SQUARE_ACCESS_TOKEN'
      );
    } else {
      try {
        const url = parseNotificationUrl(webhookUrl);
        if (url.protocol !== 'https:' && !isLoopbackHost(url.hostname))
          problems.push(
            `SQUARE_WEBHOOK_URL must be https (Square delivers only there; plain http only on loopback), got "${webhookUrl}"`
          );
      } catch (error) {
        problems.push(
          `SQUARE_WEBHOOK_URL: ${(error as Error).message.replace(/^The Square notification URL /, '')}`
        );
      }
    }
    const environment =
      vars.SQUARE_ENVIRONMENT ??
      (applicationId ? environmentOf(applicationId) : 'sandbox');
    if (applicationId && environmentOf(applicationId) !== environment)
      problems.push(
        `SQUARE_ENVIRONMENT=${environment} does not match SQUARE_APPLICATION_ID, which is a ${environmentOf(applicationId)} application id`
      );
    if (
      problems.length > before ||
      !accessToken ||
      !applicationId ||
      !webhookSignatureKey ||
      !webhookUrl
    )
      return undefined;
    return {
      accessToken,
      applicationId,
      locations,
      ...(locationId && {locationId}),
      webhookSignatureKey,
      webhookUrl,
      environment,
      apiBase: vars.SQUARE_API_BASE,
    };
  },
  live: (vars) =>
    vars.SQUARE_ENVIRONMENT === 'production'
      ? 'SQUARE_ENVIRONMENT=production'
      : vars.SQUARE_APPLICATION_ID?.startsWith('sq0idp-')
        ? 'a production Square application id is set'
        : undefined,
});

/**
 * The Web Payments SDK: square.js and its card frame from the CDN, tokenizing at pci-connect,
 * buyer verification through connect (its challenge in a frame). Square publishes no CSP list;
 * these are the origins the SDK loads and talks to, sandbox and production alike.
 */
const SQUARE_CDN = [
  'https://web.squarecdn.com',
  'https://sandbox.web.squarecdn.com',
];
const SQUARE_CONNECT = [
  'https://connect.squareup.com',
  'https://connect.squareupsandbox.com',
];
const SQUARE_JS: PageLoad = {
  from: 'web.squarecdn.com',
  policy: {
    sources: {
      'script-src': SQUARE_CDN,
      'frame-src': [...SQUARE_CDN, ...SQUARE_CONNECT],
      'connect-src': [
        ...SQUARE_CDN,
        'https://pci-connect.squareup.com',
        'https://pci-connect.squareupsandbox.com',
        ...SQUARE_CONNECT,
      ],
      'style-src': SQUARE_CDN,
      'img-src': SQUARE_CDN,
    },
  },
};

// The emulator serves square.js, the card and challenge frames and their API on one origin.
const emulatorPage = (origin: string): PageLoad => ({
  from: `emulator at ${origin}`,
  policy: {
    sources: {
      'script-src': [origin],
      'frame-src': [origin],
      'connect-src': [origin],
    },
  },
});

export const squareNode: GatewayNode<SquareConfig, SquareProvider> = {
  configured(config) {
    const currencies = [
      ...Object.keys(config.locations),
      ...(config.locationId ? ['the shop’s currency'] : []),
    ];
    return {
      settings: createSquareProvider(config),
      lines: [
        `Square: ${config.apiBase ?? `Square ${config.environment}`} (${config.applicationId.slice(0, 12)}…, ${currencies.join(', ')}; webhooks signed for ${config.webhookUrl})`,
      ],
    };
  },
  page: SQUARE_JS,
  emulator: {
    async start(emulators, {port, webhookUrl}) {
      const emulator = await emulators.startSquareEmulator({port, webhookUrl});
      const sdkUrl = `${emulator.url}/v1/square.js`;
      return {
        settings: createSquareProvider({
          accessToken: emulator.accessToken,
          applicationId: emulator.applicationId,
          locations: {...emulator.locations},
          webhookSignatureKey: emulator.signatureKey,
          webhookUrl,
          environment: 'sandbox',
          apiBase: emulator.url,
          sdkUrl,
        }),
        lines: [
          `Square: no SQUARE_ACCESS_TOKEN set, so the offline Square emulator runs at ${emulator.url}`,
          '        pay with 4111 1111 1111 1111 (CVV 111, any future date, postal code 94103); 4000 0000 0000 0002 is declined',
        ],
        page: emulatorPage(new URL(sdkUrl).origin),
        close: () => emulator.close(),
      };
    },
    page: emulatorPage,
  },
};
