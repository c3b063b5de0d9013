/**
 * The gateway API's transaction paths under `/merchants/:merchantId/transactions`, as
 * transaction_gateway.js and testing_gateway.js call them; each answers XML.
 */
import {Hono} from 'hono';
import type {Env} from '../api/context.js';
import {xml} from '../api/pipeline.js';
import type {Core} from '../core/state.js';
import {
  refund,
  simulateSettlement,
  submitForSettlement,
  voidTransaction,
  type SettlementOperation,
} from './lifecycle.js';
import {findTransaction} from './records.js';
import {sale} from './sale.js';
import {searchIds, searchPage} from './search.js';
import {transactionView} from './view.js';

const SETTLEMENT_OPERATIONS: readonly SettlementOperation[] = [
  'settle',
  'settlement_decline',
  'settlement_pending',
  'settlement_confirm',
];

export function transactionRoutes(core: Core) {
  const app = new Hono<Env>();
  const answer = (
    c: Parameters<typeof xml>[0],
    status: number,
    t: ReturnType<typeof findTransaction>
  ) => xml(c, status, 'transaction', transactionView(core, t));

  app.post('/', (c) => {
    const {status, transaction} = sale(core, c.get('body'));
    return answer(c, status, transaction);
  });
  app.post('/advanced_search_ids', (c) =>
    xml(c, 200, 'searchResults', searchIds(core, c.get('body')))
  );
  app.post('/advanced_search', (c) =>
    xml(c, 200, 'creditCardTransactions', searchPage(core, c.get('body')))
  );
  app.get('/:id', (c) =>
    answer(c, 200, findTransaction(core, c.req.param('id')))
  );
  app.put('/:id/submit_for_settlement', (c) =>
    answer(c, 200, submitForSettlement(core, c.req.param('id'), c.get('body')))
  );
  app.put('/:id/void', (c) =>
    answer(c, 200, voidTransaction(core, c.req.param('id'), c.get('body')))
  );
  app.post('/:id/refund', (c) =>
    answer(c, 201, refund(core, c.req.param('id'), c.get('body')))
  );
  for (const operation of SETTLEMENT_OPERATIONS) {
    app.put(`/:id/${operation}`, (c) =>
      answer(c, 200, simulateSettlement(core, c.req.param('id'), operation))
    );
  }
  return app;
}
