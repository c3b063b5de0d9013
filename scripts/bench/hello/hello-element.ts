/**
 * The floor `npm run bench` compares the element with: the smallest useful Lit element,
 * built by the same Vite with the same settings. It fires `hello-ready` once rendered.
 */
import {LitElement, css, html} from 'lit';
import {property} from 'lit/decorators.js';

export class HelloElement extends LitElement {
  static override styles = css`
    :host {
      display: block;
    }
  `;

  @property() name = 'world';

  override render() {
    return html`<p>Hello, ${this.name}!</p>`;
  }

  override firstUpdated() {
    this.dispatchEvent(
      new CustomEvent('hello-ready', {bubbles: true, composed: true})
    );
  }
}

customElements.define('hello-element', HelloElement);
