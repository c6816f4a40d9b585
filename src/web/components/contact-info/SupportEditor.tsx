import { useMemo, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Button, ToggleButton, ToggleButtonGroup, type Key } from 'react-aria-components';
import { DAYS, minutesOf, type Day, type OperationalSupport } from '../../../domain/contact-info';
import { isValidTimeZone } from '../../../domain/support-hours';
import { Checkbox } from '../Checkbox';
import { TextField } from '../TextField';
import { browserTimeZone, newWindow, type WindowDraft } from './draft';
import { useFormApi } from './FormContext';
import { TimeZonePicker } from './TimeZonePicker';
import { WeekPicture } from './WeekPicture';
import { dayName, formatWindow, weekOrder } from './supportFormat';

interface SupportEditorProps {
  alwaysOpen: boolean;
  windows: readonly WindowDraft[];
  onAlwaysOpenChange: (value: boolean) => void;
  onWindowChange: (index: number, patch: Partial<WindowDraft>) => void;
  onAddWindows: (windows: WindowDraft[]) => void;
  onRemoveWindow: (index: number) => void;
}

/** Only the windows that are complete and valid: what the week picture can draw. */
export function drawableSupport(alwaysOpen: boolean, windows: readonly WindowDraft[]): { support: OperationalSupport | null; leftOut: boolean } {
  const valid = windows.filter((w) => {
    const start = minutesOf(w.start, false);
    const end = minutesOf(w.end, true);
    return w.days.length > 0 && isValidTimeZone(w.timeZone) && start !== undefined && end !== undefined && start < end;
  });
  const support = alwaysOpen || valid.length > 0 ? { alwaysOpen, windows: valid.map(({ timeZone, days, start, end }) => ({ timeZone, days, start, end })) } : null;
  return { support, leftOut: !alwaysOpen && valid.length < windows.length };
}

/** "Operational support": 24/7 and/or weekly windows, each in its own time zone, and the week as a picture. */
export function SupportEditor({ alwaysOpen, windows, onAlwaysOpenChange, onWindowChange, onAddWindows, onRemoveWindow }: SupportEditorProps) {
  const intl = useIntl();
  const form = useFormApi();
  const [announcement, setAnnouncement] = useState('');
  const viewerZone = useMemo(browserTimeZone, []);
  const { support, leftOut } = useMemo(() => drawableSupport(alwaysOpen, windows), [alwaysOpen, windows]);
  /** New windows start in the zone of the last one (people mostly support from one place), else the browser's. */
  const zoneForNew = windows.at(-1)?.timeZone || viewerZone;

  const presets: { id: string; label: string; make: () => WindowDraft }[] = [
    {
      id: 'weekdays',
      label: intl.formatMessage({ id: 'support.preset.weekdays', defaultMessage: 'Weekdays 9:00–17:00' }),
      make: () => newWindow(zoneForNew, ['mon', 'tue', 'wed', 'thu', 'fri'], '09:00', '17:00'),
    },
    {
      id: 'everyDay',
      label: intl.formatMessage({ id: 'support.preset.everyDay', defaultMessage: 'Every day 8:00–20:00' }),
      make: () => newWindow(zoneForNew, [...DAYS], '08:00', '20:00'),
    },
  ];

  const addWindows = (added: WindowDraft[]) => {
    onAddWindows(added);
    setAnnouncement(
      intl.formatMessage(
        { id: 'support.added', defaultMessage: 'Added: {windows}.' },
        { windows: added.map((w) => formatWindow(intl, w)).join('; ') },
      ),
    );
  };

  return (
    <div className="stack support-editor">
      {form.readOnly ? (
        alwaysOpen ? (
          <p>
            <strong>
              <FormattedMessage id="support.alwaysOpen.readOnly" defaultMessage="24/7: support answers at any hour, every day." />
            </strong>
          </p>
        ) : null
      ) : (
        <div className="support-always">
          <Checkbox isSelected={alwaysOpen} onChange={onAlwaysOpenChange} aria-describedby={`${form.idOf('operationalSupport')}-always-hint`}>
            <FormattedMessage id="support.alwaysOpen" defaultMessage="24/7" />
          </Checkbox>
          <span className="field-description" id={`${form.idOf('operationalSupport')}-always-hint`}>
            <FormattedMessage id="support.alwaysOpen.hint" defaultMessage="Users can reach support at any hour, every day. Add windows too if some hours have more staff." />
          </span>
        </div>
      )}

      {form.readOnly ? null : (
        <div className="support-presets">
          <span className="support-presets-label" id={`${form.idOf('operationalSupport')}-presets`}>
            <FormattedMessage id="support.presets" defaultMessage="Quick fill, in {zone}:" values={{ zone: zoneForNew }} />
          </span>
          {presets.map((preset) => (
            <Button key={preset.id} className="button button-small" onPress={() => addWindows([preset.make()])}>
              {preset.label}
            </Button>
          ))}
        </div>
      )}

      {windows.length > 0 ? (
        <ol className="support-windows">
          {windows.map((window, index) => (
            <WindowEditor
              key={window.key}
              index={index}
              window={window}
              onChange={(patch) => onWindowChange(index, patch)}
              onRemove={() => onRemoveWindow(index)}
            />
          ))}
        </ol>
      ) : null}

      {form.readOnly ? null : (
        <div>
          <Button className="button button-small" id={`${form.idOf('operationalSupport')}-add`} onPress={() => addWindows([newWindow(zoneForNew)])}>
            <span aria-hidden="true">+</span>
            <FormattedMessage id="support.addWindow" defaultMessage="Add window" />
          </Button>
        </div>
      )}
      <p className="visually-hidden" role="status">
        {announcement}
      </p>

      <WeekPicture support={support} viewerTimeZone={viewerZone} incomplete={leftOut} headingLevel={form.headingLevel === 2 ? 3 : 4} />
    </div>
  );
}

