import { describe, expect, it } from 'vitest';
import { emergencyContactsAllBouncing, healthChanges, nextContactState, nextReviewStep, STALE_GRACE_MS } from '../../src/domain/contact-health';
import { emptyContactInfo, type ContactInfo } from '../../src/domain/contact-info';
import { routeNotification } from '../../src/domain/routing';

const info = (changes: Partial<ContactInfo>): ContactInfo => ({ ...emptyContactInfo(false), ...changes });

describe('contact health transitions', () => {
  it('confirming always confirms; a bounce announces only the first time; a delivery only ends bouncing', () => {
    expect(nextContactState('unconfirmed', { kind: 'confirmed' })).toEqual({ state: 'confirmed', announceBounce: false });
    expect(nextContactState('bouncing', { kind: 'confirmed' })).toEqual({ state: 'confirmed', announceBounce: false });
    expect(nextContactState('unconfirmed', { kind: 'bounced' })).toEqual({ state: 'bouncing', announceBounce: true });
    expect(nextContactState('confirmed', { kind: 'bounced' })).toEqual({ state: 'bouncing', announceBounce: true });
    expect(nextContactState('bouncing', { kind: 'bounced' })).toEqual({ state: 'bouncing', announceBounce: false });
    expect(nextContactState('bouncing', { kind: 'delivered' })).toEqual({ state: 'confirmed', announceBounce: false });
    expect(nextContactState('unconfirmed', { kind: 'delivered' })).toEqual({ state: 'unconfirmed', announceBounce: false });
  });

  it('a save adds new or changed addresses per field (lower-cased, once) and removes those no longer listed', () => {
    const before = info({ technicalEmergencyContacts: [{ email: 'a@x.example' }, { email: 'b@x.example' }] });
    const after = info({
      technicalEmergencyContacts: [{ email: 'A@x.example' }, { email: 'c@x.example', locale: 'pl' }],
      technicalNonEmergencyContacts: [{ email: 'a@x.example' }],
    });
    expect(healthChanges(before, after)).toEqual({
      added: [
        { address: 'c@x.example', purpose: 'technicalEmergencyContacts', locale: 'pl' },
        { address: 'a@x.example', purpose: 'technicalNonEmergencyContacts', locale: null },
      ],
      removed: [{ address: 'b@x.example', purpose: 'technicalEmergencyContacts', locale: null }],
    });
    expect(healthChanges(null, before).added).toHaveLength(2);
  });

  it('emergencies go to the admins too only when every emergency contact bounces, with the reason', () => {
    const doc = info({ technicalEmergencyContacts: [{ email: 'a@x.example' }, { email: 'b@x.example' }] });
    const admins = [{ email: 'boss@x.example', name: 'Boss', locale: 'he' }];
    expect(emergencyContactsAllBouncing(doc, new Set(['a@x.example']))).toBe(false);
    expect(emergencyContactsAllBouncing(doc, new Set(['a@x.example', 'b@x.example']))).toBe(true);
    expect(emergencyContactsAllBouncing(info({}), new Set(['a@x.example']))).toBe(false);
    const some = routeNotification(doc, { category: 'emergency', env: 'production', health: { bouncing: new Set(['a@x.example']), admins } }, new Map());
    expect(some.ok && some.recipients.map((r) => r.email)).toEqual(['a@x.example', 'b@x.example']);
    const all = routeNotification(doc, { category: 'emergency', env: 'production', health: { bouncing: new Set(['a@x.example', 'b@x.example']), admins } }, new Map());
    expect(all.ok && all.recipients.at(-1)).toMatchObject({ email: 'boss@x.example', field: 'technicalEmergencyContacts', reason: 'emergencyContactsBouncing', language: 'he' });
    const technical = routeNotification(
      info({ technicalNonEmergencyContacts: [{ email: 'a@x.example' }] }),
      { category: 'technical', env: 'production', health: { bouncing: new Set(['a@x.example']), admins } },
      new Map(),
    );
    expect(technical.ok && technical.recipients).toHaveLength(1);
  });

  it('the review reminds, then turns stale after the grace period, then stops', () => {
    expect(nextReviewStep('remind')).toEqual({ stage: 'stale', afterMs: STALE_GRACE_MS });
    expect(STALE_GRACE_MS).toBe(30 * 24 * 60 * 60 * 1000);
    expect(nextReviewStep('stale')).toEqual({ stage: 'done', afterMs: 0 });
  });
});
