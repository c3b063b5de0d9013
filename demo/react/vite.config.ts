import react from '@vitejs/plugin-react';
import {defineConfig} from 'vite';

export default defineConfig({
  plugins: [react()],
  // The server-side build (src/entry-server.tsx) leaves the packages to Node.
  ssr: {external: ['pay-checkout', 'react', 'react-dom']},
});
