import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { IntlProvider, ReactIntlErrorCode, type IntlConfig } from 'react-intl';
import { I18nProvider } from 'react-aria-components';
import { setApiLocale } from '../api';
import { DEFAULT_LOCALE, bestLocale, isSupportedLocale, loadMessages, textDirection, type Locale, type Messages } from './locales';

const STORAGE_KEY = 'liaison.locale';

interface LocaleContextValue {
  locale: Locale;
  dir: 'ltr' | 'rtl';
  /** An explicit choice from a language picker: applied and remembered in this browser. */
  chooseLocale: (locale: Locale) => void;
  /**
   * At sign-in: a language chosen in this browser wins (and is returned, so the caller can
   * remember it on the user); otherwise the user's remembered language is applied.
   */
  adoptUserLocale: (locale: string | null | undefined) => Locale | undefined;
}

const LocaleContext = createContext<LocaleContextValue | null>(null);

function storedLocale(): Locale | undefined {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return isSupportedLocale(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

function rememberLocale(locale: Locale): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Storage disabled: the choice lasts for this page only.
  }
}

function initialLocale(): Locale {
  return storedLocale() ?? bestLocale(navigator.languages ?? [navigator.language]) ?? DEFAULT_LOCALE;
}

const onIntlError: NonNullable<IntlConfig['onError']> = (error) => {
  // English falls back to each message's defaultMessage; other gaps are worth a console line.
  if (error.code === ReactIntlErrorCode.MISSING_TRANSLATION) return;
  console.error(error);
};

export function LocaleProvider({ children }: { children: ReactNode }) {
  const [locale, setLocale] = useState<Locale>(initialLocale);
  const [catalog, setCatalog] = useState<{ locale: Locale; messages: Messages } | null>(null);

  // Load the catalog for the wanted locale; keep showing the previous one until it arrives.
  useEffect(() => {
    let cancelled = false;
    loadMessages(locale)
      .catch((error: unknown) => {
        console.error(error);
        return {} as Messages;
      })
      .then((messages) => {
        if (!cancelled) setCatalog({ locale, messages });
      });
    return () => {
      cancelled = true;
    };
  }, [locale]);

  const shown = catalog?.locale ?? locale;
  const dir = textDirection(shown);

  useEffect(() => {
    document.documentElement.lang = shown;
    document.documentElement.dir = dir;
    setApiLocale(shown);
  }, [shown, dir]);

  const chooseLocale = useCallback((next: Locale) => {
    rememberLocale(next);
    setLocale(next);
  }, []);

  const adoptUserLocale = useCallback((userLocale: string | null | undefined) => {
    const chosen = storedLocale();
    if (chosen) {
      setLocale(chosen);
      return chosen === userLocale ? undefined : chosen;
    }
    const next = bestLocale([userLocale]);
    if (next) setLocale(next);
    return undefined;
  }, []);

  const value = useMemo(() => ({ locale: shown, dir, chooseLocale, adoptUserLocale }), [shown, dir, chooseLocale, adoptUserLocale]);

  if (!catalog) return null;
  return (
    <LocaleContext.Provider value={value}>
      <IntlProvider locale={catalog.locale} defaultLocale={DEFAULT_LOCALE} messages={catalog.messages} onError={onIntlError}>
        <I18nProvider locale={catalog.locale}>{children}</I18nProvider>
      </IntlProvider>
    </LocaleContext.Provider>
  );
}

export function useLocale(): LocaleContextValue {
  const value = useContext(LocaleContext);
  if (!value) throw new Error('useLocale must be used inside <LocaleProvider>');
  return value;
}
