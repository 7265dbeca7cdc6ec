// PmBot web chat: a small, dependency-free client for /api/webchat.
(() => {
  "use strict";

  const API = "/api/webchat";
  const MAX_TEXT = 4000;
  // "plan import" carries a pasted CSV on the lines after it; the server allows it this much.
  const MAX_PASTED_TEXT = 100000;
  const maxFor = (text) => (/^\s*plan\s+import\b/i.test(text) ? MAX_PASTED_TEXT : MAX_TEXT);
  const POLL_MS = 1000;
  const HIDDEN_POLL_MS = 5000;

  // A little chrome text; the bot's own words are localized by the server.
  const STRINGS = {
    en: {
      tagline: "Project management, in chat",
      who: "Who are you?",
      whoHint: "Local demo users. Pick one to chat as them.",
      emptyTitle: "Choose who you are to start.",
      emptyHint: "Then type <kbd>help</kbd> to see what PmBot can do.",
      emptyReadyTitle: "Say hello to PmBot.",
      messageLabel: "Message to PmBot",
      placeholder: "Type a command, e.g. help",
      send: "Send",
      enterHint: "Enter to send · Shift+Enter for a new line",
      tooLong: (n, max) => `${n} / ${max} — too long`,
      chattingAs: (name) => `Chatting as ${name}`,
      you: "You",
      bot: "PmBot",
      noRoles: "No projects yet",
      sending: "Sending…",
      offline: "Connection lost, retrying…",
      online: "Connected",
      failed: "Could not reach the server. Your message is still in the box.",
    },
    "zh-CN": {
      tagline: "在聊天中管理项目",
      who: "你是谁？",
      whoHint: "本地演示用户，选择一位身份聊天。",
      emptyTitle: "请先选择你的身份。",
      emptyHint: "然后输入 <kbd>help</kbd> 查看 PmBot 能做什么。",
      emptyReadyTitle: "和 PmBot 打个招呼吧。",
      messageLabel: "发给 PmBot 的消息",
      placeholder: "输入命令，例如 help",
      send: "发送",
      enterHint: "Enter 发送 · Shift+Enter 换行",
      tooLong: (n, max) => `${n} / ${max} — 太长了`,
      chattingAs: (name) => `当前身份：${name}`,
      you: "你",
      bot: "PmBot",
      noRoles: "暂无项目",
      sending: "发送中…",
      offline: "连接中断，正在重试…",
      online: "已连接",
      failed: "无法连接服务器。你的消息仍保留在输入框中。",
    },
  };

  const $ = (id) => document.getElementById(id);
  const els = {
    userList: $("user-list"),
    people: $("pm-people"),
    transcript: $("transcript"),
    empty: $("empty"),
    composer: $("composer"),
    message: $("message"),
    send: $("send"),
    counter: $("counter"),
    whoami: $("whoami"),
    connection: $("connection"),
    connectionText: $("connection-text"),
  };

  const state = {
    users: [],
    me: null,            // the chosen user (from /users, with roles)
    generation: 0,       // bumped on every user switch; stale responses are dropped
    lastId: 0,           // highest id seen through GET messages
    seen: new Set(),     // ids already in the transcript
    polling: false,
    pollTimer: 0,
    sending: false,
    retry: null,         // { text, clientId } of a failed send, reused if the box is unchanged
  };

  // ---- helpers -------------------------------------------------------------------------------------------------

  function t(key, ...args) {
    const table = STRINGS[state.me && state.me.locale] || STRINGS.en;
    const value = key in table ? table[key] : STRINGS.en[key];
    return typeof value === "function" ? value(...args) : value;
  }

  function newClientId() {
    if (window.crypto && typeof window.crypto.randomUUID === "function") {
      try { return window.crypto.randomUUID(); } catch { /* non-secure context */ }
    }
    const bytes = new Uint8Array(16);
    if (window.crypto && window.crypto.getRandomValues) {
      window.crypto.getRandomValues(bytes);
    } else {
      for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256);
    }
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }

  class ApiError extends Error {
    constructor(message, status) { super(message); this.status = status; }
  }

  async function api(path, options = {}) {
    const init = { credentials: "same-origin", headers: { Accept: "application/json" }, ...options };
    if (options.body !== undefined) {
      init.headers = { ...init.headers, "Content-Type": "application/json" };
      init.body = JSON.stringify(options.body);
    }
    let response;
    try {
      response = await fetch(API + path, init);
    } catch {
      throw new ApiError(t("failed"), 0);
    }
    if (response.status === 204) return null;
    let data = null;
    try { data = await response.json(); } catch { /* empty or not JSON */ }
    if (!response.ok) {
      const message = data && typeof data.error === "string" ? data.error : `${response.status} ${response.statusText}`;
      throw new ApiError(message, response.status);
    }
    return data;
  }

  function formatTime(iso) {
    const date = new Date(iso);
    if (Number.isNaN(date.getTime())) return { short: "", full: "" };
    const locale = (state.me && state.me.locale) || undefined;
    const timeZone = (state.me && state.me.timeZone) || undefined;
    const make = (opts) => {
      try { return new Intl.DateTimeFormat(locale, { ...opts, timeZone }); }
      catch { return new Intl.DateTimeFormat(undefined, opts); }
    };
    const day = make({ year: "numeric", month: "2-digit", day: "2-digit" });
    const sameDay = day.format(date) === day.format(new Date());
    const short = sameDay
      ? make({ hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(date)
      : make({ month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(date);
    const full = make({ dateStyle: "full", timeStyle: "long" }).format(date);
    return { short, full };
  }

  function initials(name) {
    const parts = String(name).trim().split(/\s+/).filter((p) => /^[A-Za-z]/.test(p));
    if (parts.length === 0) return String(name).trim().slice(0, 1).toUpperCase() || "?";
    return (parts[0][0] + (parts.length > 1 ? parts[1][0] : "")).toUpperCase();
  }

  function nearBottom() {
    const el = els.transcript;
    return el.scrollHeight - el.scrollTop - el.clientHeight < 120;
  }

  function scrollToBottom() {
    els.transcript.scrollTop = els.transcript.scrollHeight;
  }

  // ---- chrome --------------------------------------------------------------------------------------------------

  function applyChromeText() {
    document.documentElement.lang = (state.me && state.me.locale) || "en";
    document.querySelectorAll("[data-i18n]").forEach((node) => {
      const key = node.getAttribute("data-i18n");
      if (key === "emptyTitle" && state.me) node.textContent = t("emptyReadyTitle");
      else if (key === "emptyHint") node.innerHTML = t("emptyHint");
      else node.textContent = t(key);
    });
    els.message.placeholder = t("placeholder");
    els.whoami.textContent = state.me ? t("chattingAs", state.me.name) : "";
    updateCounter();
  }

  function setConnection(ok) {
    const stateName = ok ? "online" : "offline";
    if (els.connection.dataset.state === stateName) return;
    els.connection.dataset.state = stateName;
    els.connection.title = t(stateName);
    els.connectionText.textContent = t(stateName);
  }

  function renderUsers() {
    const focused = document.activeElement && document.activeElement.closest ? document.activeElement.closest("button.user") : null;
    const focusId = focused ? focused.dataset.userId : null;
    els.userList.replaceChildren();
    for (const user of state.users) {
      const li = document.createElement("li");
      const button = document.createElement("button");
      button.type = "button";
      button.className = "user";
      button.dataset.userId = user.id;
      button.setAttribute("aria-pressed", state.me && state.me.id === user.id ? "true" : "false");

      const avatar = document.createElement("span");
      avatar.className = "avatar";
      avatar.setAttribute("aria-hidden", "true");
      avatar.textContent = initials(user.name);
      avatar.style.setProperty("--hue", String(hue(user.id)));

      const body = document.createElement("span");
      body.className = "user-body";
      const name = document.createElement("span");
      name.className = "user-name";
      name.textContent = user.name;
      const meta = document.createElement("span");
      meta.className = "user-meta";
      meta.textContent = `${user.timeZone} · ${user.locale}`;
      const roles = document.createElement("span");
      roles.className = "user-roles";
      if (user.roles && user.roles.length) {
        for (const role of user.roles) {
          const tag = document.createElement("span");
          tag.className = "role";
          tag.textContent = role;
          roles.append(tag);
        }
      } else {
        roles.classList.add("none");
        roles.textContent = STRINGS[user.locale] ? STRINGS[user.locale].noRoles : STRINGS.en.noRoles;
      }
      body.append(name, meta, roles);
      button.append(avatar, body);
      li.append(button);
      els.userList.append(li);
      if (focusId === user.id) button.focus();
    }

    els.people.replaceChildren(...state.users.map((u) => {
      const option = document.createElement("option");
      option.value = "@" + u.id;
      option.label = u.name;
      option.textContent = u.name;
      return option;
    }));
  }

  function hue(text) {
    let h = 0;
    for (const ch of String(text)) h = (h * 31 + ch.codePointAt(0)) % 360;
    return h;
  }

  function setComposerEnabled(enabled) {
    els.message.disabled = !enabled;
    updateCounter();
    els.composer.querySelectorAll(".chip").forEach((chip) => { chip.disabled = !enabled; });
  }

  function updateCounter() {
    const length = els.message.value.length;
    const max = maxFor(els.message.value);
    const over = length > max;
    els.counter.classList.toggle("over", over);
    els.message.setAttribute("aria-invalid", over ? "true" : "false");
    els.counter.textContent = over ? t("tooLong", length, max) : length > max * 0.8 ? `${length} / ${max}` : "";
    els.send.disabled = els.message.disabled || state.sending || over || els.message.value.trim() === "";
  }

  function autosize() {
    els.message.style.height = "auto";
    els.message.style.height = Math.min(els.message.scrollHeight, 200) + "px";
  }

  // ---- transcript ----------------------------------------------------------------------------------------------

  function entryElement(entry) {
    const row = document.createElement("div");
    row.className = `entry ${entry.from === "user" ? "from-user" : "from-bot"}`;
    if (entry.id != null) row.dataset.id = String(entry.id);

    const bubble = document.createElement("div");
    bubble.className = "bubble";
    if (entry.from === "bot" && entry.html) {
      bubble.innerHTML = entry.html; // already-safe fragment rendered by the server
      for (const form of bubble.querySelectorAll("form.pm-form")) form.noValidate = true;
      for (const link of bubble.querySelectorAll("a[href]")) { link.target = "_blank"; link.rel = "noopener noreferrer"; }
    } else {
      const text = document.createElement("div");
      text.className = "plain";
      text.textContent = entry.text;
      bubble.append(text);
    }

    const meta = document.createElement("div");
    meta.className = "meta";
    const who = document.createElement("span");
    who.className = "who";
    who.textContent = entry.from === "user" ? t("you") : t("bot");
    meta.append(who);
    if (entry.at) {
      const { short, full } = formatTime(entry.at);
      const time = document.createElement("time");
      time.dateTime = entry.at;
      time.textContent = short;
      time.title = full;
      meta.append(time);
    } else if (entry.pending) {
      const time = document.createElement("span");
      time.textContent = t("sending");
      meta.append(time);
    }
    row.append(bubble, meta);
    return row;
  }

  /** Inserts an entry in id order (ids are the server's order), skipping ones already shown. */
  function addEntry(entry) {
    if (entry == null || typeof entry.id !== "number" || state.seen.has(entry.id)) return false;
    state.seen.add(entry.id);
    const row = entryElement(entry);
    let before = null;
    for (const child of els.transcript.children) {
      if (child.dataset.id && Number(child.dataset.id) > entry.id) { before = child; break; }
      if (!before && child.classList.contains("pending")) { before = child; break; }
    }
    els.transcript.insertBefore(row, before);
    els.empty.hidden = true;
    return true;
  }

  function addEntries(entries, forceScroll) {
    const stick = forceScroll || nearBottom();
    let added = 0;
    for (const entry of entries) if (addEntry(entry)) added++;
    if (added && stick) scrollToBottom();
    return added;
  }

  function addPending(text) {
    const row = entryElement({ from: "user", text, pending: true });
    row.classList.add("pending");
    els.transcript.append(row);
    els.empty.hidden = true;
    scrollToBottom();
    return row;
  }

  function systemLine(message, kind = "error") {
    const line = document.createElement("div");
    line.className = `system ${kind}`;
    line.setAttribute("role", kind === "error" ? "alert" : "status");
    line.textContent = message;
    els.transcript.append(line);
    els.empty.hidden = true;
    scrollToBottom();
    return line;
  }

  function clearTranscript() {
    for (const child of Array.from(els.transcript.children)) if (child !== els.empty) child.remove();
    els.empty.hidden = false;
    state.seen.clear();
    state.lastId = 0;
  }

  // ---- polling -------------------------------------------------------------------------------------------------

  async function poll() {
    if (!state.me || state.polling) return;
    state.polling = true;
    const generation = state.generation;
    try {
      for (;;) {
        const entries = await api(`/messages?after=${state.lastId}`);
        if (generation !== state.generation) return;
        setConnection(true);
        if (!Array.isArray(entries) || entries.length === 0) break;
        for (const entry of entries) if (entry.id > state.lastId) state.lastId = entry.id;
        addEntries(entries, false);
        if (entries.length < 200) break; // a full page means there may be more
      }
    } catch (error) {
      if (generation !== state.generation) return;
      if (error.status === 401) {
        signedOut();
        return;
      }
      setConnection(false);
    } finally {
      state.polling = false;
    }
  }

  function schedulePoll(delay) {
    clearTimeout(state.pollTimer);
    if (!state.me) return;
    state.pollTimer = setTimeout(async () => {
      await poll();
      schedulePoll(document.hidden ? HIDDEN_POLL_MS : POLL_MS);
    }, delay);
  }

  /** Polls now; if a poll is already running, waits for it and polls once more to catch what a POST added. */
  async function pollSoon() {
    for (let i = 0; i < 20 && state.polling; i++) await new Promise((r) => setTimeout(r, 50));
    await poll();
  }

  // ---- session -------------------------------------------------------------------------------------------------

  function signedOut() {
    state.me = null;
    state.generation++;
    clearTimeout(state.pollTimer);
    renderUsers();
    applyChromeText();
    setComposerEnabled(false);
  }

  function adopt(session) {
    const listed = state.users.find((u) => u.id === session.id);
    state.me = listed ? listed : { ...session, roles: session.roles || [] };
    state.generation++;
    clearTranscript();
    state.retry = null;
    renderUsers();
    applyChromeText();
    setComposerEnabled(true);
    schedulePoll(0);
  }

  async function choose(userId) {
    if (state.me && state.me.id === userId) { els.message.focus(); return; }
    try {
      const session = await api("/session", { method: "POST", body: { userId } });
      adopt(session);
      els.message.focus();
    } catch (error) {
      systemLine(error.message);
    }
  }

  async function refreshUsers() {
    try {
      state.users = await api("/users") || [];
      if (state.me) state.me = state.users.find((u) => u.id === state.me.id) || state.me;
      renderUsers();
    } catch { /* keep the old list */ }
  }

  // ---- sending -------------------------------------------------------------------------------------------------

  async function post(body) {
    const generation = state.generation;
    const result = await api("/messages", { method: "POST", body });
    if (generation !== state.generation) return null;
    setConnection(true);
    addEntries((result && result.replies) || [], true);
    refreshUsers(); // roles change when projects are created or people are added
    return result;
  }

  async function sendText(text, fromBox) {
    if (!state.me || state.sending) return;
    const trimmed = text.trim();
    if (!trimmed || text.length > maxFor(text)) return;
    // A retry of the very same text after a failure reuses its clientId, so the server can drop a duplicate.
    const clientId = state.retry && state.retry.text === text ? state.retry.clientId : newClientId();
    state.sending = true;
    updateCounter();
    const pending = addPending(text);
    try {
      await post({ clientId, text });
      state.retry = null;
      if (fromBox && els.message.value === text) {
        els.message.value = "";
        autosize();
      }
      await pollSoon();
    } catch (error) {
      if (fromBox) state.retry = { text, clientId };
      else if (!els.message.value) els.message.value = text; // never lose a chip's text either
      systemLine(error.message);
      pollSoon();
    } finally {
      pending.remove();
      state.sending = false;
      updateCounter();
      if (fromBox) els.message.focus();
    }
  }

  async function clickCommand(button) {
    const command = button.getAttribute("data-command");
    if (!command || button.disabled) return;
    button.disabled = true;
    button.setAttribute("aria-busy", "true");
    try {
      await post({ clientId: newClientId(), command });
      await pollSoon();
    } catch (error) {
      systemLine(error.message);
    } finally {
      button.disabled = false;
      button.removeAttribute("aria-busy");
    }
  }

  function formValues(form) {
    const values = {};
    for (const field of form.elements) {
      if (!field.name || field.type === "submit" || field.type === "button") continue;
      if ((field.type === "checkbox" || field.type === "radio") && !field.checked) continue;
      values[field.name] = field.value;
    }
    return values;
  }

  function showFormErrors(form, errors) {
    let first = null;
    for (const span of form.querySelectorAll("span.pm-error[data-error-for]")) {
      const name = span.getAttribute("data-error-for");
      const message = errors && Object.prototype.hasOwnProperty.call(errors, name) ? errors[name] : "";
      span.textContent = message || "";
      const field = form.elements.namedItem(name);
      if (field && field.setAttribute) {
        if (!span.id) span.id = `err-${newClientId()}`;
        if (message) {
          field.setAttribute("aria-invalid", "true");
          field.setAttribute("aria-describedby", span.id);
          if (!first) first = field;
        } else {
          field.removeAttribute("aria-invalid");
        }
      }
    }
    return first;
  }

  async function submitForm(form) {
    if (form.classList.contains("pm-answered") || form.getAttribute("aria-busy") === "true") return;
    const command = form.getAttribute("data-command");
    if (!command) return;
    const controls = Array.from(form.elements);
    form.setAttribute("aria-busy", "true");
    controls.forEach((c) => { if (c.type === "submit") c.disabled = true; });
    try {
      const result = await post({ clientId: newClientId(), form: { command, values: formValues(form) } });
      if (!result) return;
      if (result.formErrors) {
        const first = showFormErrors(form, result.formErrors);
        if (first) first.focus();
      } else {
        showFormErrors(form, null);
        controls.forEach((c) => { c.disabled = true; });
        form.classList.add("pm-answered");
        await pollSoon();
      }
    } catch (error) {
      systemLine(error.message);
    } finally {
      form.removeAttribute("aria-busy");
      if (!form.classList.contains("pm-answered")) controls.forEach((c) => { if (c.type === "submit") c.disabled = false; });
    }
  }

  // ---- events --------------------------------------------------------------------------------------------------

  els.userList.addEventListener("click", (event) => {
    const button = event.target.closest("button.user[data-user-id]");
    if (button) choose(button.dataset.userId);
  });

  els.transcript.addEventListener("click", (event) => {
    const button = event.target.closest("button.pm-button[data-command]");
    if (button && els.transcript.contains(button) && !button.closest("form")) {
      event.preventDefault();
      clickCommand(button);
    }
  });

  els.transcript.addEventListener("submit", (event) => {
    const form = event.target.closest("form.pm-form[data-command]");
    if (!form) return;
    event.preventDefault();
    submitForm(form);
  });

  els.composer.addEventListener("submit", (event) => {
    event.preventDefault();
    sendText(els.message.value, true);
  });

  els.message.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing && event.keyCode !== 229) {
      event.preventDefault();
      sendText(els.message.value, true);
    }
  });

  els.message.addEventListener("input", () => {
    if (state.retry && state.retry.text !== els.message.value) state.retry = null;
    updateCounter();
    autosize();
  });

  els.composer.querySelector(".chips").addEventListener("click", (event) => {
    const chip = event.target.closest("button.chip[data-text]");
    if (chip) sendText(chip.dataset.text, false);
  });

  document.addEventListener("visibilitychange", () => {
    if (!document.hidden && state.me) schedulePoll(0);
  });

  // ---- start ---------------------------------------------------------------------------------------------------

  async function start() {
    applyChromeText();
    setComposerEnabled(false);
    await refreshUsers();
    try {
      const session = await api("/session");
      setConnection(true);
      if (session) {
        adopt(session);
        els.message.focus();
      }
    } catch (error) {
      setConnection(false);
      systemLine(error.message);
    }
    // Roles change as people are added to projects; refresh the list now and then.
    setInterval(() => { if (!document.hidden) refreshUsers(); }, 15000);
  }

  start();
})();
