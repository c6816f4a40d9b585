/** The class attribute of the given names, skipping the unset ones: `classNames('button', busy && 'is-busy')`. */
export function classNames(...names: (string | false | null | undefined)[]): string {
  return names.filter(Boolean).join(' ');
}
