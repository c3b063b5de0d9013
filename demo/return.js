// The return page's own script (a file, not inline: the page is served under a strict
// Content Security Policy). A paid order empties the demo's cart.
document
  .querySelector('#checkout')
  .addEventListener('pay-success', () => localStorage.removeItem('demo-cart'));
