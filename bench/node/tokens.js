// SPDX-License-Identifier: GPL-3.0-or-later
// The Node SDK's side of rows 1-2 of scripts/bench: same inputs, same loop shape as bench_tokens.
// Usage: node tokens.js <inputs.json> <seconds> <archive-page.json>
'use strict';
const fs = require('fs');
const OpenTok = require('opentok');
const generateJwt = require('opentok/lib/generateJwt');

const [inputsPath, secondsArg, pagePath] = process.argv.slice(2);
const inputs = JSON.parse(fs.readFileSync(inputsPath, 'utf8'));
const seconds = Number(secondsArg || 2);

function perSecond(op) {
  const start = process.hrtime.bigint();
  const budget = BigInt(Math.round(seconds * 1e9));
  let calls = 0;
  let elapsed;
  do {
    for (let i = 0; i < 64; ++i) op();
    calls += 64;
    elapsed = process.hrtime.bigint() - start;
  } while (elapsed < budget);
  return calls / (Number(elapsed) / 1e9);
}

const ot = new OpenTok(inputs.apiKey, inputs.apiSecret);
const opts = {
  role: inputs.role,
  expireTime: Math.floor(Date.now() / 1000) + inputs.expireInSecs,
  data: inputs.data,
};
let sink = 0;
const jwt = perSecond(() => { sink += ot.generateToken(inputs.sessionId, opts).length; });
const t1 = perSecond(() => { sink += ot.generateToken(inputs.sessionId, opts, true).length; });
// What the SDK signs for every REST call (lib/generateJwt.js, used by lib/api.js).
const restConfig = { apiKey: inputs.apiKey, apiSecret: inputs.apiSecret, auth: { expire: 180 } };
const rest = perSecond(() => { sink += generateJwt(restConfig).length; });

console.log(`client_jwt_per_s ${jwt.toFixed(0)}`);
console.log(`client_t1_per_s ${t1.toFixed(0)}`);
console.log(`rest_jwt_per_s ${rest.toFixed(0)}`);

if (pagePath) {
  // listArchives: lib/api.js JSON.parse()s the body, lib/archiving.js copies each item's own
  // properties into an Archive (not exported, so its constructor's copy loop is repeated here).
  const text = fs.readFileSync(pagePath, 'utf8');
  const hasProp = {}.hasOwnProperty;
  const times = [];
  const start = process.hrtime.bigint();
  do {
    const t = process.hrtime.bigint();
    const body = JSON.parse(text);
    const items = body.items.map((item) => {
      const archive = {};
      for (const key in item) if (hasProp.call(item, key)) archive[key] = item[key];
      return archive;
    });
    sink += items.length;
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  } while (times.length < 5 || Number(process.hrtime.bigint() - start) < seconds * 1e9);
  times.sort((a, b) => a - b);
  console.log(`page_parse_ms ${times[Math.floor(times.length / 2)].toFixed(3)}`);
}
if (sink === 0) process.exitCode = 1;
