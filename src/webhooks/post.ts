import http from 'node:http';
import https from 'node:https';
import { AddressRefusedError, checkHost, guardedLookup, hostOf, HostNotFoundError } from './address-guard';

/** Why an attempt failed, and whether trying again may help (5xx, 429, timeouts, connection errors). */
export class WebhookAttemptError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
  ) {
    super(message);
  }
}

export type WebhookPost = { url: string; headers: Record<string, string>; body: string; timeoutMs: number; allowPrivate: boolean };

/**
 * One POST: redirects are not followed (a 3xx is a failure), the address is checked again at
 * send time by the connection's own lookup, the whole attempt is bounded by `timeoutMs`.
 * Resolves with the status on 2xx; throws WebhookAttemptError otherwise.
 */
export async function postWebhook(request: WebhookPost): Promise<number> {
  const url = new URL(request.url);
  try {
    // IP literals skip `lookup`: check them here (names are checked by the lookup itself).
    await checkHost(hostOf(url), request.allowPrivate).catch((error: unknown) => {
      if (error instanceof HostNotFoundError) return; // the request itself reports it, as a temporary failure
      throw error;
    });
  } catch (error) {
    throw new WebhookAttemptError((error as Error).message, true);
  }
  const client = url.protocol === 'https:' ? https : http;
  const status = await new Promise<number>((resolve, reject) => {
    const req = client.request(
      url,
      {
        method: 'POST',
        headers: {
          ...request.headers,
          'content-type': 'application/json',
          'content-length': String(Buffer.byteLength(request.body)),
          'user-agent': 'Liaison-Webhooks/1',
        },
        lookup: guardedLookup(request.allowPrivate) as never,
        signal: AbortSignal.timeout(request.timeoutMs),
      },
      (res) => {
        // Only the status matters; read (and drop) at most a little of the body.
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(request.body);
  }).catch((error: unknown) => {
    if (error instanceof AddressRefusedError) throw new WebhookAttemptError(error.message, true);
    const e = error as { name?: string; code?: string; message?: string };
    if (e.name === 'AbortError' || e.name === 'TimeoutError' || e.code === 'ABORT_ERR') {
      throw new WebhookAttemptError(`timed out after ${request.timeoutMs} ms`, false);
    }
    throw new WebhookAttemptError(`connection failed: ${e.code ?? e.message ?? String(error)}`, false);
  });
  if (status >= 200 && status < 300) return status;
  if (status >= 300 && status < 400) throw new WebhookAttemptError(`HTTP ${status}: redirects are not followed`, true);
  if (status >= 500 || status === 429 || status === 408) throw new WebhookAttemptError(`HTTP ${status}`, false);
  throw new WebhookAttemptError(`HTTP ${status}`, true);
}
