import type { Holidays } from '../domain/support-hours';
import type { Db } from './db';
import { nowIso } from './ids';

export type Holiday = { date: string; name?: string };
export type SupportCalendar = { holdOutsideHours: boolean; holidays: Holiday[] };

export const DEFAULT_CALENDAR: SupportCalendar = { holdOutsideHours: false, holidays: [] };

export async function getSupportCalendar(db: Db, accountId: string): Promise<SupportCalendar> {
  const row = await db.selectFrom('support_calendars').selectAll().where('account_id', '=', accountId).executeTakeFirst();
  if (!row) return DEFAULT_CALENDAR;
  return { holdOutsideHours: row.hold_outside_hours === 1, holidays: JSON.parse(row.holidays) as Holiday[] };
}

export function holidaySet(calendar: Pick<SupportCalendar, 'holidays'>): Holidays {
  return new Set(calendar.holidays.map((h) => h.date));
}

export async function putSupportCalendar(tx: Db, accountId: string, calendar: SupportCalendar): Promise<void> {
  const values = { hold_outside_hours: calendar.holdOutsideHours ? 1 : 0, holidays: JSON.stringify(calendar.holidays), updated_at: nowIso() };
  await tx
    .insertInto('support_calendars')
    .values({ account_id: accountId, ...values })
    .onConflict((oc) => oc.column('account_id').doUpdateSet(values))
    .execute();
}

/** Notifications held until support opens whose time has come (the job loop releases them). */
export async function dueHoursReleases(db: Db, at: string, limit = 50): Promise<{ id: string; accountId: string }[]> {
  const rows = await db
    .selectFrom('notifications')
    .select(['id', 'account_id'])
    .where('hold_status', '=', 'held')
    .where('held_by', '=', 'business_hours')
    .where('held_until', '<=', new Date(at).toISOString())
    .orderBy('held_until')
    .limit(limit)
    .execute();
  return rows.map((row) => ({ id: row.id, accountId: row.account_id }));
}

/** Marks one held notification released; its row when this call did (so it is delivered once). */
export async function takeHeldNotification(tx: Db, id: string) {
  return tx.updateTable('notifications').set({ hold_status: 'released' }).where('id', '=', id).where('hold_status', '=', 'held').returningAll().executeTakeFirst();
}
