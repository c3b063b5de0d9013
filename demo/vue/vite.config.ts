import vue from '@vitejs/plugin-vue';
import {defineConfig} from 'vite';

export default defineConfig({
  plugins: [
    vue({
      // <pay-checkout> and <pay-item> are custom elements, not Vue components.
      template: {
        compilerOptions: {isCustomElement: (tag) => tag.startsWith('pay-')},
      },
    }),
  ],
});
