/**
 * Emergencies are acknowledged or escalated: not acknowledged `afterMs` after being raised, an
 * emergency is re-sent to its emergency contacts and the account's admins (step 1); still not
 * acknowledged `operatorsAfterMs` after that, operators are alerted (step 2). An acknowledgement
 * stops whatever is left.
 */
export type EscalationTiming = { afterMs: number; operatorsAfterMs: number };

export const DEFAULT_ESCALATION_TIMING: EscalationTiming = { afterMs: 15 * 60_000, operatorsAfterMs: 15 * 60_000 };

export function escalationTiming(config: { escalateAfterMs?: number; escalateOperatorsAfterMs?: number }): EscalationTiming {
  return {
    afterMs: config.escalateAfterMs ?? DEFAULT_ESCALATION_TIMING.afterMs,
    operatorsAfterMs: config.escalateOperatorsAfterMs ?? DEFAULT_ESCALATION_TIMING.operatorsAfterMs,
  };
}

export const ESCALATION_STEPS = [1, 2] as const;
export type EscalationStep = (typeof ESCALATION_STEPS)[number];

/** Why an escalation email went to its recipient (stored as the delivery's reason, prefixed `escalation:`). */
export type EscalationReason = 'technicalEmergencyContacts' | 'accountAdmin' | 'operator';
export const ESCALATION_REASON_PREFIX = 'escalation:';
