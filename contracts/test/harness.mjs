// A minimal in-memory chain over ethereumjs's EVM for fast contract checks while developing the
// Solidity sources. The contract tests that count are the Java ones in the trading module, which
// run the committed bytecode in Distli's own EVM. Gas figures from here are not meaningful: calls
// run with runCall, without transaction boundaries (warm slots stay warm); `distli trading bench`
// measures gas in Distli's EVM.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createEVM } from '@ethereumjs/evm';
import { Common, Hardfork, Mainnet } from '@ethereumjs/common';
import { Account, createAddressFromString, hexToBytes, bytesToHex } from '@ethereumjs/util';
import { Interface, Wallet, getAddress } from 'ethers';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ARTIFACTS = path.join(HERE, '..', '..', 'trading', 'src');

export function artifact(name) {
  for (const group of ['main', 'test']) {
    const file = path.join(ARTIFACTS, group, 'resources', 'org', 'distli', 'trading', 'contracts', `${name}.json`);
    if (fs.existsSync(file)) return JSON.parse(fs.readFileSync(file, 'utf8'));
  }
  throw new Error(`no artifact ${name}`);
}

export const ETHER = 10n ** 18n;

export class Chain {
  static async create() {
    const common = new Common({ chain: Mainnet, hardfork: Hardfork.Cancun });
    const evm = await createEVM({ common });
    return new Chain(evm);
  }

  constructor(evm) {
    this.evm = evm;
    this.interfaces = new Map(); // address -> Interface
    this.nonces = new Map();
  }

  async fund(name, wei = 1000n * ETHER) {
    const address = Wallet.createRandom().address;
    await this.evm.stateManager.putAccount(createAddressFromString(address), new Account(0n, wei));
    return address;
  }

  async balance(address) {
    const account = await this.evm.stateManager.getAccount(createAddressFromString(address));
    return account ? account.balance : 0n;
  }

  async deploy(from, name, args = []) {
    const a = artifact(name);
    const iface = new Interface(a.abi);
    const data = a.bytecode + iface.encodeDeploy(args).slice(2);
    const result = await this.evm.runCall({
      caller: createAddressFromString(from),
      data: hexToBytes(data),
      gasLimit: 30_000_000n,
    });
    if (result.execResult.exceptionError) throw new Error(`deploy ${name} failed: ${result.execResult.exceptionError.error}`);
    const address = getAddress(result.createdAddress.toString());
    this.interfaces.set(address, iface);
    return new Contract(this, address, iface);
  }

  at(address, name) {
    const iface = new Interface(artifact(name).abi);
    this.interfaces.set(getAddress(address), iface);
    return new Contract(this, getAddress(address), iface);
  }

  decodeLogs(logs) {
    return logs.map(([address, topics, data]) => {
      const emitter = getAddress(bytesToHex(address));
      const iface = this.interfaces.get(emitter);
      const parsed = iface?.parseLog({ topics: topics.map(bytesToHex), data: bytesToHex(data) });
      return { address: emitter, name: parsed?.name, args: parsed?.args };
    });
  }
}

export class Contract {
  constructor(chain, address, iface) {
    this.chain = chain;
    this.address = address;
    this.iface = iface;
  }

  /** Executes a transaction; throws with the decoded error on revert. Returns {gas, events, value}. */
  async send(from, method, args = [], value = 0n) {
    const result = await this.chain.evm.runCall({
      caller: createAddressFromString(from),
      to: createAddressFromString(this.address),
      data: hexToBytes(this.iface.encodeFunctionData(method, args)),
      value,
      gasLimit: 30_000_000n,
    });
    const exec = result.execResult;
    if (exec.exceptionError) {
      const error = new Error(`${method} reverted: ${this.describe(bytesToHex(exec.returnValue)) ?? exec.exceptionError.error}`);
      error.revertData = bytesToHex(exec.returnValue);
      error.errorName = this.describe(error.revertData);
      throw error;
    }
    const decoded = this.iface.decodeFunctionResult(method, bytesToHex(exec.returnValue));
    return { gas: exec.executionGasUsed, events: this.chain.decodeLogs(exec.logs ?? []), value: decoded };
  }

  async call(method, args = []) {
    const { value } = await this.send('0x0000000000000000000000000000000000000001', method, args).catch((e) => {
      throw e;
    });
    return value.length === 1 ? value[0] : value;
  }

  describe(revertData) {
    if (!revertData || revertData === '0x') return undefined;
    try {
      const parsed = this.iface.parseError(revertData);
      return parsed ? `${parsed.name}(${parsed.args.join(', ')})` : revertData;
    } catch {
      return revertData;
    }
  }
}
