import {StrictMode} from 'react';
import {createRoot, hydrateRoot} from 'react-dom/client';
import {App, type AppProps} from './App.js';

const root = document.getElementById('root')!;
// A server-rendered page (see entry-server.tsx) carries the props it was rendered with.
const rendered = document.getElementById('app-props');
if (rendered) {
  const props = JSON.parse(rendered.textContent!) as AppProps;
  hydrateRoot(
    root,
    <StrictMode>
      <App {...props} />
    </StrictMode>
  );
} else {
  const server = import.meta.env.VITE_PAY_SERVER ?? 'http://localhost:4242';
  const element = new URLSearchParams(location.search).has('element');
  createRoot(root).render(
    <StrictMode>
      <App server={server} element={element} />
    </StrictMode>
  );
}
