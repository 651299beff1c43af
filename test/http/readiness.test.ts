import { describe, expect, it } from "vitest";
import { Readiness } from "../../src/http/health-routes";

describe("readiness", () => {
  it("reports the gap and, when the database answers again, asks once for everything pending to be retaken", async () => {
    let up = true;
    let recoveries = 0;
    const readiness = new Readiness(
      async () => {
        if (!up) throw new Error("ECONNREFUSED");
      },
      () => {
        recoveries++;
      },
    );
    expect((await readiness.check()).ready).toBe(true);
    up = false;
    const down = await readiness.check();
    expect(down).toMatchObject({ ready: false, database: "down" });
    await readiness.check();
    up = true;
    const back = await readiness.check();
    expect(back.ready).toBe(true);
    expect(back.lastOutage?.from).toBe(down.downSince);
    await readiness.check();
    expect(recoveries).toBe(1);
  });
});
