import { useMemo } from 'react';
import { Button, ComboBox, Input, Label, ListBox, ListBoxItem, Popover, type Key } from 'react-aria-components';
import { Chevron } from '../SelectField';
import { FieldNotes } from '../TextField';

interface ZoneOption {
  id: string;
  /** What is typed and shown in the input: the IANA name with spaces for underscores ("America/New York"). */
  text: string;
}

let zoneList: string[] | null = null;

/** Every IANA zone the browser knows, sorted (once per page load). */
function allZones(): string[] {
  if (!zoneList) {
    let zones: string[] = [];
    try {
      zones = (Intl as unknown as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf?.('timeZone') ?? [];
    } catch {
      zones = [];
    }
    zoneList = [...new Set(['UTC', ...zones])].sort((a, b) => a.localeCompare(b));
  }
  return zoneList;
}

const offsetCache = new Map<string, string>();

/** "GMT+02:00" for a zone, now (shown beside each name; DST moves it, the name is what counts). */
function offsetOf(zone: string, locale: string): string {
  const key = `${locale}|${zone}`;
  let offset = offsetCache.get(key);
  if (offset === undefined) {
    try {
      offset =
        new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: 'longOffset' }).formatToParts(new Date()).find((p) => p.type === 'timeZoneName')?.value ?? '';
    } catch {
      offset = '';
    }
    offsetCache.set(key, offset);
  }
  return offset;
}

interface TimeZonePickerProps {
  label: string;
  value: string;
  onChange: (zone: string) => void;
  onBlur?: () => void;
  error?: string | null;
  description?: string;
  isReadOnly?: boolean;
  locale: string;
  id?: string;
}

/** A searchable time-zone picker (React Aria ComboBox over the browser's IANA zones). */
export function TimeZonePicker({ label, value, onChange, onBlur, error, description, isReadOnly, locale, id }: TimeZonePickerProps) {
  const options = useMemo<ZoneOption[]>(() => {
    const zones = allZones();
    const list = value && !zones.includes(value) ? [value, ...zones] : zones;
    return list.map((zone) => ({ id: zone, text: zone.replaceAll('_', ' ') }));
  }, [value]);

  return (
    <ComboBox<ZoneOption>
      className="combo-field"
      id={id}
      defaultItems={options}
      value={value || null}
      onChange={(key: Key | null) => {
        if (key !== null) onChange(String(key));
      }}
      onBlur={onBlur}
      isReadOnly={isReadOnly}
      isInvalid={Boolean(error)}
      validationBehavior="aria"
      menuTrigger="input"
    >
      <Label className="field-label">{label}</Label>
      <div className="combo-control">
        <Input className="field-input combo-input" />
        {isReadOnly ? null : (
          <Button className="combo-button">
            <Chevron />
          </Button>
        )}
      </div>
      <FieldNotes description={description} error={error} />
      <Popover className="select-popover combo-popover" placement="bottom start">
        <ListBox<ZoneOption> className="select-listbox" renderEmptyState={() => <span className="combo-empty">—</span>}>
          {(option) => (
            <ListBoxItem className="select-option combo-option" id={option.id} textValue={option.text}>
              <span className="combo-option-name">{option.text}</span>
              <span className="combo-option-offset">{offsetOf(option.id, locale)}</span>
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </ComboBox>
  );
}
