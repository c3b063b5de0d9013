/**
 * @license
 * SPDX-License-Identifier: MIT
 */
import {html} from 'lit';
import type {ProviderName} from '../../internal/events.js';
import type {Messages} from '../../internal/messages.js';

interface ProviderChoiceOptions {
  offered: readonly ProviderName[];
  active: ProviderName | undefined;
  disabled: boolean;
  onChange: (event: Event) => void;
}

/** The choice between providers: native radios, so arrow keys, Tab and Space work as everywhere. */
export function providerChoice(
  t: Messages,
  {offered, active, disabled, onChange}: ProviderChoiceOptions
) {
  return html`<fieldset
    class="providers"
    part="provider-tabs"
    role="radiogroup"
    ?disabled=${disabled}
  >
    <legend class="sr-only">${t.paymentMethod}</legend>
    ${offered.map((name) => {
      const checked = name === active;
      return html`<label
        class="provider choice"
        part=${checked ? 'provider-tab provider-tab-checked' : 'provider-tab'}
      >
        <input
          class="provider__input"
          type="radio"
          name="provider"
          value=${name}
          .checked=${checked}
          @change=${onChange}
        />
        <span>${t.providers[name]}</span>
      </label>`;
    })}
  </fieldset>`;
}
