// `seedance contract`: the contract check is the @seedance/contract package (with Prism, most of
// an install), which the everyday CLI leaves out: loaded on first use, it gets the command's flags
// and the connection settings, and prints its own report.
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
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

/** Node's error for an import of @seedance/contract itself that is not installed (not one of its own imports). */
const isMissing = (error: unknown) => {
  const { code, message } = error as NodeJS.ErrnoException;
  return (code === "ERR_MODULE_NOT_FOUND" || code === "MODULE_NOT_FOUND") && message.includes("'@seedance/contract'");
};

/** The checker, or a UsageError saying how to install it; another failure to load it is thrown as is. */
async function loadChecker(): Promise<typeof import("@seedance/contract")> {
  try {
    return await import("@seedance/contract");
  } catch (error) {
    if (isMissing(error)) throw new UsageError(CONTRACT_NOT_INSTALLED);
    throw error;
  }
}

/** For `seedance contract --help`: the checker's flags, or how to install it (help is synchronous). */
export function contractHelp(): string {
  try {
    // Found as `import()` finds it (not by NODE_PATH, which only require() reads), loaded with require().
    const path = fileURLToPath(import.meta.resolve("@seedance/contract"));
    const { FLAGS } = createRequire(import.meta.url)(path) as typeof import("@seedance/contract");
    return `\nFlags of @seedance/contract (passed on as they are):\n${FLAGS}`;
  } catch (error) {
    if (isMissing(error)) return `\n${CONTRACT_NOT_INSTALLED}`;
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
