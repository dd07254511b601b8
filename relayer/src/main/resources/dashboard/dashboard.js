// The relayer's dashboard: reads the same JSON API and SSE stream that operators' tools use.
// No framework and no build step; all text goes in through textContent.
'use strict';

const REFRESH_MS = 3000;
const journeys = new Map(); // messageId -> journey
let selectedJourney = null;

function cell(text, className) {
  const td = document.createElement('td');
  td.textContent = text === null || text === undefined ? '–' : String(text);
  if (className) td.className = className;
  return td;
}

function row(cells) {
  const tr = document.createElement('tr');
  cells.forEach((c) => tr.appendChild(c));
  return tr;
}

function replaceRows(tableId, rows) {
  const body = document.querySelector('#' + tableId + ' tbody');
  body.replaceChildren(...rows);
}

async function getJson(path) {
  const response = await fetch(path, { headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(path + ': HTTP ' + response.status);
  return response.json();
}

function outcomeClass(outcome) {
  if (outcome === 'success' || outcome === 'confirmed' || outcome === true) return 'ok';
  if (outcome === 'fail' || outcome === 'failed' || outcome === 'dead' || outcome === 'timeout' || outcome === false) return 'bad';
  return 'wait';
}

// ---- chains and routes ----

async function refreshChains() {
  const chains = await getJson('/api/v1/chains');
  replaceRows('chains', chains.map((c) => {
    const tr = row([
      cell(c.name),
      cell(c.connected ? 'connected' : 'disconnected', c.connected ? 'ok' : 'bad'),
      cell(c.finalizedBlock >= 0 ? '#' + c.finalizedBlock : null, 'num'),
      cell(c.secondsSinceFinalized >= 0 ? c.secondsSinceFinalized + ' s ago' : null, 'num'),
      cell(c.caughtUp ? 'yes' : 'no', c.caughtUp ? 'ok' : 'wait'),
      cell(c.endpoint, 'muted'),
    ]);
    tr.dataset.chain = c.name;
    return tr;
  }));
}

async function newestItem(route, state) {
  const items = await getJson('/api/v1/items?route=' + encodeURIComponent(route) + '&state=' + state + '&limit=1');
  return items.length > 0 ? items[0] : null;
}

async function refreshRoutes() {
  const routes = await getJson('/api/v1/routes');
  const rows = await Promise.all(routes.map(async (r) => {
    const items = r.items || {};
    const [relayed, failed, dead] = await Promise.all([
      newestItem(r.name, 'confirmed'), newestItem(r.name, 'failed'), newestItem(r.name, 'dead')]);
    const failure = [failed, dead].filter((i) => i).sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : -1))[0];
    const tr = row([
      cell(r.name),
      cell(r.kind),
      cell(r.source + ' → ' + r.target),
      cell(r.owned ? 'yes' : 'no', r.owned ? 'ok' : 'wait'),
      cell(items.pending, 'num'),
      cell(items.in_flight, 'num'),
      cell(items.submitted, 'num'),
      cell(items.confirmed, 'num'),
      cell(items.failed, 'num'),
      cell(items.dead, items.dead > 0 ? 'num bad' : 'num'),
      cell(relayed ? relayed.id + ' at ' + relayed.updatedAt : null),
      cell(failure ? failure.id + ': ' + (failure.lastError || failure.state) : null, failure ? 'bad' : ''),
    ]);
    tr.dataset.route = r.name;
    return tr;
  }));
  replaceRows('routes', rows);
}

// ---- BEEFY, from the Prometheus metrics the service exports ----

function parseMetrics(text) {
  const samples = [];
  for (const line of text.split('\n')) {
    if (line.startsWith('#') || line.trim() === '') continue;
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{([^}]*)\})?\s+(\S+)/.exec(line);
    if (!match) continue;
    const labels = {};
    (match[3] || '').replace(/(\w+)="((?:[^"\\]|\\.)*)"/g, (all, key, value) => { labels[key] = value; return ''; });
    samples.push({ name: match[1], labels, value: Number(match[4]) });
  }
  return samples;
}

function value(samples, name, labels) {
  const found = samples.find((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v));
  return found ? found.value : null;
}

async function refreshBeefy() {
  const response = await fetch('/metrics');
  const samples = parseMetrics(await response.text());
  const rows = [];
  for (const s of samples.filter((x) => x.name === 'relayer_beefy_latest_block')) {
    const chain = s.labels.chain;
    rows.push(row([
      cell(chain + ' (verified here)'),
      cell('#' + s.value, 'num'),
      cell(null), cell(null),
      cell((value(samples, 'relayer_beefy_justifications_total', { chain, outcome: 'valid' }) ?? 0) + ' / ' +
           (value(samples, 'relayer_beefy_justifications_total', { chain, outcome: 'invalid' }) ?? 0), 'num'),
    ]));
  }
  for (const s of samples.filter((x) => x.name === 'relayer_beefy_contract_latest_block')) {
    const route = s.labels.route;
    const lagBlocks = value(samples, 'relayer_beefy_contract_lag_blocks', { route });
    rows.push(row([
      cell(route + ' (in the BeefyClient contract)'),
      cell('#' + s.value, 'num'),
      cell(lagBlocks, lagBlocks !== null && lagBlocks > 600 ? 'num bad' : 'num'),
      cell(value(samples, 'relayer_beefy_contract_lag_seconds', { route }), 'num'),
      cell(null),
    ]));
  }
  replaceRows('beefy', rows);
}

