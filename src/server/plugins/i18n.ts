import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { DEFAULT_LOCALE, SUPPORTED_LOCALES, type Locale } from '../../domain/locales';
import { localeFromAcceptLanguage, translator, type Translate } from '../../i18n';

declare module 'fastify' {
  interface FastifyRequest {
    locale: Locale;
    /** True when Accept-Language chose the locale (it then wins over the user's remembered one). */
    localeFromHeader: boolean;
    t: Translate;
  }
}

const defaultTranslate = translator(DEFAULT_LOCALE);
// One translator per locale, and each Accept-Language header negotiated once (browsers send a few distinct ones).
const translators = new Map<Locale, Translate>(SUPPORTED_LOCALES.map((locale) => [locale, translator(locale)]));
const negotiated = new Map<string, Locale | undefined>();
const NEGOTIATIONS_KEPT = 1000;

function localeOf(header: string | undefined): Locale | undefined {
  if (!header) return undefined;
  if (negotiated.has(header)) return negotiated.get(header);
  const locale = localeFromAcceptLanguage(header);
  if (negotiated.size >= NEGOTIATIONS_KEPT) negotiated.delete(negotiated.keys().next().value!);
  negotiated.set(header, locale);
  return locale;
}

/** Every request gets a locale and translator from Accept-Language (auth refines it with the user's). */
export default fp(
  async function i18nPlugin(app: FastifyInstance) {
    app.decorateRequest('locale', DEFAULT_LOCALE);
    app.decorateRequest('localeFromHeader', false);
    app.decorateRequest('t', defaultTranslate);
    app.addHook('onRequest', (request, _reply, done) => {
      const fromHeader = localeOf(request.headers['accept-language']);
      request.localeFromHeader = fromHeader !== undefined;
      request.locale = fromHeader ?? DEFAULT_LOCALE;
      request.t = translators.get(request.locale) ?? translator(request.locale);
      done();
    });
  },
  { name: 'i18n' },
);
