// Server-side rendering: `render(props)` gives the HTML for index.html's <!--app-html-->,
// to be sent with the props as JSON in <script type="application/json" id="app-props">,
// which main.tsx hydrates.
import {StrictMode} from 'react';
import {renderToString} from 'react-dom/server';
import {App, type AppProps} from './App.js';

export function render(props: AppProps): string {
  return renderToString(
    <StrictMode>
      <App {...props} />
    </StrictMode>
  );
}
