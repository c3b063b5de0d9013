/**
 * A message channel to one frame on the emulator's origin. Messages are accepted only from that
 * frame's window and origin, and sent only to that origin; requests wait for the frame's
 * `ready` and are matched to replies by id.
 */
import {
  envelope,
  isEnvelope,
  type FrameMessage,
  type HostMessage,
} from '../protocol.js';
import {randomId} from './integration.js';

type Reply = Extract<FrameMessage, {type: 'reply'}>;
type Request = Extract<HostMessage, {requestId: number}>;
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown
  ? Omit<T, K>
  : never;

export interface FrameChannel {
  readonly id: string;
  readonly iframe: HTMLIFrameElement;
  post(message: Exclude<HostMessage, Request>): void;
  request(message: DistributiveOmit<Request, 'requestId'>): Promise<Reply>;
  close(): void;
}

export function openFrameChannel(options: {
  origin: string;
  iframe: HTMLIFrameElement;
  id?: string;
  onMessage(message: FrameMessage): void;
}): FrameChannel {
  const {origin, iframe, onMessage} = options;
  const id = options.id ?? randomId();
  let ready = false;
  let nextId = 1;
  const queue: HostMessage[] = [];
  const pending = new Map<number, (reply: Reply) => void>();

  function send(message: HostMessage): void {
    if (!ready || !iframe.contentWindow) queue.push(message);
    else iframe.contentWindow.postMessage(envelope(id, message), origin);
  }

  function listener(event: MessageEvent): void {
    if (event.origin !== origin || event.source !== iframe.contentWindow)
      return;
    if (!isEnvelope<FrameMessage>(event.data, id)) return;
    const message = event.data;
    if (message.type === 'ready') {
      ready = true;
      for (const queued of queue.splice(0)) send(queued);
    }
    if (message.type === 'reply') {
      pending.get(message.requestId)?.(message);
      pending.delete(message.requestId);
      return;
    }
    onMessage(message);
  }
  window.addEventListener('message', listener);

  return {
    id,
    iframe,
    post: send,
    request(message) {
      const requestId = nextId++;
      return new Promise<Reply>((resolve) => {
        pending.set(requestId, resolve);
        send({...message, requestId} as Request);
      });
    },
    close() {
      window.removeEventListener('message', listener);
      for (const [requestId, resolve] of pending) {
        resolve({
          type: 'reply',
          requestId,
          error: {
            type: 'invalid_request_error',
            message: 'The Payment Element was unmounted before it answered.',
          },
        });
      }
      pending.clear();
    },
  };
}
