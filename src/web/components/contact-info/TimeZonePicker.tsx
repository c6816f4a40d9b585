import { useMemo, useRef, useState } from 'react';
import { Button, ComboBox, Input, Label, ListBox, ListBoxItem, Popover, type Key } from 'react-aria-components';
import { Chevron } from '../SelectField';
import { FieldNotes } from '../TextField';

interface ZoneOption {
  id: string;
  /** What is typed and shown in the input: the IANA name with spaces for underscores ("America/New York"). */
  text: string;
  /** The zone's name in the viewer's language, searchable too. */
  name: string;
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

const nameCache = new Map<string, string>();

/**
 * The zone's name in the viewer's language ("Central European Time", "שעון מרכז אירופה",
 * "czas środkowoeuropejski"), or '' where the browser has none beyond an offset.
 */
function localName(zone: string, locale: string): string {
  const key = `${locale}|${zone}`;
  let name = nameCache.get(key);
  if (name === undefined) {
    try {
      name =
        new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: 'longGeneric' }).formatToParts(new Date()).find((p) => p.type === 'timeZoneName')?.value ??
        '';
      // A bare offset ("GMT+03:00") says nothing the offset column does not.
      if (/^(GMT|UTC)([+−-]|$)/.test(name)) name = '';
    } catch {
      name = '';
    }
    nameCache.set(key, name);
  }
  return name;
}

/** Lower case, without accents: "Środkowoeuropejski" matches "srodkowo". */
function fold(text: string, locale: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase(locale).replaceAll('_', ' ');
}

/** What the input shows for a zone: "America/New York". */
function textOf(zone: string): string {
  return zone.replaceAll('_', ' ');
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

/** A searchable time-zone picker (React Aria ComboBox over the browser's IANA zones, each with its name in the viewer's language). */
export function TimeZonePicker({ label, value, onChange, onBlur, error, description, isReadOnly, locale, id }: TimeZonePickerProps) {
  const options = useMemo<ZoneOption[]>(() => {
    const zones = allZones();
    const list = value && !zones.includes(value) ? [value, ...zones] : zones;
    return list.map((zone) => ({ id: zone, text: textOf(zone), name: localName(zone, locale) }));
  }, [value, locale]);
  // Searching finds a zone by its IANA id or by its name in the viewer's language.
  const names = useMemo(() => new Map(options.map((o) => [o.text, o.name])), [options]);
  const filter = (text: string, input: string) => {
    const wanted = fold(input.trim(), locale);
    if (!wanted) return true;
    return fold(text, locale).includes(wanted) || fold(names.get(text) ?? '', locale).includes(wanted);
  };

  // The typed text is held here rather than inside the ComboBox. Opening the list scrolls the
  // chosen zone into view, and React Aria closes a list on any page scroll by putting the chosen
  // zone's text back: the search typed so far vanished under the person's fingers. While the
  // input has focus, what was typed stays (the list opens again); leaving the field reverts it.
  const input = useRef<HTMLInputElement>(null);
  const [inputValue, setInputValue] = useState(() => textOf(value));
  const [shownValue, setShownValue] = useState(value);
  if (value !== shownValue) {
    setShownValue(value);
    setInputValue(textOf(value));
  }

  return (
    <ComboBox<ZoneOption>
      className="combo-field"
      id={id}
      defaultItems={options}
      defaultFilter={filter}
      value={value || null}
      inputValue={inputValue}
      onInputChange={setInputValue}
      onChange={(key: Key | null) => {
        if (key !== null && String(key) !== value) {
          setInputValue(textOf(String(key)));
          onChange(String(key));
        } else if (document.activeElement !== input.current) {
          setInputValue(textOf(value));
        }
      }}
      onBlur={() => {
        setInputValue(textOf(value));
        onBlur?.();
      }}
      isReadOnly={isReadOnly}
      isInvalid={Boolean(error)}
      validationBehavior="aria"
      menuTrigger="input"
    >
      <Label className="field-label">{label}</Label>
      <div className="combo-control">
        <Input ref={input} className="field-input combo-input" />
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
              <span className="combo-option-name">
                {option.text}
                {option.name ? <span className="combo-option-local">{option.name}</span> : null}
              </span>
              <span className="combo-option-offset">{offsetOf(option.id, locale)}</span>
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </ComboBox>
  );
}
