import { z } from 'zod';

export const holiday = z.strictObject({
  date: z.string().max(10).describe('YYYY-MM-DD: support is closed that day (in each support window\'s own time zone)'),
  name: z.string().trim().max(100).optional().describe('e.g. "Christmas"'),
});

export const supportCalendar = z
  .strictObject({
    holdOutsideHours: z
      .boolean()
      .describe('Technical and merchant-issue notifications raised while support is closed wait until it opens (emergencies never wait)'),
    holidays: z.array(holiday).max(1000).describe('Dates support is closed (at most 400); openNow and nextChangeAt take them into account'),
  })
  .describe('SupportCalendar');

export const importHolidaysBody = z.strictObject({
  ics: z.string().min(1).max(200_000).describe('An iCalendar file (text/calendar): each event closes the dates it covers; recurring events are expanded for two years'),
});
