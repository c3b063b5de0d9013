/**
 * The card frame seen from the shop's page: the iframe on the emulator's origin inside Square's
 * `.sq-card-wrapper`, and a channel to it that takes messages from that frame's window and the
 * emulator's origin only, sends to that origin only, queues until the frame is `ready` and
 * matches requests to replies by id.
 */
import type {CardInputEvent, CardOptions} from '@square/web-payments-sdk-types';
import {UnexpectedError} from './errors.js';
import {
  encodeFrameParams,
  envelope,
  isEnvelope,
  randomChannel,
  type CardToPageMessage,
  type PageToCardMessage,
} from './protocol.js';
import type {SdkContext} from './verify-buyer.js';
import {squareWords} from './words.js';

type Request = Extract<PageToCardMessage, {requestId: number}>;
type Reply = Extract<CardToPageMessage, {type: 'reply'}>;
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown
  ? Omit<T, K>
  : never;

/** How long `attach()` waits for the frame before it gives up (the emulator is not there). */
const READY_TIMEOUT_MS = 20_000;

export interface FrameLink {
  iframe: HTMLIFrameElement;
  ready: Promise<void>;
  post(message: Exclude<PageToCardMessage, Request>): void;
  request(message: DistributiveOmit<Request, 'requestId'>): Promise<Reply>;
  close(): void;
}

/** The frame in Square's wrapper, and its channel: only that frame, only the emulator's origin. */
export function openFrame(
  sdk: SdkContext,
  element: HTMLElement,
  options: CardOptions,
  onEvent: (event: CardInputEvent) => void
): FrameLink {
  const channel = randomChannel();
  const locale = sdk.locale();
  const wrapper = document.createElement('div');
  wrapper.className = 'sq-card-wrapper';
  const holder = document.createElement('div');
  holder.className = 'sq-card-iframe-container';
  const iframe = document.createElement('iframe');
  iframe.className = 'sq-card-component';
  iframe.name = `sq-card-${channel}`;
  iframe.title = squareWords(locale).frameTitle;
  iframe.setAttribute('scrolling', 'no');
  iframe.style.cssText =
    'display:block;width:100%;min-width:200px;height:124px;border:0;background:transparent;color-scheme:normal;';
  iframe.src = `${sdk.origin}/web-sdk/v1/card-frame.html#${encodeFrameParams({
    channel,
    origin: location.origin,
    applicationId: sdk.applicationId,
    locationId: sdk.locationId,
    locale,
    style: options.style,
    postalCode: options.postalCode,
  })}`;
  holder.append(iframe);
  wrapper.append(holder);
  element.append(wrapper);

  let isReady = false;
  let nextId = 1;
  const queue: PageToCardMessage[] = [];
  const pending = new Map<number, (reply: Reply) => void>();
  let markReady!: () => void;
  let fail!: (error: Error) => void;
  const ready = new Promise<void>((resolve, reject) => {
    markReady = resolve;
    fail = reject;
  });
  const timer = setTimeout(
    () => fail(new UnexpectedError('attaching the card form')),
    READY_TIMEOUT_MS
  );

  function send(message: PageToCardMessage): void {
    if (!isReady || !iframe.contentWindow) queue.push(message);
    else
      iframe.contentWindow.postMessage(envelope(channel, message), sdk.origin);
  }

  function listener(event: MessageEvent): void {
    if (event.origin !== sdk.origin || event.source !== iframe.contentWindow)
      return;
    if (!isEnvelope<CardToPageMessage>(event.data, channel)) return;
    const message = event.data;
    switch (message.type) {
      case 'ready':
        iframe.style.height = `${message.height}px`;
        isReady = true;
        clearTimeout(timer);
        for (const queued of queue.splice(0)) send(queued);
        markReady();
        return;
      case 'resize':
        iframe.style.height = `${message.height}px`;
        return;
      case 'event':
        onEvent(message.event);
        return;
      case 'reply':
        pending.get(message.requestId)?.(message);
        pending.delete(message.requestId);
    }
  }
  window.addEventListener('message', listener);

  return {
    iframe,
    ready,
    post: send,
    request(message) {
      const requestId = nextId++;
      return new Promise<Reply>((resolve) => {
        pending.set(requestId, resolve);
        send({...message, requestId} as Request);
      });
    },
    close() {
      clearTimeout(timer);
      window.removeEventListener('message', listener);
      wrapper.remove();
      for (const [requestId, resolve] of pending)
        resolve({type: 'reply', requestId, result: {status: 'Abort'}});
      pending.clear();
    },
  };
}
