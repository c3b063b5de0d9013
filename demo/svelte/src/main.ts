import {mount} from 'svelte';
import 'pay-checkout'; // defines <pay-checkout> and <pay-item>
import type {} from 'pay-checkout/svelte'; // types them in templates
import App from './App.svelte';

mount(App, {
  target: document.getElementById('app')!,
  props: {server: import.meta.env.VITE_PAY_SERVER ?? 'http://localhost:4242'},
});
