import { Temporal } from 'temporal-polyfill';
import { DomainError, type ErrorDetail } from '../domain/errors';
import { actorOf, type Principal } from '../domain/principal';
import { recordAudit } from '../storage/audit-log';
import { writeTransaction } from '../storage/db';
import { getSupportCalendar, putSupportCalendar, type Holiday, type SupportCalendar } from '../storage/support-calendar';
import type { Deps } from './deps';
import type { AccountScope } from './open-account-scope';
import { contactInfoChanged } from './parts/contact-info-document';
import { holidaysFromICalendar } from './parts/ical-holidays';

/** Holidays an account may list. */
export const MAX_HOLIDAYS = 400;

function isDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  try {
    return Temporal.PlainDate.from(value, { overflow: 'reject' }).toString() === value;
  } catch {
    return false;
  }
}

/** Every problem at once: bad dates, repeats, too many. */
function checkHolidays(holidays: Holiday[]): ErrorDetail[] {
  const details: ErrorDetail[] = [];
  if (holidays.length > MAX_HOLIDAYS) details.push({ path: 'holidays', code: 'too_many', params: { max: MAX_HOLIDAYS } });
  const seen = new Set<string>();
  holidays.forEach((holiday, index) => {
    if (!isDate(holiday.date)) details.push({ path: `holidays.${index}.date`, code: 'invalid_value' });
    else if (seen.has(holiday.date)) details.push({ path: `holidays.${index}.date`, code: 'duplicate' });
    seen.add(holiday.date);
  });
  return details;
}

export async function readSupportCalendar(deps: Deps, _principal: Principal, input: { scope: AccountScope }): Promise<SupportCalendar> {
  return getSupportCalendar(deps.storage.db, input.scope.account.id);
}

async function save(deps: Deps, principal: Principal, accountId: string, next: SupportCalendar, action: string): Promise<SupportCalendar> {
  const details = checkHolidays(next.holidays);
  if (details.length > 0) throw new DomainError('validation_failed', details);
  const calendar = { holdOutsideHours: next.holdOutsideHours, holidays: [...next.holidays].sort((a, b) => a.date.localeCompare(b.date)) };
  return writeTransaction(deps.storage, async (tx) => {
    const before = await getSupportCalendar(tx, accountId);
    await putSupportCalendar(tx, accountId, calendar);
    await recordAudit(tx, {
      accountId,
      actor: actorOf(principal),
      action,
      changes: [
        ...(before.holdOutsideHours !== calendar.holdOutsideHours ? [{ field: 'holdOutsideHours', before: before.holdOutsideHours, after: calendar.holdOutsideHours }] : []),
        { field: 'holidays', before: before.holidays.length, after: calendar.holidays.length },
      ],
    });
    // The public support contact (served from memory) says whether support is open: holidays change that.
    contactInfoChanged(tx, accountId);
    return calendar;
  });
}

/** Replaces the calendar (admins, editors, operators). */
export async function saveSupportCalendar(deps: Deps, principal: Principal, input: { scope: AccountScope; calendar: SupportCalendar }): Promise<SupportCalendar> {
  return save(deps, principal, input.scope.account.id, input.calendar, 'supportCalendar.updated');
}

/** Adds the closed dates of an iCalendar file to the holidays (dates already listed keep their names). */
export async function importHolidays(deps: Deps, principal: Principal, input: { scope: AccountScope; ics: string }): Promise<SupportCalendar> {
  const imported = holidaysFromICalendar(input.ics);
  const current = await getSupportCalendar(deps.storage.db, input.scope.account.id);
  const known = new Set(current.holidays.map((h) => h.date));
  const holidays = [...current.holidays, ...imported.filter((h) => !known.has(h.date))];
  return save(deps, principal, input.scope.account.id, { ...current, holidays }, 'supportCalendar.imported');
}
