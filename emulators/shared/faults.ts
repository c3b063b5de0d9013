/**
 * Fault injection for tests: what can go wrong between a provider and a server. API requests
 * can fail (500) or hang; events can be duplicated, delayed, held back and released out of
 * order, or dropped. Every fault is armed for the next N occurrences and then disarms itself.
 * Both emulators use this one model, so a test suite drives them alike; what a failed request
 * looks like (the provider's error shape) is each emulator's own.
 */

export interface FaultSnapshot {
  failRequests: number;
  hangRequests: {remaining: number; ms: number | null};
  duplicateEvents: number;
  dropEvents: number;
  delayEvents: {remaining: number; ms: number};
  holding: boolean;
  heldEvents: number;
  /** Requests hanging right now. */
  hanging: number;
}

export interface EmulatorFaults {
  /** The next `count` API requests answer 500, in the provider's error shape. */
  failNextRequests(count?: number): void;
  /** The next `count` API requests hang: for `ms` and then run, or without `ms` until close(). */
  hangNextRequests(count?: number, ms?: number): void;
  /** The next `count` events are delivered twice, concurrently. */
  duplicateNextEvents(count?: number): void;
  /** The next `count` events are never delivered (the provider's events API still lists them). */
  dropNextEvents(count?: number): void;
  /** The next `count` events are delivered `ms` later. */
  delayNextEvents(ms: number, count?: number): void;
  /** From now on, events wait instead of being delivered, until releaseEvents(). */
  holdEvents(): void;
  /** Stops holding and delivers the held events one after another; returns how many. */
  releaseEvents(order?: 'reverse' | 'original'): number;
  /** Disarms everything; held events are discarded (never delivered). */
  reset(): void;
  /** Resolves once `count` requests are hanging (for tests that act while one is stuck). */
  whenHanging(count?: number): Promise<void>;
  snapshot(): FaultSnapshot;
}

interface EventPlan {
  copies: number;
  delayMs: number;
}

interface RequestPlan {
  /** `undefined`: no hang; `null`: hang until close(). */
  hangMs: number | null | undefined;
  fail: boolean;
}

/** The emulator's side of the faults: what the API pipeline and the event router consult. */
export interface FaultController<T> {
  api: EmulatorFaults;
  /** `undefined` when the event is dropped or held. */
  planEvent(event: T): EventPlan | undefined;
  planRequest(): RequestPlan;
  /** Waits out a hang; resolves `false` if the emulator closed meanwhile. */
  hang(ms: number | null): Promise<boolean>;
  /** Follows a request that hangs for a while, so that flush() can wait for its end. */
  track(request: Promise<unknown>): void;
  /** Resolves when no request with a timed hang is still running. */
  settled(): Promise<void>;
  close(): void;
}

function count(n: number | undefined): number {
  const value = n ?? 1;
  if (!Number.isInteger(value) || value < 0) {
    throw new RangeError(`count must be a whole number: ${value}`);
  }
  return value;
}

interface Hang {
  timer?: ReturnType<typeof setTimeout>;
  resolve(ok: boolean): void;
}