function WindowEditor({ index, window, onChange, onRemove }: { index: number; window: WindowDraft; onChange: (patch: Partial<WindowDraft>) => void; onRemove: () => void }) {
  const intl = useIntl();
  const form = useFormApi();
  const number = index + 1;
  const place = (part: string) => `operationalSupport.windows.${index}.${part}`;
  const daysError = form.errorAt(place('days'));
  const daysLabelId = `${form.idOf(place('days'))}-label`;
  const daysErrorId = `${form.idOf(place('days'))}-error`;

  return (
    <li className="support-window">
      <div role="group" className="support-window-fields" aria-label={intl.formatMessage({ id: 'support.windowNumber', defaultMessage: 'Window {number}' }, { number })}>
        <div className="support-days" id={form.idOf(place('days'))}>
          <span className="field-label" id={daysLabelId}>
            <FormattedMessage id="support.days" defaultMessage="Days" />
          </span>
          <ToggleButtonGroup
            className={`day-toggles${daysError ? ' is-invalid' : ''}`}
            selectionMode="multiple"
            selectedKeys={window.days}
            isDisabled={form.readOnly}
            aria-labelledby={daysLabelId}
            aria-describedby={daysError ? daysErrorId : undefined}
            onSelectionChange={(keys: Set<Key>) => {
              onChange({ days: DAYS.filter((d) => keys.has(d)) });
              form.touch(place('days'));
            }}
          >
            {weekOrder(intl.locale).map((day: Day) => (
              <ToggleButton key={day} id={day} className="day-toggle" aria-label={dayName(intl.locale, day, 'long')}>
                {dayName(intl.locale, day)}
              </ToggleButton>
            ))}
          </ToggleButtonGroup>
          {daysError ? (
            <p className="field-error" id={daysErrorId}>
              {daysError}
            </p>
          ) : null}
        </div>
        <div className="support-time" id={form.idOf(place('start'))}>
          <TextField
            label={intl.formatMessage({ id: 'support.start', defaultMessage: 'Start' })}
            name={place('start')}
            value={window.start}
            placeholder="09:00"
            inputMode="numeric"
            autoComplete="off"
            size={6}
            isReadOnly={form.readOnly}
            onChange={(start) => onChange({ start })}
            onBlur={() => form.touch(place('start'))}
            description={form.readOnly ? undefined : intl.formatMessage({ id: 'support.time.hint', defaultMessage: 'HH:MM' })}
            error={form.errorAt(place('start'))}
          />
        </div>
        <div className="support-time" id={form.idOf(place('end'))}>
          <TextField
            label={intl.formatMessage({ id: 'support.end', defaultMessage: 'End' })}
            name={place('end')}
            value={window.end}
            placeholder="17:00"
            inputMode="numeric"
            autoComplete="off"
            size={6}
            isReadOnly={form.readOnly}
            onChange={(end) => onChange({ end })}
            onBlur={() => form.touch(place('end'))}
            description={form.readOnly ? undefined : intl.formatMessage({ id: 'support.end.hint', defaultMessage: 'HH:MM, up to 24:00' })}
            error={form.errorAt(place('end'))}
          />
        </div>
        <div className="support-zone" id={form.idOf(place('timeZone'))}>
          <TimeZonePicker
            label={intl.formatMessage({ id: 'support.timeZone', defaultMessage: 'Time zone' })}
            value={window.timeZone}
            locale={intl.locale}
            isReadOnly={form.readOnly}
            onChange={(timeZone) => {
              onChange({ timeZone });
              form.touch(place('timeZone'));
            }}
            onBlur={() => form.touch(place('timeZone'))}
            description={form.readOnly ? undefined : intl.formatMessage({ id: 'support.timeZone.hint', defaultMessage: 'Type a city, a region or the zone name to search' })}
            error={form.errorAt(place('timeZone'))}
          />
        </div>
        {form.readOnly ? null : (
          <div className="support-window-remove">
            <Button
              className="button button-small button-danger-quiet"
              aria-label={intl.formatMessage({ id: 'support.removeWindow.label', defaultMessage: 'Remove window {number}' }, { number })}
              onPress={onRemove}
            >
              <FormattedMessage id="support.removeWindow" defaultMessage="Remove" />
            </Button>
          </div>
        )}
      </div>
    </li>
  );
}
