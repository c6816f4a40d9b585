import { DomainError } from '../domain/errors';
import type { Principal } from '../domain/principal';
import { translator } from '../i18n';
import { notificationText } from '../i18n/names';
import { DEFAULT_LOCALE, isSupportedLocale } from '../domain/locales';
import { writeTransaction } from '../storage/db';
import { findAcknowledgeTarget, recordAcknowledgement, type AcknowledgeTarget } from '../storage/escalations';
import type { Deps } from './deps';

export type AcknowledgementView = {
  accountName: string;
  title: string;
  body: string;
  env: 'production' | 'sandbox';
  createdAt: string;
  recipient: string;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
  acknowledgedNow: boolean;
};

const TOKEN = /^[A-Za-z0-9_-]{16,128}$/;

function view(target: AcknowledgeTarget, locale: string, acknowledgedNow: boolean): AcknowledgementView {
  const t = translator(isSupportedLocale(locale) ? locale : DEFAULT_LOCALE);
  const template = target.template ? { id: target.template, params: JSON.parse(target.params ?? '{}') as Record<string, string> } : null;
  const { title, body } = notificationText(t, { title: target.title, body: target.body, template }, locale);
  return {
    accountName: target.accountName,
    title,
    body,
    env: target.env,
    createdAt: target.createdAt,
    recipient: target.recipient,
    acknowledgedAt: target.acknowledgedAt,
    acknowledgedBy: target.acknowledgedBy,
    acknowledgedNow,
  };
}

/** What an Acknowledge link is about, for its page: reads only (mail scanners fetch links). 404 for an unknown token. */
export async function getAcknowledgement(deps: Deps, _principal: Principal, input: { token: string; locale: string }): Promise<AcknowledgementView> {
  const target = TOKEN.test(input.token) ? await findAcknowledgeTarget(deps.storage.db, input.token) : undefined;
  if (!target) throw new DomainError('not_found');
  return view(target, input.locale, false);
}

/**
 * Acknowledges an emergency with the token of one recipient's link (no sign-in: the token is the
 * credential). The first acknowledgement records that address and the time and stops the
 * escalation at once for every worker; later ones change nothing and show the first.
 */
export async function acknowledgeNotification(deps: Deps, _principal: Principal, input: { token: string; locale: string }): Promise<AcknowledgementView> {
  return writeTransaction(deps.storage, async (tx) => {
    const target = TOKEN.test(input.token) ? await findAcknowledgeTarget(tx, input.token) : undefined;
    if (!target) throw new DomainError('not_found');
    const first = await recordAcknowledgement(tx, target.notificationId, target.recipient);
    const after = first ? await findAcknowledgeTarget(tx, input.token) : target;
    return view(after ?? target, input.locale, first);
  });
}
