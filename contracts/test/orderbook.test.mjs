// Quick checks of the order book on ethereumjs's EVM: `npm test` (after `npm ci`).
import { test, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { Chain, ETHER } from './harness.mjs';

const LOT = 10n ** 15n; // 0.001 token
const TICK = 10n ** 12n; // 0.000001 quote per token
const NATIVE = '0x0000000000000000000000000000000000000000';

let chain, owner, alice, bob, carol, alpha, beta, book;

beforeEach(async () => {
  chain = await Chain.create();
  owner = await chain.fund('owner');
  alice = await chain.fund('alice');
  bob = await chain.fund('bob');
  carol = await chain.fund('carol');
  alpha = await chain.deploy(owner, 'DemoToken', ['Alpha', 'ALPHA', [alice, bob, carol], 1000n * ETHER]);
  beta = await chain.deploy(owner, 'DemoToken', ['Beta', 'BETA', [alice, bob, carol], 1000n * ETHER]);
  book = await chain.deploy(owner, 'OrderBook');
  await book.send(owner, 'listMarket', [alpha.address, NATIVE, LOT, TICK]);
  await book.send(owner, 'listMarket', [beta.address, alpha.address, LOT, TICK]);
  for (const who of [alice, bob, carol]) {
    await alpha.send(who, 'approve', [book.address, 2n ** 256n - 1n]);
    await beta.send(who, 'approve', [book.address, 2n ** 256n - 1n]);
  }
});

const cost = (quantity, price) => (quantity * price) / ETHER;

test('a crossing buy fills at the resting price, refunds the improvement and leaves the rest resting', async () => {
  const sellerCoin = await chain.balance(alice);
  const buyerCoin = await chain.balance(bob);
  const sell = await book.send(alice, 'sell', [alpha.address, 2n * ETHER, 1n * ETHER]);
  const sellId = sell.value[0];
  assert.equal(await alpha.call('balanceOf', [book.address]), 2n * ETHER);

  const buyQty = 1500n * LOT; // 1.5 ALPHA
  const limit = 1_200_000n * TICK; // 1.2 per ALPHA
  const buy = await book.send(bob, 'buy', [alpha.address, buyQty, limit], cost(buyQty, limit));
  const buyId = buy.value[0];

  assert.equal(await chain.balance(alice), sellerCoin + cost(buyQty, ETHER));
  assert.equal(await chain.balance(bob), buyerCoin - cost(buyQty, ETHER));
  assert.equal(await alpha.call('balanceOf', [bob]), 1000n * ETHER + buyQty);
  assert.equal(await alpha.call('balanceOf', [book.address]), 2n * ETHER - buyQty);

  const names = buy.events.map((e) => e.name);
  assert.deepEqual(names, ['OrderPlaced', 'Trade', 'Transfer']);
  const trade = buy.events[1].args;
  assert.equal(trade.buyOrderId, buyId);
  assert.equal(trade.sellOrderId, sellId);
  assert.equal(trade.price, ETHER);
  assert.equal(trade.quantity, buyQty);
  assert.equal(trade.buyerIsTaker, true);

  const [bids, asks] = await book.call('getOrderBook', [alpha.address]);
  assert.equal(bids.length, 0);
  assert.equal(asks.length, 1);
  assert.equal(asks[0].quantity, 2n * ETHER - buyQty);
  const order = await book.call('getOrder', [sellId]);
  assert.equal(order.filled, buyQty);
  assert.equal(order.status, 1n);
  assert.equal((await book.call('getOrder', [buyId])).status, 2n);
});

test('orders fill best price first, then oldest first', async () => {
  const worse = (await book.send(carol, 'sell', [alpha.address, ETHER, 1_100_000n * TICK])).value[0];
  const first = (await book.send(alice, 'sell', [alpha.address, ETHER, ETHER])).value[0];
  const second = (await book.send(bob, 'sell', [alpha.address, ETHER, ETHER])).value[0];
  const [, asks] = await book.call('getOrderBook', [alpha.address]);
  assert.deepEqual(asks.map((a) => a.id), [first, second, worse]);
  const buy = await book.send(carol, 'buy', [alpha.address, 2500n * LOT, 1_100_000n * TICK], cost(2500n * LOT, 1_100_000n * TICK));
  const trades = buy.events.filter((e) => e.name === 'Trade').map((e) => [e.args.seller, e.args.price, e.args.quantity]);
  assert.deepEqual(trades, [
    [alice, ETHER, ETHER],
    [bob, ETHER, ETHER],
    [carol, 1_100_000n * TICK, 500n * LOT],
  ]);
  const recent = await book.call('getTrades', [alpha.address, 10n]);
  assert.deepEqual(recent.map((t) => t.seller), [carol, bob, alice]);
});

test('bids sort highest first and asks lowest first across many levels', async () => {
  const prices = [5n, 1n, 9n, 3n, 7n].map((p) => p * 100_000n * TICK);
  for (const p of prices) await book.send(alice, 'buy', [alpha.address, LOT, p], cost(LOT, p));
  for (const p of prices) await book.send(bob, 'sell', [alpha.address, LOT, p + 1_000_000n * TICK]);
  const [bids, asks] = await book.call('getOrderBook', [alpha.address]);
  assert.deepEqual(bids.map((b) => b.price), [...prices].sort((a, b) => (a > b ? -1 : 1)));
  assert.deepEqual(asks.map((a) => a.price), [...prices].sort((a, b) => (a < b ? -1 : 1)).map((p) => p + 1_000_000n * TICK));
  const market = await book.call('getMarket', [alpha.address]);
  assert.equal(market.bestBid, 900_000n * TICK);
  assert.equal(market.bestAsk, 1_100_000n * TICK);
});

test('cancel refunds the unfilled escrow to the owner only, once', async () => {
  const before = await chain.balance(bob);
  const id = (await book.send(bob, 'buy', [alpha.address, ETHER, ETHER], ETHER)).value[0];
  await book.send(alice, 'sell', [alpha.address, 250n * LOT, ETHER]);
  await assert.rejects(book.send(alice, 'cancel', [id]), /NotOrderOwner/);
  const cancelled = await book.send(bob, 'cancel', [id]);
  assert.equal(cancelled.events[0].name, 'OrderCancelled');
  assert.equal(cancelled.events[0].args.unfilled, 750n * LOT);
  assert.equal(await chain.balance(bob), before - cost(250n * LOT, ETHER));
  await assert.rejects(book.send(bob, 'cancel', [id]), /OrderNotOpen/);
  const [bids] = await book.call('getOrderBook', [alpha.address]);
  assert.equal(bids.length, 0);
});

test('one call fills at most MAX_MATCHES_PER_ORDER orders and cancels a still-crossing remainder', async () => {
  for (let i = 0; i < 40; i++) await book.send(alice, 'sell', [alpha.address, LOT, ETHER]);
  const before = await chain.balance(bob);
  const buy = await book.send(bob, 'buy', [alpha.address, 40n * LOT, ETHER], cost(40n * LOT, ETHER));
  assert.equal(buy.events.filter((e) => e.name === 'Trade').length, 32);
  const cancelled = buy.events.find((e) => e.name === 'OrderCancelled');
  assert.equal(cancelled.args.unfilled, 8n * LOT);
  assert.equal(await chain.balance(bob), before - cost(32n * LOT, ETHER));
  const [bids, asks] = await book.call('getOrderBook', [alpha.address]);
  assert.equal(bids.length, 0);
  assert.equal(asks.length, 8);
});

test('an ERC-20 quoted market settles both tokens', async () => {
  const sell = await book.send(alice, 'sell', [beta.address, 3n * ETHER, 2n * ETHER]);
  await book.send(bob, 'buy', [beta.address, 2n * ETHER, 3n * ETHER]);
  assert.equal(await beta.call('balanceOf', [bob]), 1002n * ETHER);
  assert.equal(await alpha.call('balanceOf', [bob]), 996n * ETHER);
  assert.equal(await alpha.call('balanceOf', [alice]), 1004n * ETHER);
  assert.equal(await beta.call('balanceOf', [book.address]), 1n * ETHER);
  await book.send(alice, 'cancel', [sell.value[0]]);
  assert.equal(await beta.call('balanceOf', [alice]), 1000n * ETHER - 2n * ETHER);
  assert.equal(await beta.call('balanceOf', [book.address]), 0n);
});

test('a reentrant call from a token transfer is rejected', async () => {
  const evil = await chain.deploy(owner, 'ReentrantToken', [[bob], 1000n * ETHER]);
  await book.send(owner, 'listMarket', [evil.address, NATIVE, LOT, TICK]);
  await evil.send(bob, 'approve', [book.address, 2n ** 256n - 1n]);
  const sellId = (await book.send(bob, 'sell', [evil.address, ETHER, ETHER])).value[0];
  // The token tries to cancel bob's order while paying alice: the guard must stop it.
  await evil.send(owner, 'arm', [book.address, book.iface.encodeFunctionData('cancel', [sellId])]);
  await book.send(alice, 'buy', [evil.address, ETHER / 2n, ETHER], ETHER / 2n);
  assert.equal(await evil.call('attacked'), true);
  assert.equal(await evil.call('reentrySucceeded'), false);
  assert.equal(await evil.call('reentryResult'), book.iface.getError('Reentrancy').selector);
  assert.equal((await book.call('getOrder', [sellId])).status, 1n);
  assert.equal(await evil.call('balanceOf', [book.address]), ETHER / 2n);
});

test('a receiver that rejects the native coin cannot block a trade, and withdraws once', async () => {
  const trader = await chain.deploy(owner, 'NativeTrader');
  await alpha.send(alice, 'transfer', [trader.address, ETHER]);
  await trader.send(owner, 'execute', [alpha.address, 0n, alpha.iface.encodeFunctionData('approve', [book.address, ETHER])]);
  await trader.send(owner, 'execute', [book.address, 0n, book.iface.encodeFunctionData('sell', [alpha.address, ETHER, ETHER])]);
  await trader.send(owner, 'setMode', [1, NATIVE, '0x']);
  const buy = await book.send(bob, 'buy', [alpha.address, ETHER, ETHER], ETHER);
  assert.ok(buy.events.some((e) => e.name === 'PaymentDeferred'));
  assert.equal(await book.call('withdrawable', [trader.address]), ETHER);
  assert.equal(await chain.balance(trader.address), 0n);

  await trader.send(owner, 'setMode', [2, book.address, book.iface.encodeFunctionData('withdraw')]);
  await trader.send(owner, 'execute', [book.address, 0n, book.iface.encodeFunctionData('withdraw')]);
  assert.equal(await trader.call('reentrySucceeded'), false);
  assert.equal(await chain.balance(trader.address), ETHER);
  assert.equal(await book.call('withdrawable', [trader.address]), 0n);
  assert.equal(await chain.balance(book.address), 0n);
});

test('bad orders are rejected', async () => {
  await assert.rejects(book.send(bob, 'buy', [alpha.address, LOT + 1n, ETHER], 0n), /InvalidQuantity/);
  await assert.rejects(book.send(bob, 'buy', [alpha.address, LOT, ETHER + 1n], 0n), /InvalidPrice/);
  await assert.rejects(book.send(bob, 'buy', [alpha.address, LOT, ETHER], 1n), /WrongValue/);
  await assert.rejects(book.send(bob, 'buy', [bob, LOT, ETHER], 0n), /UnknownMarket/);
  await assert.rejects(book.send(bob, 'listMarket', [bob, NATIVE, LOT, TICK]), /NotOwner/);
});
