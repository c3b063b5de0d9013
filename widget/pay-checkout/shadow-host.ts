/**
 * @license
 * SPDX-License-Identifier: MIT
 */

/*
 * The shadow-host chunk: loaded only when <pay-checkout> itself sits in another component's
 * shadow root (a Lit or Stencil shop rendering it in its own shadow DOM).
 *
 * Stripe.js refuses a mount node inside a shadow tree ("Elements cannot be mounted in a
 * ShadowRoot. Please mount in the Light DOM.", stripe-js#399, #662) and PayPal's SDK loses
 * its button frame there (it looks the frame up with `document.contains`,
 * paypal-checkout-components#353, #1107). The element's own light DOM is then inside the
 * shop's shadow root, so slotting does not help. The fix others use, passing a slot up
 * through every host (stripe-js#143, #399), needs each ancestor component to cooperate,
 * which a checkout dropped into any framework cannot ask for. So the provider's node lives
 * in the document, right after the outermost shadow host (so Tab reaches what follows the
 * shop), and is laid over a placeholder that stays the element's slotted child: the
 * element's layout, `hidden` slots and `inert` keep working on the placeholder, whose
 * height follows the provider's form. Floating UI's autoUpdate keeps it in place (ancestor
 * scroll and resize across shadow roots, element resize, layout shifts); a provider iframe
 * cannot be moved in the DOM without reloading, so it is only ever repositioned.
 */
import {autoUpdate, getOverflowAncestors} from '@floating-ui/dom';

const TABBABLE =
  'a[href], button, input, select, textarea, iframe, [tabindex]:not([tabindex="-1"])';

/** A provider's node in the document, laid over `placeholder` (a slotted child of the element). */
export interface DocumentMount {
  /** Where the provider mounts (a child of the document, not of any shadow root). */
  readonly node: HTMLElement;
  /** Reads the placeholder's place again (done by itself on scroll, resize and layout shifts). */
  update(): void;
  /** Removes the node (and the provider's frames in it) from the document. */
  destroy(): void;
}

/** The outermost shadow host around `node`, the one that is in the document. */
function outermostHost(node: Node): Element | undefined {
  let host: Element | undefined;
  let root = node.getRootNode();
  while (root instanceof ShadowRoot) {
    host = root.host;
    root = host.getRootNode();
  }
  return root === document ? host : undefined;
}

function focusable(element: Element): element is HTMLElement {
  return (
    element instanceof HTMLElement &&
    element.tabIndex >= 0 &&
    !(element as HTMLButtonElement).disabled &&
    !element.closest('[inert]') &&
    element.checkVisibility({visibilityProperty: true})
  );
}

/** The element's own focusable controls before and after the slot the placeholder shows in. */
function neighbours(placeholder: HTMLElement) {
  const slot = placeholder.assignedSlot;
  const root = slot?.getRootNode();
  if (!slot || !(root instanceof ShadowRoot)) return {before: [], after: []};
  // A radio group is one Tab stop: its checked radio.
  const all = [...root.querySelectorAll(TABBABLE)]
    .filter(focusable)
    .filter(
      (el) =>
        !(
          el instanceof HTMLInputElement &&
          el.type === 'radio' &&
          !el.checked
        ) ||
        !root.querySelector(
          `input[type="radio"][name="${CSS.escape(el.name)}"]:checked`
        )
    );
  const before = all.filter(
    (el) => slot.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_PRECEDING
  );
  const after = all.filter(
    (el) => slot.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING
  );
  return {before, after};
}

/**
 * The part of the viewport the placeholder can be seen through: its scrolling ancestors
 * (inside the shop's shadow DOM too) clip it, and so must the node laid over it.
 */
function clipInset(placeholder: HTMLElement, rect: DOMRect): string {
  let {top, left, bottom, right} = rect;
  for (const ancestor of getOverflowAncestors(placeholder)) {
    if (!(ancestor instanceof Element)) continue;
    const box = ancestor.getBoundingClientRect();
    top = Math.max(top, box.top + ancestor.clientTop);
    left = Math.max(left, box.left + ancestor.clientLeft);
    bottom = Math.min(
      bottom,
      box.top + ancestor.clientTop + ancestor.clientHeight
    );
    right = Math.min(
      right,
      box.left + ancestor.clientLeft + ancestor.clientWidth
    );
  }
  if (
    top <= rect.top &&
    left <= rect.left &&
    bottom >= rect.bottom &&
    right >= rect.right
  )
    return '';
  const inset = [
    top - rect.top,
    rect.right - right,
    rect.bottom - bottom,
    left - rect.left,
  ].map((side) => `${Math.max(0, side)}px`);
  return `inset(${inset.join(' ')})`;
}

