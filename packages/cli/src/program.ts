// The command line: commander parses it; each action hands its flags, which are named like the
// SDK's parameters (camelCase), to a command. Choices, ranges and defaults come from the bundled spec.
import type { Readable } from "node:stream";
import { DEFAULT_BASE_URL } from "@seedance/node";
import { Command, InvalidArgumentError, Option } from "commander";
import { type ConnectionFlags, createClient } from "./client.ts";
import { type BatchFlags, batch, batchWorker } from "./commands/batch.ts";
import { contract, contractHelp } from "./commands/contract.ts";
import { image } from "./commands/image.ts";
import { result } from "./commands/result.ts";
import { status } from "./commands/status.ts";
import { video } from "./commands/video.ts";
import { wait } from "./commands/wait.ts";
import { verify } from "./commands/webhook.ts";
import type { Context } from "./context.ts";
import type { SaveFlags } from "./download.ts";
import { UsageError } from "./errors.ts";
import { showGlobalFlags, withExamples } from "./help.ts";
import { createOutput } from "./output.ts";
import { shellCommand } from "./shell.ts";
import { allowedValues, fieldSchema, type RequestSchema } from "./spec.ts";

export interface ProgramIO {
  signal: AbortSignal;
  stdin: Readable;
  version: string;
  /** --json was given: commander's own errors are then left to the JSON error report. */
  json: boolean;
}

/** Turns a flag's text into a number; its range is left to the SDK's spec validation. */
function toNumber(value: string): number {
  const number = Number(value);
  if (value.trim() === "" || Number.isNaN(number)) throw new InvalidArgumentError("Not a number.");
  return number;
}

/** `--flag <value>` for a request field, described with the spec's choices or range. */
function specOption(request: RequestSchema, field: string, flags: string, description: string): Option {
  const allowed = allowedValues(fieldSchema(request, field));
  return new Option(flags, allowed ? `${description}: ${allowed}` : description);
}

function modelOption(request: RequestSchema, kind: string): Option {
  const { example } = fieldSchema(request, "model");
  return specOption(request, "model", "--model <model>", `${kind} model`).default(example);
}

const promptArgument = (request: RequestSchema) => `what to generate, ${allowedValues(fieldSchema(request, "prompt"))}`;

const OVERWRITE = "with --out, replace files already there (otherwise an existing file is an error)";

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

const WAIT_FLAG = "follow the task to the end first, with a progress bar";
const OUT_FLAG = "download the video into this directory";

