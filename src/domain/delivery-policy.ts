/**
 * When a failed delivery is tried again. Pure: the worker asks it, storage records the answer.
 * Temporary failures back off exponentially with jitter (so a recovering SMTP server is not hit
 * by every delivery at the same instant); permanent ones (SMTP 5xx) fail at once; after
 * `giveUpAfterMs` a delivery is failed for good.
 */
export type DeliveryPolicy = {
  firstRetryMs: number;
  maxRetryMs: number;
  giveUpAfterMs: number;
  /** How long a claim lasts; the worker renews it while sending, so a dead worker's work is taken over soon. */
  leaseMs: number;
};

export const DEFAULT_DELIVERY_POLICY: DeliveryPolicy = {
  firstRetryMs: 30_000,
  maxRetryMs: 60 * 60 * 1000,
  giveUpAfterMs: 24 * 60 * 60 * 1000,
  leaseMs: 30_000,
};

export type FailureOutcome = { status: 'failed' } | { status: 'retrying'; delayMs: number };

export function afterFailure(
  policy: DeliveryPolicy,
  failure: { attempts: number; ageMs: number; permanent: boolean },
  random: () => number = Math.random,
): FailureOutcome {
  if (failure.permanent) return { status: 'failed' };
  const ceiling = Math.min(policy.firstRetryMs * 2 ** Math.max(0, failure.attempts - 1), policy.maxRetryMs);
  // "Equal jitter": at least half the back-off, at most all of it.
  const delayMs = Math.round(ceiling / 2 + random() * (ceiling / 2));
  if (failure.ageMs + delayMs > policy.giveUpAfterMs) return { status: 'failed' };
  return { status: 'retrying', delayMs };
}

/** SMTP replies 5xx are permanent (unknown mailbox, refused); anything else may pass later. */
export function isPermanentSmtpFailure(error: unknown): boolean {
  const code = (error as { responseCode?: unknown } | null)?.responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}
