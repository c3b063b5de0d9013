/**
 * The HTTP series, counted by hand on the request path: a Map lookup and a few additions per
 * answer (prom-client's labelled inc and observe cost about a microsecond each, which the quote
 * route's budget does not have), written out in Prometheus's text format at scrape time.
 */

/** Upper bounds of the duration histogram, in seconds. */
const BUCKETS = [
  0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5,
  10,
];

interface RouteStats {
  method: string;
  route: string;
  /** Answers by status code. */
  statuses: Map<number, number>;
  /** Observations per bucket (not cumulative); the last one is +Inf. */
  buckets: number[];
  sum: number;
  count: number;
}

// Label values come from code (methods, route patterns), but are escaped all the same.
const label = (value: string) =>
  value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');

export function httpSeries(prefix: string) {
  const byRoute = new Map<string, RouteStats>();
  const requestsName = `${prefix}http_requests_total`;
  const durationName = `${prefix}http_request_duration_seconds`;

  return {
    observe(method: string, route: string, status: number, seconds: number) {
      const key = `${method} ${route}`;
      let stats = byRoute.get(key);
      if (!stats) {
        stats = {
          method,
          route,
          statuses: new Map(),
          buckets: new Array<number>(BUCKETS.length + 1).fill(0),
          sum: 0,
          count: 0,
        };
        byRoute.set(key, stats);
      }
      stats.statuses.set(status, (stats.statuses.get(status) ?? 0) + 1);
      let bucket = 0;
      while (bucket < BUCKETS.length && seconds > BUCKETS[bucket]) bucket++;
      stats.buckets[bucket]++;
      stats.sum += seconds;
      stats.count++;
    },

    /** The two series in the text exposition format (version 0.0.4). */
    exposition(): string {
      const requests = [
        `# HELP ${requestsName} HTTP requests answered, by method, route pattern and status.`,
        `# TYPE ${requestsName} counter`,
      ];
      const durations = [
        `# HELP ${durationName} Time to answer a request (until the route returned its response), by method and route pattern.`,
        `# TYPE ${durationName} histogram`,
      ];
      for (const stats of byRoute.values()) {
        const labels = `method="${label(stats.method)}",route="${label(stats.route)}"`;
        for (const [status, count] of stats.statuses)
          requests.push(
            `${requestsName}{${labels},status="${status}"} ${count}`
          );
        let cumulative = 0;
        BUCKETS.forEach((bound, i) => {
          cumulative += stats.buckets[i];
          durations.push(
            `${durationName}_bucket{le="${bound}",${labels}} ${cumulative}`
          );
        });
        durations.push(
          `${durationName}_bucket{le="+Inf",${labels}} ${stats.count}`,
          `${durationName}_sum{${labels}} ${stats.sum}`,
          `${durationName}_count{${labels}} ${stats.count}`
        );
      }
      return `${requests.join('\n')}\n\n${durations.join('\n')}\n`;
    },
  };
}
