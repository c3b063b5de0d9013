/**
 * Address-field logic of the Address Element frame, free of the DOM so it can be tested
 * directly: which countries (ISO 3166-1 alpha-2), which have states or provinces as codes
 * (Stripe's `state` is "CA" for California), which have no postal codes, and validation.
 */
import type {AddressValue} from '../protocol.js';

export const COUNTRIES =
  `AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI
 BJ BL BM BN BO BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ
 DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ
 GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN
 KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS
 MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT
 PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF
 TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS XK YE YT ZA
 ZM ZW`.split(/\s+/);

const WITHOUT_POSTAL_CODES = new Set(
  `AE AG AO AW BF BI BJ BO BS BW BZ CD CF CG CI CK CM DJ DM ER FJ GA GD GH GM GQ GY HK JM KI KM
   KN KP LY ML MO MR MW NR NU QA RW SB SC SL SR ST SY TD TF TG TK TL TO TT TV UG VU YE ZW`.split(
    /\s+/
  )
);

const STATES: Record<string, [string, string][]> = {
  US: list(
    'AL Alabama|AK Alaska|AZ Arizona|AR Arkansas|CA California|CO Colorado|CT Connecticut|DE Delaware|DC District of Columbia|FL Florida|GA Georgia|HI Hawaii|ID Idaho|IL Illinois|IN Indiana|IA Iowa|KS Kansas|KY Kentucky|LA Louisiana|ME Maine|MD Maryland|MA Massachusetts|MI Michigan|MN Minnesota|MS Mississippi|MO Missouri|MT Montana|NE Nebraska|NV Nevada|NH New Hampshire|NJ New Jersey|NM New Mexico|NY New York|NC North Carolina|ND North Dakota|OH Ohio|OK Oklahoma|OR Oregon|PA Pennsylvania|RI Rhode Island|SC South Carolina|SD South Dakota|TN Tennessee|TX Texas|UT Utah|VT Vermont|VA Virginia|WA Washington|WV West Virginia|WI Wisconsin|WY Wyoming'
  ),
  CA: list(
    'AB Alberta|BC British Columbia|MB Manitoba|NB New Brunswick|NL Newfoundland and Labrador|NS Nova Scotia|NT Northwest Territories|NU Nunavut|ON Ontario|PE Prince Edward Island|QC Quebec|SK Saskatchewan|YT Yukon'
  ),
};

function list(entries: string): [string, string][] {
  return entries
    .split('|')
    .map((entry): [string, string] => [entry.slice(0, 2), entry.slice(3)]);
}

export type AddressFieldName =
  'name' | 'country' | 'line1' | 'line2' | 'city' | 'state' | 'postal_code';

/** In the order the form shows them (and `submit()` reports them). */
export const ADDRESS_FIELDS: AddressFieldName[] = [
  'name',
  'country',
  'line1',
  'line2',
  'city',
  'state',
  'postal_code',
];

/** The states or provinces of a country whose addresses name one by its code. */
export function statesOf(country: string): [string, string][] | undefined {
  return STATES[country];
}

export function hasPostalCodes(country: string): boolean {
  return !WITHOUT_POSTAL_CODES.has(country);
}

/** The countries offered: `allowedCountries` (known codes only, uppercase), else all. */
export function offeredCountries(allowed: string[] | null | undefined) {
  if (!allowed?.length) return COUNTRIES;
  const wanted = new Set(allowed.map((code) => code.toUpperCase()));
  return COUNTRIES.filter((code) => wanted.has(code));
}

/** The field's error message, or null when it is right. */
export function validateAddressField(
  value: AddressValue,
  field: AddressFieldName
): string | null {
  const {address} = value;
  const text = (field === 'name' ? value.name : (address[field] ?? '')).trim();
  switch (field) {
    case 'line2':
      return null;
    case 'state': {
      const states = statesOf(address.country);
      if (!states) return null;
      return states.some(([code]) => code === text)
        ? null
        : 'This field is incomplete.';
    }
    case 'postal_code':
      if (!hasPostalCodes(address.country)) return null;
      if (!text) return 'This field is incomplete.';
      return address.country === 'US' && !/^\d{5}(-\d{4})?$/.test(text)
        ? 'Your ZIP is invalid.'
        : null;
    default:
      return text ? null : 'This field is incomplete.';
  }
}
