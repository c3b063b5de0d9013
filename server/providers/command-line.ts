/**
 * What a gateway gives the command line (`pay-checkout-server`), besides the gateway itself:
 * its environment variables and their checks (`env`), and how the Node server starts it or, in
 * development, its emulator, and what a checkout page must allow for it (`node`). config.ts,
 * node-providers.ts and csp-cli.ts compose every gateway's from the registry, so they name none.
 */
import type {z} from 'zod';
import type {PagePolicySources} from '../csp.js';

export interface GatewayEnv<Shape extends z.ZodRawShape, C> {
  /** Its variables (STRIPE_…), each checked on its own; they join the environment's schema. */
  schema: Shape;
  /**
   * The variables that configure it, in the order the messages list them: any one of them set
   * asks for the others, and production refuses to start without one gateway's.
   */
  credentials: readonly string[];
  /** Its API base variable (`…_API_BASE`), checked like every provider API base. */
  apiBase?: keyof Shape & string;
  /**
   * Its configuration from the checked variables, or undefined when they do not configure it;
   * every problem (a missing companion variable, keys that do not match) is pushed to `problems`.
   */
  read(vars: z.output<z.ZodObject<Shape>>, problems: string[]): C | undefined;
  /** Why these variables make the server production (a live key), if they do. */
  live(vars: z.output<z.ZodObject<Shape>>): string | undefined;
}

/** Checks a gateway's variables against the interface, keeping its own types. */
export function gatewayEnv<Shape extends z.ZodRawShape, C>(
  env: GatewayEnv<Shape, C>
): GatewayEnv<Shape, C> {
  return env;
}

/** `@pay-checkout/emulators`, loaded only in development without a gateway's configuration. */
export type Emulators = typeof import('@pay-checkout/emulators');

/** What a checkout page loads for a gateway, and so must allow (server/csp.ts). */
export interface PageLoad {
  /** Where its script comes from, for the csp command's note (`js.stripe.com`). */
  from: string;
  policy: PagePolicySources;
}

/** A gateway as the Node server starts it: what it talks to, and its start-up lines. */
export interface Started<S> {
  /** Its settings, as createCheckoutServer takes them. */
  settings: S;
  /** Its lines of the start-up banner (the first starts with its label). */
  lines: string[];
}

export interface GatewayNode<C, S> {
  /** The gateway from its configuration (`config.<name>`). */
  configured(config: C): Started<S>;
  /** What a page loads for it outside development: its documentation's origins. */
  page: PageLoad;
  /**
   * What a page loads for it configured as `config`, when that is not `page`: an API base that
   * only an emulator can be (loopback http) serves the browser's script too.
   */
  pageFor?(config: C): PageLoad | undefined;
  /** Development without its configuration: its emulator, from `@pay-checkout/emulators`. */
  emulator: {
    /** Starts it on `port` (0: a free one), delivering its webhooks to `webhookUrl`. */
    start(
      emulators: Emulators,
      options: {port: number; webhookUrl: string}
    ): Promise<Started<S> & {page: PageLoad; close(): Promise<void>}>;
    /** What a page loads from its emulator at `origin` (the csp command starts none). */
    page(origin: string): PageLoad;
  };
}

/** What a page loads for a gateway configured as `config` (pageFor's answer, or `page`). */
export function configuredPage<C>(
  node: Pick<GatewayNode<C, unknown>, 'page' | 'pageFor'>,
  config: C
): PageLoad {
  return node.pageFor?.(config) ?? node.page;
}
