import { useIntl } from 'react-intl';
import { Button, Menu, MenuItem, MenuTrigger, Popover, type Key } from 'react-aria-components';
import type { Role } from '../../types';
import { isRole, roleOptions } from '../RoleName';

/** "Change role" of one person: a menu of the roles with the current one checked. */
export function RoleMenu({
  person,
  role,
  onChange,
  isDisabled,
  describedBy,
}: {
  person: string;
  role: Role;
  onChange: (role: Role) => void;
  /** Offered but not usable (the only admin), with the reason in `describedBy`. */
  isDisabled?: boolean;
  describedBy?: string;
}) {
  const intl = useIntl();
  const options = roleOptions(intl);
  return (
    <MenuTrigger>
      <Button
        className="button button-small"
        isDisabled={isDisabled}
        aria-describedby={describedBy}
        aria-label={intl.formatMessage({ id: 'users.changeRole.label', defaultMessage: 'Change role of {person}' }, { person })}
      >
        {intl.formatMessage({ id: 'users.changeRole', defaultMessage: 'Change role' })}
        <svg className="select-chevron" viewBox="0 0 12 12" aria-hidden="true" focusable="false">
          <path d="M2.5 4.5 6 8l3.5-3.5" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
      </Button>
      <Popover className="select-popover" placement="bottom end">
        <Menu
          className="select-listbox"
          items={options}
          selectionMode="single"
          selectedKeys={[role]}
          disallowEmptySelection
          onAction={(key: Key) => {
            const next = String(key);
            if (isRole(next) && next !== role) onChange(next);
          }}
        >
          {(option) => (
            <MenuItem className="select-option menu-option" id={option.id} textValue={option.label}>
              {({ isSelected }) => (
                <>
                  <span className="menu-check" aria-hidden="true">
                    {isSelected ? '✓' : ''}
                  </span>
                  {option.label}
                </>
              )}
            </MenuItem>
          )}
        </Menu>
      </Popover>
    </MenuTrigger>
  );
}
