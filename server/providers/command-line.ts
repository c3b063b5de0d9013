/**
 * What a gateway gives the command line (`pay-checkout-server`), besides the gateway itself:
 * its environment variables and their checks. config.ts composes every gateway's from the
 * registry, so it names none of them.
 */
import type {z} from 'zod';

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
