import { Temporal } from 'temporal-polyfill';
import type { Day, OperationalSupport } from './contact-info';

/**
 * Support hours in time: whether a partner's user support is open at an instant, and when that
 * next changes. Windows are weekly wall-clock times in their own IANA zone, so DST shifts move
 * them in UTC exactly as they move for the people answering.
 */

const DAY_NUMBER: Record<Day, number> = { mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6, sun: 7 };

const zoneCache = new Map<string, boolean>();

/** True for IANA zone names the runtime knows (`Europe/Warsaw`, `UTC`); never throws. */
export function isValidTimeZone(zone: string): boolean {
  let valid = zoneCache.get(zone);
  if (valid === undefined) {
    try {
      // Offsets such as "+02:00" are zones to Temporal but not IANA names: refuse them.
      valid = /^[A-Za-z]/.test(zone) && Temporal.Now.zonedDateTimeISO(zone).timeZoneId.length > 0;
    } catch {
      valid = false;
    }
    if (zoneCache.size < 1000) zoneCache.set(zone, valid);
  }
  return valid;
}

type Interval = { start: number; end: number };

/**
 * Dates (YYYY-MM-DD) support is closed. A window's occurrence on such a date (its own date, in
 * its own zone) does not happen; 24/7 support has no holidays.
 */
export type Holidays = ReadonlySet<string>;

const NO_HOLIDAYS: Holidays = new Set();

/** How far to look for the next opening: long enough for a run of holidays. */
const LOOK_AHEAD_DAYS = 40;

/** Each window's occurrences as epoch-millisecond intervals around `now` (from 8 days back to `ahead` days ahead), holidays left out. */
function intervalsAround(support: OperationalSupport, now: Temporal.Instant, holidays: Holidays = NO_HOLIDAYS, ahead = 8): Interval[] {
  const intervals: Interval[] = [];
  for (const window of support.windows) {
    const today = now.toZonedDateTimeISO(window.timeZone).toPlainDate();
    const [startHour, startMinute] = window.start.split(':').map(Number) as [number, number];
    const [endHour, endMinute] = window.end.split(':').map(Number) as [number, number];
    for (let offset = -8; offset <= ahead; offset++) {
      const date = today.add({ days: offset });
      if (!window.days.some((day) => DAY_NUMBER[day] === date.dayOfWeek)) continue;
      if (holidays.has(date.toString())) continue;
      // 'compatible': a start inside a spring-forward gap moves later; an ambiguous one takes the earlier.
      const start = date.toZonedDateTime({ timeZone: window.timeZone, plainTime: new Temporal.PlainTime(startHour, startMinute) });
      const end =
        endHour === 24
          ? date.add({ days: 1 }).toZonedDateTime({ timeZone: window.timeZone })
          : date.toZonedDateTime({ timeZone: window.timeZone, plainTime: new Temporal.PlainTime(endHour, endMinute) });
      if (end.epochMilliseconds > start.epochMilliseconds) {
        intervals.push({ start: start.epochMilliseconds, end: end.epochMilliseconds });
      }
    }
  }
  // Merge overlapping and touching intervals: Monday 09–24 and Tuesday 00–09 are one stretch.
  intervals.sort((a, b) => a.start - b.start);
  const merged: Interval[] = [];
  for (const interval of intervals) {
    const last = merged.at(-1);
    if (last && interval.start <= last.end) last.end = Math.max(last.end, interval.end);
    else merged.push({ ...interval });
  }
  return merged;
}

export type SupportStatus = { openNow: boolean; nextChangeAt: string | null };

/** Open now? And when does that change (null when it never does: 24/7, or no hours at all)? Holidays close their dates. */
export function supportStatus(support: OperationalSupport | null, at: Date | string = new Date(), holidays: Holidays = NO_HOLIDAYS): SupportStatus {
  if (!support) return { openNow: false, nextChangeAt: null };
  if (support.alwaysOpen) return { openNow: true, nextChangeAt: null };
  const now = Temporal.Instant.from(typeof at === 'string' ? at : at.toISOString());
  const ms = now.epochMilliseconds;
  const intervals = intervalsAround(support, now, holidays, holidays.size > 0 ? LOOK_AHEAD_DAYS : 8);
  const current = intervals.find((i) => i.start <= ms && ms < i.end);
  if (current) {
    // Open without a break for a week before and a week after now (every day 00:00–24:00) means
    // always open, even when windows in other zones add occurrences past the edge we look at.
    if (current.start <= ms - 7 * 86_400_000 && current.end >= ms + 7 * 86_400_000) return { openNow: true, nextChangeAt: null };
    return { openNow: true, nextChangeAt: new Date(current.end).toISOString() };
  }
  const next = intervals.find((i) => i.start > ms);
  return { openNow: false, nextChangeAt: next ? new Date(next.start).toISOString() : null };
}

/**
 * The week as the viewer sees it: for each day (Monday first) of the week containing `at`, in
 * the viewer's zone, the covered spans in minutes from that day's midnight (0–1440).
 */
export function weekCoverage(
  support: OperationalSupport | null,
  viewerTimeZone: string,
  at: Date = new Date(),
): { day: Day; date: string; spans: { from: number; to: number }[] }[] {
  const days: Day[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
  const now = Temporal.Instant.from(at.toISOString());
  const today = now.toZonedDateTimeISO(viewerTimeZone).toPlainDate();
  const monday = today.subtract({ days: today.dayOfWeek - 1 });
  const always = support?.alwaysOpen === true;
  const intervals = support && !always ? intervalsAround(support, monday.add({ days: 3 }).toZonedDateTime({ timeZone: viewerTimeZone }).toInstant()) : [];
  return days.map((day, index) => {
    const date = monday.add({ days: index });
    const dayStart = date.toZonedDateTime({ timeZone: viewerTimeZone }).epochMilliseconds;
    const dayEnd = date.add({ days: 1 }).toZonedDateTime({ timeZone: viewerTimeZone }).epochMilliseconds;
    // Spans in the viewer's wall-clock minutes, so a strip labelled by hours reads right even
    // on a 23- or 25-hour day (the repeated autumn hour is drawn once).
    const wallClock = (ms: number) => {
      if (ms >= dayEnd) return 1440;
      const time = Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(viewerTimeZone);
      return time.hour * 60 + time.minute;
    };
    const spans = always
      ? [{ from: 0, to: 1440 }]
      : intervals
          .filter((i) => i.end > dayStart && i.start < dayEnd)
          .map((i) => ({ from: wallClock(Math.max(i.start, dayStart)), to: wallClock(Math.min(i.end, dayEnd)) }))
          .filter((span) => span.to > span.from);
    return { day, date: date.toString(), spans };
  });
}
