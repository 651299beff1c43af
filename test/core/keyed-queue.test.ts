import { describe, expect, it } from "vitest";
import { KeyedQueue } from "../../src/core/keyed-queue";

describe("per-conversation serialisation", () => {
  it("two updates of one chat never overlap, while other chats run alongside", async () => {
    const q = new KeyedQueue();
    const log: string[] = [];
    const task = (name: string, ms: number) => async () => {
      log.push(`start ${name}`);
      await new Promise((r) => setTimeout(r, ms));
      log.push(`end ${name}`);
    };
    await Promise.all([q.run("a", task("a1", 30)), q.run("a", task("a2", 1)), q.run("b", task("b1", 5))]);
    expect(log.indexOf("end a1")).toBeLessThan(log.indexOf("start a2"));
    expect(log.indexOf("start b1")).toBeLessThan(log.indexOf("end a1"));
    expect(q.size).toBe(0);
  });

  it("a failing task does not block the next one of the same chat", async () => {
    const q = new KeyedQueue();
    await expect(q.run("a", async () => Promise.reject(new Error("x")))).rejects.toThrow("x");
    await expect(q.run("a", async () => 42)).resolves.toBe(42);
  });
});