export function createProgram(io: ProgramIO): Command {
  const program = new Command("seedance")
    .description("Generate images and videos with the Seedance API, follow tasks, verify webhooks.")
    .version(io.version)
    .addOption(new Option("--api-key <key>", "API key").env("SEEDANCE_API_KEY"))
    .addOption(new Option("--base-url <url>", `API base URL (default: ${DEFAULT_BASE_URL})`).env("SEEDANCE_BASE_URL"))
    .option("--json", "print JSON lines instead of text (progress and errors included)")
    .option("--no-validate", "send requests the SDK would reject, to let the server decide")
    .showHelpAfterError("(add --help for usage)")
    // With --json, a usage error is reported as JSON on stdout instead (see error-report.ts).
    .configureOutput(io.json ? { writeErr: () => {} } : {})
    .exitOverride();
  showGlobalFlags(program);
  withExamples(program, [
    ['seedance image "A red barn at dawn" --out ./images', "generate an image and save it"],
    ['seedance video "Waves at dusk" --wait', "queue a video, follow it, print its URL"],
    ["seedance wait task-…", "follow a queued task to the end"],
    ["seedance image --help", "a command's flags, with the values the API allows"],
  ]);

  const contextOf = (command: Command): Context => {
    const flags = command.optsWithGlobals<ConnectionFlags & SaveFlags & { json?: boolean }>();
    let client: ReturnType<typeof createClient> | undefined;
    return {
      client: () => {
        client ??= createClient(flags);
        return client;
      },
      connection: flags,
      output: createOutput(flags.json === true, { apiKey: flags.apiKey }),
      signal: io.signal,
      resumeCommand: (taskId) =>
        shellCommand([
          "seedance",
          "wait",
          taskId,
          // From the environment, the base URL is there again for the next command.
          ...(program.getOptionValueSource("baseUrl") === "cli" ? ["--base-url", flags.baseUrl as string] : []),
          ...(flags.out ? ["--out", flags.out] : []),
          ...(flags.overwrite ? ["--overwrite"] : []),
          ...(flags.json ? ["--json"] : []),
        ]),
    };
  };

  const images = "ImageGenerationRequest";
  const imageCommand = program
    .command("image")
    .description("generate images (Seedream) and print their URLs")
    .argument("<prompt>", promptArgument(images))
    .addOption(modelOption(images, "Seedream"))
    .addOption(specOption(images, "resolution", "--resolution <resolution>", "resolution"))
    .addOption(specOption(images, "quality", "--quality <quality>", "quality"))
    .addOption(specOption(images, "num_images", "--num-images <n>", "how many images").argParser(toNumber))
    .option("--seed <n>", "random seed, for reproducible images", toNumber)
    .addOption(specOption(images, "style", "--style <style>", "artistic style"))
    .option("--out <dir>", "download the images into this directory")
    .option("--overwrite", OVERWRITE)
    .action((prompt: string, flags, command: Command) => image(contextOf(command), prompt, flags));
  withExamples(imageCommand, [
    ['seedance image "A red barn at dawn"', "print the image URL"],
    ['seedance image "A red barn" --resolution 2048x2048 --num-images 2 --out ./images', "two images, saved"],
    ['seedance image "A red barn" --json', "the whole response as JSON"],
  ]);

  const videos = "VideoGenerationRequest";
  const videoCommand = program
    .command("video")
    .description("queue a video (Seedance) and print its task id; --wait follows it to the end")
    .argument("<prompt>", promptArgument(videos))
    .addOption(modelOption(videos, "Seedance"))
    .addOption(
      specOption(videos, "duration", "--duration <seconds>", "length in seconds")
        .argParser(toNumber)
        .default(fieldSchema(videos, "duration").minimum),
    )
    .addOption(specOption(videos, "resolution", "--resolution <resolution>", "resolution"))
    .addOption(specOption(videos, "fps", "--fps <fps>", "frames per second").argParser(toNumber))
    .option("--image-input <url>", "reference image URL, for image-to-video")
    .option("--webhook-url <url>", "HTTPS endpoint that receives the task's webhook events")
    .option("--wait", "wait for the video, with a progress bar, and print its URL")
    .option("--out <dir>", `${OUT_FLAG} (implies --wait)`)
    .option("--overwrite", OVERWRITE)
    .action((prompt: string, flags, command: Command) => video(contextOf(command), prompt, flags));
  withExamples(videoCommand, [
    ['T=$(seedance video "Waves at dusk")', "queue it; stdout is the task id alone"],
    ['seedance video "Waves at dusk" --duration 10 --wait', "follow it with a progress bar, print the URL"],
    ['seedance video "Waves at dusk" --out ./videos', "follow it and save the video"],
  ]);

  /** A command about one task, by the id that `seedance video` printed. */
  const taskCommand = (name: string, description: string) =>
    program.command(name).description(description).argument("<task_id>", "the task id that `seedance video` printed");

  const waitCommand = taskCommand(
    "wait",
    "follow a task to the end with a progress bar and print its video URL (exit 4 if it failed)",
  )
    .option("--out <dir>", OUT_FLAG)
    .option("--overwrite", OVERWRITE)
    .action((taskId: string, flags, command: Command) => wait(contextOf(command), taskId, flags));
  withExamples(waitCommand, [
    ["seedance wait task-…", "progress, then the video URL"],
    ["seedance wait task-… --out ./videos", "and save the video"],
  ]);

  const statusCommand = taskCommand("status", "print a task's status and progress (--wait: once it has finished)")
    .option("--wait", WAIT_FLAG)
    .action((taskId: string, flags, command: Command) => status(contextOf(command), taskId, flags));
  withExamples(statusCommand, [
    ["seedance status task-…", "e.g. task-…  processing  40%"],
    ['seedance status "$(seedance video "Waves at dusk")"', "queue a video, then ask where it is"],
    ["seedance status task-… --wait --json", "JSON lines as it moves, the finished status last"],
  ]);

  const resultCommand = taskCommand(
    "result",
    "print a finished task's video URL (exit 5 while it is still running, unless --wait)",
  )
    .option("--wait", WAIT_FLAG)
    .option("--out <dir>", OUT_FLAG)
    .option("--overwrite", OVERWRITE)
    .action((taskId: string, flags, command: Command) => result(contextOf(command), taskId, flags));
  withExamples(resultCommand, [
    ["seedance result task-…", "the video URL, or exit 5 while it runs"],
    ["seedance result task-… --wait --out ./videos", "wait for it, then save the video"],
  ]);

  const webhookCommand = program.command("webhook").description("webhook tools");
  withExamples(webhookCommand, [["seedance webhook verify --help", "how to pass a delivery"]]);
  const verifyCommand = webhookCommand
    .command("verify")
    .description(
      'verify a delivery read from stdin: {"headers": {…}, "body": "<raw body>"}, or the raw body with --header',
    )
    .addOption(new Option("--secret <whsec>", "the endpoint's webhook secret").env("SEEDANCE_WEBHOOK_SECRET"))
    .option("--header <header>", 'a header of the delivery, "name: value" (repeatable)', collect)
    .option("--tolerance <seconds>", "how far the signing time may be from now, in seconds", toNumber)
    .action((flags, command: Command) => verify(contextOf(command), flags, io.stdin));
  withExamples(verifyCommand, [
    ["seedance webhook verify --secret whsec_… < delivery.json", "exit 0 if the signature is good"],
    [
      'seedance webhook verify --header "webhook-id: msg_…" --header "webhook-timestamp: …" --header "webhook-signature: v1,…" < body.json',
      "the raw body, headers as flags",
    ],
  ]);

  const contractCommand = program
    .command("contract")
    .description("check a server against the spec through Prism's validating proxy (from @seedance/contract)")
    // Its flags are @seedance/contract's, read by that package: passed on as they are.
    .allowUnknownOption()
    .allowExcessArguments()
    .addHelpText("after", contractHelp)
    .action((_flags, command: Command) => contract(command.optsWithGlobals(), command.args));
  withExamples(contractCommand, [
    ["seedance contract --base-url https://gateway.example --api-key sk-…", "does that server keep the contract?"],
    ["seedance contract --base-url http://127.0.0.1:4010 --sandbox --junit report.xml", "a sandbox, with a report"],
  ]);

  const batchCommand = program
    .command("batch")
    .description("generate every request of a JSONL or CSV file once, resumably, within the rate limit")
    .argument(
      "<file>",
      "JSONL (one request per line) or CSV (a header, then one request per row); `worker` runs a fleet worker",
    )
    .option("--out <dir>", "where the files, results.jsonl and the journal go")
    .option("--dry-run", "check every line against the spec and list the invalid ones; send nothing")
    .option("--concurrency <n>", "items in flight at once (default 4)", toNumber)
    .option("--redis <url>", "enqueue the items for `seedance batch worker`s sharing this Redis")
    .option("--name <name>", "with --redis: the batch's queue name (default seedance-batch)")
    .option("--renew-expired-keys", "send items whose key is past the server's idempotency window with a new key")
    .action((file: string, flags: BatchFlags, command: Command) => {
      // `seedance batch worker --redis URL --out DIR`: a worker of the fleet (a file named worker: ./worker).
      if (file === "worker") {
        if (!flags.redis) throw new UsageError("seedance batch worker needs --redis URL (the Redis the fleet shares).");
        return batchWorker(contextOf(command), { ...flags, redis: flags.redis });
      }
      const words = ["seedance", "batch", file, ...(flags.out ? ["--out", flags.out] : [])];
      if (flags.redis) words.push("--redis", flags.redis);
      return batch(contextOf(command), file, flags, shellCommand(words));
    });
  withExamples(batchCommand, [
    ["seedance batch prompts.jsonl --dry-run", "check every line; list the invalid ones"],
    ["seedance batch prompts.jsonl --out ./out", "run it; run it again after any interruption"],
    ["seedance batch prompts.jsonl --redis redis://host:6379", "enqueue for a fleet of workers"],
    ["seedance batch worker --redis redis://host:6379 --out /shared/out", "a worker of that fleet"],
  ]);

  return program;
}
