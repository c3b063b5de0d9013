/**
 * The baselines of `npm run bench`, one per process: a bare Hono JSON route and an Express 5
 * JSON route, each parsing the posted cart and answering a quote-sized JSON body, served the
 * way the companion server is served (@hono/node-server; Express's own http server).
 *
 *   tsx scripts/bench/targets.ts hono|express   → prints "listening <port>"
 */
import {serve} from '@hono/node-server';
import express from 'express';
import {Hono} from 'hono';

const QUOTE = {
  currency: 'usd',
  lines: [
    {
      sku: 'tee-black-m',
      name: 'Black tee, size M',
      unitAmount: 2500,
      quantity: 2,
      amount: 5000,
    },
    {
      sku: 'mug-enamel',
      name: 'Enamel camp mug',
      unitAmount: 1450,
      quantity: 1,
      amount: 1450,
    },
  ],
  subtotal: 6450,
  total: 6450,
};

const kind = process.argv[2];
if (kind === 'hono') {
  const app = new Hono().post('/api/quote', async (c) => {
    await c.req.json();
    return c.json(QUOTE);
  });
  serve({fetch: app.fetch, port: 0, hostname: '127.0.0.1'}, (info) =>
    console.log(`listening ${info.port}`)
  );
} else if (kind === 'express') {
  const app = express();
  app.use(express.json());
  app.post('/api/quote', (_request, response) => {
    response.json(QUOTE);
  });
  const server = app.listen(0, '127.0.0.1', () => {
    const address = server.address();
    console.log(`listening ${typeof address === 'object' && address?.port}`);
  });
} else {
  console.error('usage: targets.ts hono|express');
  process.exit(2);
}
