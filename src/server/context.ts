import type { Config } from '../app/config';
import type { Deps } from '../commands/deps';

/** Everything the routes need, built once by the bootstrap (or by a test). */
export type AppContext = Deps & {
  config: Config;
  /** True when mail goes to the embedded catcher (the operators' Mailbox page is then useful). */
  mailboxEnabled: boolean;
};
