/**
 * Webhook events: every notable change is recorded as an event (`WH-…`, event_version 1.0,
 * resource_version 2.0) holding a snapshot of the resource, then handed to delivery. The
 * Webhooks API lists them (`GET /v1/notifications/webhooks-events`, newest first) and resends
 * one on request.
 */
import {Hono} from 'hono';
import type {Env} from '../api/context.js';
import {issueError} from '../api/errors.js';
import {newEventId} from '../core/ids.js';
import type {EventRecord, State} from '../core/state.js';
import type {WebhookEvent} from '../core/types.js';

interface EventLogOptions {
  state: State;
  now(): number;
  baseUrl(): string;
  hasEndpoint(): boolean;
  dispatch(record: EventRecord): void;
}

export function createEventLog(options: EventLogOptions) {
  const {state} = options;
  return {
    emit(
      eventType: string,
      resourceType: string,
      resource: WebhookEvent['resource'],
      summary: string
    ): WebhookEvent {
      const id = newEventId();
      const href = `${options.baseUrl()}/v1/notifications/webhooks-events/${id}`;
      const event: WebhookEvent = {
        id,
        event_version: '1.0',
        create_time: new Date(options.now()).toISOString(),
        resource_type: resourceType,
        resource_version: '2.0',
        event_type: eventType,
        summary,
        // A snapshot: later changes to the resource must not rewrite history.
        resource: structuredClone(resource),
        links: [
          {href, rel: 'self', method: 'GET'},
          {href: `${href}/resend`, rel: 'resend', method: 'POST'},
        ],
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
      const record = state.events.find((r) => r.event.id === eventId);
      if (!record || record.delivered === true) return;
      record.delivered = delivered;
    },
  };
}

function findEvent(state: State, id: string): EventRecord {
  const record = state.events.find((r) => r.event.id === id);
  if (!record) {
    throw issueError('INVALID_RESOURCE_ID', {
      field: 'event_id',
      value: id,
      location: 'path',
    });
  }
  return record;
}

/** `/v1/notifications/webhooks-events` (the Webhooks Management API's event reads). */
export function eventRoutes(
  state: State,
  resend: (record: EventRecord) => void
) {
  const app = new Hono<Env>();

  app.get('/', (c) => {
    const size = Number(c.req.query('page_size') ?? 10);
    const type = c.req.query('event_type');
    const events = [...state.events]
      .reverse()
      .filter((r) => type === undefined || r.event.event_type === type)
      .slice(0, Number.isInteger(size) && size > 0 ? Math.min(size, 300) : 10)
      .map((r) => r.event);
    return c.json({events, count: events.length, links: []});
  });

  app.get('/:id', (c) => c.json(findEvent(state, c.req.param('id')).event));

  app.post('/:id/resend', (c) => {
    const record = findEvent(state, c.req.param('id'));
    resend(record);
    return c.json(record.event, 202);
  });

  return app;
}
