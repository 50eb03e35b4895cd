// The status page: polls /api/stats, /api/members and /api/history about once a second.
// Every string from the server is put in the page with textContent, never as markup:
// names and addresses come from the network.
"use strict";

const COLOURS = ["#36c", "#e73", "#2a6", "#c3c", "#b70", "#888", "#c33", "#0aa"];

function text(id, value) {
  document.getElementById(id).textContent = value;
}

function duration(seconds) {
  const d = Math.floor(seconds / 86400), h = Math.floor(seconds / 3600) % 24;
  const m = Math.floor(seconds / 60) % 60, s = Math.floor(seconds % 60);
  return (d ? d + "d " : "") + (d || h ? h + "h " : "") + (d || h || m ? m + "m " : "") + s + "s";
}

function time(ms) {
  return ms == null || ms < 0 ? "never" : new Date(ms).toLocaleString();
}

function ago(ms) {
  if (ms == null || ms < 0) return "";
  const s = Math.max(0, (Date.now() - ms) / 1000);
  return s < 1 ? "now" : Math.round(s) + " s ago";
}

function bytes(n) {
  if (n == null) return "none";
  const units = ["B", "KiB", "MiB", "GiB"];
  let i = 0;
  while (n >= 1024 && i < units.length - 1) { n /= 1024; i++; }
  return (i ? n.toFixed(1) : n) + " " + units[i];
}

async function json(path) {
  const response = await fetch(path, { cache: "no-store" });
  if (!response.ok) throw new Error(path + ": " + response.status);
  return response.json();
}

function showStats(stats) {
  text("room", stats.room);
  const tag = document.getElementById("private");
  tag.textContent = stats.private ? "private" : "open";
  tag.className = stats.private ? "tag private" : "tag";
  text("uptime", duration(stats.uptimeSeconds));
  text("epoch", String(stats.epoch));
  text("server-key", stats.serverKeyShort);
  document.getElementById("server-key").title = stats.serverKey;
  text("head", String(stats.head));
  text("last-event", stats.lastEventAt == null ? "none in memory" : time(stats.lastEventAt) + " (" + ago(stats.lastEventAt) + ")");
  const j = stats.journal;
  text("journal", j.sizeBytes == null ? "none (nothing kept on disk)" : bytes(j.sizeBytes) + ", " + j.events + " events written");
  text("compaction", j.lastCompactionAt == null ? "none since start" : time(j.lastCompactionAt));
  text("rcvbuf", bytes(stats.receiveBufferBytes));
  text("rcvbuf-errors", stats.rcvbufErrors == null ? "unknown" : String(stats.rcvbufErrors));
  text("live", String(stats.presence.live));
  text("suspect", String(stats.presence.suspect));
  text("away", String(stats.presence.away));
}

function cell(row, value, className) {
  const td = document.createElement("td");
  td.textContent = value;
  if (className) td.className = className;
  row.appendChild(td);
}

function showMembers(members) {
  text("member-count", String(members.count));
  const body = document.querySelector("#members tbody");
  const rows = [];
  for (const m of members.members) {
    const row = document.createElement("tr");
    row.dataset.name = m.name; // an attribute value set through the DOM: not parsed as markup
    cell(row, m.name, "name");
    cell(row, m.address);
    cell(row, m.state, "state-" + m.state.replace(/[^a-z]/g, ""));
    cell(row, ago(m.lastSeenAt));
    cell(row, m.rttMs == null ? "–" : m.rttMs.toFixed(1) + " ms");
    cell(row, String(m.unacked));
    cell(row, time(m.joinedAt));
    rows.push(row);
  }
  body.replaceChildren(...rows);
  const more = document.getElementById("more");
  more.hidden = members.count <= members.members.length;
  more.textContent = "and " + (members.count - members.members.length) + " more (the first " + members.members.length + " are listed)";
}

// A line chart of series (arrays of per-second values, oldest first) on a canvas.
function chart(id, series) {
  const canvas = document.getElementById(id);
  const g = canvas.getContext("2d");
  const w = canvas.width, h = canvas.height, pad = 30, n = 600;
  g.clearRect(0, 0, w, h);
  let max = 2, total = 0; // at least 2: the middle line's label is then a whole number
  for (const s of series) for (const v of s.values) { max = Math.max(max, v); total += v; }
  max = Math.ceil(max / 2) * 2;
  g.strokeStyle = "#eee"; g.fillStyle = "#999"; g.font = "10px sans-serif";
  for (let i = 0; i <= 2; i++) {
    const y = h - 15 - (h - 25) * i / 2;
    g.beginPath(); g.moveTo(pad, y); g.lineTo(w, y); g.stroke();
    g.fillText(String(Math.round(max * i / 2)), 2, y + 3);
  }
  g.fillText("-10 min", pad, h - 3); g.fillText("now", w - 22, h - 3);
  for (const s of series) {
    g.strokeStyle = s.colour; g.lineWidth = 1.5; g.beginPath();
    const start = n - s.values.length;
    s.values.forEach((v, i) => {
      const x = pad + (w - pad) * (start + i) / (n - 1);
      const y = h - 15 - (h - 25) * v / max;
      if (i === 0) g.moveTo(x, y); else g.lineTo(x, y);
    });
    g.stroke();
  }
  canvas.dataset.total = String(total); // what a test reads to see the chart move
  canvas.dataset.points = String(series.length ? series[0].values.length : 0);
}

function showHistory(history) {
  const s = history.series, none = [];
  chart("chart-messages", [{ values: s.messages || none, colour: COLOURS[0] }]);
  chart("chart-datagrams", [
    { values: s.datagramsIn || none, colour: COLOURS[0] },
    { values: s.datagramsOut || none, colour: COLOURS[1] }]);
  const drops = Object.keys(s).filter(k => k.startsWith("drop:"))
    .filter(k => s[k].some(v => v > 0));
  const keys = document.getElementById("drop-keys");
  keys.replaceChildren(...drops.map((k, i) => {
    const span = document.createElement("span");
    span.className = "key";
    span.style.borderColor = COLOURS[i % COLOURS.length];
    span.textContent = k.substring(5);
    return span;
  }));
  chart("chart-drops", drops.map((k, i) => ({ values: s[k], colour: COLOURS[i % COLOURS.length] })));
  chart("chart-retransmits", [{ values: s.retransmits || none, colour: COLOURS[1] }]);
}

async function refresh() {
  const problem = document.getElementById("problem");
  try {
    const [stats, members, history] =
      await Promise.all([json("/api/stats"), json("/api/members"), json("/api/history")]);
    showStats(stats);
    showMembers(members);
    showHistory(history);
    problem.hidden = true;
  } catch (e) {
    problem.textContent = "cannot reach the server: " + e.message;
    problem.hidden = false;
  }
}

// A poll, not Server-Sent Events: see docs/HTTP.md. The next one starts 800 ms after the last
// answered (the server's answers may be up to 200 ms old: at most a second behind), so a slow
// server is never asked more than it answers.
async function loop() {
  await refresh();
  setTimeout(loop, 800);
}
loop();
