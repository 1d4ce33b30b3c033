import assert from "node:assert/strict";
import { test } from "node:test";

import { greedyPages, pageToShow } from "../../static/js/pages.js";

// A screen of 100 lines; each item is as many lines tall as its value.
const fitsIn = (limit) => (members) => members.reduce((sum, height) => sum + height, 0) <= limit;

test("items fill a page in order before the next page starts", () => {
  assert.deepEqual(greedyPages([40, 30, 20, 50, 60], fitsIn(100)), [[40, 30, 20], [50], [60]]);
});

test("an item taller than the screen gets a page of its own, for the caller to split", () => {
  assert.deepEqual(greedyPages([30, 150, 30], fitsIn(100)), [[30], [150], [30]]);
});

test("what fits is one page, and nothing is no page", () => {
  assert.deepEqual(greedyPages([10, 20], fitsIn(100)), [[10, 20]]);
  assert.deepEqual(greedyPages([], fitsIn(100)), []);
});

test("pages turn with the clock unless the facilitator turned one", () => {
  const turnMs = 15000;
  assert.equal(pageToShow({ turned: null, count: 3, now: 0, turnMs }), 0);
  assert.equal(pageToShow({ turned: null, count: 3, now: 16000, turnMs }), 1);
  assert.equal(pageToShow({ turned: null, count: 3, now: 46000, turnMs }), 0);
  assert.equal(pageToShow({ turned: 4, count: 3, now: 16000, turnMs }), 1); // wraps round
  assert.equal(pageToShow({ turned: 0, count: 3, now: 16000, turnMs }), 0);
});
