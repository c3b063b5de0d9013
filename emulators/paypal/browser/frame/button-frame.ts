/**
 * The PayPal button inside its frame (on the emulator's origin). It draws itself from the style
 * in the URL fragment, reports its height and every click to the shop's page (the only origin
 * it trusts, named in the fragment), and obeys `enabled` and `style` messages from it.
 */
import {
  decodeWindowParams,
  envelope,
  isEnvelope,
  type ButtonFrameMessage,
  type SdkToFrameMessage,
} from '../protocol.js';
import {LABELS, PALETTE, normalizeStyle, type ButtonStyle} from '../style.js';
import {pageLanguage, paypalWords} from '../words.js';
import {wordmarkUrl} from './wordmark.js';

const params = decodeWindowParams(location.hash);
const locale = new URLSearchParams(location.search).get('locale.x');
const words = paypalWords(locale);
Object.assign(document.documentElement, pageLanguage(locale));
const root = document.getElementById('root')!;
let enabled = true;

function post(message: ButtonFrameMessage): void {
  if (params)
    window.parent.postMessage(envelope(params.channel, message), params.origin);
}

function text(className: string, value: string): HTMLSpanElement {
  const span = document.createElement('span');
  span.className = className;
  span.textContent = value;
  return span;
}

function draw(style: ButtonStyle): void {
  const palette = PALETTE[style.color] ?? PALETTE.gold;
  const english = LABELS[style.label] ?? LABELS.paypal;
  // "Pay with [PayPal]" in the SDK's locale (the other labels' words are English only).
  const label =
    style.label === 'pay'
      ? {before: words.payWith, after: '', name: `${words.payWith} PayPal`}
      : english;
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'Button';
  button.setAttribute('aria-label', label.name);
  button.setAttribute('aria-disabled', String(!enabled));
  button.style.height = `${style.height}px`;
  button.style.borderRadius = `${style.borderRadius}px`;
  button.style.background = palette.background;
  button.style.borderColor = palette.border;
  button.style.color = palette.text;
  button.addEventListener(
    'mouseenter',
    () => (button.style.background = palette.hover)
  );
  button.addEventListener(
    'mouseleave',
    () => (button.style.background = palette.background)
  );

  if (label.before) button.append(text('Label', label.before));
  const logo = document.createElement('img');
  logo.src = wordmarkUrl(palette.whiteLogo);
  logo.alt = '';
  logo.className = 'Wordmark';
  const logoHeight = Math.round(Math.min(26, Math.max(14, style.height * 0.5)));
  logo.style.height = `${logoHeight}px`;
  logo.style.width = `${Math.round((logoHeight * 100) / 32)}px`;
  button.append(logo);
  if (label.after) button.append(text('Label', label.after));
  button.addEventListener('click', () => post({type: 'click'}));

  const parts: HTMLElement[] = [button];
  const caption =
    style.layout === 'vertical'
      ? 'Powered by PayPal'
      : style.tagline
        ? 'The safer, easier way to pay'
        : '';
  if (caption) {
    const p = document.createElement('p');
    p.className = 'Caption';
    p.textContent = caption;
    parts.push(p);
  }
  root.replaceChildren(...parts);
}

function height(): number {
  return document.documentElement.getBoundingClientRect().height;
}

let style = params?.style ?? normalizeStyle();
draw(style);

window.addEventListener('message', (event) => {
  if (
    !params ||
    event.origin !== params.origin ||
    event.source !== window.parent
  )
    return;
  if (!isEnvelope<SdkToFrameMessage>(event.data, params.channel)) return;
  const message = event.data;
  if (message.type === 'enabled') {
    enabled = message.enabled;
    root
      .querySelector('button')
      ?.setAttribute('aria-disabled', String(!enabled));
  } else {
    style = message.style;
    draw(style);
  }
});

new ResizeObserver(() => post({type: 'resize', height: height()})).observe(
  document.body
);
post({type: 'ready', height: height()});
