/**
 * The middleware that applies injected request faults: a hang waits (and the request then runs,
 * unless the emulator closed meanwhile), a failure answers before the endpoint runs. Mounted
 * after idempotency, so a hanging request holds its key. The errors are the provider's.
 */
import type {Context, Env, MiddlewareHandler} from 'hono';
import type {FaultController} from './faults.js';

interface RequestFaultErrors<E extends Env> {
  /** The emulator closed while the request was hanging. */
  closed(c: Context<E>): Error;
  /** An injected failure (a 500 in the provider's shape). */
  failed(c: Context<E>): Error;
}

export function requestFaults<E extends Env>(
  faults: FaultController<unknown>,
  errors: RequestFaultErrors<E>
): MiddlewareHandler<E> {
  return async (c, next) => {
    const plan = faults.planRequest();
    const run = async () => {
      if (plan.hangMs !== undefined && !(await faults.hang(plan.hangMs))) {
        throw errors.closed(c);
      }
      if (plan.fail) throw errors.failed(c);
      await next();
    };
    const request = run();
    // A request that hangs for a while still runs afterwards; flush() waits for it.
    if (typeof plan.hangMs === 'number') faults.track(request);
    await request;
  };
}
