(function () {
  "use strict";
  // Events are drawn CHUNK at a time; more follow as the reader scrolls, so 10,000 events open at once.
  var CHUNK = 150;
  var YEAR_BINS_ABOVE = 240;
  var FLAG_MARKS = {
    approx: ["≈", "approximate", "The source qualifies this date (about, before, early, late…)"],
    inferred: ["?", "inferred context", "A source's publication date was inferred from its text: relative dates may be off"],
    conflict: ["!", "conflict", "Sources disagree on this date or on a source's publication date"],
    planned: ["→", "planned", "Planned or expected at the time of writing"],
    context: ["↳", "from context", "No date of its own: placed by the article's narrative or publication date"]
  };
  // How an event without a date of its own was placed (its "anch"): the context badge's word, and the note.
  var ANCHOR_MARKS = {
    narrative: ["narrative date", "No date of its own: placed at the date the article mentioned last before it."],
    report: ["report's date", "No date of its own: told in a quotation, placed at the date of the report it comes from."],
    publication: ["publication date", "No date of its own: placed at the article's publication date (told in the present, or in the past with no recent day named before it)."]
  };
  var MARK_TITLES = {timex: "Date expression", trigger: "Event: the word the date belongs to"};
  // A participant's code is its role's letter, a capital for a pronoun, then its text ("aApple", "Ait").
  var ROLES = {
    a: ["agent", "Agent: who or what does it"],
    p: ["patient", "Patient: who or what it is done to"],
    r: ["recipient", "Recipient: to whom it is done"]
  };
  var FLAG_NAMES = ["approx", "coarse", "inferred", "conflict", "planned", "context"];
  var SALIENCE_TITLE = "Salience, 0 to 1: independent sources, mentions, a place in the article's lead, " +
    "an explicit date and its precision";

  var data = JSON.parse(document.getElementById("timeline-data").textContent);
  var events = data.events;
  var articles = data.articles;
  var articleIndex = new Map(articles.map(function (a, i) { return [a.id, i]; }));

  var form = document.getElementById("filters");
  var inputs = {
    q: form.elements.q, from: form.elements.from, to: form.elements.to, src: form.elements.src,
    key: form.elements.key, keyn: form.elements.keyn
  };
  var boxes = {};
  Array.prototype.forEach.call(form.querySelectorAll("input[name=show]"), function (box) { boxes[box.value] = box; });
  var list = document.getElementById("events");
  var count = document.getElementById("count");
  var empty = document.getElementById("empty");
  var more = document.getElementById("more");
  var histogram = document.getElementById("histogram");
  var yearNav = document.getElementById("years");

  // Search reads what the events say; the source filter, not the search, selects by article.
  events.forEach(function (ev, i) {
    ev.i = i;
    ev.ym = ev.start.slice(0, 7);
    ev.text = [
      ev.desc, ev.date,
      ev.mentions.map(function (m) { return m.expr + " " + m.sent; }).join(" ")
    ].join(" ").toLowerCase();
  });

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  // Text with the date expression and the trigger, each [start, end) or null, wrapped in <mark> (of two that
  // overlap, the first is kept); built from text nodes only, never parsed as markup.
  function highlighted(node, text, timex, trigger) {
    var marks = [[timex, "timex"], [trigger, "trigger"]].filter(function (m) { return m[0]; });
    marks.sort(function (x, y) { return x[0][0] - y[0][0]; });
    var at = 0;
    marks.forEach(function (m) {
      if (m[0][0] < at) return;
      node.appendChild(document.createTextNode(text.slice(at, m[0][0])));
      var mark = el("mark", m[1], text.slice(m[0][0], m[0][1]));
      mark.title = MARK_TITLES[m[1]];
      node.appendChild(mark);
      at = m[0][1];
    });
    node.appendChild(document.createTextNode(text.slice(at)));
    return node;
  }

  // Who/what, where and who reports it, as the mention's sentence tells them; null when it tells none.
  function facts(m) {
    if (!m.who && !m.at && !m.by) return null;
    var line = el("p", "facts");
    function fact(kind, label) {
      var span = el("span", "fact " + kind);
      span.appendChild(el("span", "label", label));
      line.appendChild(span);
      return span;
    }
    if (m.who) {
      var who = fact("who", "Who/what ");
      m.who.forEach(function (code, n) {
        var letter = code.charAt(0), pronoun = letter !== letter.toLowerCase();
        var role = ROLES[letter.toLowerCase()];
        if (n) who.appendChild(document.createTextNode(" · "));
        who.appendChild(el("span", pronoun ? "pronoun" : "", code.slice(1)));
        var tag = el("span", "role", " " + role[0] + (pronoun ? ", pronoun" : ""));
        tag.title = role[1];
        who.appendChild(tag);
      });
    }
    if (m.at) fact("where", "Where ").appendChild(document.createTextNode(m.at));
    if (m.by) {
      fact("by", m.by[0] ? "Reported by " : "Reported ").appendChild(
        document.createTextNode(m.by[0] ? m.by[0] + " (" + m.by[1] + ")" : "(" + m.by[1] + "), no source named"));
    }
    return line;
  }

  // The trigger in the description: the payload gives it for a clause cut from the sentence; a description that
  // is its first mention's whole sentence takes the sentence's own mark (html._description_trigger).
  function descTrigger(ev) {
    var first = ev.mentions[0];
    return ev.tg || (first && first.sent === ev.desc ? first.tg : null);
  }

  function sourceName(a) {
    return a.publisher ? a.headline + " — " + a.publisher : a.headline;
  }

  function evidence(ev, details) {
    ev.mentions.forEach(function (m) {
      var a = articles[m.a] || {headline: "(unknown article)", publisher: "", published: "", file: ""};
      var box = el("div", "mention");
      var head = el("p", "m-head");
      head.appendChild(el("strong", "", a.headline));
      if (a.publisher) head.appendChild(document.createTextNode(" · " + a.publisher));
      box.appendChild(head);
      box.appendChild(el("p", "m-pub basis-" + a.basis, "Published " + a.published + (a.file ? " · " + a.file : "")));
      box.appendChild(highlighted(el("blockquote", "m-sentence"), m.sent, m.hl, m.tg));
      var told = facts(m);
      if (told) box.appendChild(told);
      box.appendChild(el("p", "m-how", m.how));
      details.appendChild(box);
    });
  }

  function eventNode(ev) {
    var li = el("li", "event status-" + ev.status);
    li.id = "e" + ev.i;
    li.tabIndex = -1;
    var when = el("p", "when");
    var time = el("time", "", ev.date);
    time.title = "EDTF " + ev.edtf + " · " + (ev.start === ev.end ? ev.start : ev.start + " to " + ev.end);
    when.appendChild(time);
    ev.flags.forEach(function (flag) {
      var mark = FLAG_MARKS[flag];
      if (!mark) return;
      var anchor = flag === "context" && ANCHOR_MARKS[ev.anch];
      var badge = el("span", "mark " + flag);
      badge.title = anchor ? anchor[1] : mark[2];
      badge.appendChild(el("span", "sym", mark[0]));
      badge.appendChild(document.createTextNode(" " + (anchor ? anchor[0] : mark[1])));
      when.appendChild(badge);
    });
    var salience = el("span", "salience", "salience " + ev.sal.toFixed(2));
    salience.title = SALIENCE_TITLE;
    when.appendChild(salience);
    li.appendChild(when);
    var body = el("div", "body");
    body.appendChild(highlighted(el("p", "desc"), ev.desc, ev.hl, descTrigger(ev)));
    // The event's structure as its first telling gives it, as in the exports (html.facts_mention).
    var told = ev.mentions.length ? facts(ev.mentions[0]) : null;
    if (told) body.appendChild(told);
    if (ANCHOR_MARKS[ev.anch]) body.appendChild(el("p", "note", ANCHOR_MARKS[ev.anch][1]));
    ev.notes.forEach(function (note) { body.appendChild(el("p", "note", note)); });
    var sources = el("p", "sources");
    sources.appendChild(el("span", "label", ev.src.length === 1 ? "Source " : "Sources "));
    ev.src.forEach(function (s, n) {
      if (n) sources.appendChild(document.createTextNode(" · "));
      sources.appendChild(el("cite", "", sourceName(articles[s])));
    });
    if (ev.tell) {
      sources.appendChild(el("span", "tellings", ev.tell === 1
        ? " (copies of one telling)" : " (" + ev.tell + " independent tellings)"));
    }
    body.appendChild(sources);
    var details = el("details", "evidence");
    var n = ev.mentions.length;
    details.appendChild(el("summary", "", "Evidence · " + n + (n === 1 ? " mention" : " mentions")));
    // Built on first opening: most evidence is never looked at, and it is the bulk of the nodes.
    details.addEventListener("toggle", function () {
      if (details.open && !details.dataset.built) {
        details.dataset.built = "1";
        evidence(ev, details);
      }
    });
    body.appendChild(details);
    li.appendChild(body);
    return li;
  }

  // ---- filtering (over the data, never the DOM) ----
  var shown = [];
  var rendered = 0;
  var groupCounts = new Map();
  var lastYear = null;
  var lastGroup = null;
  var currentYear = null;
  var currentOl = null;

  // A count of key events as typed or shared: a whole number of at least 1, else none.
  function keyCount(text) {
    return /^\s*\d+\s*$/.test(text) && +text >= 1 ? +text : 0;
  }

  function readForm() {
    return {
      q: inputs.q.value.trim(),
      from: inputs.from.value,
      to: inputs.to.value,
      src: inputs.src.value,
      hide: FLAG_NAMES.filter(function (f) { return boxes[f] && !boxes[f].checked; }),
      key: inputs.key.checked ? keyCount(inputs.keyn.value) || keyCount(inputs.keyn.defaultValue) : 0
    };
  }

  function writeForm(state) {
    inputs.q.value = state.q;
    inputs.from.value = state.from;
    inputs.to.value = state.to;
    inputs.src.value = articleIndex.has(state.src) ? state.src : "";
    FLAG_NAMES.forEach(function (f) { if (boxes[f]) boxes[f].checked = state.hide.indexOf(f) < 0; });
    inputs.key.checked = state.key > 0;
    inputs.keyn.value = state.key ? String(state.key) : inputs.keyn.defaultValue;
  }

  function toFragment(state) {
    var params = new URLSearchParams();
    if (state.q) params.set("q", state.q);
    if (state.from) params.set("from", state.from);
    if (state.to) params.set("to", state.to);
    if (state.src) params.set("src", state.src);
    if (state.hide.length) params.set("hide", state.hide.join(","));
    if (state.key) params.set("key", String(state.key));
    return params.toString();
  }

  function isFilterFragment(hash) {
    return hash.indexOf("=") >= 0;
  }

  function fromFragment(hash) {
    var params = new URLSearchParams(hash.replace(/^#/, ""));
    var isoDate = /^\d{4}-\d{2}-\d{2}$/;
    var from = params.get("from") || "";
    var to = params.get("to") || "";
    return {
      q: params.get("q") || "",
      from: isoDate.test(from) ? from : "",
      to: isoDate.test(to) ? to : "",
      src: params.get("src") || "",
      hide: (params.get("hide") || "").split(",").filter(function (f) { return FLAG_NAMES.indexOf(f) >= 0; }),
      key: keyCount(params.get("key") || "")
    };
  }

  function matcher(state) {
    var terms = state.q.toLowerCase().split(/\s+/).filter(Boolean);
    var src = state.src && articleIndex.has(state.src) ? articleIndex.get(state.src) : -1;
    var hide = new Set(state.hide);
    return function (ev) {
      if (state.from && ev.end < state.from) return false;
      if (state.to && ev.start > state.to) return false;
      if (src >= 0 && ev.src.indexOf(src) < 0) return false;
      for (var f = 0; f < ev.flags.length; f++) if (hide.has(ev.flags[f])) return false;
      for (var t = 0; t < terms.length; t++) if (ev.text.indexOf(terms[t]) < 0) return false;
      return true;
    };
  }

  // The key events view: the n most salient of the events the other filters keep, shown in page order. Equals
  // are taken in page order, as `build --top` takes them (salience.rank_key), so both keep the same events.
  function mostSalient(list, n) {
    if (list.length <= n) return list;
    return list.slice()
      .sort(function (a, b) { return b.sal - a.sal || a.i - b.i; })
      .slice(0, n)
      .sort(function (a, b) { return a.i - b.i; });
  }

  function groupKey(ev) { return ev.year + "\u0000" + ev.month; }

  function renderThrough(limit) {
    var stop = Math.min(shown.length, limit);
    for (; rendered < stop; rendered++) {
      var ev = shown[rendered];
      if (ev.year !== lastYear) {
        var year = el("section", "year");
        var h2 = el("h2", "year-h", ev.year);
        year.appendChild(h2);
        list.appendChild(year);
        lastYear = ev.year;
        lastGroup = null;
        currentYear = year;
      }
      var key = groupKey(ev);
      if (key !== lastGroup) {
        var group = el("section", "month");
        var h3 = el("h3", "month-h", ev.month === "Longer periods" ? ev.month : ev.month + " " + ev.year);
        var n = groupCounts.get(key);
        h3.appendChild(el("span", "n", n + (n === 1 ? " event" : " events")));
        group.appendChild(h3);
        var ol = el("ol", "list");
        group.appendChild(ol);
        currentYear.appendChild(group);
        lastGroup = key;
        currentOl = ol;
      }
      currentOl.appendChild(eventNode(ev));
    }
    more.hidden = rendered >= shown.length;
    list.dataset.rendered = String(rendered);
  }

  // Draw more while the end of the list is within LOOKAHEAD pixels below the viewport. A scroll check rather
  // than an IntersectionObserver: a long jump can carry the sentinel past the viewport without it ever
  // intersecting.
  var LOOKAHEAD = 1600;
  var filling = false;
  function fill() {
    if (filling || rendered >= shown.length) return;
    filling = true;
    requestAnimationFrame(function () {
      filling = false;
      if (rendered < shown.length && more.getBoundingClientRect().top < window.innerHeight + LOOKAHEAD) {
        renderThrough(rendered + CHUNK);
        fill();
      }
    });
  }
  window.addEventListener("scroll", fill, {passive: true});
  window.addEventListener("resize", fill);

  function apply(state) {
    var started = performance.now();
    var test = matcher(state);
    shown = events.filter(test);
    if (state.key) shown = mostSalient(shown, state.key);
    groupCounts = new Map();
    shown.forEach(function (ev) { var k = groupKey(ev); groupCounts.set(k, (groupCounts.get(k) || 0) + 1); });
    list.textContent = "";
    rendered = 0;
    lastYear = null;
    lastGroup = null;
    renderThrough(CHUNK);
    fill();
    empty.hidden = shown.length > 0;
    count.textContent = state.key
      ? "Showing " + shown.length + (shown.length === 1 ? " key event" : " key events") + " of " + events.length
      : shown.length === events.length
        ? "Showing all " + events.length + (events.length === 1 ? " event" : " events")
        : "Showing " + shown.length + " of " + events.length + " events";
    count.dataset.shown = String(shown.length);
    drawHistogram();
    updateYears();
    performance.measure("chronology-filter", {start: started, end: performance.now()});
  }

  function update() {
    var state = readForm();
    var fragment = toFragment(state);
    var url = location.href.replace(/#.*$/, "") + (fragment ? "#" + fragment : "");
    if (url !== location.href) {
      try { history.replaceState(null, "", url); } catch (e) { /* some file: contexts refuse; the filter still applies */ }
    }
    apply(state);
  }

  var pending = false;
  function schedule() {
    if (pending) return;
    pending = true;
    requestAnimationFrame(function () { pending = false; update(); });
  }

  // ---- overview: events per month (per year when the span is long) ----
  var SVG = "http://www.w3.org/2000/svg";
  var bins = (function () {
    if (!events.length) return {byYear: false, keys: []};
    var months = events.map(function (e) { return e.ym; }).sort();
    var first = months[0], last = months[months.length - 1];
    var y0 = +first.slice(0, 4), m0 = +first.slice(5, 7) - 1;
    var span = (+last.slice(0, 4) - y0) * 12 + (+last.slice(5, 7) - 1 - m0) + 1;
    var byYear = span > YEAR_BINS_ABOVE;
    var keys = [];
    if (byYear) {
      for (var y = y0; y <= +last.slice(0, 4); y++) keys.push(String(y).padStart(4, "0"));
    } else {
      for (var k = 0; k < span; k++) {
        var idx = y0 * 12 + m0 + k;
        keys.push(String(Math.floor(idx / 12)).padStart(4, "0") + "-" + String(idx % 12 + 1).padStart(2, "0"));
      }
    }
    return {byYear: byYear, keys: keys};
  })();
  document.getElementById("overview-label").textContent = bins.byYear ? "Events per year" : "Events per month";
  var MONTH_NAMES = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

  function binOf(ev) { return bins.byYear ? ev.ym.slice(0, 4) : ev.ym; }
  function binLabel(key) { return bins.byYear ? key : MONTH_NAMES[+key.slice(5, 7) - 1] + " " + key.slice(0, 4); }
  function tally(list) {
    var counts = new Map();
    list.forEach(function (ev) { var k = binOf(ev); counts.set(k, (counts.get(k) || 0) + 1); });
    return counts;
  }
  var totals = tally(events);
  var peak = Math.max.apply(null, [1].concat(Array.from(totals.values())));

  function drawHistogram() {
    var matched = tally(shown);
    var width = 1000, height = 64, n = bins.keys.length || 1, w = width / n;
    var svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("viewBox", "0 0 " + width + " " + height);
    svg.setAttribute("preserveAspectRatio", "none");
    svg.setAttribute("role", "img");
    svg.setAttribute("aria-labelledby", "overview-label");
    bins.keys.forEach(function (key, i) {
      var total = totals.get(key) || 0, hit = matched.get(key) || 0;
      var g = document.createElementNS(SVG, "g");
      g.setAttribute("class", "bin" + (hit ? "" : " none"));
      var title = document.createElementNS(SVG, "title");
      title.textContent = binLabel(key) + ": " + hit + " of " + total + " events";
      g.appendChild(title);
      [["hit", height], ["all", total / peak * (height - 2)], ["match", hit / peak * (height - 2)]].forEach(function (bar) {
        var rect = document.createElementNS(SVG, "rect");
        rect.setAttribute("class", bar[0]);
        rect.setAttribute("x", String(i * w + (n > 1 ? w * 0.1 : 0)));
        rect.setAttribute("width", String(Math.max(w * (n > 1 ? 0.8 : 1), 0.5)));
        rect.setAttribute("y", String(height - bar[1]));
        rect.setAttribute("height", String(bar[1]));
        g.appendChild(rect);
      });
      g.addEventListener("click", function () { jumpTo(function (ev) { return binOf(ev) >= key; }); });
      svg.appendChild(g);
    });
    histogram.textContent = "";
    histogram.appendChild(svg);
    var axis = el("div", "axis");
    if (bins.keys.length) {
      axis.appendChild(el("span", "", binLabel(bins.keys[0])));
      axis.appendChild(el("span", "", binLabel(bins.keys[bins.keys.length - 1])));
    }
    histogram.appendChild(axis);
  }

  var yearButtons = [];
  (function buildYears() {
    var seen = [];
    events.forEach(function (ev) { if (seen.indexOf(ev.year) < 0) seen.push(ev.year); });
    seen.forEach(function (year) {
      var button = el("button", "year-link", year);
      button.type = "button";
      button.setAttribute("role", "listitem");
      button.addEventListener("click", function () { jumpTo(function (ev) { return ev.year === year; }); });
      yearNav.appendChild(button);
      yearButtons.push([year, button]);
    });
  })();

  function updateYears() {
    var present = new Set(shown.map(function (ev) { return ev.year; }));
    yearButtons.forEach(function (pair) { pair[1].disabled = !present.has(pair[0]); });
  }

  function jumpTo(predicate) {
    var pos = -1;
    for (var i = 0; i < shown.length; i++) if (predicate(shown[i])) { pos = i; break; }
    if (pos < 0) return;
    if (pos >= rendered) renderThrough(pos + CHUNK);
    var node = document.getElementById("e" + shown[pos].i);
    var section = node.closest("section.month");
    var target = section && section.querySelector("li") === node ? section : node;
    target.scrollIntoView({block: "start"});
    node.focus({preventScroll: true});
  }

  // In-page links scroll without replacing the fragment, which holds the filter state.
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a[href^='#']");
    if (!link) return;
    var target = document.getElementById(link.getAttribute("href").slice(1));
    if (!target) return;
    event.preventDefault();
    target.scrollIntoView({block: "start"});
    if (target.tabIndex < 0) target.tabIndex = -1;
    target.focus({preventScroll: true});
  });

  // Choosing how many key events asks for them.
  inputs.keyn.addEventListener("input", function () { inputs.key.checked = true; });
  form.addEventListener("input", schedule);
  form.addEventListener("change", schedule);
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.addEventListener("reset", function () { setTimeout(schedule, 0); });
  window.addEventListener("hashchange", function () {
    if (!isFilterFragment(location.hash)) return;
    writeForm(fromFragment(location.hash));
    apply(readForm());
  });
  // Printing shows the whole chronology, not only the chunks drawn so far.
  window.addEventListener("beforeprint", function () { renderThrough(shown.length); });

  if (isFilterFragment(location.hash)) writeForm(fromFragment(location.hash));
  apply(readForm());
  performance.mark("chronology-first-chunk");
  document.documentElement.dataset.ready = "1";
})();
