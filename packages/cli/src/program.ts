// The command line: commander parses it; each action hands its flags, which are named like the
// SDK's parameters (camelCase), to a command. Choices and defaults come from the bundled spec.
import type { Readable } from "node:stream";
import { Command, InvalidArgumentError, Option } from "commander";
import { type ConnectionFlags, createClient } from "./client.ts";
import { contract } from "./commands/contract.ts";
import { image } from "./commands/image.ts";
import { result } from "./commands/result.ts";
import { status } from "./commands/status.ts";
import { video } from "./commands/video.ts";
import { verify } from "./commands/webhook.ts";
import type { Context } from "./context.ts";
import { createOutput } from "./output.ts";
import { choicesOf, fieldSchema, type RequestSchema } from "./spec.ts";

export interface ProgramIO {
  signal: AbortSignal;
  stdin: Readable;
  version: string;
}

/** Turns a flag's text into a number; its range is left to the SDK's spec validation. */
function toNumber(value: string): number {
  const number = Number(value);
  if (value.trim() === "" || Number.isNaN(number)) throw new InvalidArgumentError("Not a number.");
  return number;
}

/** `--flag <value>` for a request field, described with the spec's choices. */
function specOption(request: RequestSchema, field: string, flags: string, description: string): Option {
  const choices = choicesOf(fieldSchema(request, field));
  return new Option(flags, choices ? `${description}: ${choices}` : description);
}

function modelOption(request: RequestSchema, kind: string): Option {
  const { example } = fieldSchema(request, "model");
  return specOption(request, "model", "--model <model>", `${kind} model`).default(example);
}

const OVERWRITE = "with --out, replace files already there (otherwise an existing file is an error)";

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

export function createProgram(io: ProgramIO): Command {
  const program = new Command("seedance")
    .description("Generate images and videos with the Seedance API, follow tasks, verify webhooks.")
    .version(io.version)
    .addOption(new Option("--api-key <key>", "API key").env("SEEDANCE_API_KEY"))
    .addOption(new Option("--base-url <url>", "API base URL (default: the Seedance API)").env("SEEDANCE_BASE_URL"))
    .option("--json", "print JSON lines instead of text (progress included)")
    .option("--no-validate", "send requests the SDK would reject, to let the server decide")
    .showHelpAfterError("(add --help for usage)")
    .exitOverride();

  const contextOf = (command: Command): Context => {
    const flags = command.optsWithGlobals<ConnectionFlags & { json?: boolean }>();
    let client: ReturnType<typeof createClient> | undefined;
    return {
      client: () => {
        client ??= createClient(flags);
        return client;
      },
      output: createOutput(flags.json === true, { apiKey: flags.apiKey }),
      signal: io.signal,
    };
  };

  const images = "ImageGenerationRequest";
  program
    .command("image")
    .description("generate images (Seedream) and print their URLs")
    .argument("<prompt>", "what to generate")
    .addOption(modelOption(images, "Seedream"))
    .addOption(specOption(images, "resolution", "--resolution <resolution>", "resolution"))
    .addOption(specOption(images, "quality", "--quality <quality>", "quality"))
    .option("--num-images <n>", "how many images", toNumber)
    .option("--seed <n>", "random seed, for reproducible images", toNumber)
    .addOption(specOption(images, "style", "--style <style>", "artistic style"))
    .option("--out <dir>", "download the images into this directory")
    .option("--overwrite", OVERWRITE)
    .action((prompt: string, flags, command: Command) => image(contextOf(command), prompt, flags));

  const videos = "VideoGenerationRequest";
  program
    .command("video")
    .description("queue a video (Seedance) and print its task id; --wait follows it to the end")
    .argument("<prompt>", "what to generate")
    .addOption(modelOption(videos, "Seedance"))
    .addOption(
      new Option("--duration <seconds>", "length in seconds")
        .argParser(toNumber)
        .default(fieldSchema(videos, "duration").minimum),
    )
    .addOption(specOption(videos, "resolution", "--resolution <resolution>", "resolution"))
    .addOption(specOption(videos, "fps", "--fps <fps>", "frames per second").argParser(toNumber))
    .option("--image-input <url>", "reference image URL, for image-to-video")
    .option("--webhook-url <url>", "HTTPS endpoint that receives the task's webhook events")
    .option("--wait", "wait for the video, with a progress bar, and print its URL")
    .option("--out <dir>", "download the video into this directory (implies --wait)")
    .option("--overwrite", OVERWRITE)
    .action((prompt: string, flags, command: Command) => video(contextOf(command), prompt, flags));

  program
    .command("status")
    .description("print a task's status and progress")
    .argument("<task_id>", "the task id that `seedance video` printed")
    .action((taskId: string, _flags, command: Command) => status(contextOf(command), taskId));

  program
    .command("result")
    .description("print a finished task's video URL (exit code 5 while it is still running)")
    .argument("<task_id>", "the task id that `seedance video` printed")
    .option("--out <dir>", "download the video into this directory")
    .option("--overwrite", OVERWRITE)
    .action((taskId: string, flags, command: Command) => result(contextOf(command), taskId, flags));

  program
    .command("webhook")
    .description("webhook tools")
    .command("verify")
    .description(
      'verify a delivery read from stdin: {"headers": {…}, "body": "<raw body>"}, or the raw body with --header',
    )
    .addOption(new Option("--secret <whsec>", "the endpoint's webhook secret").env("SEEDANCE_WEBHOOK_SECRET"))
    .option("--header <header>", 'a header of the delivery, "name: value" (repeatable)', collect)
    .option("--tolerance <seconds>", "how far the signing time may be from now, in seconds", toNumber)
    .action((flags, command: Command) => verify(contextOf(command), flags, io.stdin));

  program
    .command("contract")
    .description(
      "check a server against the spec through Prism's validating proxy (from @seedance/contract; `seedance contract --help` lists its flags)",
    )
    // Its flags are @seedance/contract's, read by that package: passed on as they are.
    .helpOption(false)
    .allowUnknownOption()
    .allowExcessArguments()
    .action((_flags, command: Command) => contract(command.optsWithGlobals(), command.args));

  return program;
}
