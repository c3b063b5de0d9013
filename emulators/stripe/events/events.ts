/**
 * Events: every state change is recorded as an Event with a snapshot of the object, then
 * handed to the webhook router. `GET /v1/events` lists them newest first, as Stripe does.
 */
import {Hono} from 'hono';
import type {Env} from '../api/context.js';
import {invalidParams, noSuch} from '../api/errors.js';
import {
  checkParams,
  readBoolean,
  readInteger,
  readList,
  readString,
} from '../api/params.js';
import {newId} from '../core/ids.js';
import type {EventRecord, State} from '../core/state.js';
import type {
  EventJson,
  EventObjectJson,
  ListJson,
  RequestInfo,
} from '../core/types.js';

interface EventLogOptions {
  state: State;
  apiVersion: string;
  now(): number;
  hasEndpoint(): boolean;
  dispatch(record: EventRecord): void;
}

export function createEventLog(options: EventLogOptions) {
  const {state} = options;
  return {
    emit(
      type: string,
      object: EventObjectJson,
      request: RequestInfo,
      previousAttributes?: Record<string, unknown>
    ): EventJson {
      const event: EventJson = {
        id: newId('evt'),
        object: 'event',
        api_version: options.apiVersion,
        created: Math.floor(options.now() / 1000),
        // A snapshot: later changes to the object must not rewrite history.
        data: {
          object: structuredClone(object),
          ...(previousAttributes && {previous_attributes: previousAttributes}),
        },
        livemode: false,
        pending_webhooks: options.hasEndpoint() ? 1 : 0,
        request: {id: request.id, idempotency_key: request.idempotencyKey},
        type,
      };
      const record: EventRecord = {event, delivered: null};
      state.events.push(record);
      if (event.pending_webhooks > 0) options.dispatch(record);
      return event;
    },
    settle(eventId: string, delivered: boolean) {
      const record = state.events.find((r) => r.event.id === eventId);
      if (!record || record.delivered === true) return;
      record.delivered = delivered;
      if (delivered) record.event.pending_webhooks = 0;
    },
  };
}

export function eventRoutes(state: State) {
  const app = new Hono<Env>();

  app.get('/', (c) => {
    const params = c.get('params');
    checkParams(
      params,
      {
        type: true,
        types: 'list',
        limit: true,
        starting_after: true,
        ending_before: true,
        delivery_success: true,
        expand: 'list',
      },
      ['created']
    );
    const limit = readInteger(params, 'limit') ?? 10;
    if (limit < 1 || limit > 100) {
      throw invalidParams('This value must be between 1 and 100.', 'limit');
    }
    const type = readString(params, 'type');
    const types = readList(params, 'types');
    const deliverySuccess = readBoolean(params, 'delivery_success');
    const matches = (pattern: string, name: string) =>
      pattern.endsWith('.*')
        ? name.startsWith(pattern.slice(0, -1))
        : pattern === name;

    let list = [...state.events].reverse().filter(({event, delivered}) => {
      if (type && !matches(type, event.type)) return false;
      if (types?.length && !types.some((t) => matches(t, event.type)))
        return false;
      if (deliverySuccess === true && delivered !== true) return false;
      if (
        deliverySuccess === false &&
        (delivered === true || event.pending_webhooks === 0)
      ) {
        return false;
      }
      return true;
    });
    const startingAfter = readString(params, 'starting_after');
    const endingBefore = readString(params, 'ending_before');
    let hasMore: boolean;
    if (endingBefore) {
      const index = list.findIndex((r) => r.event.id === endingBefore);
      if (index < 0) throw noSuch('event', endingBefore, 'ending_before');
      list = list.slice(0, index);
      hasMore = list.length > limit;
      list = list.slice(-limit);
    } else {
      if (startingAfter) {
        const index = list.findIndex((r) => r.event.id === startingAfter);
        if (index < 0) throw noSuch('event', startingAfter, 'starting_after');
        list = list.slice(index + 1);
      }
      hasMore = list.length > limit;
      list = list.slice(0, limit);
    }
    const body: ListJson<EventJson> = {
      object: 'list',
      data: list.map((r) => r.event),
      has_more: hasMore,
      url: '/v1/events',
    };
    return c.json(body);
  });

  app.get('/:id', (c) => {
    checkParams(c.get('params'), {expand: 'list'});
    const id = c.req.param('id');
    const record = state.events.find((r) => r.event.id === id);
    if (!record) throw noSuch('event', id);
    return c.json(record.event);
  });

  return app;
}
