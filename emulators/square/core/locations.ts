/** The merchant's locations: one per currency, each in its currency's country. */
import {newLocationId} from './ids.js';
import {LOCATION_COUNTRIES} from './money.js';
import type {Location} from './state.js';

const DEFAULT_CURRENCIES = ['USD', 'EUR', 'GBP', 'CAD', 'AUD', 'JPY'];

/** By id, the first being the main location; `given` is currency → id. */
export function buildLocations(
  given: Readonly<Record<string, string>> | undefined
): Map<string, Location> {
  const entries = given
    ? Object.entries(given)
    : DEFAULT_CURRENCIES.map(
        (currency) => [currency, newLocationId()] as const
      );
  if (entries.length === 0)
    throw new RangeError('locations: at least one is needed');
  const locations = new Map<string, Location>();
  for (const [currency, id] of entries) {
    const country = LOCATION_COUNTRIES[currency];
    if (!country)
      throw new RangeError(
        `locations: Square takes no location in ${currency}`
      );
    if (!id || locations.has(id))
      throw new RangeError(`locations: ${currency} needs its own id`);
    locations.set(id, {id, currency, country});
  }
  return locations;
}
