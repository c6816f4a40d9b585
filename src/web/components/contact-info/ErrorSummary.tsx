import type { Ref } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { PlacedError } from './draft';
import { errorMessage, placeLabel } from './messages';

interface ErrorSummaryProps {
  errors: readonly PlacedError[];
  idOf: (place: string) => string;
  onPick: (place: string) => void;
  summaryRef: Ref<HTMLDivElement>;
}

/** "N things need fixing": every problem, each a link that moves focus to where it is. */
export function ErrorSummary({ errors, idOf, onPick, summaryRef }: ErrorSummaryProps) {
  const intl = useIntl();
  return (
    <div className="alert alert-error ci-summary" role="alert" tabIndex={-1} ref={summaryRef}>
      <p className="ci-summary-title">
        <strong>
          <FormattedMessage
            id="contactInfo.summary.title"
            defaultMessage="{count, plural, one {One thing needs fixing} other {# things need fixing}} before saving:"
            values={{ count: errors.length }}
          />
        </strong>
      </p>
      <ul className="ci-summary-list">
        {errors.map((error) => (
          <li key={error.place}>
            <a
              href={`#${idOf(error.place)}`}
              onClick={(event) => {
                event.preventDefault();
                onPick(error.place);
              }}
            >
              {placeLabel(intl, error.place)}
            </a>
            {': '}
            {errorMessage(intl, error)}
          </li>
        ))}
      </ul>
    </div>
  );
}
