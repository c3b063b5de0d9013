/** Child processes of the benchmark: started, awaited until they listen, measured, stopped. */
import {type ChildProcess, spawn} from 'node:child_process';
import {readFileSync} from 'node:fs';
import {createServer} from 'node:net';

export interface Child {
  port: number;
  pid: number;
  /** Resident set size in MB, from /proc (Linux). */
  rssMb(): number;
  /** CPU time used so far (user + system), in ms, from /proc (Linux). */
  cpuMs(): number;
  stop(): Promise<void>;
}

/**
 * Spawns `args` with Node and resolves once its output matches `ready` (whose first group is
 * the port, unless `port` is given).
 */
export function startChild(
  args: string[],
  {
    env = {},
    ready = /listening (\d+)/,
    port,
  }: {env?: Record<string, string>; ready?: RegExp; port?: number} = {}
): Promise<Child> {
  const child: ChildProcess = spawn(process.execPath, args, {
    env: {...process.env, ...env},
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${args.join(' ')} did not start:\n${output}`)),
      30_000
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = ready.exec(output);
      if (!match) return;
      clearTimeout(timer);
      child.stdout!.off('data', onData);
      child.stderr!.off('data', onData);
      // Keep draining, so a chatty child never blocks on a full pipe.
      child.stdout!.resume();
      child.stderr!.resume();
      resolve({
        port: port ?? Number(match[1]),
        pid: child.pid!,
        rssMb: () => rssMb(child.pid!),
        cpuMs: () => cpuMs(child.pid!),
        stop: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null) return done();
            child.once('exit', () => done());
            child.kill('SIGTERM');
            setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
          }),
      });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) =>
      reject(new Error(`${args.join(' ')} exited (${code}):\n${output}`))
    );
  });
}

export function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
  return kb / 1024;
}

/** utime + stime of /proc/<pid>/stat (fields 14 and 15, in clock ticks of 10 ms). */
export function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** A free loopback port, for servers that must know their URL before they listen. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const {port} = server.address() as {port: number};
      server.close(() => resolve(port));
    });
  });
}
