/**
 * The way from an emitted event to the endpoint, alike in both emulators: the faults decide
 * whether, how often and how late an event goes out (held ones go out in order when released),
 * then delivery signs, POSTs and retries. `R` is the emulator's event record.
 */
import {
  createWebhookDispatcher,
  type AttemptRecord,
  type DeliveryOptions,
} from './delivery.js';
import {createFaults} from './faults.js';

export function createOutbox<R, S extends object>(
  delivery: DeliveryOptions<R, S>
) {
  const dispatcher = createWebhookDispatcher(delivery);
  const faults = createFaults<R>((held) =>
    dispatcher.sendInOrder(held.map(({event, plan}) => ({event, ...plan})))
  );
  return {
    faults,
    /** Hands the record to delivery, as the faults plan it (perhaps not at all). */
    dispatch(record: R): void {
      const plan = faults.planEvent(record);
      if (!plan) return;
      for (let i = 0; i < plan.copies; i++)
        dispatcher.send(record, plan.delayMs);
    },
    /** Every delivery attempt so far (of one event, if given), in order; copies. */
    deliveries(eventId?: string): (AttemptRecord & S)[] {
      return dispatcher.attempts
        .filter((a) => eventId === undefined || a.eventId === eventId)
        .map((a) => ({...a}));
    },
    /** Resolves when every delivery and retry under way has finished (held events excepted). */
    async flush(): Promise<void> {
      // Requests that hang for a while come first: when they end they may send events.
      await faults.settled();
      await dispatcher.flush();
    },
    /** Stops retries and timers and releases hanging requests; nothing is delivered afterwards. */
    async close(): Promise<void> {
      faults.close();
      dispatcher.close();
      await dispatcher.flush();
    },
  };
}
