import { useCallback, useEffect, useId, useState, type ChangeEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Button } from 'react-aria-components';
import { ApiError, api } from '../../api';
import { paths } from '../../apiPaths';
import { Checkbox } from '../../components/Checkbox';
import { useDocumentTitle } from '../../components/DocumentTitle';
import { ErrorAlert, LoadFailed, Loading, errorText } from '../../components/Feedback';
import { TextField } from '../../components/TextField';
import { useCan } from '../../permissions';
import type { SupportCalendarView } from '../../types';
import { useAccount } from './AccountContext';
import { ConfigurationHeading } from './ConfigurationHeading';

type Row = { key: number; date: string; name: string };

/**
 * `/accounts/{id}/configuration/business-hours`: holidays (typed or imported from an iCalendar
 * file) and whether technical and merchant-issue notifications wait for support to open.
 */
export function BusinessHoursPage() {
  const intl = useIntl();
  const { accountId, membership } = useAccount();
  const canEdit = useCan(accountId)('contactInfo.write');
  const holidaysId = useId();
  useDocumentTitle(intl.formatMessage({ id: 'hours.documentTitle', defaultMessage: 'Business hours: {account}' }, { account: membership.accountName }));

  const [loaded, setLoaded] = useState(false);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [hold, setHold] = useState(false);
  const [rows, setRows] = useState<Row[]>([]);
  const [nextKey, setNextKey] = useState(0);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [rowErrors, setRowErrors] = useState<Record<number, string>>({});
  const [announcement, setAnnouncement] = useState('');

  const show = useCallback((calendar: SupportCalendarView) => {
    setHold(calendar.holdOutsideHours);
    setRows(calendar.holidays.map((h, index) => ({ key: index, date: h.date, name: h.name ?? '' })));
    setNextKey(calendar.holidays.length);
    setRowErrors({});
  }, []);

  const load = useCallback(async () => {
    try {
      setLoadError(null);
      show(await api<SupportCalendarView>(paths.supportCalendar(accountId)));
      setLoaded(true);
    } catch (failure) {
      setLoadError(failure);
    }
  }, [accountId, show]);
  useEffect(() => void load(), [load]);

  /** A failed save: each detail next to its row (holidays.N.date), the rest above the button. */
  const failed = (failure: unknown, order: Row[]) => {
    if (failure instanceof ApiError && failure.details.length > 0) {
      const byRow: Record<number, string> = {};
      for (const detail of failure.details) {
        const index = Number(/^holidays\.(\d+)/.exec(detail.path)?.[1] ?? NaN);
        const row = order[index];
        if (row) byRow[row.key] ??= detail.message;
      }
      setRowErrors(byRow);
      setError(Object.keys(byRow).length > 0 ? null : errorText(intl, failure));
    } else {
      setError(errorText(intl, failure));
    }
  };

  const save = async () => {
    setPending(true);
    setError(null);
    setRowErrors({});
    const order = rows.filter((row) => row.date || row.name);
    try {
      const body: SupportCalendarView = { holdOutsideHours: hold, holidays: order.map((row) => ({ date: row.date, ...(row.name.trim() ? { name: row.name.trim() } : {}) })) };
      show(await api<SupportCalendarView>(paths.supportCalendar(accountId), { method: 'PUT', body }));
      setAnnouncement(intl.formatMessage({ id: 'hours.saved', defaultMessage: 'Saved.' }));
    } catch (failure) {
      failed(failure, order);
    } finally {
      setPending(false);
    }
  };

  const importFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setError(null);
    try {
      const calendar = await api<SupportCalendarView>(paths.importHolidays(accountId), { method: 'POST', body: { ics: await file.text() } });
      show(calendar);
      setAnnouncement(intl.formatMessage({ id: 'hours.imported', defaultMessage: 'Imported: {count, plural, one {# holiday} other {# holidays}} listed now.' }, { count: calendar.holidays.length }));
    } catch (failure) {
      setError(errorText(intl, failure));
    }
  };

  const update = (key: number, change: Partial<Row>) => setRows((all) => all.map((row) => (row.key === key ? { ...row, ...change } : row)));

  return (
    <>
      <ConfigurationHeading
        title={<FormattedMessage id="hours.title" defaultMessage="Business hours" />}
        description={intl.formatMessage({
          id: 'hours.description',
          defaultMessage: 'Holidays close operational support on their dates, in each support window\'s own time zone. Technical and merchant-issue notifications can wait until support opens; emergency notifications never wait.',
        })}
      />
      {loadError ? <LoadFailed error={loadError} onRetry={load} /> : null}
      {!loaded && !loadError ? <Loading /> : null}
      {loaded ? (
        <section className="panel" aria-labelledby={holidaysId}>
          <Checkbox isSelected={hold} onChange={setHold} isDisabled={!canEdit}>
            {intl.formatMessage({ id: 'hours.hold', defaultMessage: 'Hold technical and merchant-issue notifications until support opens' })}
          </Checkbox>
          <h2 className="panel-title" id={holidaysId}>
            <FormattedMessage id="hours.holidays" defaultMessage="Holidays" />
          </h2>
          {rows.length === 0 ? (
            <p className="muted">
              <FormattedMessage id="hours.holidays.empty" defaultMessage="No holidays listed." />
            </p>
          ) : null}
          <ul className="holiday-list">
            {rows.map((row, index) => (
              <li key={row.key} className="form-row">
                <TextField
                  name={`holiday-${row.key}-date`}
                  type="date"
                  label={intl.formatMessage({ id: 'hours.holiday.date', defaultMessage: 'Date of holiday {number}' }, { number: index + 1 })}
                  value={row.date}
                  onChange={(date) => update(row.key, { date })}
                  isReadOnly={!canEdit}
                  error={rowErrors[row.key]}
                />
                <div className="form-row-grow">
                  <TextField
                    name={`holiday-${row.key}-name`}
                    label={intl.formatMessage({ id: 'hours.holiday.name', defaultMessage: 'Name of holiday {number}' }, { number: index + 1 })}
                    value={row.name}
                    onChange={(name) => update(row.key, { name })}
                    isReadOnly={!canEdit}
                  />
                </div>
                {canEdit ? (
                  <Button className="button button-small button-danger-quiet form-row-button" onPress={() => setRows((all) => all.filter((r) => r.key !== row.key))}>
                    {intl.formatMessage({ id: 'hours.holiday.remove', defaultMessage: 'Remove holiday {number}' }, { number: index + 1 })}
                  </Button>
                ) : null}
              </li>
            ))}
          </ul>
          {canEdit ? (
            <div className="row-actions row-actions-start">
              <Button
                className="button"
                onPress={() => {
                  setRows((all) => [...all, { key: nextKey, date: '', name: '' }]);
                  setNextKey((n) => n + 1);
                }}
              >
                {intl.formatMessage({ id: 'hours.holiday.add', defaultMessage: 'Add holiday' })}
              </Button>
              <label className="button">
                {intl.formatMessage({ id: 'hours.import', defaultMessage: 'Import iCalendar file' })}
                <input className="visually-hidden" type="file" accept=".ics,text/calendar" onChange={(event) => void importFile(event)} />
              </label>
            </div>
          ) : null}
          <p className="status-message" role="status">
            {announcement}
          </p>
          {error ? <ErrorAlert>{error}</ErrorAlert> : null}
          {canEdit ? (
            <Button className={`button button-primary${pending ? ' is-busy' : ''}`} isDisabled={pending} onPress={() => void save()}>
              {intl.formatMessage({ id: 'hours.save', defaultMessage: 'Save' })}
            </Button>
          ) : null}
        </section>
      ) : null}
    </>
  );
}
