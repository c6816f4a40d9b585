import { describe, expect, it } from 'vitest';
import { DAYS, type Day, type OperationalSupport, type SupportWindow } from '../../src/domain/contact-info';
import { isValidTimeZone, supportStatus, weekCoverage } from '../../src/domain/support-hours';

const HOUR = 3_600_000;
const WEEKDAYS: Day[] = ['mon', 'tue', 'wed', 'thu', 'fri'];

const hours = (...windows: SupportWindow[]): OperationalSupport => ({ alwaysOpen: false, windows });
const win = (timeZone: string, days: Day[], start: string, end: string): SupportWindow => ({ timeZone, days, start, end });

/** Monday to Friday 09:00–17:00 in Warsaw (CET = UTC+1 in winter, CEST = UTC+2 in summer). */
const warsawOffice = hours(win('Europe/Warsaw', WEEKDAYS, '09:00', '17:00'));

const status = (support: OperationalSupport | null, at: string) => supportStatus(support, at);

describe('isValidTimeZone', () => {
  it.each([['Europe/Warsaw'], ['UTC'], ['America/Argentina/Buenos_Aires'], ['America/New_York'], ['Asia/Tokyo'], ['Asia/Kolkata']])(
    'accepts %j',
    (zone) => {
      expect(isValidTimeZone(zone)).toBe(true);
    },
  );

  it.each([['Mars/Olympus'], ['+02:00'], ['-0500'], [''], [' '], ['Europe/Warsaw '], ['Z'], ['x'.repeat(1000)], ['Europe/Warsaw[u-ca=iso8601]'], ['2020-01-01T00:00[UTC]']])(
    'refuses %j',
    (zone) => {
      expect(isValidTimeZone(zone)).toBe(false);
    },
  );

  it('gives the same answer when asked again (cached)', () => {
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
    expect(isValidTimeZone('Europe/Warsaw')).toBe(true);
    expect(isValidTimeZone('Europe/Warsaw')).toBe(true);
  });
});

describe('supportStatus: no hours and 24/7', () => {
  it('is closed for good without support hours', () => {
    expect(status(null, '2026-01-14T10:00:00Z')).toEqual({ openNow: false, nextChangeAt: null });
  });

  it('is closed for good with neither 24/7 nor a window', () => {
    expect(status(hours(), '2026-01-14T10:00:00Z')).toEqual({ openNow: false, nextChangeAt: null });
  });

  it('is open for good when 24/7, windows or not', () => {
    expect(status({ alwaysOpen: true, windows: [] }, '2026-01-14T10:00:00Z')).toEqual({ openNow: true, nextChangeAt: null });
    expect(status({ alwaysOpen: true, windows: warsawOffice.windows }, '2026-01-17T03:00:00Z')).toEqual({ openNow: true, nextChangeAt: null });
  });

  it.each([
    ['2026-01-14T10:00:00Z'],
    ['2026-01-18T23:30:00Z'],
    ['2026-03-29T01:30:00Z'],
    ['2026-10-25T00:30:00Z'],
    ['2026-10-25T01:30:00Z'],
    ['2026-12-31T23:59:59Z'],
  ])('is open for good with every day 00:00–24:00 (at %s)', (at) => {
    expect(status(hours(win('Europe/Warsaw', [...DAYS], '00:00', '24:00')), at)).toEqual({ openNow: true, nextChangeAt: null });
  });

  it('is open for good with every day 00:00–24:00 plus windows in far-away zones', () => {
    const kiritimati = hours(win('Europe/Warsaw', [...DAYS], '00:00', '24:00'), win('Pacific/Kiritimati', [...DAYS], '20:00', '21:00'));
    expect(status(kiritimati, '2026-01-14T12:00:00Z')).toEqual({ openNow: true, nextChangeAt: null });
    const tokyo = hours(win('America/New_York', [...DAYS], '00:00', '24:00'), win('Asia/Tokyo', ['mon', 'sun'], '20:00', '21:00'));
    expect(status(tokyo, '2026-01-14T04:00:00Z')).toEqual({ openNow: true, nextChangeAt: null });
  });

  it('is open for good when the whole week is covered by windows of two zones', () => {
    // UTC Monday–Wednesday, then Thursday–Sunday in UTC+1 (Etc/GMT-1: Wednesday 23:00Z – Sunday 23:00Z),
    // then the last hour of Sunday in UTC.
    const split = hours(
      win('UTC', ['mon', 'tue', 'wed'], '00:00', '24:00'),
      win('Etc/GMT-1', ['thu', 'fri', 'sat', 'sun'], '00:00', '24:00'),
      win('UTC', ['sun'], '23:00', '24:00'),
    );
    expect(status(split, '2026-01-15T12:00:00Z')).toEqual({ openNow: true, nextChangeAt: null });
  });

  it('is not open for good when one minute of the week is missing', () => {
    const almost = hours(win('Europe/Warsaw', ['mon', 'tue', 'wed', 'thu', 'fri', 'sat'], '00:00', '24:00'), win('Europe/Warsaw', ['sun'], '00:00', '23:59'));
    // Sunday 18 January 2026, 23:59 CET = 22:59Z.
    expect(status(almost, '2026-01-14T12:00:00Z')).toEqual({ openNow: true, nextChangeAt: '2026-01-18T22:59:00.000Z' });
    expect(status(almost, '2026-01-18T22:59:30Z')).toEqual({ openNow: false, nextChangeAt: '2026-01-18T23:00:00.000Z' });
  });

  it('is not open for good when a long stretch ends', () => {
    const everyDayButOne = hours(win('Europe/Warsaw', ['mon', 'tue', 'wed', 'thu', 'fri', 'sat'], '00:00', '24:00'));
    expect(status(everyDayButOne, '2026-01-14T12:00:00Z')).toEqual({ openNow: true, nextChangeAt: '2026-01-17T23:00:00.000Z' });
    expect(status(everyDayButOne, '2026-01-18T12:00:00Z')).toEqual({ openNow: false, nextChangeAt: '2026-01-18T23:00:00.000Z' });
  });

  it('accepts the instant as a Date or an ISO string', () => {
    expect(supportStatus(warsawOffice, new Date('2026-01-14T10:00:00Z'))).toEqual(supportStatus(warsawOffice, '2026-01-14T10:00:00Z'));
    expect(supportStatus(warsawOffice, '2026-01-14T11:00:00+01:00')).toEqual({ openNow: true, nextChangeAt: '2026-01-14T16:00:00.000Z' });
  });
});

