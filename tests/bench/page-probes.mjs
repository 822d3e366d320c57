// Functions that run inside the page (passed to page.evaluate, so each must be self-contained).
// They time the app through what it already exposes: user-timing marks from the canvas
// (`tl:canvas-render-done`, `tl:canvas-idle`), the `tl:autosave` measure around every save,
// and the DOM. "Painted" means: a task posted from inside the frame's callbacks has run, i.e.
// that frame's animation callbacks, style, layout and paint on the main thread are all done.

/** Median interval between animation frames while the page is quiet, in ms. */
export function frameInterval() {
  return new Promise((resolve) => {
    const stamps = [];
    const tick = (ts) => {
      stamps.push(ts);
      if (stamps.length < 12) requestAnimationFrame(tick);
      else {
        const deltas = stamps.slice(1).map((t, i) => t - stamps[i]).sort((a, b) => a - b);
        resolve(deltas[Math.floor(deltas.length / 2)]);
      }
    };
    requestAnimationFrame(tick);
  });
}

/**
 * Writes one model straight into the app's IndexedDB (schema created by the app itself), in the
 * app's row format: list metadata, and the document as its canonical JSON text.
 */
export async function seedModel({ meta, json }) {
  const db = await new Promise((resolve, reject) => {
    const request = indexedDB.open('threatloom');
    request.onupgradeneeded = () => request.transaction.abort();
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(new Error(`cannot open the threatloom database: ${request.error}`));
  });
  try {
    if (!db.objectStoreNames.contains('documents') || !db.objectStoreNames.contains('models')) {
      throw new Error(`the app did not create its schema (stores: ${[...db.objectStoreNames].join(', ')})`);
    }
    await new Promise((resolve, reject) => {
      const tx = db.transaction(['models', 'documents'], 'readwrite');
      tx.objectStore('models').put(meta);
      tx.objectStore('documents').put({ id: meta.id, json });
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error ?? new Error('seeding transaction aborted'));
    });
  } finally {
    db.close();
  }
}

/**
 * Opens a model from the home screen by clicking its row, as a user does, and times it:
 * - firstPaint: the first frame with a node view in the DOM has been painted;
 * - renderDone: first `tl:canvas-render-done` mark with node views mounted;
 * - idle: first `tl:canvas-idle` mark with node views mounted;
 * - interactive: the frame after that idle mark has been painted and the next animation frame
 *   came on time (not delayed by a long task), i.e. the app would handle input at once.
 * All times are ms from the click.
 */
export function openModel({ title, frameMs, timeoutMs }) {
  const NODE = 'g[data-testid^="node-"]';
  const count = () => document.querySelectorAll(NODE).length;
  const postTask = (fn) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => fn();
    channel.port2.postMessage(0);
  };
  return new Promise((resolve, reject) => {
    const button = [...document.querySelectorAll('button')].find((b) => b.getAttribute('aria-label') === `Open ${title}`);
    if (!button) return reject(new Error(`no "Open ${title}" button on the home screen`));
    performance.clearMarks();
    performance.clearMeasures();
    const result = { firstPaint: null, renderDone: null, idle: null, interactive: null, lateFrames: 0, marks: [] };
    let t0 = 0;
    let finished = false;
    const finish = (error) => {
      if (finished) return;
      finished = true;
      observer.disconnect();
      performance.mark = originalMark;
      clearTimeout(timer);
      if (error) reject(error);
      else resolve(result);
    };
    const timer = setTimeout(() => {
      result.timedOut = true;
      finish();
    }, timeoutMs);

    // First painted node view: a MutationObserver sees the first node <g> inserted (it runs
    // as a microtask inside the task that inserted it); the post-task then runs after paint.
    const observer = new MutationObserver(() => {
      if (result.firstPaint !== null || count() === 0) return;
      observer.disconnect();
      result.firstPaint = -1;
      postTask(() => (result.firstPaint = performance.now() - t0));
    });
    observer.observe(document.body, { childList: true, subtree: true });

    // The canvas's marks, with how many node views were mounted when each was made.
    const originalMark = performance.mark;
    performance.mark = function (name, options) {
      const entry = originalMark.call(performance, name, options);
      if (typeof name !== 'string' || !name.startsWith('tl:')) return entry;
      const mounted = count();
      const at = entry.startTime - t0;
      result.marks.push({ name, at, mounted });
      if (mounted === 0) return entry;
      if (name === 'tl:canvas-render-done' && result.renderDone === null) result.renderDone = at;
      if (name === 'tl:canvas-idle' && result.idle === null) {
        result.idle = at;
        // Interactive once a frame after the idle one comes on time.
        postTask(() => {
          const afterIdle = performance.now() - t0;
          let previous = null;
          const tick = (ts) => {
            if (previous !== null && ts - previous <= frameMs * 1.5) {
              result.interactive = result.lateFrames === 0 ? afterIdle : ts - t0;
              return finish();
            }
            if (previous !== null) result.lateFrames++;
            previous = ts;
            requestAnimationFrame(tick);
          };
          requestAnimationFrame(tick);
        });
      }
      return entry;
    };

    t0 = performance.now();
    button.click();
  });
}

