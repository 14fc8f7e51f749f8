// Compiles the contracts with the pinned solc (package.json) and writes one JSON artifact per
// contract: ABI, creation and runtime bytecode, storage layout and the compiler settings used.
//
//   node build.mjs              write the committed artifacts into the trading module
//   node build.mjs --out DIR    write every artifact into DIR instead (the reproducibility check)
//   node build.mjs --check      compile and compare with the committed artifacts; exit 1 on drift
//
// Run `npm ci` once first. The output depends only on the sources and the settings below.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import solc from 'solc';

const SOLC_VERSION = '0.8.28+commit.7893614a';
const SOLC_BUILD = SOLC_VERSION + '.Emscripten.clang';
const HERE = path.dirname(fileURLToPath(import.meta.url));
const RESOURCES = path.join(HERE, '..', 'trading', 'src');
const PACKAGE = path.join('org', 'distli', 'trading', 'contracts');

// Contracts shipped with the node, and contracts only the tests deploy.
const MAIN = { 'OrderBook.sol': ['OrderBook'], 'DemoToken.sol': ['DemoToken'] };
const TEST = { 'test/ReentrantToken.sol': ['ReentrantToken'], 'test/NativeTrader.sol': ['NativeTrader'] };

export const SETTINGS = {
  evmVersion: 'cancun',
  optimizer: { enabled: true, runs: 200 },
  viaIR: false,
  // No metadata hash: the bytecode then depends on the sources' meaning, not on their bytes
  // (line endings, comments).
  metadata: { bytecodeHash: 'none' },
  outputSelection: {
    '*': { '*': ['abi', 'evm.bytecode.object', 'evm.deployedBytecode.object', 'storageLayout'] },
  },
};

function compile() {
  if (solc.version() !== SOLC_BUILD) {
    throw new Error(`solc ${solc.version()} is installed but ${SOLC_VERSION} is pinned; run npm ci`);
  }
  const sources = {};
  for (const file of [...Object.keys(MAIN), ...Object.keys(TEST)]) {
    sources[file] = { content: fs.readFileSync(path.join(HERE, file), 'utf8') };
  }
  const input = { language: 'Solidity', sources, settings: SETTINGS };
  const findImports = (importPath) => {
    const file = path.join(HERE, importPath);
    return fs.existsSync(file) ? { contents: fs.readFileSync(file, 'utf8') } : { error: `not found: ${importPath}` };
  };
  const output = JSON.parse(solc.compile(JSON.stringify(input), { import: findImports }));
  const errors = (output.errors || []).filter((e) => e.severity === 'error');
  for (const message of output.errors || []) console.error(message.formattedMessage);
  if (errors.length > 0) throw new Error(`compilation failed with ${errors.length} error(s)`);

  const artifacts = [];
  for (const [group, files] of [['main', MAIN], ['test', TEST]]) {
    for (const [file, names] of Object.entries(files)) {
      for (const name of names) {
        const contract = output.contracts[file][name];
        const artifact = {
          contractName: name,
          sourceName: file,
          compiler: { version: SOLC_VERSION, settings: { evmVersion: SETTINGS.evmVersion, optimizer: SETTINGS.optimizer, viaIR: SETTINGS.viaIR } },
          abi: contract.abi,
          bytecode: '0x' + contract.evm.bytecode.object,
          deployedBytecode: '0x' + contract.evm.deployedBytecode.object,
          storageLayout: contract.storageLayout,
        };
        artifacts.push({ group, name, json: JSON.stringify(artifact, null, 2) + '\n' });
      }
    }
  }
  return artifacts;
}

function committedPath(artifact) {
  return path.join(RESOURCES, artifact.group, 'resources', PACKAGE, `${artifact.name}.json`);
}

const args = process.argv.slice(2);
const artifacts = compile();
if (args[0] === '--out') {
  fs.mkdirSync(args[1], { recursive: true });
  for (const a of artifacts) fs.writeFileSync(path.join(args[1], `${a.name}.json`), a.json);
} else if (args[0] === '--check') {
  const stale = artifacts.filter((a) => !fs.existsSync(committedPath(a)) || fs.readFileSync(committedPath(a), 'utf8') !== a.json);
  for (const a of stale) console.error(`stale artifact: ${path.relative(process.cwd(), committedPath(a))}`);
  if (stale.length > 0) process.exit(1);
  console.log(`${artifacts.length} artifacts match a fresh compile with solc ${SOLC_VERSION}`);
} else {
  for (const a of artifacts) {
    fs.mkdirSync(path.dirname(committedPath(a)), { recursive: true });
    fs.writeFileSync(committedPath(a), a.json);
    console.log(`wrote ${path.relative(process.cwd(), committedPath(a))}`);
  }
}
