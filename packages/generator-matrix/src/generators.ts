// The generators of the matrix. Each generates with its row's command in spec/README.md (read from
// the packed tarball, run verbatim), then builds the caller in clients/<client>/ against what it
// generated, then runs the caller with the base URL to call every operation once.
import { homedir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** Where toolchains keep what outlives a run (Cargo's target dir); override with SEEDANCE_GENERATORS_CACHE. */
export const cacheDir = process.env.SEEDANCE_GENERATORS_CACHE ?? join(homedir(), ".cache", "seedance-generators");
const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));
const pythonVenvBin = join(repoRoot, "packages/python/.venv/bin");

const minutes = (n: number) => n * 60_000;
const openapiGeneratorJar =
  "mvn -q dependency:copy -Dartifact=org.openapitools:openapi-generator-cli:7.25.0 -DoutputDirectory=.";
const javaClasspath = "classes:seedance-java/target/classes:$(cat seedance-java/classpath.txt)";

export interface Generator {
  /** Short id, for `GENERATORS=id,id`. */
  id: string;
  /** The first cell of its row in the README table. */
  row: string;
  /** Folder under clients/ copied into the generator's work dir. */
  client: string;
  /** The README command is code in this file of the client (progenitor's macro), not a shell command. */
  commandIn?: string;
  /** Fetch the tool (pinned, from its own registry) before generating. */
  setup?: string[];
  build: string[];
  /** Calls every operation; the base URL is appended. */
  call: string;
  env?: Record<string, string>;
  /** Bound of each step: cold builds are slow on CI's two cores. */
  timeoutMs: number;
}

export const generators: Generator[] = [
  {
    id: "go-openapi-generator",
    row: "openapi-generator 7.25.0, Go",
    client: "go-openapi-generator",
    setup: [openapiGeneratorJar],
    build: ["go build -o client ."],
    call: "./client",
    timeoutMs: minutes(10),
  },
  {
    id: "java-openapi-generator",
    row: "openapi-generator 7.25.0, Java",
    client: "java",
    setup: [openapiGeneratorJar],
    build: [
      "cd seedance-java && mvn -q -B -Dmaven.test.skip=true package && mvn -q -B dependency:build-classpath -Dmdep.outputFile=classpath.txt",
      `javac -d classes -cp "${javaClasspath}" Main.java`,
    ],
    call: `java -cp "${javaClasspath}" Main`,
    timeoutMs: minutes(15),
  },
  {
    id: "go-oapi-codegen",
    row: "oapi-codegen v2.8.2, Go",
    client: "go-oapi-codegen",
    build: ["go build -o client ."],
    call: "./client",
    timeoutMs: minutes(10),
  },
  {
    id: "rust-progenitor",
    row: "progenitor 0.15.1, Rust",
    client: "rust",
    commandIn: "src/main.rs",
    build: ["cargo build --locked"],
    call: '"$CARGO_TARGET_DIR/debug/seedance-progenitor-client"',
    env: { CARGO_TARGET_DIR: join(cacheDir, "rust-target") },
    timeoutMs: minutes(30),
  },
  {
    id: "typescript",
    row: "openapi-typescript 7.13.0 + openapi-fetch 0.17.0",
    client: "typescript",
    build: ["node_modules/.bin/tsc -p tsconfig.json"],
    call: "node client.ts",
    timeoutMs: minutes(5),
  },
  {
    id: "python",
    row: "openapi-python-client 0.28.4",
    client: "python",
    // The Python SDK's own pinned venv has openapi-python-client and the generated code's runtime.
    setup: [`python3 ${join(repoRoot, "packages/python/scripts/setup_venv.py")}`],
    build: ["python -m compileall -q seedance-api-client client.py"],
    call: "python client.py",
    env: { PATH: `${pythonVenvBin}:${process.env.PATH}`, PYTHONPATH: "seedance-api-client" },
    timeoutMs: minutes(10),
  },
];
