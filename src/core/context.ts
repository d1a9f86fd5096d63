import type { Config } from '../config.ts';
import type { Db, DialectName } from '../db/database.ts';
import type { Clock } from './clock.ts';
import type { Language } from './language.ts';

/** What every service call receives: the database, the clock and the settings. No HTTP. */
export type ServiceContext = {
  db: Db;
  dialect: DialectName;
  clock: Clock;
  config: Pick<Config, 'session' | 'inviteValidDays' | 'publicUrl' | 'allowedHosts' | 'chromiumPath' | 'mail' | 'dataDir' | 'secretsKey'>;
};

/** The person on whose behalf a service acts. Roles are read fresh from the database per request. */
export type Actor = {
  userId: string;
  language: Language;
  roles: ReadonlyMap<string, string>;
};
