import ICAL from 'ical.js';
import { Temporal } from 'temporal-polyfill';
import { DomainError } from '../../domain/errors';
import type { Holiday } from '../../storage/support-calendar';

/** Days one imported event may cover, and how far ahead recurring events are expanded. */
const MAX_EVENT_DAYS = 31;
const RECURRENCE_YEARS = 2;

/**
 * The closed dates of an iCalendar file (a holiday calendar): each VEVENT's dates, all-day or
 * not (its start date to its end, exclusive), recurring ones expanded for two years from `from`.
 * Anything unreadable is 400 validation_failed at `ics`.
 */
export function holidaysFromICalendar(text: string, from: Date = new Date()): Holiday[] {
  let events: ICAL.Event[];
  try {
    const calendar = new ICAL.Component(ICAL.parse(text));
    if (calendar.name !== 'vcalendar') throw new Error('not a VCALENDAR');
    events = calendar.getAllSubcomponents('vevent').map((component) => new ICAL.Event(component));
  } catch {
    throw new DomainError('validation_failed', [{ path: 'ics', code: 'invalid_value' }]);
  }
  const start = Temporal.PlainDate.from(from.toISOString().slice(0, 10));
  const until = start.add({ years: RECURRENCE_YEARS });
  const found = new Map<string, Holiday>();
  const add = (first: ICAL.Time, last: ICAL.Time | null, name: string) => {
    let date = Temporal.PlainDate.from({ year: first.year, month: first.month, day: first.day });
    // DTEND is exclusive for all-day events; a timed event closes the dates it touches.
    const endDate = last ? Temporal.PlainDate.from({ year: last.year, month: last.month, day: last.day }) : date.add({ days: 1 });
    const end = last && !last.isDate && (last.hour > 0 || last.minute > 0) ? endDate.add({ days: 1 }) : endDate;
    for (let n = 0; n < MAX_EVENT_DAYS && Temporal.PlainDate.compare(date, end) < 0; n++) {
      const key = date.toString();
      if (!found.has(key)) found.set(key, name ? { date: key, name: name.slice(0, 100) } : { date: key });
      date = date.add({ days: 1 });
    }
  };
  try {
    for (const event of events) {
      if (!event.startDate) continue;
      const name = event.summary ?? '';
      if (event.isRecurring()) {
        const iterator = event.iterator();
        for (let next = iterator.next(), guard = 0; next && guard < 1000; next = iterator.next(), guard++) {
          const day = Temporal.PlainDate.from({ year: next.year, month: next.month, day: next.day });
          if (Temporal.PlainDate.compare(day, until) > 0) break;
          if (Temporal.PlainDate.compare(day, start.subtract({ years: 1 })) < 0) continue;
          const occurrence = event.getOccurrenceDetails(next);
          add(occurrence.startDate, occurrence.endDate, name);
        }
      } else {
        add(event.startDate, event.endDate ?? null, name);
      }
    }
  } catch {
    throw new DomainError('validation_failed', [{ path: 'ics', code: 'invalid_value' }]);
  }
  return [...found.values()].sort((a, b) => a.date.localeCompare(b.date));
}
