// The contract check's reports: a line per check and a summary (text), JSON lines, JUnit XML.
import type { Check, ContractReport } from "./run.ts";

const LABEL = { pass: "PASS", fail: "FAIL", skip: "SKIP" } as const;

/** `FAIL  generateImage 200  POST /v1/seedream/generate  got 500, 1 violation: [response.body] …` */
export function checkLine(check: Check): string {
  const head = `${LABEL[check.outcome]}  ${check.operation} ${check.status}  ${check.method} ${check.path}`;
  const violations = check.violations.map((v) => `[${v.location}] ${v.message}`).join("; ");
  const reason = [check.reason, violations].filter(Boolean).join(": ");
  return reason ? `${head}  ${reason}` : head;
}

export function summaryLine(report: ContractReport): string {
  return (
    `${report.checks.length} checks: ${report.passed} passed, ${report.failed} failed, ` +
    `${report.skipped} not provoked, ${report.violations} violations`
  );
}

/** The summary document that ends `--json` output (after one JSON line per check). */
export function jsonSummary(report: ContractReport) {
  const { checks: _checks, ...summary } = report;
  return { summary };
}

const escapeXml = (text: string) =>
  text.replace(/[<>&"']/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[c] ?? c);

/** A JUnit XML report: a test case per check, named by operation and status, for CI dashboards. */
export function junitReport(report: ContractReport): string {
  const seconds = (ms: number) => (ms / 1000).toFixed(3);
  const total = report.checks.reduce((sum, check) => sum + check.durationMs, 0);
  const cases = report.checks.map((check) => {
    const open = `    <testcase classname="seedance contract.${escapeXml(check.operation)}" name="${escapeXml(`${check.status} ${check.method} ${check.path}`)}" time="${seconds(check.durationMs)}"`;
    if (check.outcome === "pass") return `${open}/>`;
    if (check.outcome === "skip")
      return `${open}>\n      <skipped message="${escapeXml(check.reason ?? "")}"/>\n    </testcase>`;
    const details = check.violations.map((v) => `[${v.location}] ${v.message}`).join("\n");
    return `${open}>\n      <failure message="${escapeXml(check.reason ?? "failed")}">${escapeXml(details)}</failure>\n    </testcase>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites tests="${report.checks.length}" failures="${report.failed}" skipped="${report.skipped}" time="${seconds(total)}">`,
    `  <testsuite name="seedance contract ${escapeXml(report.baseUrl)}" tests="${report.checks.length}" failures="${report.failed}" skipped="${report.skipped}" time="${seconds(total)}">`,
    ...cases,
    "  </testsuite>",
    "</testsuites>",
    "",
  ].join("\n");
}
