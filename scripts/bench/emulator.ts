/**
 * The Stripe emulator for `npm run bench`, in its own process (so its work is not counted in
 * the server's), with fixed keys the benchmarked server is started with.
 *
 *   tsx scripts/bench/emulator.ts   → prints "listening <port>"
 */
import {startStripeEmulator} from '@pay-checkout/emulators';

export const BENCH_KEYS = {
  secretKey: 'sk_test_bench_0000000000000000',
  publishableKey: 'pk_test_bench_0000000000000000',
  webhookSecret: 'whsec_bench_00000000000000000000000000',
};

if (process.argv[1]?.endsWith('emulator.ts')) {
  const emulator = await startStripeEmulator(BENCH_KEYS);
  console.log(`listening ${emulator.port}`);
}