// ---- XCM journeys: the list, one journey's legs, and the live stream ----

function journeyId(j) { return j.messageId || j.id; }

function filters() {
  const form = document.getElementById('journey-filters');
  return { origin: form.origin.value.trim(), destination: form.destination.value.trim(), outcome: form.outcome.value };
}

function matches(j, f) {
  return (!f.origin || j.origin === f.origin || (j.origin && j.origin.chain === f.origin)) &&
    (!f.destination || j.destination === f.destination || (j.destination && j.destination.chain === f.destination)) &&
    (!f.outcome || j.outcome === f.outcome);
}

function chainName(end) { return end && typeof end === 'object' ? end.chain : end; }

function renderJourneys() {
  const f = filters();
  const list = [...journeys.values()].filter((j) => matches(j, f))
    .sort((a, b) => String(b.sentAt || b.updatedAt || '').localeCompare(String(a.sentAt || a.updatedAt || '')));
  replaceRows('journeys', list.map((j) => {
    const tr = row([
      cell(journeyId(j)),
      cell(chainName(j.origin)),
      cell(chainName(j.destination)),
      cell(j.outcome, outcomeClass(j.outcome)),
      cell(j.sentAt || j.createdAt || null),
      cell(Array.isArray(j.legs) ? j.legs.length : null, 'num'),
    ]);
    tr.dataset.messageId = journeyId(j);
    tr.dataset.outcome = j.outcome || '';
    tr.addEventListener('click', () => showJourney(journeyId(j)));
    return tr;
  }));
}

async function showJourney(id) {
  selectedJourney = id;
  const j = await getJson('/api/v1/xcm/journeys/' + encodeURIComponent(id));
  journeys.set(id, j);
  document.getElementById('journey-detail').hidden = false;
  document.getElementById('journey-id').textContent = id;
  replaceRows('legs', (j.legs || []).map((leg, index) => row([
    cell(index + 1, 'num'),
    cell(leg.chain),
    cell(leg.block !== undefined ? '#' + leg.block : null, 'num'),
    cell(leg.event),
    cell(leg.outcome, outcomeClass(leg.outcome)),
    cell(leg.error || leg.detail || null),
  ])));
}

async function loadJourneys() {
  const f = filters();
  const query = new URLSearchParams(Object.entries(f).filter(([, v]) => v));
  const response = await fetch('/api/v1/xcm/journeys' + (query.toString() ? '?' + query : ''));
  if (response.status === 404) {
    document.getElementById('stream-state').textContent = 'no XCM tracker route is configured';
    return;
  }
  if (!response.ok) throw new Error('/api/v1/xcm/journeys: HTTP ' + response.status);
  const list = await response.json();
  for (const j of (Array.isArray(list) ? list : list.journeys || [])) journeys.set(journeyId(j), j);
  renderJourneys();
}

function streamJourneys() {
  const state = document.getElementById('stream-state');
  const source = new EventSource('/api/v1/xcm/events');
  source.onopen = () => { state.textContent = 'live'; };
  source.onerror = () => { state.textContent = 'reconnecting…'; };
  source.onmessage = (event) => onJourneyEvent(event.data);
  // named events carry the journey too
  for (const name of ['journey', 'sent', 'received', 'relayed', 'timeout', 'hop', 'outcome']) {
    source.addEventListener(name, (event) => onJourneyEvent(event.data));
  }
}

function onJourneyEvent(data) {
  let j;
  try { j = JSON.parse(data); } catch (e) { return; }
  const journey = j.journey || j;
  const id = journeyId(journey);
  if (!id) return;
  journeys.set(id, Object.assign(journeys.get(id) || {}, journey));
  renderJourneys();
  if (selectedJourney === id) showJourney(id).catch(report);
}

// ---- the loop ----

function report(error) {
  const problem = document.getElementById('problem');
  problem.hidden = !error;
  problem.textContent = error ? String(error.message || error) : '';
}

async function refresh() {
  try {
    await Promise.all([refreshChains(), refreshRoutes(), refreshBeefy(), loadJourneys()]);
    document.getElementById('updated').textContent = 'updated ' + new Date().toLocaleTimeString();
    report(null);
  } catch (error) {
    report(error);
  }
}

document.getElementById('journey-filters').addEventListener('input', () => loadJourneys().catch(report));
refresh();
setInterval(refresh, REFRESH_MS);
streamJourneys();
