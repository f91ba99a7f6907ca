// Wires the form to generateImage and shows the result or the error.
import { generateImage } from "./generate.ts";

const form = document.querySelector<HTMLFormElement>("#generate");
const status = document.querySelector<HTMLParagraphElement>("#status");
const result = document.querySelector<HTMLImageElement>("#result");

form?.addEventListener("submit", async (event) => {
  event.preventDefault();
  if (!status || !result) return;
  status.textContent = "Generating…";
  try {
    result.src = await generateImage(String(new FormData(form).get("prompt")));
    status.textContent = "";
  } catch (error) {
    status.textContent = error instanceof Error ? error.message : String(error);
  }
});
