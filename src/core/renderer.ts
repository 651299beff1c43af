import type { Button, Language, Outbound, Text } from "./messages";
import type { MediaStore } from "./ports";
import type { RenderedButton, RenderedMessage } from "./rendered-message";

/** Turns a {@link Text} into a string in one language. Implemented with i18next in src/i18n. */
export interface TextRenderer {
  render(text: Text, lang: Language): string;
}

/** How long generated media stay downloadable by URL (Zalo Bot sends photos by URL; web chat links). */
export const MEDIA_TTL_MS = 24 * 60 * 60 * 1000;

/** Translates outbound messages and moves media bytes into the media store. */
export async function renderOutbound(
  messages: Outbound[],
  lang: Language,
  texts: TextRenderer,
  media: MediaStore,
): Promise<RenderedMessage[]> {
  const out: RenderedMessage[] = [];
  for (const m of messages) {
    if (m.type === "text") {
      const rendered: RenderedMessage = { kind: "text", text: texts.render(m.text, lang) };
      if (m.buttons?.length) {
        rendered.buttons = renderButtons(m.buttons, lang, texts);
        rendered.choiceHint = texts.render({ key: "common.replyWithNumber" }, lang);
      }
      if (m.requestPhone) {
        rendered.requestPhone = texts.render({ key: "common.sharePhone" }, lang);
        rendered.requestPhoneHint = texts.render({ key: "common.sharePhoneHint" }, lang);
      }
      out.push(rendered);
      continue;
    }
    const mediaId = await media.put({
      data: m.data,
      filename: m.filename,
      contentType: m.contentType,
      ttlMs: MEDIA_TTL_MS,
    });
    const rendered: RenderedMessage = {
      kind: m.type,
      mediaId,
      filename: m.filename,
      contentType: m.contentType,
    };
    if (m.caption) rendered.caption = texts.render(m.caption, lang);
    if (m.type === "document" && m.link && rendered.kind === "document") rendered.link = m.link;
    out.push(rendered);
  }
  return out;
}

function renderButtons(rows: Button[][], lang: Language, texts: TextRenderer): RenderedButton[][] {
  return rows.map((row) =>
    row.map((b) => ({
      label: texts.render(b.label, lang),
      payload: b.payload,
      ...(b.answers ? { answers: b.answers } : {}),
    })),
  );
}
