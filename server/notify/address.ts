/**
 * A postal address as lines for an email, in the order the destination country writes them,
 * with the country named in the reader's language. Plain text: the caller escapes for HTML.
 */
import type {Address} from '../contract.js';

// Where the city comes before the postal code (and the region sits between them), as on
// "Springfield, IL 62704"; Japan's Latin-script addresses are written the same way.
const CITY_REGION_POSTAL = new Set(['US', 'CA', 'AU', 'JP']);
// Where the postal code has a line of its own, under the city.
const POSTAL_ON_ITS_OWN_LINE = new Set(['GB', 'IE']);

const join = (...parts: (string | undefined)[]) =>
  parts
    .map((part) => part?.trim())
    .filter(Boolean)
    .join(' ');

// One Intl.DisplayNames per locale, kept (as the emails' number formats).
const regionNames = new Map<string, Intl.DisplayNames>();

export function countryName(country: string, locale: string): string {
  const code = country.toUpperCase();
  try {
    let names = regionNames.get(locale);
    if (!names) {
      names = new Intl.DisplayNames([locale, 'en'], {type: 'region'});
      if (regionNames.size < 100) regionNames.set(locale, names);
    }
    return names.of(code)!;
  } catch {
    // Not a region code Intl knows the shape of: as it was given.
    return code;
  }
}

export function addressLines(address: Address, locale: string): string[] {
  const country = address.country.toUpperCase();
  const {postalCode, city, region} = address;
  let place: (string | undefined)[];
  if (CITY_REGION_POSTAL.has(country)) {
    const tail = join(region, postalCode);
    place = [
      city?.trim() && tail ? `${city.trim()}, ${tail}` : join(city, tail),
    ];
  } else if (POSTAL_ON_ITS_OWN_LINE.has(country)) {
    place = [city, region, postalCode];
  } else {
    place = [join(postalCode, city), region];
  }
  return [
    address.name,
    address.line1,
    address.line2,
    ...place,
    countryName(country, locale),
  ]
    .map((line) => line?.trim())
    .filter((line): line is string => Boolean(line));
}
