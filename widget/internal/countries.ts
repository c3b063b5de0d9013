/**
 * @license
 * SPDX-License-Identifier: MIT
 */

/*
 * Countries for the shipping address form: ISO 3166-1 alpha-2 codes named in the buyer's
 * language by Intl.DisplayNames, which countries have no postal codes, and the regions of the
 * two countries whose addresses and sales taxes go by a state or province code (the contract's
 * `region` is that code, "CA", not "California"). The two lists are the server's
 * (server/catalog/countries.ts), so the form asks for exactly what an order needs.
 */

// ISO 3166-1 alpha-2 and XK (Kosovo): a fixed list, as Intl.DisplayNames also names "EU",
// "UN" and withdrawn codes.
const COUNTRIES =
  `AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL
 BM BN BO BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE
 DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ
 GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM
 KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ
 MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN
 PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY
 SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF
 WS XK YE YT ZA ZM ZW`.split(/\s+/);

const WITHOUT_POSTAL_CODES = new Set(
  `AE AG AO AW BF BI BJ BO BS BW BZ CD CF CG CI CK CM DJ DM ER FJ GA GD GH GM GQ GY HK JM KI KM
   KN KP LY ML MO MR MW NR NU QA RW SB SC SL SR ST SY TD TF TG TK TL TO TT TV UG VU YE ZW`.split(
    /\s+/
  )
);

/** The states (and DC) and the provinces and territories, by their ISO 3166-2 codes. */
const REGIONS: Record<string, Record<string, string>> = {
  US: table(
    'AL Alabama|AK Alaska|AZ Arizona|AR Arkansas|CA California|CO Colorado|CT Connecticut|DE Delaware|DC District of Columbia|FL Florida|GA Georgia|HI Hawaii|ID Idaho|IL Illinois|IN Indiana|IA Iowa|KS Kansas|KY Kentucky|LA Louisiana|ME Maine|MD Maryland|MA Massachusetts|MI Michigan|MN Minnesota|MS Mississippi|MO Missouri|MT Montana|NE Nebraska|NV Nevada|NH New Hampshire|NJ New Jersey|NM New Mexico|NY New York|NC North Carolina|ND North Dakota|OH Ohio|OK Oklahoma|OR Oregon|PA Pennsylvania|RI Rhode Island|SC South Carolina|SD South Dakota|TN Tennessee|TX Texas|UT Utah|VT Vermont|VA Virginia|WA Washington|WV West Virginia|WI Wisconsin|WY Wyoming'
  ),
  CA: table(
    'AB Alberta|BC British Columbia|MB Manitoba|NB New Brunswick|NL Newfoundland and Labrador|NS Nova Scotia|NT Northwest Territories|NU Nunavut|ON Ontario|PE Prince Edward Island|QC Quebec|SK Saskatchewan|YT Yukon'
  ),
};

function table(entries: string): Record<string, string> {
  return Object.fromEntries(
    entries.split('|').map((entry) => [entry.slice(0, 2), entry.slice(3)])
  );
}

/** The country's name in `locale` ("Allemagne" for DE in French), else the code. */
export function countryName(code: string, locale: string): string {
  try {
    return (
      new Intl.DisplayNames([locale, 'en'], {type: 'region'}).of(code) ?? code
    );
  } catch {
    return code;
  }
}

/** Every country as `[code, name]`, sorted by name as `locale` sorts. */
export function countryOptions(locale: string): [string, string][] {
  const collator = new Intl.Collator(locale);
  return COUNTRIES.map((code): [string, string] => [
    code,
    countryName(code, locale),
  ]).sort((a, b) => collator.compare(a[1], b[1]));
}

/** Whether `code` is a country an address may name. */
export function isCountry(code: string): boolean {
  return COUNTRIES.includes(code);
}

/** Whether addresses there carry a postal code (then an order needs one). */
export function hasPostalCodes(country: string): boolean {
  return !WITHOUT_POSTAL_CODES.has(country);
}

/** The country's regions as `code → name`, for the countries whose addresses need one. */
export function regionsOf(
  country: string
): Readonly<Record<string, string>> | undefined {
  return REGIONS[country];
}
