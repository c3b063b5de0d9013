import {html} from 'hono/html';
import {csrfField, type Html, page, problem} from './layout.js';

export function exportPage(options: {
  csrf: string;
  from: string;
  to: string;
  problem?: string;
}): Html {
  return page(
    {title: 'Export', session: {csrf: options.csrf, current: 'export'}},
    html`<h1>Export orders</h1>
      ${problem(options.problem)}
      <p>
        A CSV file (RFC 4180, UTF-8) of the orders created in a date range (UTC,
        both days included), one row per order, amounts in the currency's major
        unit.
      </p>
      <form class="filters" method="post" action="/admin/export">
        ${csrfField(options.csrf)}
        <label
          >From <input type="date" name="from" value="${options.from}" required
        /></label>
        <label
          >To <input type="date" name="to" value="${options.to}" required
        /></label>
        <button class="primary" type="submit">Download CSV</button>
      </form>`
  );
}
