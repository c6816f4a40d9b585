import { useEffect } from 'react';
import { useIntl } from 'react-intl';

/** Sets `document.title` to "<page> · Liaison" while the page is shown. */
export function useDocumentTitle(page: string | null | undefined): void {
  const intl = useIntl();
  const product = intl.formatMessage({ id: 'app.name', defaultMessage: 'Liaison' });
  useEffect(() => {
    document.title = page
      ? intl.formatMessage({ id: 'app.documentTitle', defaultMessage: '{page} · {product}' }, { page, product })
      : product;
  }, [intl, page, product]);
}
