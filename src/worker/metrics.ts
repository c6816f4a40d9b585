import { Counter, Histogram, register } from 'prom-client';

/**
 * What this process's delivery worker did, in prom-client's default registry (the web process's
 * /metrics includes it when the worker is embedded). The queue itself is measured from the
 * database at each scrape (server/plugins/metrics.ts), so every process reports the same queue.
 */
export const deliveryAttempts = new Counter({
  name: 'liaison_delivery_attempts_total',
  help: 'Delivery attempts by outcome (sent, retrying, failed, lease_lost)',
  labelNames: ['outcome'] as const,
  registers: [register],
});

export const deliveryLatency = new Histogram({
  name: 'liaison_delivery_accepted_to_sent_seconds',
  help: 'Time from a delivery being accepted to its message being sent',
  buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900, 3600, 21600, 86400],
  registers: [register],
});
