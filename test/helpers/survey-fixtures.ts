import type { Db } from "../../src/db/database";
import { ADMIN_TOKEN } from "./broadcast-fixtures";
import { registerVenue } from "./checkin-form";
import { WebchatClient } from "./webchat-client";

/** Waits until an asynchronous check holds (database counts, chat reads). */
export async function eventually(check: () => Promise<boolean> | boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A venue registered over the officers' API, then tied to the chat contact that owns it. */
export async function ownVenue(
  server: { url: string; database: { db: Db } },
  contactId: string,
  name: string,
  communeCode: string,
): Promise<{ id: string; code: string }> {
  const venue = await registerVenue(server.url, ADMIN_TOKEN, { name, communeCode });
  await server.database.db.venue.update({ where: { id: venue.id }, data: { ownerContactId: contactId } });
  return venue;
}

/** A web chat visitor who says hello (so a contact exists) and owns a venue in `communeCode`. */
export async function webchatOwner(
  server: { url: string; database: { db: Db } },
  name: string,
  communeCode: string,
): Promise<{ chat: WebchatClient; contactId: string; venue: { id: string; code: string } }> {
  const chat = new WebchatClient(server.url);
  await chat.send("xin chào");
  const contact = await server.database.db.contact.findFirstOrThrow({
    where: { channel: "webchat" },
    orderBy: { createdAt: "desc" },
  });
  return { chat, contactId: contact.id, venue: await ownVenue(server, contact.id, name, communeCode) };
}

/** Everything a web chat visitor was shown since the last read: texts and button labels. */
export async function shownTo(chat: WebchatClient): Promise<string[]> {
  return (await chat.read()).flatMap((m) =>
    m.kind === "text" ? [m.text, ...(m.buttons ?? []).flat().map((b) => b.label)] : [],
  );
}