describe('supportStatus: a weekday 09:00–17:00 window in Europe/Warsaw', () => {
  it.each([
    // Winter (CET, UTC+1): 09:00–17:00 local = 08:00–16:00Z.
    ['Wednesday before opening', '2026-01-14T07:59:00Z', false, '2026-01-14T08:00:00.000Z'],
    ['Wednesday at opening (inclusive)', '2026-01-14T08:00:00Z', true, '2026-01-14T16:00:00.000Z'],
    ['Wednesday midday', '2026-01-14T10:00:00Z', true, '2026-01-14T16:00:00.000Z'],
    ['Wednesday a second before closing', '2026-01-14T15:59:59Z', true, '2026-01-14T16:00:00.000Z'],
    ['Wednesday at closing (exclusive)', '2026-01-14T16:00:00Z', false, '2026-01-15T08:00:00.000Z'],
    ['Wednesday night', '2026-01-14T23:00:00Z', false, '2026-01-15T08:00:00.000Z'],
    ['Friday evening', '2026-01-16T17:00:00Z', false, '2026-01-19T08:00:00.000Z'],
    ['Saturday', '2026-01-17T12:00:00Z', false, '2026-01-19T08:00:00.000Z'],
    ['Sunday, late in UTC', '2026-01-18T23:30:00Z', false, '2026-01-19T08:00:00.000Z'],
    // Summer (CEST, UTC+2): 09:00–17:00 local = 07:00–15:00Z.
    ['a summer morning', '2026-07-15T06:30:00Z', false, '2026-07-15T07:00:00.000Z'],
    ['a summer afternoon', '2026-07-15T14:00:00Z', true, '2026-07-15T15:00:00.000Z'],
  ])('%s (%s)', (_label, at, openNow, nextChangeAt) => {
    expect(status(warsawOffice, at)).toEqual({ openNow, nextChangeAt });
  });
});

