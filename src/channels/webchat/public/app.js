// Web chat client: posts what the person types or taps, then reads the transcript after its cursor.
// Plain script, no build step and no CDN, so the district portal can embed it as is.
(() => {
  const log = document.getElementById("log");
  const form = document.getElementById("composer");
  const input = document.getElementById("text");
  const sendButton = document.getElementById("send");
  let cursor = 0;
  let busy = false;

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
    if (m.kind === "text") {
      linkify(bubble("bot"), m.text);
      if (m.buttons?.length) {
        const box = document.createElement("div");
        box.className = "buttons";
        for (const row of m.buttons) {
          const r = document.createElement("div");
          r.className = "row";
          for (const b of row) {
            const btn = document.createElement("button");
            btn.type = "button";
            btn.textContent = b.label;
            btn.addEventListener("click", () => {
              box.classList.add("used");
              post({ payload: b.payload }, b.label);
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
    const res = await fetch(`/webchat/api/messages?after=${cursor}`, { credentials: "same-origin" });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    const body = await res.json();
    for (const entry of body.messages) {
      render(entry);
      cursor = Math.max(cursor, entry.id);
    }
    scroll();
    return body.messages.length;
  }

  async function post(message, echo) {
    if (busy) return;
    busy = true;
    sendButton.disabled = true;
    if (echo && message.payload) bubble("user").textContent = echo;
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
      err.textContent = "Không gửi được tin nhắn. Vui lòng kiểm tra mạng và thử lại.";
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
    if (start) post({ text: `/start ${start}` });
    else if (count === 0) post({ text: "/start" });
    // Picks up messages that arrive later (e.g. officer broadcasts) while the page is open.
    setInterval(() => {
      if (!busy) refresh().catch(() => {});
    }, 15000);
  })();
})();
