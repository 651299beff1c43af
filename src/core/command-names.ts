/**
 * Every slash command and its names in each language: the one table the router registers from and the texts
 * are checked against (test/locales/command-names.test.ts), so a Vietnamese text names /truyvet and an English
 * one /trace, and each name it gives works. A name listed under both languages is shared (/menu).
 */
export const COMMAND_NAMES = {
  start: { vi: ["start"], en: ["start"] },
  menu: { vi: ["menu"], en: ["menu"] },
  help: { vi: ["help"], en: ["help"] },
  lang: { vi: ["lang"], en: ["lang"] },
  cancel: { vi: ["huy"], en: ["cancel"] },
  faq: { vi: ["hoidap"], en: ["faq"] },
  venue: { vi: ["diadiem"], en: ["venue"] },
  myVenues: { vi: ["diadiemcuatoi"], en: ["myvenues"] },
  subscribe: { vi: ["nhantin"], en: ["subscribe"] },
  unsubscribe: { vi: ["dungnhan"], en: ["unsubscribe"] },
  reminders: { vi: ["nhacnho"], en: ["reminders"] },
  dose: { vi: ["nhactiem"], en: ["dose"] },
  directives: { vi: ["vanban"], en: ["directives"] },
  directiveAdd: { vi: ["themvanban"], en: ["directive_add"] },
  erase: { vi: ["xoadulieu"], en: ["forgetme"] },
  myData: { vi: ["dulieucuatoi"], en: ["mydata"] },
  officer: { vi: ["canbo"], en: ["officer"] },
  invite: { vi: ["moi"], en: ["invite"] },
  officers: { vi: ["dscanbo"], en: ["officers"] },
  apiTokens: { vi: ["maapi"], en: ["apitokens"] },
  broadcast: { vi: ["guitin"], en: ["broadcast"] },
  recurring: { vi: ["dinhky"], en: ["recurring"] },
  survey: { vi: ["khaosat"], en: ["survey"] },
  trace: { vi: ["truyvet"], en: ["trace"] },
  tickets: { vi: ["yeucau"], en: ["tickets"] },
  dashboard: { vi: ["bangdieukhien"], en: ["dashboard"] },
} as const satisfies Record<string, { vi: readonly string[]; en: readonly string[] }>;

export type CommandId = keyof typeof COMMAND_NAMES;

/** Every name of a command, Vietnamese first, each once: what the router registers. */
export function commandNames(id: CommandId): string[] {
  const { vi, en } = COMMAND_NAMES[id];
  return [...new Set<string>([...vi, ...en])];
}

/** The name a command goes by in `language` (its first), for a redirect or a text's parameter. */
export function commandName(id: CommandId, language: "vi" | "en" = "vi"): string {
  return COMMAND_NAMES[id][language][0];
}
