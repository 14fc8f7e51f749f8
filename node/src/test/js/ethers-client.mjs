// End-to-end checks of a running Distli dev node with ethers v6, as a dapp or script uses it.
// Usage: node ethers-client.mjs <http-url> <ws-url> <DemoToken.json>
// Exits with status 0 and prints "ethers: all checks passed" when everything holds.
import { readFileSync } from "node:fs";
import { ethers } from "ethers";

const [rpcUrl, wsUrl, tokenArtifact] = process.argv.slice(2);
if (!rpcUrl || !wsUrl || !tokenArtifact) {
  console.error("usage: node ethers-client.mjs <http-url> <ws-url> <DemoToken.json>");
  process.exit(2);
}

// Hardhat's dev accounts #5 and #6 (m/44'/60'/0'/0/5 and /6 of "test test ... junk").
const KEY = "0x8b3a350cf5c34c9194ca85829a2df0ec3153be0318b5e2d3348e872092edffba";
const OTHER = "0x976EA74026E726554dB657fA54763abd0C3a0aa9";
// Reverts with Error("nope"); raw code, deployed by the init code in front of it.
const REVERTER =
  "0x606480600b6000396000f3" +
  "7f08c379a0" + "00".repeat(28) + "600052" + "6020600452" + "6004602452" +
  "7f6e6f7065" + "00".repeat(28) + "604452" + "60646000fd";

function check(condition, message) {
  if (!condition) {
    throw new Error("check failed: " + message);
  }
  console.log("ok - " + message);
}

async function expectRevert(promise, predicate, message) {
  try {
    await promise;
  } catch (error) {
    check(predicate(error), message + " (got " + (error.shortMessage || error.message) + ")");
    return;
  }
  throw new Error("check failed: " + message + " (no error)");
}

const withTimeout = (promise, ms, what) =>
  Promise.race([
    promise,
    new Promise((_, reject) => setTimeout(() => reject(new Error("timed out: " + what)), ms)),
  ]);

// No result cache: automine answers faster than ethers' default 250 ms cache would notice.
const provider = new ethers.JsonRpcProvider(rpcUrl, undefined, { cacheTimeout: -1 });
const network = await provider.getNetwork();
check(network.chainId === 1337n, "chain id 1337");
const latest = await provider.getBlock("latest");
check(latest.baseFeePerGas !== null && latest.baseFeePerGas > 0n, "latest block has a base fee");
const fees = await provider.getFeeData();
check(fees.maxFeePerGas > fees.maxPriorityFeePerGas, "fee data for EIP-1559");

const wallet = new ethers.Wallet(KEY, provider);
const before = await provider.getBalance(OTHER);
const nonce = await provider.getTransactionCount(wallet.address);
const transfer = await wallet.sendTransaction({ to: OTHER, value: ethers.parseEther("1.5") });
check(transfer.type === 2, "transfers are EIP-1559 transactions");
const transferReceipt = await transfer.wait();
check(transferReceipt.status === 1, "transfer mined with status 1");
check(transferReceipt.gasUsed === 21000n, "a transfer uses 21000 gas");
check((await provider.getBalance(OTHER)) - before === ethers.parseEther("1.5"), "value arrived");

// ethers sends calls made in the same tick as one JSON-RPC batch.
const batch = await Promise.all([
  provider.getBalance(wallet.address),
  provider.getTransactionCount(wallet.address),
  provider.getBlockNumber(),
  provider.getCode(OTHER),
]);
check(batch[1] === nonce + 1 && batch[3] === "0x", "batched calls answered in order");

const artifact = JSON.parse(readFileSync(tokenArtifact, "utf8"));
const factory = new ethers.ContractFactory(artifact.abi, artifact.bytecode, wallet);
const supply = 1000n * 10n ** 18n;
const token = await factory.deploy("Test", "TST", [wallet.address], supply);
await token.waitForDeployment();
const tokenAddress = await token.getAddress();
check((await token.balanceOf(wallet.address)) === supply, "deployed token: balanceOf");
check((await token.symbol()) === "TST", "deployed token: symbol");

const sent = await token.transfer(OTHER, 5n);
const sentReceipt = await sent.wait();
check(sentReceipt.status === 1 && sentReceipt.logs.length === 1, "token transfer emits one log");
const events = await token.queryFilter(token.filters.Transfer(wallet.address, OTHER), 0, "latest");
check(events.length === 1 && events[0].args.value === 5n, "eth_getLogs finds the Transfer event");

await expectRevert(
  token.transfer.staticCall(OTHER, supply * 2n),
  (e) => e.code === "CALL_EXCEPTION" && e.revert?.name === "InsufficientBalance",
  "custom error decoded from eth_call revert data"
);
await expectRevert(
  token.transfer.estimateGas(OTHER, supply * 2n),
  (e) =>
    e.code === "CALL_EXCEPTION" && token.interface.parseError(e.data)?.name === "InsufficientBalance",
  "custom error data from eth_estimateGas"
);

const reverterTx = await wallet.sendTransaction({ data: REVERTER });
const reverterAddress = (await reverterTx.wait()).contractAddress;
await expectRevert(
  provider.call({ to: reverterAddress }),
  (e) => e.code === "CALL_EXCEPTION" && e.reason === "nope",
  "revert reason of Error(string)"
);

// The node's unlocked dev accounts, as JsonRpcSigner uses them (eth_sendTransaction, signing).
const signer = await provider.getSigner(7);
const signed = await signer.signMessage("hello distli");
check(
  ethers.verifyMessage("hello distli", signed) === (await signer.getAddress()),
  "personal_sign by an unlocked account"
);
const domain = { name: "Distli", version: "1", chainId: 1337, verifyingContract: tokenAddress };
const types = { Mail: [{ name: "to", type: "address" }, { name: "contents", type: "string" }] };
const mail = { to: OTHER, contents: "hello" };
const typed = await signer.signTypedData(domain, types, mail);
check(
  ethers.verifyTypedData(domain, types, mail, typed) === (await signer.getAddress()),
  "eth_signTypedData_v4 by an unlocked account"
);
const viaNode = await signer.sendTransaction({ to: OTHER, value: 1n });
check((await viaNode.wait()).status === 1, "eth_sendTransaction by an unlocked account");

// WebSocket: new blocks and contract events pushed by eth_subscribe.
const ws = new ethers.WebSocketProvider(wsUrl);
const wsToken = new ethers.Contract(tokenAddress, artifact.abi, ws);
const gotBlock = new Promise((resolve) => ws.once("block", resolve));
const gotEvent = new Promise((resolve) =>
  wsToken.once("Transfer", (from, to, value) => resolve(value))
);
await new Promise((resolve) => setTimeout(resolve, 500));
await (await token.transfer(OTHER, 7n)).wait();
check((await withTimeout(gotBlock, 20000, "block")) > 0, "WebSocket newHeads subscription");
check((await withTimeout(gotEvent, 20000, "Transfer event")) === 7n, "WebSocket logs subscription");
// Let ethers finish its eth_unsubscribe calls before the socket goes.
await ws.removeAllListeners();
await new Promise((resolve) => setTimeout(resolve, 500));
await ws.destroy();
provider.destroy();
console.log("ethers: all checks passed");
process.exit(0);
