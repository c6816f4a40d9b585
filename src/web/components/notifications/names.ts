import type { IntlShape } from 'react-intl';
import { defineMessages } from 'react-intl';
import { CATEGORIES, type Category } from '../../../domain/routing';
import { CATEGORY_NAMES } from '../../../i18n/names';
import type { Delivery } from '../../types';

export { CATEGORIES, CATEGORY_NAMES, type Category };

export const DELIVERY_STATUSES = ['queued', 'sent', 'retrying', 'failed'] as const;
export type DeliveryStatus = Delivery['status'];

export const STATUS_NAMES = defineMessages({
  queued: { id: 'delivery.status.queued', defaultMessage: 'Queued' },
  sent: { id: 'delivery.status.sent', defaultMessage: 'Sent' },
  retrying: { id: 'delivery.status.retrying', defaultMessage: 'Retrying' },
  failed: { id: 'delivery.status.failed', defaultMessage: 'Failed' },
});

export const STATUS_TONE: Record<DeliveryStatus, 'success' | 'warning' | 'danger' | 'neutral'> = {
  queued: 'neutral',
  sent: 'success',
  retrying: 'warning',
  failed: 'danger',
};

export function categoryLabel(intl: IntlShape, category: Category): string {
  return intl.formatMessage(CATEGORY_NAMES[category]);
}