/** How many node views the canvas has mounted, and where they are on screen. */
export function mountedNodes() {
  const canvas = document.querySelector('[data-testid=canvas]').getBoundingClientRect();
  const nodes = [...document.querySelectorAll('g[data-testid^="node-"]')].map((el) => {
    const r = el.getBoundingClientRect();
    return { testid: el.getAttribute('data-testid'), x: r.x, y: r.y, width: r.width, height: r.height };
  });
  const links = document.querySelectorAll('g[data-testid^="flow-"]').length;
  const boundaries = document.querySelectorAll('g[data-testid^="boundary-"]').length;
  return { canvas: { x: canvas.x, y: canvas.y, width: canvas.width, height: canvas.height }, nodes, links, boundaries };
}

/**
 * Records, for each pointer event of a drag, the time from the event to the end of the frame
 * that shows its effect. One sample per frame: moves that arrive while a frame is pending are
 * counted as coalesced. `window.__tlDrag.until(kind, n)` resolves when n samples are in.
 * A capture listener for the pointer event on window runs before every app listener, and a
 * bubble listener on window for the mouse event that follows it (JointJS drags on mouse events)
 * runs after them; microtasks such as Svelte effects run between listeners, so together they
 * bracket the handling of the input.
 */
export function installDragRecorder() {
  const rec = { down: null, moves: [], up: null, coalesced: 0, waiters: [] };
  const postTask = (fn) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => fn();
    channel.port2.postMessage(0);
  };
  const notify = () => {
    rec.waiters = rec.waiters.filter((w) => {
      const n = w.kind === 'moves' ? rec.moves.length : rec[w.kind] ? 1 : 0;
      if (n >= w.n) w.resolve();
      return n < w.n;
    });
  };
  const open = new Map(); // event type → sample being timed
  const start = (event, store) => {
    const s = { input: event.timeStamp, handlerStart: performance.now(), handlerEnd: null, frameStart: null };
    open.set(event.type, s);
    requestAnimationFrame((frameStart) => {
      s.frameStart = frameStart;
      postTask(() => {
        const painted = performance.now();
        const handlerEnd = s.handlerEnd ?? s.handlerStart;
        const from = Math.min(s.input, s.handlerStart);
        store({
          // Input → painted: what the user waits for, including the wait for the next frame.
          latency: painted - from,
          // Main-thread busy time: handling the event plus the frame that shows it, without
          // the idle wait for that frame when the event was handled between frames.
          work: handlerEnd - s.handlerStart + painted - Math.max(handlerEnd, frameStart),
          handler: handlerEnd - s.handlerStart,
        });
        notify();
      });
    });
  };
  // JointJS drags on mouse events, which follow the pointer events of the same input.
  const pointerType = { mousedown: 'pointerdown', mousemove: 'pointermove', mouseup: 'pointerup' };
  const end = (event) => {
    const type = pointerType[event.type];
    const s = open.get(type);
    if (s && s.handlerEnd === null) s.handlerEnd = performance.now();
    open.delete(type);
  };
  let pending = false;
  window.addEventListener('pointerdown', (e) => {
    if (rec.down === null && !open.has('pointerdown')) start(e, (s) => (rec.down = s));
  }, { capture: true });
  window.addEventListener('pointermove', (e) => {
    if (!(e.buttons & 1) || rec.up !== null) return;
    if (pending) return void rec.coalesced++;
    pending = true;
    start(e, (s) => {
      rec.moves.push(s);
      pending = false;
    });
  }, { capture: true });
  window.addEventListener('pointerup', (e) => {
    if (rec.up === null && !open.has('pointerup')) start(e, (s) => (rec.up = s));
  }, { capture: true });
  for (const type of Object.keys(pointerType)) window.addEventListener(type, end);
  rec.until = (kind, n) => new Promise((resolve) => {
    rec.waiters.push({ kind, n, resolve });
    notify();
  });
  window.__tlDrag = rec;
}

/** Samples gathered by the drag recorder (without its functions). */
export function dragSamples() {
  const { down, moves, up, coalesced } = window.__tlDrag;
  return { down, moves, up, coalesced };
}

/** Durations of `tl:autosave` measures so far. */
export function autosaves() {
  return performance.getEntriesByName('tl:autosave', 'measure').map((e) => e.duration);
}

/** Resolves with the durations once more than `known` autosaves happened (or on timeout). */
export function waitForAutosave({ known, timeoutMs }) {
  return new Promise((resolve) => {
    const started = performance.now();
    const poll = () => {
      const all = performance.getEntriesByName('tl:autosave', 'measure').map((e) => e.duration);
      if (all.length > known || performance.now() - started > timeoutMs) resolve(all);
      else setTimeout(poll, 20);
    };
    poll();
  });
}
