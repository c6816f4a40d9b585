import type { ReactNode } from 'react';

/** A short status word in a coloured pill ("Active", "Incomplete"…). */
export function Badge({ tone, children }: { tone: 'success' | 'warning' | 'danger' | 'neutral'; children: ReactNode }) {
  return <span className={`badge badge-${tone}`}>{children}</span>;
}
