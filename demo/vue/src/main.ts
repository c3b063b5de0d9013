import {createApp} from 'vue';
import 'pay-checkout'; // defines <pay-checkout> and <pay-item>
import type {} from 'pay-checkout/vue'; // types them in templates
import App from './App.vue';

createApp(App, {
  server: import.meta.env.VITE_PAY_SERVER ?? 'http://localhost:4242',
}).mount('#app');
