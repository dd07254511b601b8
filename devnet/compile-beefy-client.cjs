// Compiles Snowbridge's BeefyClient offline with solc-js into a JSON artifact (ABI + creation
// bytecode), with the settings of Snowbridge's own production build (solc 0.8.33, optimizer with
// 20000 runs, evmVersion prague). OpenZeppelin comes from @openzeppelin/contracts, mapped the way
// Snowbridge's foundry remapping does (openzeppelin/ -> @openzeppelin/contracts/).
//
// The artifact is named by a hash of everything that decides the bytecode (this script, the
// compiler version and every source file), so a devnet restart reuses it instead of compiling again.
// Usage: node compile-beefy-client.cjs <output dir>   (prints the artifact's path on stdout)
'use strict';
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');

const outputDir = process.argv[2];
if (!outputDir) {
  console.error('usage: node compile-beefy-client.cjs <output dir>');
  process.exit(2);
}
const modules = path.join(__dirname, 'node_modules');
const snowbridge = path.join(modules, '@snowbridge/contracts');
const openzeppelin = path.join(modules, '@openzeppelin/contracts');
const entry = 'src/BeefyClient.sol';
const settings = {
  optimizer: { enabled: true, runs: 20000 },
  evmVersion: 'prague',
  outputSelection: { 'src/BeefyClient.sol': { BeefyClient: ['abi', 'evm.bytecode.object'] } },
};

function resolveImport(importPath) {
  return importPath.startsWith('openzeppelin/')
    ? path.join(openzeppelin, importPath.slice('openzeppelin/'.length))
    : path.join(snowbridge, importPath);
}

function solidityFiles(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return solidityFiles(full);
    return entry.name.endsWith('.sol') ? [full] : [];
  });
}

// Every file the compile could read, so that any change in a package gives a new artifact name.
function sourceHash() {
  const hash = crypto.createHash('sha256');
  hash.update(fs.readFileSync(__filename));
  hash.update(fs.readFileSync(path.join(modules, 'solc/package.json')));
  hash.update(JSON.stringify(settings));
  for (const file of [...solidityFiles(path.join(snowbridge, 'src')), ...solidityFiles(openzeppelin)].sort()) {
    hash.update(path.relative(modules, file));
    hash.update(fs.readFileSync(file));
  }
  return hash.digest('hex');
}

const hash = sourceHash();
const artifact = path.join(outputDir, `BeefyClient-${hash.slice(0, 16)}.json`);
if (fs.existsSync(artifact)) {
  console.log(artifact);
  process.exit(0);
}

const solc = require('solc');
const input = {
  language: 'Solidity',
  sources: { [entry]: { content: fs.readFileSync(path.join(snowbridge, entry), 'utf8') } },
  settings,
};
const findImports = (importPath) => {
  try {
    return { contents: fs.readFileSync(resolveImport(importPath), 'utf8') };
  } catch (error) {
    return { error: `cannot read ${importPath}: ${error.message}` };
  }
};
const output = JSON.parse(solc.compile(JSON.stringify(input), { import: findImports }));
const errors = (output.errors || []).filter((e) => e.severity === 'error');
if (errors.length > 0) {
  for (const error of errors) console.error(error.formattedMessage);
  process.exit(1);
}
const contract = output.contracts[entry].BeefyClient;
fs.mkdirSync(outputDir, { recursive: true });
// Written under a temporary name and renamed, so a reader never sees half an artifact.
const partial = `${artifact}.${process.pid}.tmp`;
fs.writeFileSync(
  partial,
  JSON.stringify({
    contractName: 'BeefyClient',
    compiler: solc.version(),
    settings: { optimizer: settings.optimizer, evmVersion: settings.evmVersion },
    sourceHash: hash,
    abi: contract.abi,
    bytecode: '0x' + contract.evm.bytecode.object,
  }),
);
fs.renameSync(partial, artifact);
console.log(artifact);
