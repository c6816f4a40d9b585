import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { DEFAULT_LOCALE, type Locale } from '../../domain/locales';
import { localeFromAcceptLanguage, translator, type Translate } from '../../i18n';

declare module 'fastify' {
  interface FastifyRequest {
    locale: Locale;
    t: Translate;
  }
}

const defaultTranslate = translator(DEFAULT_LOCALE);

/** Every request gets a locale and translator from Accept-Language (auth refines it with the user's). */
export default fp(
  async function i18nPlugin(app: FastifyInstance) {
    app.decorateRequest('locale', DEFAULT_LOCALE);
    app.decorateRequest('t', defaultTranslate);
    app.addHook('onRequest', async (request) => {
      const locale = localeFromAcceptLanguage(request.headers['accept-language']) ?? DEFAULT_LOCALE;
      request.locale = locale;
      request.t = translator(locale);
    });
  },
  { name: 'i18n' },
);
