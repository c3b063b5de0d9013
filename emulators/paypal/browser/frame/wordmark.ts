/**
 * The PayPal wordmark as an image (a data: SVG): two-tone on light buttons, white on blue and
 * black ones. An image keeps the logo's colours out of text-contrast rules, as a logo should be;
 * the button's accessible name carries the words.
 */
export function wordmarkUrl(white: boolean): string {
  const pay = white ? '#ffffff' : '#003087';
  const pal = white ? '#ffffff' : '#0070e0';
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="100" height="32" viewBox="0 0 100 32"><text x="1" y="25" textLength="97" lengthAdjust="spacingAndGlyphs" font-family="Helvetica Neue, Helvetica, Arial, sans-serif" font-size="27" font-weight="700" font-style="italic"><tspan fill="${pay}">Pay</tspan><tspan fill="${pal}">Pal</tspan></text></svg>`;
  return `data:image/svg+xml,${encodeURIComponent(svg)}`;
}
