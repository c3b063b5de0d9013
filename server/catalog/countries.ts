/**
 * Country codes: ISO 3166-1 alpha-2, and XK (Kosovo, user-assigned but used by Stripe and
 * PayPal alike). A fixed list rather than Intl.DisplayNames, which also names "EU", "UN",
 * "QO" and withdrawn codes such as "SU".
 */
const COUNTRIES = new Set(
  `AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE
   BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ CA CC CD
   CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM
   DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF
   GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU
   ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN
   KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME
   MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA
   NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM
   PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI
   SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK
   TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI
   VN VU WF WS XK YE YT ZA ZM ZW`.split(/\s+/)
);

/**
 * Countries that use no postal codes, so an order shipping there needs none (a short list,
 * as address forms keep it: a missing country only means the buyer is asked for a code).
 * Anywhere else a shippable order needs `postalCode`.
 */
const WITHOUT_POSTAL_CODES = new Set(
  `AE AG AO AW BF BI BJ BO BS BW BZ CD CF CG CI CK CM DJ DM ER
   FJ GA GD GH GM GQ GY HK JM KI KM KN KP LY ML MO MR MW NR NU
   QA RW SB SC SL SR ST SY TD TF TG TK TL TO TT TV UG VU YE ZW`.split(/\s+/)
);

/** Whether `code` (uppercase) is a country an address may name. */
export function isCountry(code: string): boolean {
  return COUNTRIES.has(code);
}

/** Whether addresses in the country (uppercase code) carry a postal code. */
export function hasPostalCodes(country: string): boolean {
  return !WITHOUT_POSTAL_CODES.has(country);
}
