// SPDX-License-Identifier: GPL-3.0-or-later
// The Node SDK's side of row 6 of scripts/bench: page through every archive with listArchives.
// Usage: node list.js <apiUrl> <apiKey> <apiSecret> <expectedCount>; prints "list_ms <ms>".
'use strict';
const OpenTok = require('opentok');

const [apiUrl, apiKey, apiSecret, expected] = process.argv.slice(2);
const ot = new OpenTok(apiKey, apiSecret, { apiUrl });
const start = process.hrtime.bigint();
let seen = 0;

function page(offset) {
  ot.listArchives({ offset, count: 1000 }, (err, archives, total) => {
    if (err) {
      console.error(err.message);
      process.exit(1);
    }
    seen += archives.length;
    if (archives.length > 0 && offset + archives.length < total) {
      page(offset + archives.length);
      return;
    }
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (seen !== Number(expected)) {
      console.error(`listed ${seen} archives, expected ${expected}`);
      process.exit(1);
    }
    console.log(`list_ms ${ms.toFixed(1)}`);
  });
}
page(0);
