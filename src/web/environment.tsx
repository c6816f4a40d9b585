import { forwardRef, useCallback } from 'react';
import { Link, NavLink, useNavigate, useSearchParams, type LinkProps, type NavigateOptions, type NavLinkProps } from 'react-router';

/**
 * The Production / Sandbox switch lives in the URL (`?env=sandbox`; production = no parameter),
 * so a page can be bookmarked and shared in either environment. Links and navigations inside
 * the portal go through the helpers below to keep it.
 */
export const ENVIRONMENTS = ['production', 'sandbox'] as const;
export type Environment = (typeof ENVIRONMENTS)[number];

export function parseEnvironment(value: string | null): Environment {
  return value === 'sandbox' ? 'sandbox' : 'production';
}

export function useEnvironment(): [Environment, (next: Environment) => void] {
  const [params, setParams] = useSearchParams();
  const env = parseEnvironment(params.get('env'));
  const setEnv = useCallback(
    (next: Environment) => {
      setParams((current) => {
        const updated = new URLSearchParams(current);
        if (next === 'sandbox') updated.set('env', 'sandbox');
        else updated.delete('env');
        return updated;
      });
    },
    [setParams],
  );
  return [env, setEnv];
}

/** `to` with `env=sandbox` added when the sandbox is selected (and any existing env replaced). */
export function withEnvironment(to: string, env: Environment): string {
  const hashIndex = to.indexOf('#');
  const hash = hashIndex >= 0 ? to.slice(hashIndex) : '';
  const beforeHash = hashIndex >= 0 ? to.slice(0, hashIndex) : to;
  const queryIndex = beforeHash.indexOf('?');
  const pathname = queryIndex >= 0 ? beforeHash.slice(0, queryIndex) : beforeHash;
  const params = new URLSearchParams(queryIndex >= 0 ? beforeHash.slice(queryIndex + 1) : '');
  if (env === 'sandbox') params.set('env', 'sandbox');
  else params.delete('env');
  const search = params.toString();
  return `${pathname}${search ? `?${search}` : ''}${hash}`;
}

/** navigate() that keeps the current environment. */
export function useEnvNavigate(): (to: string, options?: NavigateOptions) => void {
  const navigate = useNavigate();
  const [env] = useEnvironment();
  return useCallback((to: string, options?: NavigateOptions) => navigate(withEnvironment(to, env), options), [navigate, env]);
}

type EnvNavLinkProps = Omit<NavLinkProps, 'to'> & { to: string };

/** A NavLink that keeps the current environment. */
export const EnvNavLink = forwardRef<HTMLAnchorElement, EnvNavLinkProps>(function EnvNavLink({ to, ...rest }, ref) {
  const [env] = useEnvironment();
  return <NavLink ref={ref} to={withEnvironment(to, env)} {...rest} />;
});

type EnvLinkProps = Omit<LinkProps, 'to'> & { to: string };

/** A Link that keeps the current environment. */
export const EnvLink = forwardRef<HTMLAnchorElement, EnvLinkProps>(function EnvLink({ to, ...rest }, ref) {
  const [env] = useEnvironment();
  return <Link ref={ref} to={withEnvironment(to, env)} {...rest} />;
});
