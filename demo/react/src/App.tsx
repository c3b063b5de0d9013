import {useState} from 'react';
import type {CartItem} from 'pay-checkout';
import {PayCheckout} from 'pay-checkout/react';
import {ElementCheckout} from './ElementCheckout.js';
import {products, usd} from './products.js';

export interface AppProps {
  /** The companion server's URL. */
  server: string;
  initialCart?: CartItem[];
  /** Use the raw <pay-checkout> element instead of the React component. */
  element?: boolean;
}

export function App({server, initialCart = [], element = false}: AppProps) {
  const [cart, setCart] = useState(initialCart);
  const [orderId, setOrderId] = useState('');

  const add = (sku: string) =>
    setCart((lines) =>
      lines.some((line) => line.sku === sku)
        ? lines.map((line) =>
            line.sku === sku ? {...line, quantity: line.quantity + 1} : line
          )
        : [...lines, {sku, quantity: 1}]
    );

  if (orderId)
    return (
      <main>
        <h1>Thank you</h1>
        <p>
          Order <output>{orderId}</output> is paid.
        </p>
      </main>
    );

  return (
    <main>
      <h1>React shop</h1>
      <ul>
        {products.map((product) => (
          <li key={product.sku}>
            {product.name} · {usd(product.prices.usd)}{' '}
            <button
              type="button"
              aria-label={`Add to cart: ${product.name}`}
              onClick={() => add(product.sku)}
            >
              Add to cart
            </button>
          </li>
        ))}
      </ul>
      <h2>Your cart</h2>
      {cart.length === 0 ? (
        <p>Your cart is empty.</p>
      ) : element ? (
        <ElementCheckout server={server} cart={cart} onPaid={setOrderId} />
      ) : (
        <PayCheckout
          server={server}
          items={cart}
          onPaySuccess={(event) => setOrderId(event.detail.orderId)}
          onPayError={(event) => console.warn(event.detail.code)}
        />
      )}
    </main>
  );
}
