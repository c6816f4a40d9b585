import { useId, useMemo } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { OperationalSupport } from '../../../domain/contact-info';
import { weekCoverage } from '../../../domain/support-hours';
import { clock, dayName, weekOrder } from './supportFormat';

const TICKS = [0, 3, 6, 9, 12, 15, 18, 21, 24];

interface WeekPictureProps {
  /** The support hours to draw (only the complete, valid windows). */
  support: OperationalSupport | null;
  /** The viewer's IANA zone: the week is drawn in it. */
  viewerTimeZone: string;
  /** Whether some windows were left out because they are not complete yet. */
  incomplete?: boolean;
  headingLevel: 3 | 4;
}

/**
 * The support week as the viewer lives it: one strip per day (from the first day of the UI
 * language's week) in the viewer's
 * time zone, covered hours filled and gaps hatched, with hour ticks. The strips are drawn for
 * the eye; the same facts are in a list for screen readers.
 */
export function WeekPicture({ support, viewerTimeZone, incomplete, headingLevel }: WeekPictureProps) {
  const intl = useIntl();
  const headingId = useId();
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  const week = useMemo(() => {
    let monday;
    try {
      monday = weekCoverage(support, viewerTimeZone, new Date());
    } catch {
      monday = weekCoverage(support, 'UTC', new Date());
    }
    // Drawn from the first day of the UI language's week (Sunday in Hebrew).
    const order = weekOrder(intl.locale);
    return order.map((day) => monday.find((d) => d.day === day)!);
  }, [support, viewerTimeZone, intl.locale]);
  const todayIso = useMemo(() => {
    try {
      return new Intl.DateTimeFormat('en-CA', { timeZone: viewerTimeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
    } catch {
      return '';
    }
  }, [viewerTimeZone]);
  const anyCoverage = week.some((d) => d.spans.length > 0);
  const hours = (minutes: number) => intl.formatNumber(minutes / 60, { maximumFractionDigits: 1 });

  return (
    <section className="week-picture" aria-labelledby={headingId}>
      <div className="week-head">
        <Heading className="week-title" id={headingId}>
          <FormattedMessage id="support.week.title" defaultMessage="Your support week at a glance" />
        </Heading>
        <p className="week-zone">
          <FormattedMessage
            id="support.week.zoneNote"
            defaultMessage="Shown in your time zone, {zone}. Hatched hours have no support."
            values={{ zone: <strong>{viewerTimeZone}</strong> }}
          />
        </p>
      </div>
      {incomplete ? (
        <p className="field-description">
          <FormattedMessage id="support.week.incomplete" defaultMessage="Windows that are not filled in correctly yet are left out of the picture." />
        </p>
      ) : null}

      <div className="week-grid" aria-hidden="true">
        <div className="week-row week-scale">
          <span className="week-day" />
          <div className="week-ticks">
            {TICKS.map((hour) => (
              <span key={hour} className={`week-tick-label${hour === 24 ? ' is-last' : hour === 0 ? ' is-first' : ''}`} style={{ insetInlineStart: `${(hour / 24) * 100}%` }}>
                {String(hour).padStart(2, '0')}
              </span>
            ))}
          </div>
        </div>
        {week.map((day) => {
          const covered = day.spans.reduce((sum, s) => sum + (s.to - s.from), 0);
          return (
            <div key={day.day} className={`week-row${day.date === todayIso ? ' is-today' : ''}`}>
              <span className="week-day">{dayName(intl.locale, day.day)}</span>
              <div className="week-strip">
                {TICKS.slice(1, -1).map((hour) => (
                  <span key={hour} className="week-tick" style={{ insetInlineStart: `${(hour / 24) * 100}%` }} />
                ))}
                {day.spans.map((span) => (
                  <span
                    key={`${span.from}-${span.to}`}
                    className="week-span"
                    style={{ insetInlineStart: `${(span.from / 1440) * 100}%`, inlineSize: `${((span.to - span.from) / 1440) * 100}%` }}
                    title={`${clock(span.from)}–${clock(span.to)}`}
                  />
                ))}
              </div>
              <span className="week-total">{covered === 0 ? '—' : intl.formatMessage({ id: 'support.week.hours', defaultMessage: '{hours} h' }, { hours: hours(covered) })}</span>
            </div>
          );
        })}
      </div>

      <ul className="visually-hidden">
        {week.map((day) => (
          <li key={day.day}>
            {intl.formatMessage(
              { id: 'support.week.dayText', defaultMessage: '{day}: {hours}' },
              {
                day: dayName(intl.locale, day.day, 'long'),
                hours:
                  day.spans.length === 0
                    ? intl.formatMessage({ id: 'support.week.closed', defaultMessage: 'no support' })
                    : intl.formatList(day.spans.map((s) => `${clock(s.from)}–${clock(s.to)}`), { type: 'conjunction' }),
              },
            )}
          </li>
        ))}
      </ul>
      {!anyCoverage ? (
        <p className="field-description">
          <FormattedMessage id="support.week.empty" defaultMessage="No support hours yet: choose 24/7, a quick fill, or add a window." />
        </p>
      ) : null}
    </section>
  );
}
