/**
 * Exclusive leases shared by every process on one database (docs/adr/016-scale-out.md): one per
 * conversation while its turns run, one per scheduled job while it ticks. A lease lives as long as its
 * holder is alive: a process that dies (kill -9, a lost host) loses its leases with its connection, so
 * another process takes the work over at its next attempt.
 */
export interface Leases {
  /** True when other processes may hold leases (PostgreSQL); false for the single-process SQLite path. */
  readonly shared: boolean;
  /**
   * Runs `work` holding the lease named `name`. Resolves `false` at once, without running it, when
   * another process holds that lease now; never waits for it.
   */
  hold(name: string, work: () => Promise<void>): Promise<boolean>;
  /** Hands back every lease and closes the connections that held them. */
  close(): Promise<void>;
}

/**
 * One process alone on its database (SQLite): nothing to exclude beyond what the process already
 * serialises itself, so holding costs nothing on the hot path (docs/adr/008-sqlite-hot-path.md).
 */
export const localLeases: Leases = {
  shared: false,
  async hold(_name, work) {
    await work();
    return true;
  },
  async close() {},
};
