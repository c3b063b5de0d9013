/**
 * The layout the emulator's own pages in Drop-in's windows share (the 3-D Secure challenge,
 * PayPal's approval): a test-mode badge, a heading, the text, a status line that announces
 * errors, and the answer buttons. Runs in the browser.
 */
import {fill} from './translations.js';

export interface WindowPage {
  /** The paragraph under the heading. */
  readonly text: HTMLElement;
  /** Errors, announced (role=alert). */
  readonly status: HTMLElement;
  /** An answer button, added in order. */
  button(id: string, label: string): HTMLButtonElement;
}

export function windowPage(
  main: HTMLElement,
  badgeText: string,
  heading: string
): WindowPage {
  const badge = document.createElement('p');
  badge.className = 'badge';
  badge.textContent = badgeText;
  const title = document.createElement('h1');
  title.id = 'title';
  title.textContent = heading;
  const text = document.createElement('p');
  const status = document.createElement('p');
  status.className = 'status';
  status.setAttribute('role', 'alert');
  const actions = document.createElement('div');
  actions.className = 'actions';
  main.setAttribute('aria-labelledby', 'title');
  main.append(badge, title, text, status, actions);
  return {
    text,
    status,
    button(id, label) {
      const node = document.createElement('button');
      node.type = 'button';
      node.id = id;
      node.textContent = label;
      actions.append(node);
      return node;
    },
  };
}

/**
 * A sentence with `{{name}}` placeholders as nodes: each value in a `<bdi>`, so an amount or an
 * e-mail address stays left to right inside a right-to-left sentence.
 */
export function sentence(
  template: string,
  values: Record<string, string>
): (string | HTMLElement)[] {
  const marks = Object.fromEntries(
    Object.keys(values).map((name) => [name, `\u0000${name}\u0000`])
  );
  return fill(template, marks)
    .split('\u0000')
    .map((part, index) => {
      // Odd parts are the placeholders' names.
      if (index % 2 === 0) return part;
      const node = document.createElement('bdi');
      node.textContent = values[part] ?? '';
      return node;
    });
}
