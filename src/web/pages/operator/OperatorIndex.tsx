import { Navigate, useSearchParams } from 'react-router';
import { parseEnvironment, withEnvironment } from '../../environment';

/** `/operator`: the Mailbox for now (the Accounts list takes this place in a later issue). */
export function OperatorIndex() {
  const [params] = useSearchParams();
  return <Navigate to={withEnvironment('/operator/mailbox', parseEnvironment(params.get('env')))} replace />;
}
