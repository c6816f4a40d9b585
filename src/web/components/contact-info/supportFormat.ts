import type { IntlShape } from 'react-intl';
import { DAYS, type Day, type OperationalSupport, type SupportWindow } from '../../../domain/contact-info';

/** 2024-01-01 was a Monday: day `i` of DAYS is that date plus `i` days. */
function dayDate(day: Day): Date {
  return new Date(Date.UTC(2024, 0, 1 + DAYS.indexOf(day), 12));
}

/** Where Intl has no week information (older engines): the first day by language, 1 = Monday … 7 = Sunday. */
const FIRST_DAY_FALLBACK: Record<string, number> = { he: 7, ar: 6, en: 7, pl: 1 };

/**
 * The first day of the week for the UI language (Sunday in Hebrew, Monday in Polish), from
 * `Intl.Locale#getWeekInfo` (or `weekInfo`); the browser's own region counts when it speaks the
 * same language (en-GB: Monday, en-US: Sunday).
 */
export function firstDayOfWeek(locale: string): number {
  const language = locale.split('-')[0]!;
  const browser = typeof navigator !== 'undefined' ? navigator.language : '';
  const tag = browser.split('-')[0] === language ? browser : locale;
  try {
    const intlLocale = new Intl.Locale(tag).maximize() as Intl.Locale & {
      getWeekInfo?: () => { firstDay: number };
      weekInfo?: { firstDay: number };
    };
    const info = intlLocale.getWeekInfo?.() ?? intlLocale.weekInfo;
    if (info && info.firstDay >= 1 && info.firstDay <= 7) return info.firstDay;
  } catch {
    // fall through to the table
  }
  return FIRST_DAY_FALLBACK[language] ?? 1;
}

/** The days of the week in the order the UI language counts them (DAYS starts on Monday). */
export function weekOrder(locale: string): Day[] {
  const first = firstDayOfWeek(locale) - 1;
  return [...DAYS.slice(first), ...DAYS.slice(0, first)];
}

/** The day's name in the UI language: `short` ("Mon") or `long` ("Monday"). */
export function dayName(locale: string, day: Day, width: 'short' | 'long' = 'short'): string {
  return new Intl.DateTimeFormat(locale, { weekday: width, timeZone: 'UTC' }).format(dayDate(day));
}

/** Days as runs: mon,tue,wed,thu,fri → "Mon–Fri"; mon,wed,fri → "Mon, Wed, Fri"; all seven → "Mon–Sun". */
export function dayRuns(intl: IntlShape, days: readonly Day[]): string {
  const indices = DAYS.map((d, i) => (days.includes(d) ? i : -1)).filter((i) => i >= 0);
  const runs: string[] = [];
  let start = 0;
  while (start < indices.length) {
    let end = start;
    while (end + 1 < indices.length && indices[end + 1] === indices[end]! + 1) end += 1;
    const first = dayName(intl.locale, DAYS[indices[start]!]!);
    const last = dayName(intl.locale, DAYS[indices[end]!]!);
    if (end - start >= 2) runs.push(`${first}–${last}`);
    else if (end === start) runs.push(first);
    else runs.push(first, last);
    start = end + 1;
  }
  return intl.formatList(runs, { type: 'unit', style: 'short' });
}

/** "Mon–Fri 09:00–17:00 (Europe/Warsaw)". */
export function formatWindow(intl: IntlShape, window: SupportWindow): string {
  return intl.formatMessage(
    { id: 'support.window.summary', defaultMessage: '{days} {start}–{end} ({timeZone})' },
    { days: dayRuns(intl, window.days), start: window.start, end: window.end, timeZone: window.timeZone },
  );
}

/** The whole of a support setting in words: "24/7", the windows, or both ("24/7; Mon–Fri …"). */
export function formatSupport(intl: IntlShape, support: OperationalSupport | null): string {
  if (!support) return intl.formatMessage({ id: 'support.none', defaultMessage: 'No support hours' });
  const parts: string[] = [];
  if (support.alwaysOpen) parts.push(intl.formatMessage({ id: 'support.alwaysOpen.short', defaultMessage: '24/7' }));
  for (const window of support.windows) parts.push(formatWindow(intl, window));
  if (parts.length === 0) return intl.formatMessage({ id: 'support.none', defaultMessage: 'No support hours' });
  return parts.join('; ');
}

/** Minutes from midnight as "HH:MM" (1440 → "24:00"). */
export function clock(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const mm = minutes % 60;
  return `${String(h).padStart(2, '0')}:${String(mm).padStart(2, '0')}`;
}
