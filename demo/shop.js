// The demo shop's own script: a product grid and a cart kept in localStorage. It only tells
// <pay-checkout> which SKUs and how many; the element asks the server for every price.
const CART_KEY = 'demo-cart';
const CURRENCY_KEY = 'demo-currency';

const productsList = document.querySelector('#products');
const checkout = document.querySelector('#checkout');
const empty = document.querySelector('#empty');
const thanks = document.querySelector('#thanks');
const currencySelect = document.querySelector('#currency');
const cartCount = document.querySelector('#cart-count');

// What the codes listed beside the cart take off, for their descriptions (the server's
// catalog decides what is really applied).
const CODE_AMOUNTS = {
  'welcome-minimum': {usd: 3000, eur: 2800, jpy: 4500},
  'mugs-off': {usd: 500, eur: 500, jpy: 700},
};

// `?provider=braintree` (or `stripe paypal braintree`…) shows other gateways than the page's
// default, to try each one the server is configured for.
const wanted = new URLSearchParams(location.search).get('provider');
if (wanted && /^[a-z ]+$/.test(wanted))
  checkout.setAttribute('provider', wanted);

let cart = JSON.parse(localStorage.getItem(CART_KEY) ?? '{}');
let currency = localStorage.getItem(CURRENCY_KEY) ?? 'usd';
let catalog = {products: []};

// The catalog's prices are shown on the product cards for browsing only.
const exponent = (code) => ({jpy: 0})[code] ?? 2;
const format = (amount, code) =>
  new Intl.NumberFormat(undefined, {style: 'currency', currency: code}).format(
    amount / 10 ** exponent(code)
  );

function renderProducts() {
  productsList.replaceChildren(
    ...catalog.products.map((product) => {
      const item = document.createElement('li');
      item.className = 'product';
      const price = product.prices[currency];
      item.innerHTML = `
        <div class="swatch" aria-hidden="true">${product.name.slice(0, 1)}</div>
        <h2></h2>
        <p class="description"></p>
        <p class="badge" hidden>Digital: nothing to ship</p>
        <p class="price"></p>
        <button type="button">Add to cart</button>`;
      item.querySelector('h2').textContent = product.name;
      item.querySelector('.description').textContent =
        product.description ?? '';
      item.querySelector('.badge').hidden = product.shippable !== false;
      item.querySelector('.price').textContent =
        price === undefined
          ? 'Not sold in this currency'
          : format(price, currency);
      const button = item.querySelector('button');
      button.disabled = price === undefined;
      // The accessible name starts with the visible text, so voice control users can say it.
      button.setAttribute('aria-label', `Add to cart: ${product.name}`);
      button.addEventListener('click', () => {
        cart[product.sku] = Math.min(
          (cart[product.sku] ?? 0) + 1,
          product.maxQuantity
        );
        saveCart();
      });
      return item;
    })
  );
}

function renderCart() {
  const entries = Object.entries(cart).filter(([, quantity]) => quantity > 0);
  // Only the <pay-item> children: the element's own children (the payment form's mount
  // nodes, slot="…") must stay where they are.
  for (const line of checkout.querySelectorAll(':scope > pay-item'))
    line.remove();
  checkout.append(
    ...entries.map(([sku, quantity]) => {
      const line = document.createElement('pay-item');
      line.setAttribute('sku', sku);
      line.setAttribute('quantity', String(quantity));
      return line;
    })
  );
  checkout.setAttribute('currency', currency);
  checkout.hidden = entries.length === 0;
  cartCount.textContent = String(
    entries.reduce((sum, [, quantity]) => sum + quantity, 0)
  );
  empty.hidden = entries.length > 0;
}

function renderCodes() {
  for (const element of document.querySelectorAll('[data-amount]')) {
    const amount = CODE_AMOUNTS[element.dataset.amount]?.[currency];
    if (amount !== undefined) element.textContent = format(amount, currency);
  }
}

function saveCart() {
  localStorage.setItem(CART_KEY, JSON.stringify(cart));
  thanks.hidden = true;
  renderCart();
}

currencySelect.value = currency;
currencySelect.addEventListener('change', () => {
  currency = currencySelect.value;
  localStorage.setItem(CURRENCY_KEY, currency);
  renderProducts();
  renderCodes();
  renderCart();
});

// `editable`: the buyer changes quantities and removes lines in the element itself, and
// pay-change says so (`change`); the page's cart (and so the next visit) follows.
checkout.addEventListener('pay-change', (event) => {
  if (!event.detail.change) return;
  cart = Object.fromEntries(
    event.detail.items.map(({sku, quantity}) => [sku, quantity])
  );
  localStorage.setItem(CART_KEY, JSON.stringify(cart));
  renderCart();
});

checkout.addEventListener('pay-success', (event) => {
  cart = {};
  localStorage.removeItem(CART_KEY);
  thanks.textContent = `Thank you! Order ${event.detail.orderId} is paid.`;
  thanks.hidden = false;
});

const response = await fetch('/catalog.json');
catalog = await response.json();
renderProducts();
renderCodes();
renderCart();
