const test = require("node:test");
const assert = require("node:assert");
const { sum, average } = require("../sum.js");

test("sum adds", () => {
  assert.strictEqual(sum([1, 2, 3]), 6);
});

test("average divides", () => {
  assert.strictEqual(average([2, 4]), 3);
});