describe('supportStatus across daylight saving time (Europe/Warsaw, 2026)', () => {
  it('closes at 17:00 CEST on the Friday before the autumn change', () => {
    // Friday 23 October 2026, 16:00 CEST = 14:00Z.
    expect(status(warsawOffice, '2026-10-23T14:00:00Z')).toEqual({ openNow: true, nextChangeAt: '2026-10-23T15:00:00.000Z' });
  });

  it('reopens at 09:00 CET on the Monday after it', () => {
    expect(status(warsawOffice, '2026-10-24T10:00:00Z')).toEqual({ openNow: false, nextChangeAt: '2026-10-26T08:00:00.000Z' });
    expect(status(warsawOffice, '2026-10-25T10:00:00Z')).toEqual({ openNow: false, nextChangeAt: '2026-10-26T08:00:00.000Z' });
    expect(status(warsawOffice, '2026-10-26T08:30:00Z')).toEqual({ openNow: true, nextChangeAt: '2026-10-26T16:00:00.000Z' });
  });

  it('covers four real hours with Sunday 01:00–04:00 on the autumn-change day', () => {
    const night = hours(win('Europe/Warsaw', ['sun'], '01:00', '04:00'));
    // 01:00 CEST = 23:00Z the day before; 04:00 CET = 03:00Z.
    expect(status(night, '2026-10-24T22:59:00Z')).toEqual({ openNow: false, nextChangeAt: '2026-10-24T23:00:00.000Z' });
    const open = status(night, '2026-10-24T23:00:00Z');
    expect(open).toEqual({ openNow: true, nextChangeAt: '2026-10-25T03:00:00.000Z' });
    expect(Date.parse(open.nextChangeAt!) - Date.parse('2026-10-24T23:00:00Z')).toBe(4 * HOUR);
    // Inside the repeated hour (02:30 CET, the second time round) it is still open.
    expect(status(night, '2026-10-25T01:30:00Z')).toEqual({ openNow: true, nextChangeAt: '2026-10-25T03:00:00.000Z' });
  });

  it('starts an ambiguous (repeated) time at its first occurrence', () => {
    const window = hours(win('Europe/Warsaw', ['sun'], '02:30', '05:00'));
    // 02:30 CEST = 00:30Z; 05:00 CET = 04:00Z.
    expect(status(window, '2026-10-25T00:00:00Z')).toEqual({ openNow: false, nextChangeAt: '2026-10-25T00:30:00.000Z' });
    expect(status(window, '2026-10-25T00:30:00Z')).toEqual({ openNow: true, nextChangeAt: '2026-10-25T04:00:00.000Z' });
  });

  it('covers two real hours with Sunday 01:00–04:00 on the spring-change day', () => {
    const night = hours(win('Europe/Warsaw', ['sun'], '01:00', '04:00'));
    // 29 March 2026: 01:00 CET = 00:00Z; 04:00 CEST = 02:00Z.
    expect(status(night, '2026-03-29T00:00:00Z')).toEqual({ openNow: true, nextChangeAt: '2026-03-29T02:00:00.000Z' });
    // The week before (CET all night): 00:00Z–03:00Z.
    expect(status(night, '2026-03-22T00:00:00Z')).toEqual({ openNow: true, nextChangeAt: '2026-03-22T03:00:00.000Z' });
  });

  it('has no occurrence of a 02:00–03:00 window inside the spring gap', () => {
    const gap = hours(win('Europe/Warsaw', ['sun'], '02:00', '03:00'));
    // The Sunday before: 02:00–03:00 CET = 01:00–02:00Z.
    expect(status(gap, '2026-03-22T01:30:00Z')).toEqual({ openNow: true, nextChangeAt: '2026-03-22T02:00:00.000Z' });
    // On 29 March the hour does not exist: closed all day, next is 5 April 02:00 CEST = 00:00Z.
    expect(status(gap, '2026-03-28T12:00:00Z')).toEqual({ openNow: false, nextChangeAt: '2026-04-05T00:00:00.000Z' });
    expect(status(gap, '2026-03-29T00:59:00Z')).toEqual({ openNow: false, nextChangeAt: '2026-04-05T00:00:00.000Z' });
    expect(status(gap, '2026-03-29T01:00:00Z')).toEqual({ openNow: false, nextChangeAt: '2026-04-05T00:00:00.000Z' });
  });

  it('moves a start inside the spring gap to after it', () => {
    const window = hours(win('Europe/Warsaw', ['sun'], '02:30', '05:00'));
    // 02:30 does not exist on 29 March: it starts at 03:30 CEST = 01:30Z and ends at 05:00 CEST = 03:00Z.
    expect(status(window, '2026-03-29T01:00:00Z')).toEqual({ openNow: false, nextChangeAt: '2026-03-29T01:30:00.000Z' });
    expect(status(window, '2026-03-29T01:30:00Z')).toEqual({ openNow: true, nextChangeAt: '2026-03-29T03:00:00.000Z' });
  });

  it('follows the spring change for the weekday window', () => {
    // Friday 27 March (CET): 08:00–16:00Z; Monday 30 March (CEST): 07:00–15:00Z.
    expect(status(warsawOffice, '2026-03-27T15:00:00Z')).toEqual({ openNow: true, nextChangeAt: '2026-03-27T16:00:00.000Z' });
    expect(status(warsawOffice, '2026-03-29T10:00:00Z')).toEqual({ openNow: false, nextChangeAt: '2026-03-30T07:00:00.000Z' });
  });
});

