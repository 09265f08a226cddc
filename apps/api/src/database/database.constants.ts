/** Injection token of the PostgreSQL connection string the app runs on (embedded or DATABASE_URL). */
export const DATABASE_URL = Symbol('DATABASE_URL');
