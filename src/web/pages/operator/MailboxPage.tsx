import { useState, type ReactNode } from 'react';
import { FormattedMessage, useIntl, type IntlShape } from 'react-intl';
import { Button, ListBox, ListBoxItem, Text, type Selection } from 'react-aria-components';
import { api } from '../../api';
import { paths } from '../../apiPaths';
import { useDocumentTitle } from '../../components/DocumentTitle';
import { ErrorAlert, Loading } from '../../components/Feedback';
import { PageHeading } from '../../components/PageHeading';
import { PagedListFooter } from '../../components/PagedListFooter';
import type { MailboxMessage, MailboxPage as MailboxList } from '../../types';
import { usePagedList } from '../../usePagedList';

const PAGE_SIZE = 50;

function fetchMailbox(cursor?: string): Promise<MailboxList> {
  return api<MailboxList>(paths.mailbox({ limit: PAGE_SIZE, cursor }));
}

/** Newest first; keeps the first copy of a message that appears on two pages. */
function mergeMessages(current: readonly MailboxMessage[], more: readonly MailboxMessage[]): MailboxMessage[] {
  const seen = new Set<string>();
  const merged: MailboxMessage[] = [];
  for (const message of [...current, ...more]) {
    if (seen.has(message.id)) continue;
    seen.add(message.id);
    merged.push(message);
  }
  return merged.sort((a, b) => Date.parse(b.receivedAt) - Date.parse(a.receivedAt));
}

function subjectOf(intl: IntlShape, message: MailboxMessage): string {
  return message.subject.trim() || intl.formatMessage({ id: 'mailbox.noSubject', defaultMessage: '(no subject)' });
}

function recipientsOf(intl: IntlShape, message: MailboxMessage): string {
  return intl.formatList(message.to, { type: 'unit', style: 'short' });
}

/**
 * The direction and language an email is written in: its HTML part's `<html dir lang>` when it
 * says so, else the first strong letter of its text (Hebrew or Arabic: right to left).
 */