describe('supportStatus: several windows', () => {
  it('joins a window ending 24:00 with the next day’s window starting 00:00', () => {
    const lateAndEarly = hours(win('Europe/Warsaw', ['mon'], '18:00', '24:00'), win('Europe/Warsaw', ['tue'], '00:00', '06:00'));
    // Monday 12 January 2026, 20:00 CET = 19:00Z: open until Tuesday 06:00 CET = 05:00Z.
    expect(status(lateAndEarly, '2026-01-12T19:00:00Z')).toEqual({ openNow: true, nextChangeAt: '2026-01-13T05:00:00.000Z' });
    expect(status(lateAndEarly, '2026-01-12T16:00:00Z')).toEqual({ openNow: false, nextChangeAt: '2026-01-12T17:00:00.000Z' });
  });

  it('joins overlapping windows', () => {
    const split = hours(win('Europe/Warsaw', WEEKDAYS, '09:00', '13:00'), win('Europe/Warsaw', WEEKDAYS, '12:00', '17:00'));
    expect(status(split, '2026-01-14T09:00:00Z')).toEqual({ openNow: true, nextChangeAt: '2026-01-14T16:00:00.000Z' });
  });

  it('keeps a lunch break between windows', () => {
    const lunch = hours(win('Europe/Warsaw', WEEKDAYS, '09:00', '12:00'), win('Europe/Warsaw', WEEKDAYS, '13:00', '17:00'));
    expect(status(lunch, '2026-01-14T10:00:00Z')).toEqual({ openNow: true, nextChangeAt: '2026-01-14T11:00:00.000Z' });
    expect(status(lunch, '2026-01-14T11:30:00Z')).toEqual({ openNow: false, nextChangeAt: '2026-01-14T12:00:00.000Z' });
  });

  it('combines windows of different zones', () => {
    // January: Warsaw 09–17 CET = 08–16Z; New York 09–17 EST = 14–22Z; together 08–22Z.
    const twoOffices = hours(win('Europe/Warsaw', WEEKDAYS, '09:00', '17:00'), win('America/New_York', WEEKDAYS, '09:00', '17:00'));
    expect(status(twoOffices, '2026-01-14T10:00:00Z')).toEqual({ openNow: true, nextChangeAt: '2026-01-14T22:00:00.000Z' });
    expect(status(twoOffices, '2026-01-14T21:59:00Z')).toEqual({ openNow: true, nextChangeAt: '2026-01-14T22:00:00.000Z' });
    expect(status(twoOffices, '2026-01-14T23:00:00Z')).toEqual({ openNow: false, nextChangeAt: '2026-01-15T08:00:00.000Z' });
    expect(status(twoOffices, '2026-01-16T22:00:00Z')).toEqual({ openNow: false, nextChangeAt: '2026-01-19T08:00:00.000Z' });
  });

  it('combines zones that change clocks on different dates', () => {
    // Week of 9 March 2026: New York is on EDT (UTC−4) since 8 March, Warsaw still on CET (UTC+1):
    // Warsaw 08–16Z, New York 13–21Z.
    const twoOffices = hours(win('Europe/Warsaw', WEEKDAYS, '09:00', '17:00'), win('America/New_York', WEEKDAYS, '09:00', '17:00'));
    expect(status(twoOffices, '2026-03-11T12:00:00Z')).toEqual({ openNow: true, nextChangeAt: '2026-03-11T21:00:00.000Z' });
  });

  it('reads each window’s days in its own zone (Asia/Tokyo vs America/New_York)', () => {
    // Tokyo Monday 09:00–17:00 JST = Monday 00:00–08:00Z = Sunday 19:00 – Monday 03:00 in New York (EST).
    const tokyoMonday = hours(win('Asia/Tokyo', ['mon'], '09:00', '17:00'));
    expect(status(tokyoMonday, '2026-01-18T23:30:00Z')).toEqual({ openNow: false, nextChangeAt: '2026-01-19T00:00:00.000Z' });
    expect(status(tokyoMonday, '2026-01-19T00:00:00Z')).toEqual({ openNow: true, nextChangeAt: '2026-01-19T08:00:00.000Z' });
    expect(status(tokyoMonday, '2026-01-19T08:00:00Z')).toEqual({ openNow: false, nextChangeAt: '2026-01-26T00:00:00.000Z' });

    // New York Friday 20:00–24:00 EST = Saturday 01:00–05:00Z = Saturday 10:00–14:00 in Tokyo.
    const newYorkFridayNight = hours(win('America/New_York', ['fri'], '20:00', '24:00'));
    expect(status(newYorkFridayNight, '2026-01-16T23:00:00Z')).toEqual({ openNow: false, nextChangeAt: '2026-01-17T01:00:00.000Z' });
    expect(status(newYorkFridayNight, '2026-01-17T02:00:00Z')).toEqual({ openNow: true, nextChangeAt: '2026-01-17T05:00:00.000Z' });
  });
});

