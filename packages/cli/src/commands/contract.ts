// `seedance contract`: the contract check is the @seedance/contract package (with Prism, most of
// an install), which the everyday CLI leaves out: loaded on first use, it gets the command's flags
// and the connection settings, and prints its own report.
import { UsageError } from "../errors.ts";

export interface ContractFlags {
  apiKey?: string;
  baseUrl?: string;
  json?: boolean;
}

export const CONTRACT_NOT_INSTALLED = `seedance contract needs @seedance/contract, which is not installed (it brings Prism, so the everyday CLI leaves it out). Install it beside the CLI:
  npm install -g @seedance/contract          (for a global @seedance/cli)
  npm install --save-dev @seedance/contract  (in a project)
or run it without installing: npx @seedance/contract --base-url URL`;

/** The checker, or a UsageError saying how to install it; another failure to load it is thrown as is. */
async function loadChecker(): Promise<typeof import("@seedance/contract")> {
  try {
    return await import("@seedance/contract");
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    if (code === "ERR_MODULE_NOT_FOUND" && message.includes("'@seedance/contract'")) {
      throw new UsageError(CONTRACT_NOT_INSTALLED);
    }
    throw error;
  }
}

/** Runs `seedance-contract` with `args` (the flags after `contract`) and the global flags; sets the exit code. */
export async function contract(flags: ContractFlags, args: readonly string[]): Promise<void> {
  const checker = await loadChecker();
  process.exitCode = await checker.runContractCommand([...(flags.json ? ["--json"] : []), ...args], {
    name: "seedance",
    stdout: process.stdout,
    stderr: process.stderr,
    env: {
      ...process.env,
      ...(flags.apiKey ? { SEEDANCE_API_KEY: flags.apiKey } : {}),
      ...(flags.baseUrl ? { SEEDANCE_BASE_URL: flags.baseUrl } : {}),
    },
  });
}
