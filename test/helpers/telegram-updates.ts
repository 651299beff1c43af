/**
 * Telegram updates from one private chat, as the Bot API posts them to the webhook: typed text and button
 * taps, each with the next update id (ids start at `firstUpdateId`, so tests in one file never collide).
 */
export function telegramUser(chatId: number, firstName: string, firstUpdateId: number) {
  let updateId = firstUpdateId;
  const from = { id: chatId, is_bot: false, first_name: firstName, language_code: "vi" };
  const chat = { id: chatId, type: "private" };
  return {
    from,
    chat,
    text: (text: string) => ({
      update_id: updateId++,
      message: { message_id: updateId, date: Math.floor(Date.now() / 1000), chat, from, text },
    }),
    tap: (data: string) => ({
      update_id: updateId++,
      callback_query: {
        id: `cb${updateId}`,
        from,
        message: { message_id: 1, date: 0, chat },
        chat_instance: "1",
        data,
      },
    }),
  };
}
