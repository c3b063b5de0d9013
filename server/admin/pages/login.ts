import {html} from 'hono/html';
import {type Html, page, problem} from './layout.js';

export function loginPage(options: {
  error?: string;
  passwordToo: boolean;
  tokenToo: boolean;
}): Html {
  const what =
    options.tokenToo && options.passwordToo
      ? 'Admin token or password'
      : options.tokenToo
        ? 'Admin token'
        : 'Password';
  return page(
    {title: 'Sign in'},
    html`<div class="login">
      <h1>Sign in to the shop's admin</h1>
      ${problem(options.error)}
      <form method="post" action="/admin/login">
        <label
          >${what}
          <input
            type="password"
            name="secret"
            autocomplete="current-password"
            required
            autofocus
        /></label>
        <button class="primary" type="submit">Sign in</button>
      </form>
    </div>`
  );
}
