import { describe, expect, it } from 'vitest';
import type { Day, OperationalSupport } from '../../src/domain/contact-info';
import { supportStatus } from '../../src/domain/support-hours';
import { holidaysFromICalendar } from '../../src/commands/parts/ical-holidays';

const WEEKDAYS: Day[] = ['mon', 'tue', 'wed', 'thu', 'fri'];
const warsaw: OperationalSupport = { alwaysOpen: false, windows: [{ timeZone: 'Europe/Warsaw', days: WEEKDAYS, start: '09:00', end: '17:00' }] };

describe('support hours with holidays', () => {
  // Europe/Warsaw moves from UTC+1 to UTC+2 on Sunday 28 March 2027 at 02:00.
  it('skips a holiday right after the spring DST change: Friday evening → Tuesday 09:00 CEST (07:00 UTC)', () => {
    const fridayEvening = '2027-03-26T17:30:00Z'; // 18:30 CET
    expect(supportStatus(warsaw, fridayEvening)).toEqual({ openNow: false, nextChangeAt: '2027-03-29T07:00:00.000Z' });
    expect(supportStatus(warsaw, fridayEvening, new Set(['2027-03-29']))).toEqual({ openNow: false, nextChangeAt: '2027-03-30T07:00:00.000Z' });
  });

  it('is closed all day on a holiday, and the day before closes at 17:00 local as usual', () => {
    const holidays = new Set(['2027-10-29']); // Friday before the autumn change (31 October)
    expect(supportStatus(warsaw, '2027-10-28T10:00:00Z', holidays)).toEqual({ openNow: true, nextChangeAt: '2027-10-28T15:00:00.000Z' });
    expect(supportStatus(warsaw, '2027-10-29T10:00:00Z', holidays)).toEqual({ openNow: false, nextChangeAt: '2027-11-01T08:00:00.000Z' }); // Monday 09:00 CET
  });

  it('takes a holiday by the window\'s own date, not UTC', () => {
    const tokyo: OperationalSupport = { alwaysOpen: false, windows: [{ timeZone: 'Asia/Tokyo', days: WEEKDAYS, start: '09:00', end: '18:00' }] };
    // Monday 4 January 2027, 09:30 in Tokyo is Sunday 3 January 00:30 UTC.
    expect(supportStatus(tokyo, '2027-01-04T00:30:00Z')).toMatchObject({ openNow: true });
    expect(supportStatus(tokyo, '2027-01-04T00:30:00Z', new Set(['2027-01-03']))).toMatchObject({ openNow: true });
    expect(supportStatus(tokyo, '2027-01-04T00:30:00Z', new Set(['2027-01-04']))).toEqual({ openNow: false, nextChangeAt: '2027-01-05T00:00:00.000Z' });
  });

  it('finds the next opening after a long run of holidays, and none when every day ahead is closed', () => {
    const twoWeeks = new Set(Array.from({ length: 14 }, (_, i) => new Date(Date.UTC(2027, 11, 20 + i)).toISOString().slice(0, 10)));
    expect(supportStatus(warsaw, '2027-12-19T12:00:00Z', twoWeeks)).toEqual({ openNow: false, nextChangeAt: '2028-01-03T08:00:00.000Z' });
    const always = new Set(Array.from({ length: 60 }, (_, i) => new Date(Date.UTC(2027, 11, 1 + i)).toISOString().slice(0, 10)));
    expect(supportStatus(warsaw, '2027-12-01T12:00:00Z', always)).toEqual({ openNow: false, nextChangeAt: null });
  });

  it('leaves 24/7 support open', () => {
    expect(supportStatus({ alwaysOpen: true, windows: [] }, '2027-12-25T12:00:00Z', new Set(['2027-12-25']))).toEqual({ openNow: true, nextChangeAt: null });
  });
});

describe('holidays from an iCalendar file', () => {
  const ics = (events: string) => `BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n${events}END:VCALENDAR\r\n`;

  it('reads all-day events (end exclusive), timed events and yearly recurring ones', () => {
    const text = ics(
      'BEGIN:VEVENT\r\nUID:a\r\nDTSTART;VALUE=DATE:20271224\r\nDTEND;VALUE=DATE:20271227\r\nSUMMARY:Christmas\r\nEND:VEVENT\r\n' +
        'BEGIN:VEVENT\r\nUID:b\r\nDTSTART:20270611T080000Z\r\nDTEND:20270611T120000Z\r\nSUMMARY:Team day\r\nEND:VEVENT\r\n' +
        'BEGIN:VEVENT\r\nUID:c\r\nDTSTART;VALUE=DATE:20260501\r\nRRULE:FREQ=YEARLY\r\nSUMMARY:Labour Day\r\nEND:VEVENT\r\n',
    );
    const holidays = holidaysFromICalendar(text, new Date('2026-11-25T00:00:00Z'));
    expect(holidays).toEqual(
      expect.arrayContaining([
        { date: '2027-12-24', name: 'Christmas' },
        { date: '2027-12-25', name: 'Christmas' },
        { date: '2027-12-26', name: 'Christmas' },
        { date: '2027-06-11', name: 'Team day' },
        { date: '2027-05-01', name: 'Labour Day' },
        { date: '2028-05-01', name: 'Labour Day' },
      ]),
    );
    expect(holidays.map((h) => h.date)).not.toContain('2027-12-27');
    expect(holidays.map((h) => h.date)).not.toContain('2029-05-01');
  });

  it('refuses what is not an iCalendar file with validation_failed at ics', () => {
    for (const text of ['hello', 'BEGIN:VEVENT\r\nEND:VEVENT\r\n', '{"a":1}']) {
      expect(() => holidaysFromICalendar(text)).toThrow(expect.objectContaining({ code: 'validation_failed', details: [{ path: 'ics', code: 'invalid_value' }] }));
    }
  });
});
