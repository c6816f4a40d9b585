import { Fragment, useId, type ReactNode } from 'react';
import { useIntl, type MessageDescriptor } from 'react-intl';
import { Route, useMatch } from 'react-router';
import { EnvNavLink } from '../environment';

/**
 * One entry of a frame's navigation (portal, operator console). The navigation and the routes
 * are both built from the same list, so a new page is one entry: `{key, label, path, element}`.
 * An entry with `children` and no `element` is a group ("Configuration" → its sub-pages).
 */
export interface Section {
  key: string;
  label: MessageDescriptor;
  /** Relative to the frame's base; '' is the frame's index page. */
  path?: string;
  element?: ReactNode;
  children?: Section[];
  /** Pages below the frame's base that also count as this entry (e.g. `accounts/*` for "Accounts"). */
  alsoActiveOn?: string;
}

function joinPath(base: string, path: string): string {
  return path ? `${base.replace(/\/$/, '')}/${path}` : base;
}

function NavItems({ base, sections }: { base: string; sections: readonly Section[] }) {
  return (
    <ul className="section-nav-list">
      {sections.map((section) =>
        section.children ? (
          <NavGroup key={section.key} base={base} section={section} />
        ) : (
          <li key={section.key}>
            <NavEntry base={base} section={section} />
          </li>
        ),
      )}
    </ul>
  );
}

function NavEntry({ base, section }: { base: string; section: Section }) {
  const intl = useIntl();
  // A pattern that matches nothing keeps the hook call unconditional.
  const related = useMatch(section.alsoActiveOn ? joinPath(base, section.alsoActiveOn) : '/\0');
  return (
    <EnvNavLink
      className={({ isActive }) => `section-nav-link${isActive || related ? ' active' : ''}`}
      to={joinPath(base, section.path ?? '')}
      end={!section.path}
    >
      {intl.formatMessage(section.label)}
    </EnvNavLink>
  );
}

function NavGroup({ base, section }: { base: string; section: Section }) {
  const intl = useIntl();
  const id = useId();
  return (
    <li className="section-nav-group">
      <span className="section-nav-group-label" id={id}>
        {intl.formatMessage(section.label)}
      </span>
      <div role="group" aria-labelledby={id}>
        <NavItems base={base} sections={section.children ?? []} />
      </div>
    </li>
  );
}

/** The navigation landmark of a frame. */
export function SectionNav({ base, sections, label }: { base: string; sections: readonly Section[]; label: string }) {
  return (
    <nav className="section-nav" aria-label={label}>
      <NavItems base={base} sections={sections} />
    </nav>
  );
}

/** The <Route> elements for a list of sections (nest them inside the frame's <Route>). */
export function sectionRoutes(sections: readonly Section[]): ReactNode {
  return sections.map((section) => (
    <Fragment key={section.key}>
      {section.element !== undefined ? (
        section.path ? <Route path={section.path} element={section.element} /> : <Route index element={section.element} />
      ) : null}
      {section.children ? sectionRoutes(section.children) : null}
    </Fragment>
  ));
}
