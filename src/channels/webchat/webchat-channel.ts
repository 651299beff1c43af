import type { OutboxStore } from "../../core/ports";
import type { IpRateLimit } from "../../http/ip-rate-limit";
import type { ChannelModule } from "../shared/channel-module";
import { type WebchatPayload, webchatToInbound } from "./webchat-inbound";
import { mountWebchat } from "./webchat-routes";
import { WebchatSender } from "./webchat-sender";
import type { WebchatSessions } from "./webchat-session";
import type { WebchatStore } from "./webchat-store";

/** The web chat at `/`: always on, no platform limit (its own page polls), a per-IP budget of posts. */
export function createWebchatChannel(deps: {
  store: WebchatStore;
  sessions: WebchatSessions;
  outbox: OutboxStore;
  secureCookies: boolean;
  /** Posts per minute per client address (WEBCHAT_POSTS_PER_MINUTE), shared across processes on PostgreSQL. */
  postsPerIp: IpRateLimit;
}): ChannelModule {
  return {
    channel: "webchat",
    sender: new WebchatSender(deps.store),
    parser: (record) => webchatToInbound(JSON.parse(record.payload) as WebchatPayload),
    mount(router, processor) {
      mountWebchat(router, {
        sessions: deps.sessions,
        store: deps.store,
        processor,
        outbox: deps.outbox,
        secureCookies: deps.secureCookies,
        postsPerIp: deps.postsPerIp,
      });
    },
  };
}