export function createFaults<T>(
  release: (held: {event: T; plan: EventPlan}[]) => void
): FaultController<T> {
  let failRequests = 0;
  let hangRequests = {remaining: 0, ms: null as number | null};
  let duplicateEvents = 0;
  let dropEvents = 0;
  let delayEvents = {remaining: 0, ms: 0};
  let holding = false;
  let held: {event: T; plan: EventPlan}[] = [];
  const hangs = new Set<Hang>();
  const tracked = new Set<Promise<unknown>>();
  let hangWaiters: {count: number; resolve(): void}[] = [];

  function wakeHangWaiters(): void {
    const ready = hangWaiters.filter((w) => hangs.size >= w.count);
    hangWaiters = hangWaiters.filter((w) => hangs.size < w.count);
    for (const waiter of ready) waiter.resolve();
  }

  const api: EmulatorFaults = {
    failNextRequests(n) {
      failRequests = count(n);
    },
    hangNextRequests(n, ms) {
      hangRequests = {remaining: count(n), ms: ms ?? null};
    },
    duplicateNextEvents(n) {
      duplicateEvents = count(n);
    },
    dropNextEvents(n) {
      dropEvents = count(n);
    },
    delayNextEvents(ms, n) {
      delayEvents = {remaining: count(n), ms};
    },
    holdEvents() {
      holding = true;
    },
    releaseEvents(order = 'reverse') {
      holding = false;
      const batch = order === 'reverse' ? held.reverse() : held;
      held = [];
      release(batch);
      return batch.length;
    },
    reset() {
      failRequests = 0;
      hangRequests = {remaining: 0, ms: null};
      duplicateEvents = 0;
      dropEvents = 0;
      delayEvents = {remaining: 0, ms: 0};
      holding = false;
      held = [];
    },
    whenHanging(n = 1) {
      return new Promise<void>((resolve) => {
        hangWaiters.push({count: n, resolve});
        wakeHangWaiters();
      });
    },
    snapshot: () => ({
      failRequests,
      hangRequests: {...hangRequests},
      duplicateEvents,
      dropEvents,
      delayEvents: {...delayEvents},
      holding,
      heldEvents: held.length,
      hanging: hangs.size,
    }),
  };

  return {
    api,
    planEvent(event) {
      if (dropEvents > 0) {
        dropEvents--;
        return undefined;
      }
      const plan = {copies: 1, delayMs: 0};
      if (duplicateEvents > 0) {
        duplicateEvents--;
        plan.copies = 2;
      }
      if (delayEvents.remaining > 0) {
        delayEvents.remaining--;
        plan.delayMs = delayEvents.ms;
      }
      if (holding) {
        held.push({event, plan});
        return undefined;
      }
      return plan;
    },
    planRequest() {
      const plan: RequestPlan = {hangMs: undefined, fail: false};
      if (hangRequests.remaining > 0) {
        hangRequests.remaining--;
        plan.hangMs = hangRequests.ms;
      }
      if (failRequests > 0) {
        failRequests--;
        plan.fail = true;
      }
      return plan;
    },
    hang(ms) {
      return new Promise<boolean>((resolve) => {
        const entry: Hang = {
          resolve: (ok) => {
            clearTimeout(entry.timer);
            hangs.delete(entry);
            resolve(ok);
          },
        };
        if (ms !== null)
          entry.timer = setTimeout(() => entry.resolve(true), ms);
        hangs.add(entry);
        wakeHangWaiters();
      });
    },
    track(request) {
      const done = request.then(
        () => undefined,
        () => undefined
      );
      tracked.add(done);
      void done.then(() => tracked.delete(done));
    },
    async settled() {
      while (tracked.size > 0) await Promise.all([...tracked]);
    },
    close() {
      for (const entry of [...hangs]) entry.resolve(false);
    },
  };
}

/** What `POST /_emulator/faults/:name` was given, already read from the provider's body. */
interface FaultArguments {
  count?: number;
  ms?: number;
  /** Read only for `release-events`; each provider validates it in its own error shape. */
  order(): 'reverse' | 'original' | undefined;
}

/** The provider's errors for a fault request it cannot arm. */
interface FaultErrors {
  missingMs(): Error;
  unknownFault(name: string): Error;
}

/**
 * Arms the fault named in `POST /_emulator/faults/:name` (`fail-requests`, `hang-requests`,
 * `duplicate-events`, `drop-events`, `delay-events`, `hold-events`, `release-events`) and
 * returns the new snapshot, with `released` after a release.
 */
export function armFault(
  api: EmulatorFaults,
  name: string,
  args: FaultArguments,
  errors: FaultErrors
): FaultSnapshot & {released?: number} {
  const {count: n, ms} = args;
  let released: number | undefined;
  switch (name) {
    case 'fail-requests':
      api.failNextRequests(n);
      break;
    case 'hang-requests':
      api.hangNextRequests(n, ms);
      break;
    case 'duplicate-events':
      api.duplicateNextEvents(n);
      break;
    case 'drop-events':
      api.dropNextEvents(n);
      break;
    case 'delay-events':
      if (ms === undefined) throw errors.missingMs();
      api.delayNextEvents(ms, n);
      break;
    case 'hold-events':
      api.holdEvents();
      break;
    case 'release-events':
      released = api.releaseEvents(args.order());
      break;
    default:
      throw errors.unknownFault(name);
  }
  return {...api.snapshot(), ...(released !== undefined && {released})};
}
