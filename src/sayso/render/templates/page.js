(() => {
  "use strict";
  const article = document.getElementById("article");
  const tip = document.getElementById("tip");
  const box = document.getElementById("selection");
  if (!article || !tip || !box) return;
  const hint = Array.from(box.childNodes);
  const KEY = /^k[0-9]+$/;
  const MARKS = ["sel", "rel-parent", "rel-child", "rel-denies", "rel-target", "rel-deniedby"];
  let pinned = null;

  const card = (k) => (KEY.test(k || "") ? document.getElementById("d-" + k) : null);
  const words = (el, name) => (el.getAttribute(name) || "").split(" ").filter((k) => KEY.test(k));
  const parts = (k, roles = "sct") =>
    article.querySelectorAll(Array.from(roles, (r) => `[data-${r}~="${k}"]`).join(","));
  const copy = (c) => {
    const clone = c.cloneNode(true);
    clone.removeAttribute("id");
    return clone;
  };

  function mark(k, cls, roles = "sct") {
    if (KEY.test(k)) parts(k, roles).forEach((el) => el.classList.add(cls));
  }

  function clear() {
    article.querySelectorAll(".seg").forEach((el) => el.classList.remove(...MARKS));
    article.classList.remove("has-sel");
    document.querySelectorAll('[aria-pressed="true"]').forEach((el) => el.setAttribute("aria-pressed", "false"));
    delete document.body.dataset.selected;
  }

  function select(k) {
    clear();
    const c = card(k);
    pinned = c ? k : null;
    if (!c) {
      box.replaceChildren(...hint);
      return;
    }
    mark(k, "sel");
    words(c, "data-parent").forEach((p) => mark(p, "rel-parent"));
    words(c, "data-children").forEach((p) => mark(p, "rel-child"));
    words(c, "data-denies").forEach((p) => {
      mark(p, "rel-target", "sc");
      mark(p, "rel-denies", "t");
    });
    words(c, "data-deniedby").forEach((p) => mark(p, "rel-deniedby"));
    article.classList.add("has-sel");
    document.querySelectorAll(`[data-h="${k}"],button.claim[data-k="${k}"]`).forEach((el) => el.setAttribute("aria-pressed", "true"));
    box.replaceChildren(copy(c));
    document.body.dataset.selected = c.dataset.id || "";
    try {
      history.replaceState(null, "", "#" + encodeURIComponent(c.dataset.id || ""));
    } catch (e) {
      /* a page opened from a file may refuse; the selection still works */
    }
  }

  function showTip(k, el) {
    const c = card(k);
    if (!c) return;
    tip.replaceChildren(copy(c));
    tip.hidden = false;
    const rects = el.getClientRects();
    const r = rects.length ? rects[0] : el.getBoundingClientRect();
    const width = tip.offsetWidth;
    const height = tip.offsetHeight;
    const left = Math.max(8, Math.min(r.left, document.documentElement.clientWidth - width - 8));
    const below = r.bottom + 8 + height <= window.innerHeight || r.top < height + 8;
    tip.style.left = `${left + window.scrollX}px`;
    tip.style.top = `${(below ? r.bottom + 8 : r.top - height - 8) + window.scrollY}px`;
  }

  function hideTip() {
    tip.hidden = true;
  }

  const segOf = (target) => (target instanceof Element ? target.closest("#article .seg") : null);

  article.addEventListener("mouseover", (ev) => {
    const s = segOf(ev.target);
    if (s) showTip(s.dataset.h || s.dataset.p, s);
  });
  article.addEventListener("mouseout", (ev) => {
    if (!segOf(ev.relatedTarget)) hideTip();
  });
  article.addEventListener("focusin", (ev) => {
    const h = ev.target instanceof Element ? ev.target.closest("[data-h]") : null;
    if (!h) return;
    select(h.dataset.h);
    showTip(h.dataset.h, h);
  });
  article.addEventListener("focusout", hideTip);
  article.addEventListener("click", (ev) => {
    const s = segOf(ev.target);
    if (!s) {
      select(null);
      return;
    }
    select(s.dataset.h || s.dataset.p);
  });
  article.addEventListener("keydown", (ev) => {
    const h = ev.target instanceof Element ? ev.target.closest("[data-h]") : null;
    if (h && (ev.key === "Enter" || ev.key === " ")) {
      ev.preventDefault();
      select(pinned === h.dataset.h ? null : h.dataset.h);
    }
  });

  document.querySelectorAll("button[data-k]").forEach((b) => {
    b.addEventListener("focus", () => select(b.dataset.k));
    b.addEventListener("click", () => {
      select(b.dataset.k);
      const first = parts(b.dataset.k)[0];
      if (first) first.scrollIntoView({ block: "nearest", behavior: "smooth" });
    });
  });
  document.addEventListener("keydown", (ev) => {
    if (ev.key === "Escape") {
      hideTip();
      select(null);
    }
  });
  window.addEventListener("scroll", hideTip, { passive: true });

  let wanted = "";
  try {
    wanted = decodeURIComponent(location.hash.slice(1));
  } catch (e) {
    wanted = "";
  }
  if (wanted) {
    const c = Array.from(document.querySelectorAll("#details .card")).find((el) => el.dataset.id === wanted);
    if (c) select(c.dataset.k);
  }
  document.body.dataset.ready = "true";
})();
