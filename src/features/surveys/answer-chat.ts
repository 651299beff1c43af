import { z } from "zod";
import { defineFlow, type Flow, typedText } from "../../core/flow";
import { namespace, say } from "../../core/messages";
import { buttonPayload, type Router, type TurnContext } from "../../core/router";
import { questionOutbound, readSurveyPayload } from "./survey-messages";
import { readNumberAnswer, readSurveyCommand, textAnswer } from "./survey-model";
import type { AnswerOutcome, SurveyService } from "./survey-service";

const surveyText = namespace("surveys");

export const SURVEY_ANSWER_FLOW = "survey-answer";

const answerDraft = z.object({ surveyId: z.string(), q: z.number().int().min(0).max(4) });

/** Typed messages longer than this are not an attempt to answer a survey choice (a question for the FAQ). */
const MAX_REASK_WORDS = 4;

/**
 * How recipients answer: buttons carry `survey:a:<id>:<q>:<value>`, so a tap is read by the survey whatever
 * flow the person is in, and that flow stays where it was. Typed "2" or "rồi" reach the same buttons through
 * the choices the question left open. A number or text question asked in reply to an answer is a small flow
 * (it interrupts and then gives back any other); one that arrived by the outbox leaves a marker choice, and
 * the typed answer is read here while no flow is active.
 */
export function registerSurveyAnswers(router: Router, service: SurveyService): void {
  const afterAnswer = async (ctx: TurnContext, outcome: AnswerOutcome): Promise<void> => {
    if (outcome.kind === "closed") return ctx.reply(say(surveyText("closed")));
    if (outcome.kind === "unknown") return ctx.reply(say(surveyText("unknown")));
    const { survey, next } = outcome;
    if (next === undefined) {
      ctx.reply(say(surveyText("recorded")), say(surveyText("thanks", { title: survey.title })));
      return giveBack(ctx);
    }
    const question = survey.questions[next];
    ctx.reply(say(surveyText("recorded")));
    if (question?.kind === "number" || question?.kind === "text")
      return ctx.enter(answerFlow, "q", { surveyId: survey.id, q: next }, { interrupt: true });
    ctx.reply(questionOutbound(survey, next));
  };

  /** Shows again the question of a flow the person was in before the survey came (it was kept). */
  const giveBack = async (ctx: TurnContext) => {
    if (ctx.dialog && ctx.dialog.flow !== SURVEY_ANSWER_FLOW) await ctx.askAgain();
  };

  /** A typed answer to a number or text question; re-asks clearly when it does not fit. */
  const typed = async (
    ctx: TurnContext,
    surveyId: string,
    q: number,
    text: string,
    /** Leaves the answer flow once the text was read (not when it is asked again). */
    end: () => void = () => {},
  ): Promise<boolean> => {
    const command = readSurveyCommand(text);
    if (command === "stop") {
      end();
      await service.stop(surveyId, ctx.contact.id);
      ctx.reply(say(surveyText("stopped")));
      await giveBack(ctx);
      return true;
    }
    const survey = await service.get(surveyId);
    const question = survey?.questions[q];
    if (!survey || !question) return false;
    let value: string | null | undefined = null;
    if (command !== "skip") {
      value = question.kind === "number" ? readNumberAnswer(text)?.toString() : textAnswer(text);
      if (value === undefined) {
        ctx.reply(
          say(surveyText(question.kind === "number" ? "notANumber" : "tooLong")),
          questionOutbound(survey, q),
        );
        return true;
      }
    }
    end();
    await afterAnswer(ctx, await service.answer(surveyId, ctx.contact.id, q, value, ctx.now, ctx.turnKey));
    return true;
  };

  const answerFlow: Flow<z.infer<typeof answerDraft>> = defineFlow({
    id: SURVEY_ANSWER_FLOW,
    version: 1,
    draft: answerDraft,
    // Back and Cancel buttons would turn a typed "1" or "2" into navigation; "dừng" is read as words.
    navigation: () => ({ back: false, cancel: false }),
    cancelled: () => surveyText("stopped"),
    async ask(ctx, step) {
      const survey = await service.get(ctx.draft.surveyId);
      if (!survey || step !== "q") return ctx.end();
      ctx.reply(questionOutbound(survey, ctx.draft.q));
    },
    async handle(ctx) {
      const { surveyId, q } = ctx.draft;
      const text = typedText(ctx);
      if (!text) return ctx.askAgain();
      if (!(await typed(ctx, surveyId, q, text, () => ctx.end()))) {
        ctx.end();
        ctx.reply(say(surveyText("unknown")));
      }
    },
  });
  router.flow(answerFlow);

  router
    .action("survey:a:", async (ctx) => {
      const p = readSurveyPayload(buttonPayload(ctx).slice("survey:a:".length));
      if (!p || p.q < 0) return ctx.reply(say(surveyText("unknown")));
      await afterAnswer(ctx, await service.answer(p.id, ctx.contact.id, p.q, p.value, ctx.now, ctx.turnKey));
    })
    .action("survey:skip:", async (ctx) => {
      const p = readSurveyPayload(buttonPayload(ctx).slice("survey:skip:".length));
      if (!p || p.q < 0) return ctx.reply(say(surveyText("unknown")));
      await afterAnswer(ctx, await service.answer(p.id, ctx.contact.id, p.q, null, ctx.now, ctx.turnKey));
    })
    .action("survey:stop:", async (ctx) => {
      const id = buttonPayload(ctx).slice("survey:stop:".length);
      if (!(await service.stop(id, ctx.contact.id))) return ctx.reply(say(surveyText("unknown")));
      ctx.reply(say(surveyText("stopped")));
      await giveBack(ctx);
    })
    // The marker of a number or text question: only a typed "1" lands here; it is the answer.
    .action("survey:open:", async (ctx) => {
      const p = readSurveyPayload(buttonPayload(ctx).slice("survey:open:".length));
      const text = ctx.inbound.event.type === "text" ? ctx.inbound.event.text : "";
      if (!p || p.q < 0 || !text || !(await typed(ctx, p.id, p.q, text)))
        ctx.reply(say(surveyText("unknown")));
    });

  router.fallback(async (ctx, next) => {
    const text = typedText(ctx);
    const open = ctx.contact.choices.find((c) => c.payload.startsWith("survey:"));
    if (!text || !open || ctx.dialog) return next();
    if (open.payload.startsWith("survey:open:")) {
      const p = readSurveyPayload(open.payload.slice("survey:open:".length));
      if (p && p.q >= 0 && (await typed(ctx, p.id, p.q, text))) return;
      return next();
    }
    // A choice question waits and what was typed is none of its options: say so and ask again, unless it
    // is a sentence (a question for the FAQ), which goes on.
    if (text.split(/\s+/).length > MAX_REASK_WORDS) return next();
    const p = readSurveyPayload(open.payload.replace(/^survey:(a|skip):/, ""));
    const survey = p ? await service.get(p.id) : null;
    if (!survey || !p || p.q < 0 || survey.status !== "open") return next();
    const question = survey.questions[p.q];
    ctx.reply(
      say(
        surveyText(question?.kind === "yesno" ? "notYesNo" : "notAnOption", {
          count: question?.kind === "choice" ? question.options.length : 2,
        }),
      ),
      questionOutbound(survey, p.q),
    );
  });
}
