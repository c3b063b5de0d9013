/**
 * `tsx scripts/run-parallel.ts <script> <script>…`: runs npm scripts at once and prints each one's
 * output whole when it ends (not interleaved), failing if any fails. For suites that share
 * nothing (the server suite on SQLite and on PostgreSQL: temporary files, a schema each, port
 * 0), so that CI's two cores both work.
 */
import {spawn} from 'node:child_process';

const scripts = process.argv.slice(2);
if (scripts.length === 0) {
  console.error(
    'usage: tsx scripts/run-parallel.ts <npm script> [<npm script>…]'
  );
  process.exit(2);
}

function run(script: string): Promise<number> {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn('npm', ['run', '--silent', script], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const output: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => output.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => output.push(chunk));
    child.on('close', (code) => {
      const seconds = Math.round((Date.now() - started) / 1000);
      process.stdout.write(
        `\n--- npm run ${script} (${seconds} s, exit ${code})\n`
      );
      process.stdout.write(Buffer.concat(output));
      resolve(code ?? 1);
    });
  });
}

const codes = await Promise.all(scripts.map(run));
process.exit(codes.every((code) => code === 0) ? 0 : 1);
