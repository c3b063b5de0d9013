/**
 * @license
 * SPDX-License-Identifier: MIT
 */
import {css} from 'lit';

// A <pay-item> is data, not UI: <pay-checkout> renders the line from the server's quote.
export default css`
  :host {
    display: none !important;
  }
`;