describe('weekCoverage', () => {
  const weekdays = (spans: { from: number; to: number }[]) => [spans, spans, spans, spans, spans, [], []];

  it('lists seven days Monday first with their ISO dates', () => {
    const week = weekCoverage(warsawOffice, 'Europe/Warsaw', new Date('2026-01-14T12:00:00Z'));
    expect(week.map((d) => d.day)).toEqual(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']);
    expect(week.map((d) => d.date)).toEqual(['2026-01-12', '2026-01-13', '2026-01-14', '2026-01-15', '2026-01-16', '2026-01-17', '2026-01-18']);
    expect(week.map((d) => d.spans)).toEqual(weekdays([{ from: 540, to: 1020 }]));
  });

  it('takes the week of the instant in the viewer’s zone', () => {
    // Sunday 18 January 20:00Z is already Monday 19 January in Tokyo.
    const at = new Date('2026-01-18T20:00:00Z');
    expect(weekCoverage(null, 'Asia/Tokyo', at)[0]!.date).toBe('2026-01-19');
    expect(weekCoverage(null, 'America/New_York', at)[0]!.date).toBe('2026-01-12');
    // A Monday itself and a Sunday itself belong to their own week.
    expect(weekCoverage(null, 'UTC', new Date('2026-01-12T00:00:00Z'))[0]!.date).toBe('2026-01-12');
    expect(weekCoverage(null, 'UTC', new Date('2026-01-18T23:59:59Z'))[0]!.date).toBe('2026-01-12');
  });

  it('shows a Warsaw 09–17 window at 03:00–11:00 in New York in a normal winter week', () => {
    const week = weekCoverage(warsawOffice, 'America/New_York', new Date('2026-01-14T12:00:00Z'));
    expect(week.map((d) => d.spans)).toEqual(weekdays([{ from: 180, to: 660 }]));
  });

  it('shows it at 03:00–11:00 in a summer week too (both on daylight time)', () => {
    const week = weekCoverage(warsawOffice, 'America/New_York', new Date('2026-07-15T12:00:00Z'));
    expect(week.map((d) => d.spans)).toEqual(weekdays([{ from: 180, to: 660 }]));
  });

  it('shows it at 03:00–11:00 in the week ending on the Sunday Warsaw falls back', () => {
    const week = weekCoverage(warsawOffice, 'America/New_York', new Date('2026-10-21T12:00:00Z'));
    expect(week[0]!.date).toBe('2026-10-19');
    expect(week.map((d) => d.spans)).toEqual(weekdays([{ from: 180, to: 660 }]));
  });

  it('shows it at 04:00–12:00 in the week Warsaw is on CET and New York still on EDT', () => {
    const week = weekCoverage(warsawOffice, 'America/New_York', new Date('2026-10-28T12:00:00Z'));
    expect(week.map((d) => d.date)).toEqual(['2026-10-26', '2026-10-27', '2026-10-28', '2026-10-29', '2026-10-30', '2026-10-31', '2026-11-01']);
    expect(week.map((d) => d.spans)).toEqual(weekdays([{ from: 240, to: 720 }]));
  });

  it('shows it at 04:00–12:00 in the spring weeks New York changes first', () => {
    const week = weekCoverage(warsawOffice, 'America/New_York', new Date('2026-03-11T12:00:00Z'));
    expect(week[0]!.date).toBe('2026-03-09');
    expect(week.map((d) => d.spans)).toEqual(weekdays([{ from: 240, to: 720 }]));
  });

  it('shows it at 03:00–11:00 again once both are on daylight time', () => {
    const week = weekCoverage(warsawOffice, 'America/New_York', new Date('2026-04-01T12:00:00Z'));
    expect(week.map((d) => d.spans)).toEqual(weekdays([{ from: 180, to: 660 }]));
  });

  it('splits a window across the viewer’s midnight', () => {
    // Tokyo Monday 09:00–17:00 = Sunday 19:00 – Monday 03:00 in New York (EST).
    const week = weekCoverage(hours(win('Asia/Tokyo', ['mon'], '09:00', '17:00')), 'America/New_York', new Date('2026-01-14T12:00:00Z'));
    expect(week.map((d) => d.spans)).toEqual([[{ from: 0, to: 180 }], [], [], [], [], [], [{ from: 1140, to: 1440 }]]);
  });

  it('moves a window to the viewer’s next day', () => {
    // New York Friday 20:00–24:00 EST = Saturday 10:00–14:00 in Tokyo.
    const week = weekCoverage(hours(win('America/New_York', ['fri'], '20:00', '24:00')), 'Asia/Tokyo', new Date('2026-01-14T12:00:00Z'));
    expect(week.map((d) => d.spans)).toEqual([[], [], [], [], [], [{ from: 600, to: 840 }], []]);
  });

  it('shows one span per stretch, joined across windows', () => {
    const week = weekCoverage(
      hours(win('Europe/Warsaw', ['mon'], '09:00', '13:00'), win('Europe/Warsaw', ['mon'], '12:00', '17:00'), win('Europe/Warsaw', ['mon'], '18:00', '19:00')),
      'Europe/Warsaw',
      new Date('2026-01-14T12:00:00Z'),
    );
    expect(week[0]!.spans).toEqual([
      { from: 540, to: 1020 },
      { from: 1080, to: 1140 },
    ]);
  });

  it('gives full days for 24/7', () => {
    const week = weekCoverage({ alwaysOpen: true, windows: [] }, 'Asia/Tokyo', new Date('2026-01-14T12:00:00Z'));
    expect(week).toHaveLength(7);
    expect(week.map((d) => d.spans)).toEqual(Array.from({ length: 7 }, () => [{ from: 0, to: 1440 }]));
  });

  it('gives full days for every day 00:00–24:00, even on a 25-hour day', () => {
    const week = weekCoverage(hours(win('Europe/Warsaw', [...DAYS], '00:00', '24:00')), 'Europe/Warsaw', new Date('2026-10-21T12:00:00Z'));
    expect(week[6]!.date).toBe('2026-10-25');
    expect(week.map((d) => d.spans)).toEqual(Array.from({ length: 7 }, () => [{ from: 0, to: 1440 }]));
  });

  it('gives empty spans without hours', () => {
    const week = weekCoverage(null, 'Europe/Warsaw', new Date('2026-01-14T12:00:00Z'));
    expect(week.map((d) => d.day)).toEqual([...DAYS]);
    expect(week.map((d) => d.spans)).toEqual(Array.from({ length: 7 }, () => []));
    expect(weekCoverage(hours(), 'Europe/Warsaw', new Date('2026-01-14T12:00:00Z')).every((d) => d.spans.length === 0)).toBe(true);
  });
});

describe('weekCoverage on a day with a clock change', () => {
  it('draws spans in wall-clock minutes on the 25-hour day (Warsaw, 2026-10-25)', () => {
    const support = { alwaysOpen: false, windows: [{ timeZone: 'Europe/Warsaw', days: ['sun' as const], start: '10:00', end: '12:00' }] };
    const week = weekCoverage(support, 'Europe/Warsaw', new Date('2026-10-25T12:00:00Z'));
    expect(week.find((d) => d.day === 'sun')).toEqual({ day: 'sun', date: '2026-10-25', spans: [{ from: 600, to: 720 }] });
  });

  it('draws spans in wall-clock minutes on the 23-hour day (Warsaw, 2026-03-29)', () => {
    const support = { alwaysOpen: false, windows: [{ timeZone: 'Europe/Warsaw', days: ['sun' as const], start: '09:00', end: '17:00' }] };
    const week = weekCoverage(support, 'Europe/Warsaw', new Date('2026-03-29T12:00:00Z'));
    expect(week.find((d) => d.day === 'sun')).toEqual({ day: 'sun', date: '2026-03-29', spans: [{ from: 540, to: 1020 }] });
  });
});
