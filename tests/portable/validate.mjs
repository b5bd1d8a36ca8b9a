// Verdicts of JavaScript validators on a corpus: what a Node service would answer.
//
// Usage: node validate.mjs DIR VALIDATOR...  (VALIDATOR: ajv | cfworker)
//        node validate.mjs --compile DIR   (ajv's defaults compile every DIR/*.schema.json)
//
// DIR holds the emitted schemas (`<Schema>.schema.json`) and `corpus.txt`, one document per line
// as `<Schema> <JSON text>`. For each validator, writes `DIR/<validator>.txt`: one line per
// document, `ok` or `invalid`. A document that is not UTF-8 or that `JSON.parse` refuses is
// `invalid`. Each schema is compiled once, with the validator's default options:
// `new Ajv2020()` + `addFormats(ajv)`, whose strict mode throws on anything it does not know
// (a schema that does not compile fails the run), and `new Validator(schema, "2020-12")`.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { Validator } from "@cfworker/json-schema";

const factories = {
  ajv(schema) {
    const warnings = [];
    const logger = { log() {}, warn: (...m) => warnings.push(m.join(" ")), error: (...m) => warnings.push(m.join(" ")) };
    const ajv = new Ajv2020({ logger });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    if (warnings.length > 0) {
      throw new Error(`ajv strict mode warned on ${schema.title}: ${warnings.join("; ")}`);
    }
    return (doc) => validate(doc);
  },
  // Only to measure schemas that strict mode refuses: not what a service runs.
  "ajv-lax"(schema) {
    const ajv = new Ajv2020({ strict: false });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    return (doc) => validate(doc);
  },
  cfworker(schema) {
    const validator = new Validator(schema, "2020-12", true);
    return (doc) => validator.validate(doc).valid;
  },
};

if (process.argv[2] === "--compile") {
  const dir = process.argv[3];
  const files = readdirSync(dir).filter((f) => f.endsWith(".schema.json")).sort();
  for (const file of files) {
    factories.ajv(JSON.parse(readFileSync(join(dir, file), "utf8")));
  }
  console.log(`ajv (new Ajv2020() + addFormats, strict): ${files.length} schemas compile, no warning`);
  process.exit(files.length > 0 ? 0 : 1);
}

const dir = process.argv[2];
const decoder = new TextDecoder("utf-8", { fatal: true });
const bytes = readFileSync(join(dir, "corpus.txt"));
const lines = [];
let start = 0;
for (let i = 0; i <= bytes.length; i++) {
  if (i === bytes.length || bytes[i] === 0x0a) {
    if (i > start || i < bytes.length) lines.push(bytes.subarray(start, i));
    start = i + 1;
  }
}

function verdict(check, raw) {
  let doc;
  try {
    doc = JSON.parse(decoder.decode(raw));
  } catch {
    return "invalid";
  }
  try {
    return check(doc) ? "ok" : "invalid";
  } catch {
    return "invalid";
  }
}

for (const name of process.argv.slice(3)) {
  const compiled = new Map();
  const out = [];
  for (const line of lines) {
    const space = line.indexOf(0x20);
    const schemaName = decoder.decode(line.subarray(0, space));
    if (!compiled.has(schemaName)) {
      const schema = JSON.parse(readFileSync(join(dir, `${schemaName}.schema.json`), "utf8"));
      compiled.set(schemaName, factories[name](schema));
    }
    out.push(verdict(compiled.get(schemaName), line.subarray(space + 1)));
  }
  writeFileSync(join(dir, `${name}.txt`), out.join("\n") + "\n");
}