/**
 * Mounts a provider outside every shadow root, over `placeholder`, and keeps it there: the
 * same place, width and visibility, the placeholder as tall as the provider's form, the
 * placeholder's `inert` (busy) mirrored, and Tab moving from the element's fields into the
 * form and out again in the order the buyer sees.
 */
export function mountInDocument(placeholder: HTMLElement): DocumentMount {
  const wrapper = document.createElement('div');
  wrapper.dataset.payCheckoutMount = placeholder.slot;
  // Absolute in the document: it scrolls with the page by itself, between updates too.
  wrapper.style.cssText =
    'position:absolute;top:0;left:0;margin:0;padding:0;border:0;box-sizing:border-box;color-scheme:normal;transition:opacity .15s ease';
  const guard = () => {
    const span = document.createElement('span');
    span.tabIndex = 0;
    span.dataset.payCheckoutFocusGuard = '';
    return span;
  };
  const before = guard();
  const after = guard();
  const node = document.createElement('div');
  wrapper.append(before, node, after);
  const anchor = outermostHost(placeholder);
  if (anchor) anchor.after(wrapper);
  else document.body.append(wrapper);

  let left = 0;
  let top = 0;
  function update(): void {
    const visible = placeholder.checkVisibility({visibilityProperty: true});
    wrapper.style.display = visible ? '' : 'none';
    if (!visible) return;
    const rect = placeholder.getBoundingClientRect();
    const at = wrapper.getBoundingClientRect();
    left += rect.left - at.left;
    top += rect.top - at.top;
    wrapper.style.left = `${left}px`;
    wrapper.style.top = `${top}px`;
    wrapper.style.width = `${rect.width}px`;
    wrapper.style.clipPath = clipInset(placeholder, rect);
  }

  // The placeholder is as tall as the form the provider drew (its frames resize themselves),
  // and a resized placeholder moves the form. Done in the next frame: changing sizes inside
  // the observer would resize observed boxes in the same frame, and the page would get a
  // "ResizeObserver loop" error event. Floating UI watches scrolling, the window and shifts.
  let sizing = 0;
  const sizes = new ResizeObserver(() => {
    cancelAnimationFrame(sizing);
    sizing = requestAnimationFrame(() => {
      if (placeholder.checkVisibility())
        placeholder.style.height = `${node.offsetHeight}px`;
      update();
    });
  });
  sizes.observe(node);
  sizes.observe(placeholder);
  const stopUpdates = autoUpdate(placeholder, wrapper, update, {
    elementResize: false,
  });

  // Busy: the element makes the placeholder inert; the form itself is what the buyer clicks.
  const busy = new MutationObserver(() => {
    const inert = placeholder.inert;
    wrapper.inert = inert;
    wrapper.style.opacity = inert ? '0.5' : '';
  });
  busy.observe(placeholder, {attributes: true, attributeFilter: ['inert']});

  // Tab order: the form is elsewhere in the document, so Tab is steered into it from the
  // element's control before the slot, and out of it to the element's control after.
  // Focusing a guard during the keydown lets the browser's own Tab move on from there: into
  // the provider's frame, whose fields the page cannot focus one by one. Only a form entered
  // from the element (or clicked) is steered back to it, or Tab would go round in a circle.
  const host = placeholder.parentElement;
  let steering = false;
  let leavingElement = false;
  let entered = false;
  const onKeydown = (event: KeyboardEvent) => {
    if (event.key !== 'Tab' || event.altKey || event.ctrlKey || event.metaKey)
      return;
    if (wrapper.style.display === 'none') return;
    const active = host?.shadowRoot?.activeElement;
    const {before: preceding, after: following} = neighbours(placeholder);
    const edge = event.shiftKey ? following[0] : preceding.at(-1);
    if (!active || active !== edge) return;
    steering = true;
    (event.shiftKey ? after : before).focus();
    steering = false;
  };
  const onFocusout = () => {
    leavingElement = true;
    setTimeout(() => (leavingElement = false));
  };
  const onFocusin = (event: FocusEvent) => {
    const from = event.relatedTarget;
    if (!(from instanceof Node && wrapper.contains(from)))
      entered = steering || leavingElement || from === null;
    if (steering || !entered) return;
    if (event.target !== before && event.target !== after) return;
    const {before: preceding, after: following} = neighbours(placeholder);
    const target = event.target === after ? following[0] : preceding.at(-1);
    target?.focus();
  };
  host?.addEventListener('keydown', onKeydown);
  host?.addEventListener('focusout', onFocusout);
  wrapper.addEventListener('focusin', onFocusin);

  return {
    node,
    update,
    destroy() {
      stopUpdates();
      cancelAnimationFrame(sizing);
      sizes.disconnect();
      busy.disconnect();
      host?.removeEventListener('keydown', onKeydown);
      host?.removeEventListener('focusout', onFocusout);
      wrapper.remove();
      placeholder.style.removeProperty('height');
    },
  };
}
