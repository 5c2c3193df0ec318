// Independent JSON Schema check for banzhang's tests: compile every schema with ajv (draft 2020-12,
// strict mode, formats asserted) and give a verdict on each document.
// Usage: node check.mjs SCHEMA_DIR [DOC.json ...]  → prints {"schemas": {...}, "documents": {...}}
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";

const [schemaDir, ...documents] = process.argv.slice(2);
const ajv = new Ajv2020({ strict: true, allErrors: true });
addFormats(ajv);

const validators = {};
const schemas = {};
for (const name of readdirSync(schemaDir).filter((n) => n.endsWith(".schema.json")).sort()) {
  const schema = JSON.parse(readFileSync(join(schemaDir, name), "utf8"));
  try {
    const validate = ajv.compile(schema);
    const kind = name.replace(".schema.json", "");
    validators[kind] = validate;
    schemas[name] = { compiled: true };
  } catch (error) {
    schemas[name] = { compiled: false, error: String(error.message) };
  }
}

const verdicts = {};
for (const file of documents) {
  const document = JSON.parse(readFileSync(file, "utf8"));
  const validate = validators[document.kind];
  if (!validate) {
    verdicts[file] = { valid: false, errors: [`no schema for kind ${document.kind}`] };
    continue;
  }
  const valid = validate(document);
  verdicts[file] = {
    valid,
    errors: valid ? [] : validate.errors.map((e) => `${e.instancePath} ${e.message}`),
  };
}
console.log(JSON.stringify({ schemas, documents: verdicts }));
