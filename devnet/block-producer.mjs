// Asks each chopsticks endpoint for a new block every interval, so the devnet's chains advance
// like live ones even after the launcher exits (chopsticks itself builds blocks only on demand).
// Usage: node block-producer.mjs <intervalMs> <http endpoint>...
// While a file named block-producer.paused exists in the working directory (the devnet directory),
// it makes no blocks: tests stop the chains' finality that way and resume it by deleting the file.
import { existsSync } from 'node:fs';
const [intervalArg, ...endpoints] = process.argv.slice(2);
const interval = Number(intervalArg);
if (!Number.isFinite(interval) || interval < 100 || endpoints.length === 0) {
  console.error('usage: node block-producer.mjs <intervalMs >= 100> <http endpoint>...');
  process.exit(2);
}
let id = 0;
async function newBlock(endpoint) {
  try {
    const response = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', id: ++id, method: 'dev_newBlock', params: [] }),
    });
    const reply = await response.json();
    if (reply.error) console.error(`${endpoint}: ${JSON.stringify(reply.error)}`);
  } catch (error) {
    console.error(`${endpoint}: ${error.message}`);
  }
}
let busy = false;
setInterval(async () => {
  if (busy) return; // a slow block must not pile up requests
  if (existsSync('block-producer.paused')) return;
  busy = true;
  for (const endpoint of endpoints) await newBlock(endpoint);
  busy = false;
}, interval);
process.on('SIGTERM', () => process.exit(0));
