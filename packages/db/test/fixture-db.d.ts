/** The synthetic fixture data in the curated format. */
export declare const FIXTURE_DIR: string;
/** A fresh database file seeded from the fixture, in its own temporary folder. */
export declare function createFixtureDb(): Promise<string>;
//# sourceMappingURL=fixture-db.d.ts.map