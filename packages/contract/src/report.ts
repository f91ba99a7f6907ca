// The contract check's reports: text (a line per check, then each finding), JSON, JUnit XML (a test
// case per check, a failure per finding) and Markdown for humans. Every finding already carries
// sanitised server text (conform.ts), so the formats only arrange it.
import { CHECKS, type Finding } from "./checks.ts";
import type { CheckResult, ContractReport } from "./run.ts";

const LABEL = { pass: "PASS", fail: "FAIL", skip: "SKIP" } as const;

/** `FAIL  idempotent_replay  (12 requests, 1 finding)` */
export function checkLine(check: CheckResult): string {
  const findings = check.findings === 1 ? "1 finding" : `${check.findings} findings`;
  const detail =
    check.outcome === "skip" ? check.reason : `${check.requests} requests${check.findings ? `, ${findings}` : ""}`;
  return `${LABEL[check.outcome]}  ${check.name}  (${detail})`;
}

const seen = (finding: Finding) => (finding.occurrences > 1 ? ` (seen ${finding.occurrences} times)` : "");

/** A finding in a few lines: the check and operation, the rule, expected vs sent, the request. */
export function findingText(finding: Finding): string {
  return [
    `[${finding.check}] ${finding.operations.join(", ")}: ${finding.rule}${seen(finding)}`,
    `    expected: ${finding.expected}`,
    `    got:      ${finding.got}`,
    ...(finding.curl ? [`    request:  ${finding.curl}`] : []),
  ].join("\n");
}

export function summaryLine(report: ContractReport): string {
  if (!report.reachable) return `unreachable: ${report.unreachable ?? "no answer"}`;
  const count = (outcome: CheckResult["outcome"]) => report.checks.filter((check) => check.outcome === outcome).length;
  return (
    `${report.checks.length} checks: ${count("pass")} passed, ${count("fail")} failed, ${count("skip")} skipped; ` +
    `${report.findings.length} finding${report.findings.length === 1 ? "" : "s"}; ` +
    `${report.requests} requests in ${(report.durationMs / 1000).toFixed(1)} s (seed ${report.seed})`
  );
}

/** The whole report as text: the checks, the findings, the statuses not provoked, the summary. */
export function textReport(report: ContractReport): string {
  if (!report.reachable) return summaryLine(report);
  const lines = report.checks.map(checkLine);
  if (report.findings.length > 0) lines.push("", "Findings:", ...report.findings.map(findingText));
  if (report.notProvoked.length > 0)
    lines.push(
      "",
      "Documented statuses not provoked:",
      ...report.notProvoked.map((item) => `SKIP  ${item.operation} ${item.status}  not provoked: ${item.reason}`),
    );
  lines.push("", summaryLine(report));
  return lines.join("\n");
}

const escapeXml = (text: string) =>
  text.replace(/[<>&"']/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[c] ?? c);

/** A JUnit XML report: a test case per check, with a failure per finding, for CI dashboards. */
export function junitReport(report: ContractReport): string {
  const failures = report.checks.filter((check) => check.outcome === "fail").length;
  const skipped = report.checks.filter((check) => check.outcome === "skip").length;
  const time = (report.durationMs / 1000).toFixed(3);
  const cases = report.checks.map((check) => {
    const open = `    <testcase classname="seedance contract" name="${check.name}">`;
    if (check.outcome === "pass") return `${open}</testcase>`;
    if (check.outcome === "skip")
      return `${open}\n      <skipped message="${escapeXml(check.reason ?? "")}"/>\n    </testcase>`;
    const details = report.findings
      .filter((finding) => finding.check === check.name)
      .map(
        (finding) =>
          `      <failure message="${escapeXml(`${finding.operation}: ${finding.rule}`)}">${escapeXml(findingText(finding))}</failure>`,
      );
    return `${open}\n${details.join("\n")}\n    </testcase>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites tests="${report.checks.length}" failures="${failures}" skipped="${skipped}" time="${time}">`,
    `  <testsuite name="seedance contract ${escapeXml(report.baseUrl)}" tests="${report.checks.length}" failures="${failures}" skipped="${skipped}" time="${time}">`,
    ...cases,
    "  </testsuite>",
    "</testsuites>",
    "",
  ].join("\n");
}

const cell = (text: string) => text.replaceAll("|", "\\|").replaceAll("\n", " ");

/** A Markdown report for humans (`--report FILE.md`). */
export function markdownReport(report: ContractReport): string {
  const lines = [
    `# Contract check of ${report.baseUrl}`,
    "",
    `Spec ${report.specVersion}. ${summaryLine(report)}.`,
    "",
  ];
  if (!report.reachable) return `${lines.join("\n")}\n`;
  lines.push("| check | verdict | requests | findings | what it checks |", "| --- | --- | --- | --- | --- |");
  for (const check of report.checks)
    lines.push(
      `| \`${check.name}\` | ${LABEL[check.outcome]} | ${check.requests} | ${check.findings} | ${cell(CHECKS[check.name])} |`,
    );
  if (report.findings.length > 0) {
    lines.push("", "## Findings");
    for (const finding of report.findings) {
      lines.push(
        "",
        `### \`${finding.check}\`: ${finding.operation}`,
        "",
        `${cell(finding.rule)}${seen(finding)}.`,
        "",
        `- expected: ${cell(finding.expected)}`,
        `- got: \`${finding.got.replaceAll("`", "'")}\``,
      );
      if (finding.curl) lines.push("", "```sh", finding.curl, "```");
    }
  }
  if (report.notProvoked.length > 0) {
    lines.push("", "## Not provoked", "");
    for (const item of report.notProvoked) lines.push(`- ${item.operation} ${item.status}: ${item.reason}`);
  }
  return `${lines.join("\n")}\n`;
}
