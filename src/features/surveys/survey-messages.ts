import { type Button, type Language, namespace, type Outbound, t } from "../../core/messages";
import type { RenderedChoice } from "../../core/ports";
import type { RenderedButton } from "../../core/rendered-message";
import type { TextRenderer } from "../../core/renderer";
import type { AskedQuestion, SurveyRecord } from "./survey-store";

const surveyText = namespace("surveys");

/**
 * The label of the marker left as a number or text question's open choice. It has no letters or digits, so
 * no typed word ever matches it by name; only "1" does, and the survey then reads that "1" as the answer.
 */
export const OPEN_MARKER_LABEL = "\u2063";

/** Button payloads (Telegram allows 64 bytes: "survey:a:" + a 36-character id + ":4:5" fits). */
export const surveyPayload = {
  answer: (id: string, q: number, value: string) => `survey:a:${id}:${q}:${value}`,
  skip: (id: string, q: number) => `survey:skip:${id}:${q}`,
  stop: (id: string) => `survey:stop:${id}`,
  open: (id: string, q: number) => `survey:open:${id}:${q}`,
};

/** Reads `<id>:<q>[:<value>]` after a payload's prefix. */
export function readSurveyPayload(rest: string): { id: string; q: number; value: string } | undefined {
  const [id, q, value = ""] = rest.split(":");
  if (!id || q === undefined || !/^\d$/.test(q)) return { id: id ?? "", q: -1, value };
  return { id, q: Number(q), value };
}

/**
 * A survey question as sent: the title and the question's place ("2/3"), the question, and its options as
 * buttons (numbered lines on Zalo Bot) with Skip and Stop. A number or text question has no option buttons
 * — "1" must stay a number — and says how to skip or stop in words.
 */
export function questionOutbound(survey: SurveyRecord, index: number, reminder = false): Outbound {
  const question = survey.questions[index];
  if (!question) return { type: "text", text: surveyText("done") };
  const head = surveyText(reminder ? "reminderHead" : "head", {
    title: survey.title,
    n: index + 1,
    total: survey.questions.length,
  });
  const controls: Button[] = [
    { label: surveyText("skip"), payload: surveyPayload.skip(survey.id, index) },
    { label: surveyText("stop"), payload: surveyPayload.stop(survey.id) },
  ];
  switch (question.kind) {
    case "choice":
      return {
        type: "text",
        text: { lines: [head, { raw: question.text }] },
        buttons: [
          ...question.options.map((o, i) => [
            { label: { raw: o }, payload: surveyPayload.answer(survey.id, index, String(i)) },
          ]),
          controls,
        ],
      };
    case "yesno":
      return {
        type: "text",
        text: { lines: [head, { raw: question.text }] },
        buttons: [
          [
            {
              label: surveyText("yes"),
              payload: surveyPayload.answer(survey.id, index, "yes"),
              answers: "yes",
            },
            { label: surveyText("no"), payload: surveyPayload.answer(survey.id, index, "no"), answers: "no" },
          ],
          controls,
        ],
      };
    default:
      return {
        type: "text",
        text: {
          lines: [
            head,
            { raw: question.text },
            surveyText(question.kind === "number" ? "typeNumber" : "typeText"),
          ],
        },
      };
  }
}

/** The question rendered for the outbox, with the choices it leaves open (see {@link OPEN_MARKER_LABEL}). */
export function askedQuestion(
  survey: SurveyRecord,
  index: number,
  lang: Language,
  texts: TextRenderer,
  reminder = false,
): AskedQuestion {
  const outbound = questionOutbound(survey, index, reminder);
  if (outbound.type !== "text") throw new Error("a survey question is text");
  const buttons: RenderedButton[][] | undefined = outbound.buttons?.map((row) =>
    row.map((b) => ({
      label: texts.render(b.label, lang),
      payload: b.payload,
      ...(b.answers ? { answers: b.answers } : {}),
    })),
  );
  const text = texts.render(outbound.text, lang);
  if (!buttons) {
    const marker: RenderedChoice = {
      label: OPEN_MARKER_LABEL,
      payload: surveyPayload.open(survey.id, index),
    };
    return { message: { kind: "text", text }, choices: [marker] };
  }
  return {
    message: { kind: "text", text, buttons, choiceHint: texts.render(t("common.replyWithNumber"), lang) },
    choices: buttons
      .flat()
      .map((b) => ({ label: b.label, payload: b.payload, ...(b.answers ? { answers: b.answers } : {}) })),
  };
}