export function emailDirection(message: Pick<MailboxMessage, 'html' | 'text' | 'subject'>): { dir: 'ltr' | 'rtl'; lang: string | undefined } {
  const root = message.html ? /<html\b([^>]*)>/i.exec(message.html)?.[1] ?? '' : '';
  const declaredDir = /\bdir\s*=\s*["']?(ltr|rtl)/i.exec(root)?.[1]?.toLowerCase();
  const lang = /\blang\s*=\s*["']?([A-Za-z]{2,3}(?:-[A-Za-z0-9]+)*)/i.exec(root)?.[1];
  if (declaredDir === 'ltr' || declaredDir === 'rtl') return { dir: declaredDir, lang };
  const firstStrong = /[A-Za-z\u00C0-\u024F\u0370-\u03FF\u0400-\u04FF\u0590-\u05FF\u0600-\u06FF]/.exec(`${message.text} ${message.subject}`)?.[0] ?? 'a';
  return { dir: /[\u0590-\u06FF]/.test(firstStrong) ? 'rtl' : 'ltr', lang };
}

/** The HTML part with its direction and language on its root, so the frame lays it out as the email says. */
function withDirection(html: string, dir: 'ltr' | 'rtl', lang: string | undefined): string {
  if (/<html\b[^>]*\bdir\s*=/i.test(html)) return html;
  const attributes = `dir="${dir}"${lang ? ` lang="${lang}"` : ''}`;
  if (/<html\b/i.test(html)) return html.replace(/<html\b/i, `<html ${attributes}`);
  return `<!doctype html><html ${attributes}><body>${html}</body></html>`;
}

/** Plain text with its http(s) links made clickable (invitation links, mostly). */
function linkify(text: string): ReactNode[] {
  return text.split(/(https?:\/\/[^\s<>"']+)/g).map((part, index) =>
    index % 2 === 1 ? (
      <a key={index} href={part}>
        {part}
      </a>
    ) : (
      part
    ),
  );
}

/** `/operator/mailbox`: the embedded mail catcher's messages, list beside detail. */
export function MailboxPage() {
  const intl = useIntl();
  useDocumentTitle(intl.formatMessage({ id: 'mailbox.title', defaultMessage: 'Mailbox' }));

  const [selectedId, setSelectedId] = useState<string | null>(null);
  const list = usePagedList<MailboxMessage>(fetchMailbox, [], {
    merge: mergeMessages,
    // A fresh list keeps the selected message if it is still there, else selects the newest.
    onFirstPage: (items) => setSelectedId((selected) => (selected && items.some((m) => m.id === selected) ? selected : (items[0]?.id ?? null))),
  });
  const { items: messages, refresh } = list;

  const [refreshing, setRefreshing] = useState(false);
  const onRefresh = async () => {
    setRefreshing(true);
    await refresh();
    setRefreshing(false);
  };

  const selected = messages.find((m) => m.id === selectedId) ?? null;

  return (
    <>
      <PageHeading
        title={<FormattedMessage id="mailbox.title" defaultMessage="Mailbox" />}
        description={
          <FormattedMessage
            id="mailbox.description"
            defaultMessage="Without an SMTP server, Liaison keeps every email it sends here instead of delivering it."
          />
        }
        actions={
          <Button className="button" isPending={refreshing} onPress={() => void onRefresh()}>
            {intl.formatMessage({ id: 'mailbox.refresh', defaultMessage: 'Refresh' })}
          </Button>
        }
      />

      {list.status === 'error' ? <ErrorAlert error={list.error} /> : null}
      {list.status === 'loading' ? <Loading /> : null}

      {list.status === 'ready' && messages.length === 0 ? (
        <div className="empty-state">
          <h2>
            <FormattedMessage id="mailbox.empty.title" defaultMessage="No messages yet" />
          </h2>
          <p>
            <FormattedMessage
              id="mailbox.empty.body"
              defaultMessage="Invitations, notifications and other emails will appear here as soon as Liaison sends them. Use Refresh to check again."
            />
          </p>
        </div>
      ) : null}

      {messages.length > 0 ? (
        <div className="mailbox">
          <section className="mailbox-list" aria-labelledby="mailbox-list-heading">
            <h2 className="section-title" id="mailbox-list-heading">
              <FormattedMessage
                id="mailbox.list.heading"
                defaultMessage="{count, plural, one {# message} other {# messages}}"
                values={{ count: messages.length }}
              />
            </h2>
            <ListBox
              className="message-list"
              aria-labelledby="mailbox-list-heading"
              items={messages}
              selectionMode="single"
              selectionBehavior="replace"
              disallowEmptySelection
              selectedKeys={selectedId ? [selectedId] : []}
              // Dates and "(no subject)" are worded in the UI language: drawn again when it changes.
              dependencies={[intl.locale]}
              onSelectionChange={(keys: Selection) => {
                if (keys === 'all') return;
                const [first] = keys;
                if (first !== undefined) setSelectedId(String(first));
              }}
            >
              {(message) => (
                <ListBoxItem className="message-item" id={message.id} textValue={subjectOf(intl, message)}>
                  {/* dir="auto": a subject or address in the other direction keeps its own order, and its start stays visible. */}
                  <Text slot="label" className="message-subject" dir="auto">
                    {subjectOf(intl, message)}
                  </Text>
                  <Text slot="description" className="message-meta">
                    <span className="message-to" dir="auto">
                      {recipientsOf(intl, message)}
                    </span>
                    <time className="message-time" dateTime={message.receivedAt}>
                      {intl.formatDate(message.receivedAt, { dateStyle: 'medium', timeStyle: 'short' })}
                    </time>
                  </Text>
                </ListBoxItem>
              )}
            </ListBox>
            <PagedListFooter list={list} block label={intl.formatMessage({ id: 'mailbox.loadMore', defaultMessage: 'Load more' })} />
          </section>
          <section className="mailbox-detail" aria-labelledby={selected ? 'mailbox-detail-heading' : undefined}>
            {selected ? (
              <MessageDetail message={selected} />
            ) : (
              <p className="muted">
                <FormattedMessage id="mailbox.selectPrompt" defaultMessage="Select a message to read it." />
              </p>
            )}
          </section>
        </div>
      ) : null}
    </>
  );
}

function MessageDetail({ message }: { message: MailboxMessage }) {
  const intl = useIntl();
  const subject = subjectOf(intl, message);
  // Each email in its own direction: an English email in the Hebrew mailbox reads left to right.
  const { dir, lang } = emailDirection(message);
  return (
    <article className="message-detail">
      {/* <bdi>: the subject and the addresses keep their own direction beside the page's (quotes and
          angle brackets of '"Liaison" <no-reply@…>' would otherwise jump to the other edge in Hebrew). */}
      <h2 className="message-detail-subject" id="mailbox-detail-heading">
        <bdi>{subject}</bdi>
      </h2>
      <dl className="message-headers">
        <div>
          <dt>
            <FormattedMessage id="mailbox.from" defaultMessage="From" />
          </dt>
          <dd>
            <bdi>{message.from}</bdi>
          </dd>
        </div>
        <div>
          <dt>
            <FormattedMessage id="mailbox.to" defaultMessage="To" />
          </dt>
          <dd>
            <bdi>{recipientsOf(intl, message)}</bdi>
          </dd>
        </div>
        <div>
          <dt>
            <FormattedMessage id="mailbox.received" defaultMessage="Received" />
          </dt>
          <dd>
            <time dateTime={message.receivedAt}>
              {intl.formatDate(message.receivedAt, { dateStyle: 'full', timeStyle: 'medium' })}
            </time>
          </dd>
        </div>
      </dl>
      <h3 className="section-title">
        <FormattedMessage id="mailbox.textVersion" defaultMessage="Plain text" />
      </h3>
      <pre className="message-text" dir={dir} lang={lang}>
        {message.text ? linkify(message.text) : null}
      </pre>
      {message.html ? (
        <>
          <h3 className="section-title">
            <FormattedMessage id="mailbox.htmlVersion" defaultMessage="HTML" />
          </h3>
          <iframe
            className="message-html"
            sandbox=""
            srcDoc={withDirection(message.html, dir, lang)}
            title={intl.formatMessage(
              { id: 'mailbox.htmlFrameTitle', defaultMessage: 'HTML version of “{subject}”' },
              { subject },
            )}
          />
        </>
      ) : null}
    </article>
  );
}
