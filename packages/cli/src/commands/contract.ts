// `seedance contract`: checks a server against the spec through Prism's validating proxy, a line
// per check as it finishes, then a summary; exit 0 only when every check passed with no violation.
import { writeFile } from "node:fs/promises";
import { checkLine, jsonSummary, junitReport, summaryLine } from "../contract/report.ts";
import { runContract } from "../contract/run.ts";
import { UsageError } from "../errors.ts";
import type { Output } from "../output.ts";

export interface ContractFlags {
  apiKey?: string;
  baseUrl?: string;
  sandbox?: boolean;
  junit?: string;
}

export async function contract(output: Output, flags: ContractFlags): Promise<void> {
  if (!flags.baseUrl)
    throw new UsageError("contract needs the server to check: pass --base-url (or SEEDANCE_BASE_URL).");
  if (!flags.apiKey)
    throw new UsageError("contract needs a valid key for that server: pass --api-key (or SEEDANCE_API_KEY).");
  output.human([`Contract check of ${flags.baseUrl} through Prism's validating proxy`, ""]);
  const report = await runContract({
    baseUrl: flags.baseUrl,
    apiKey: flags.apiKey,
    sandbox: flags.sandbox,
    onCheck: (check) => output.print(check, [checkLine(check)]),
  });
  output.print(jsonSummary(report), ["", summaryLine(report)]);
  if (flags.junit) await writeFile(flags.junit, junitReport(report));
  // Exit code 1, with the summary on stderr.
  if (!report.ok) throw new Error(`${flags.baseUrl} breaks the contract: ${summaryLine(report)}`);
}
