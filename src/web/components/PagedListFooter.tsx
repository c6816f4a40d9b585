import type { ReactNode } from 'react';
import { Button } from 'react-aria-components';
import type { PagedList } from '../usePagedList';
import { classNames } from './classNames';
import { ErrorAlert } from './Feedback';

interface PagedListFooterProps<T> {
  list: PagedList<T>;
  /** The button's text ("Load more", worded for the list in some languages). */
  label: ReactNode;
  /** Of the button's wrapper (`load-more` spaces it from a list above). */
  className?: string;
  /** The button as wide as the list. */
  block?: boolean;
}

/** The end of a paged list: why the next page failed, and "Load more" while there is one. */
export function PagedListFooter<T>({ list, label, className, block }: PagedListFooterProps<T>) {
  return (
    <>
      {list.moreError ? <ErrorAlert error={list.moreError} /> : null}
      {list.status === 'ready' && list.nextCursor ? (
        <div className={className}>
          <Button className={classNames('button', block && 'button-block', list.loadingMore && 'is-busy')} onPress={() => void list.loadMore()}>
            {label}
          </Button>
        </div>
      ) : null}
    </>
  );
}
