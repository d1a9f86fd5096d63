// The live meeting page, enhanced: follows the meeting (WebSocket, else server-sent events), sends
// answers without leaving the page (a retry keeps the client id, so it counts once), reads aloud.
(() => {
  const root = document.getElementById('live');
  const announce = document.getElementById('announce');
  if (!root) return;
  const code = root.dataset.live;
  const lang = root.dataset.lang === 'en' ? 'en' : 'nl';
  const say = (text) => {
    if (announce) announce.textContent = text;
  };
  const offline =
    lang === 'en'
      ? 'No connection. Your answer is sent when the connection is back.'
      : 'Geen verbinding. Je antwoord wordt verstuurd zodra er weer verbinding is.';
  const newPrompt = lang === 'en' ? 'New question: ' : 'Nieuwe vraag: ';

  function wire() {
    for (const button of root.querySelectorAll('button.speak')) {
      if (!('speechSynthesis' in window)) continue;
      button.hidden = false;
      button.onclick = () => {
        speechSynthesis.cancel();
        const u = new SpeechSynthesisUtterance(button.dataset.speak || '');
        u.lang = lang === 'en' ? 'en-GB' : 'nl-BE';
        speechSynthesis.speak(u);
      };
    }
    for (const form of root.querySelectorAll('form.answer')) form.onsubmit = (e) => send(e, form);
  }

  let dirty = false;
  root.addEventListener('input', () => {
    dirty = true;
  });

  // With the live socket open, an answer goes as a message on it; the server replies only after it is
  // on disk. Otherwise, or without a reply, the form is posted (the same client id: it counts once).
  let ws;
  const waiting = new Map();
  function overSocket(form) {
    if (ws?.readyState !== 1 || !/\/answer(\?|$)/.test(form.getAttribute('action') || '')) return Promise.resolve(undefined);
    const fields = {};
    for (const [k, v] of new FormData(form)) fields[k] = Object.hasOwn(fields, k) ? [].concat(fields[k], String(v)) : String(v);
    const id = String(fields.clientId || '');
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(undefined), 5000);
      waiting.set(id, (reply) => {
        clearTimeout(timer);
        resolve(reply);
      });
      ws.send(JSON.stringify({ kind: 'answer', fields }));
    });
  }

  async function send(event, form) {
    event.preventDefault();
    const reply = await overSocket(form);
    waiting.clear();
    if (reply?.kind === 'saved') {
      try {
        const res = await fetch(reply.href, { headers: { accept: 'text/html' } });
        dirty = false;
        // The page loaded shows the notice itself ("saved"), as after the form post's redirect.
        await swap(await res.text(), true);
      } catch {}
      return;
    }
    // Refused, or no reply: the form post shows the page with the reason (the same client id counts once).
    const body = new URLSearchParams(new FormData(form));
    for (let attempt = 0; attempt < 6; attempt += 1) {
      try {
        const res = await fetch(form.action, { method: 'POST', body, headers: { accept: 'text/html' } });
        if (res.status >= 500) throw new Error('server');
        dirty = false;
        await swap(await res.text(), true);
        return;
      } catch {
        say(offline);
        await new Promise((r) => setTimeout(r, 1000 * 2 ** attempt));
      }
    }
  }

  async function swap(html, force) {
    const doc = new DOMParser().parseFromString(html, 'text/html');
    const next = doc.getElementById('live');
    if (!next) return;
    const before = root.querySelector('[data-version]')?.dataset.version;
    const after = next.querySelector('[data-version]')?.dataset.version;
    const promptChanged = before?.split(':')[0] !== after?.split(':')[0];
    // A half-filled answer is kept unless the question itself moved on.
    if (!force && (before === after || (dirty && !promptChanged))) return;
    if (promptChanged) dirty = false;
    root.innerHTML = next.innerHTML;
    wire();
    if (promptChanged) {
      const h1 = root.querySelector('h1');
      say(newPrompt + (h1?.textContent || ''));
    }
  }

  let timer;
  function refresh() {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      try {
        const res = await fetch(location.href, { headers: { accept: 'text/html' } });
        await swap(await res.text(), false);
      } catch {}
    }, 150);
  }

  function listen() {
    const proto = location.protocol === 'https:' ? 'wss:' : 'ws:';
    try {
      ws = new WebSocket(`${proto}//${location.host}/m/${code}/ws?lang=${lang}`);
    } catch {
      return sse();
    }
    let opened = false;
    ws.onopen = () => {
      opened = true;
      refresh();
    };
    ws.onmessage = (m) => {
      try {
        const reply = JSON.parse(m.data);
        const done = waiting.get(reply.clientId ?? '') ?? (reply.kind === 'refused' ? [...waiting.values()][0] : undefined);
        if (reply.kind === 'saved' || reply.kind === 'refused') return done?.(reply);
      } catch {}
      onEvent(m.data);
    };
    ws.onclose = () => {
      for (const done of waiting.values()) done(undefined);
      setTimeout(opened ? listen : sse, 2000);
    };
  }
  function sse() {
    const source = new EventSource(`/m/${code}/events`);
    source.onmessage = (m) => onEvent(m.data);
  }
  function onEvent(data) {
    try {
      const event = JSON.parse(data);
      const visible = root.querySelector('[data-results]')?.dataset.results === '1';
      if (event.kind === 'state' || visible) refresh();
    } catch {}
  }

  wire();
  if (code) listen();
})();
