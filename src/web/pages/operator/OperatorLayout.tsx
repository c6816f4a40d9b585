import { FormattedMessage, useIntl } from 'react-intl';
import { Outlet } from 'react-router';
import { SectionNav } from '../../components/SectionNav';
import { useSignedInSession } from '../../session';
import { NotFoundPage } from '../NotFoundPage';
import { OPERATOR_SECTIONS } from './sections';

/** `/operator/*`: the console's navigation beside its pages; operators only. */
export function OperatorLayout() {
  const intl = useIntl();
  const session = useSignedInSession();
  if (!session.isOperator) return <NotFoundPage />;
  return (
    <div className="frame">
      <aside className="frame-sidebar">
        <p className="frame-context" aria-hidden="true">
          <FormattedMessage id="operator.console" defaultMessage="Operator console" />
        </p>
        <SectionNav
          base="/operator"
          sections={OPERATOR_SECTIONS}
          label={intl.formatMessage({ id: 'operator.console', defaultMessage: 'Operator console' })}
        />
      </aside>
      <main className="frame-main" id="main">
        <Outlet />
      </main>
    </div>
  );
}
