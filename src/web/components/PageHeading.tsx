import type { ReactNode } from 'react';

interface PageHeadingProps {
  /** Above the title: the section or kind of page. */
  eyebrow?: ReactNode;
  title: ReactNode;
  description?: ReactNode;
  /** Buttons for the whole page, beside the title. */
  actions?: ReactNode;
}

/** The top of a page: its h1, what it is for, and its own buttons. */
export function PageHeading({ eyebrow, title, description, actions }: PageHeadingProps) {
  const text = (
    <>
      {eyebrow ? <p className="page-eyebrow">{eyebrow}</p> : null}
      <h1>{title}</h1>
      {description ? <p className="page-description">{description}</p> : null}
    </>
  );
  if (!actions) return <div className="page-heading">{text}</div>;
  return (
    <div className="page-heading page-heading-row">
      <div>{text}</div>
      <div className="toolbar">{actions}</div>
    </div>
  );
}
