import { DomainError } from '../../domain/errors';
import { AddressRefusedError, checkHost, hostOf, HostNotFoundError } from '../../webhooks/address-guard';
import type { Db } from '../../storage/db';
import { findWebhookRow } from '../../storage/webhooks';
import type { WebhooksTable } from '../../storage/schema';

/**
 * A destination URL people may register: https (plain http only where private addresses are
 * allowed, for development), without credentials, to a host that resolves to public addresses only.
 */
export async function checkDestinationUrl(raw: string, allowPrivate: boolean): Promise<string> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new DomainError('validation_failed', [{ path: 'url', code: 'invalid_url' }]);
  }
  const schemeOk = url.protocol === 'https:' || (allowPrivate && url.protocol === 'http:');
  if (!schemeOk || url.username !== '' || url.password !== '' || url.hostname === '') {
    throw new DomainError('validation_failed', [{ path: 'url', code: 'invalid_url' }]);
  }
  try {
    await checkHost(hostOf(url), allowPrivate);
  } catch (error) {
    if (error instanceof AddressRefusedError) throw new DomainError('webhook_address_refused');
    if (error instanceof HostNotFoundError) throw new DomainError('webhook_host_unknown');
    throw error;
  }
  return url.toString();
}

/** One destination of the scope's account; another account's is 404 like an unknown one. */
export async function destinationOf(db: Db, accountId: string, webhookId: string): Promise<WebhooksTable> {
  const row = /^[A-Za-z0-9_-]{1,64}$/.test(webhookId) ? await findWebhookRow(db, accountId, webhookId) : undefined;
  if (!row) throw new DomainError('not_found');
  return row;
}
