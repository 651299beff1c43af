import { adminApi } from "./broadcast-fixtures";
import { WebchatClient } from "./webchat-client";

/** A web chat that became an officer through an invite made with the admin API (docs/adr/007). */
export async function invitedOfficerChat(
  baseUrl: string,
  communes: string[] = [],
  role: "officer" | "admin" = "officer",
): Promise<WebchatClient> {
  const invite = await adminApi(baseUrl)("/api/v1/officers/invites", { role, communes });
  if (invite.status !== 201) throw new Error(`invite answered ${invite.status}`);
  const chat = new WebchatClient(baseUrl);
  await chat.send(`/officer ${String(invite.json.code)}`);
  return chat;
}
