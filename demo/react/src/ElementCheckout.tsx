// The same checkout with the raw element, which React 19 renders as it is (attributes, `items`
// set as a property, `onpay-*` as event listeners). pay-checkout/jsx types it. On the client
// only: after server rendering and hydration React drops the `onpay-*` listeners
// (facebook/react#35446), so a server-rendered app uses pay-checkout/react instead.
import 'pay-checkout';
import type {} from 'pay-checkout/jsx';
import type {CartItem} from 'pay-checkout';

export function ElementCheckout(props: {
  server: string;
  cart: CartItem[];
  onPaid: (orderId: string) => void;
}) {
  return (
    <pay-checkout
      server={props.server}
      onpay-success={(event) => props.onPaid(event.detail.orderId)}
    >
      {props.cart.map((line) => (
        <pay-item key={line.sku} sku={line.sku} quantity={line.quantity} />
      ))}
    </pay-checkout>
  );
}
