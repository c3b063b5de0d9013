/**
 * Events: every notable change is recorded as an event in Square's envelope
 * (`{merchant_id, type, event_id, created_at, data: {type, id, object}}`, api.json's
 * `PaymentCreatedEvent` and its siblings; dispute events add `location_id`) holding a snapshot
 * of the object, then handed to delivery.
 */
import type {EventRecord, State} from '../core/state.js';
import type {WebhookEvent} from '../core/types.js';

interface EventLogOptions {
  state: State;
  now(): number;
  merchantId: string;
  hasEndpoint(): boolean;
  dispatch(record: EventRecord): void;
}

export function createEventLog(options: EventLogOptions) {
  const {state} = options;
  return {
    emit(type: string, object: WebhookEvent['data']['object']): WebhookEvent {
      const kind = object.payment
        ? 'payment'
        : object.refund
          ? 'refund'
          : 'dispute';
      const resource = object.payment ?? object.refund ?? object.dispute!;
      const event: WebhookEvent = {
        merchant_id: options.merchantId,
        ...(kind === 'dispute' && {location_id: object.dispute!.location_id}),
        type,
        event_id: crypto.randomUUID(),
        created_at: new Date(options.now()).toISOString(),
        data: {
          type: kind,
          id: resource.id,
          // A snapshot: later changes to the object must not rewrite history.
          object: structuredClone(object),
        },
      };
      const record: EventRecord = {
        event,
        body: JSON.stringify(event),
        delivered: null,
      };
      state.events.push(record);
      if (options.hasEndpoint()) options.dispatch(record);
      return event;
    },
    settle(eventId: string, delivered: boolean): void {
      const record = state.events.find((r) => r.event.event_id === eventId);
      if (!record || record.delivered === true) return;
      record.delivered = delivered;
    },
  };
}
