// Web chat client: posts what the person types or taps, then reads the transcript after its cursor.
// Plain script, no build step and no CDN, so the district portal can embed it as is.
(() => {
  const log = document.getElementById("log");
  const form = document.getElementById("composer");
  const input = document.getElementById("text");
  const sendButton = document.getElementById("send");
  let cursor = 0;
  let busy = false;
  // The language the page's own words are in; the server sends new words when the conversation's changes.
  let lang = document.documentElement.lang || "vi";
  let page = {
    sendFailed: "Không gửi được tin nhắn. Bạn vui lòng kiểm tra mạng và thử lại.",
    oldButtons: "Các nút này thuộc câu hỏi trước.",
  };

  function applyPage(next, nextLang) {
    page = { ...page, ...next };
    lang = nextLang;
    document.documentElement.lang = nextLang;
    document.title = page.documentTitle || document.title;
    const set = (selector, apply) => {
      const el = document.querySelector(selector);
      if (el) apply(el);
    };
    set(".bar strong", (el) => (el.textContent = page.title));
    set(".bar .sub", (el) => (el.textContent = page.sub));
    set("#log", (el) => el.setAttribute("aria-label", page.log));
    set("label[for=text]", (el) => (el.textContent = page.inputLabel));
    set("#text", (el) => (el.placeholder = page.placeholder));
    set("#send", (el) => (el.textContent = page.send));
  }

  /** Earlier button sets stop answering once the bot says something new: they look and are inactive. */
  function retireButtons() {
    for (const box of log.querySelectorAll(".buttons:not(.old)")) {
      box.classList.add("old");
      box.title = page.oldButtons;
      for (const btn of box.querySelectorAll("button")) btn.disabled = true;
    }
  }

  const newId = () =>
    (crypto.randomUUID ? crypto.randomUUID() : `${Date.now()}-${Math.random()}`).replace(
      /[^A-Za-z0-9_-]/g,
      "",
    );

  function scroll() {
    log.scrollTop = log.scrollHeight;
  }

  function bubble(cls) {
    const el = document.createElement("div");
    el.className = `msg ${cls}`;
    log.appendChild(el);
    return el;
  }

  function linkify(el, text) {
    // Render URLs as links without ever interpreting the text as HTML.
    const parts = text.split(/(https?:\/\/[^\s]+)/g);
    for (const part of parts) {
      if (/^https?:\/\//.test(part)) {
        const a = document.createElement("a");
        a.href = part;
        a.textContent = part;
        a.target = "_blank";
        a.rel = "noopener";
        el.appendChild(a);
      } else {
        el.appendChild(document.createTextNode(part));
      }
    }
  }

  function render(entry) {
    if (entry.from === "user") {
      bubble("user").textContent = entry.text;
      return;
    }
    const m = entry.message;
    // Any later bot message ends the earlier question: only the last message's buttons are answered.
    retireButtons();
    if (m.kind === "text") {
      linkify(bubble("bot"), m.text);
      if (m.buttons?.length) {
        const box = document.createElement("div");
        box.className = "buttons";
        // Numbered as the bot reads a typed "2" (reading order), so a hint to type the number can be followed.
        const numbered = m.buttons.flat().length > 1;
        let n = 0;
        for (const row of m.buttons) {
          const r = document.createElement("div");
          r.className = "row";
          for (const b of row) {
            n += 1;
            const btn = document.createElement("button");
            btn.type = "button";
            if (numbered) {
              const num = document.createElement("span");
              num.className = "n";
              num.textContent = String(n);
              btn.appendChild(num);
            }
            btn.appendChild(document.createTextNode(b.label));
            btn.addEventListener("click", () => {
              if (box.classList.contains("old") || busy) return;
              box.classList.add("used");
              post({ payload: b.payload, echo: b.label });
            });
            r.appendChild(btn);
          }
          box.appendChild(r);
        }
        log.appendChild(box);
      }
      return;
    }
    const el = bubble("bot");
    const url = `/media/${encodeURIComponent(m.mediaId)}`;
    if (m.kind === "image") {
      const img = document.createElement("img");
      img.src = url;
      img.alt = m.caption || m.filename;
      el.appendChild(img);
    } else {
      const a = document.createElement("a");
      a.href = url;
      a.textContent = `📄 ${m.filename}`;
      a.download = m.filename;
      el.appendChild(a);
    }
    if (m.caption) el.appendChild(document.createTextNode(`\n${m.caption}`));
  }

  async function refresh() {
    const res = await fetch(`/webchat/api/messages?after=${cursor}&lang=${encodeURIComponent(lang)}`, {
      credentials: "same-origin",
    });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    const body = await res.json();
    if (body.page && body.lang) applyPage(body.page, body.lang);
    for (const entry of body.messages) {
      render(entry);
      cursor = Math.max(cursor, entry.id);
    }
    scroll();
    return body.messages.length;
  }

  async function post(message) {
    if (busy) return;
    busy = true;
    sendButton.disabled = true;
    const typing = document.createElement("div");
    typing.className = "typing";
    typing.textContent = "…";
    log.appendChild(typing);
    scroll();
    try {
      const res = await fetch("/webchat/api/messages", {
        method: "POST",
        credentials: "same-origin",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ clientId: newId(), ...message }),
      });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      typing.remove();
      await refresh();
    } catch (_e) {
      typing.remove();
      const err = document.createElement("div");
      err.className = "error";
      err.textContent = page.sendFailed;
      log.appendChild(err);
    } finally {
      busy = false;
      sendButton.disabled = false;
    }
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const text = input.value.trim();
    if (!text) return;
    input.value = "";
    post({ text });
  });

  (async () => {
    const count = await refresh().catch(() => 0);
    const start = new URLSearchParams(location.search).get("start");
    // The page's own /start is not something the person said: no bubble for it (echo "").
    if (start) post({ text: `/start ${start}`, echo: "" });
    else if (count === 0) post({ text: "/start", echo: "" });
    // Picks up messages that arrive later (e.g. officer broadcasts) while the page is open.
    setInterval(() => {
      if (!busy) refresh().catch(() => {});
    }, 15000);
  })();
})();
