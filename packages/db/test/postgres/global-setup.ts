import type { TestProject } from "vitest/node";
import { startPostgresCluster, type PostgresCluster } from "../../src/postgres/postgres-cluster.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** The throwaway server's maintenance database, as its superuser: tests create their databases from it. */
    postgresAdminUrl: string;
  }
}

// One server per test run, however many projects list this setup: started by the first, removed after the last.
const shared = globalThis as typeof globalThis & {
  chipflowPostgres?: { cluster: Promise<PostgresCluster>; users: number };
};

/** Starts a throwaway PostgreSQL server for the run (failing the run, saying how to install it, when it is missing). */
export default async function setup(project: TestProject) {
  shared.chipflowPostgres ??= { cluster: startPostgresCluster(), users: 0 };
  const state = shared.chipflowPostgres;
  state.users++;
  const cluster = await state.cluster;
  project.provide("postgresAdminUrl", cluster.urlOf("postgres"));
  return async () => {
    if (--state.users > 0) return;
    delete shared.chipflowPostgres;
    cluster.stop();
  };
}
