/**
 * @license
 * SPDX-License-Identifier: MIT
 */
import {html, nothing} from 'lit';
import {alertIcon, checkIcon} from './icons.js';

interface MessageRegionsOptions {
  error: string;
  status: string;
  success: boolean;
}

/**
 * The error region (`role="alert"`) and the status region (polite): both always in the DOM,
 * empty ones visually hidden, because a live region must exist before it speaks.
 */
export function messageRegions({
  error,
  status,
  success,
}: MessageRegionsOptions) {
  return html`<div
      class="message message--error ${error ? '' : 'message--empty'}"
      part="message error"
      role="alert"
    >
      ${
        error
          ? html`<svg
                class="message__icon"
                viewBox="0 0 20 20"
                aria-hidden="true"
              >
                ${alertIcon}
              </svg>
              <span>${error}</span>`
          : nothing
      }
    </div>
    <div
      class="message ${success ? 'message--success' : ''} ${status ? '' : 'message--empty'}"
      part="message status"
      role="status"
      aria-live="polite"
    >
      ${
        success
          ? html`<svg
              class="message__icon"
              viewBox="0 0 20 20"
              aria-hidden="true"
            >
              ${checkIcon}
            </svg>`
          : nothing
      }
      <span>${status}</span>
    </div>`;
}
