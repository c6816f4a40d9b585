import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { DEFAULT_LOCALE, type Locale } from '../../domain/locales';
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

/** Every request gets a locale and translator from Accept-Language (auth refines it with the user's). */
export default fp(
  async function i18nPlugin(app: FastifyInstance) {
    app.decorateRequest('locale', DEFAULT_LOCALE);
    app.decorateRequest('localeFromHeader', false);
    app.decorateRequest('t', defaultTranslate);
    app.addHook('onRequest', async (request) => {
      const fromHeader = localeFromAcceptLanguage(request.headers['accept-language']);
      request.localeFromHeader = fromHeader !== undefined;
      request.locale = fromHeader ?? DEFAULT_LOCALE;
      request.t = translator(request.locale);
    });
  },
  { name: 'i18n' },
);
