// The README's image and video calls in plain ESM, run by each runtime from the installed tarball
// against the sandbox. The sandbox serves media from 127.0.0.1, which ai's default downloader
// refuses by design, so the video call passes a `download` (as the README says for local use).
export async function flow({ seedance, generateImage, experimental_generateVideo }) {
  const { image, providerMetadata } = await generateImage({
    model: seedance.image("seedream-4.5"),
    prompt: "A cyberpunk city street with neon signs",
    size: "1024x1024",
    providerOptions: { seedance: { quality: "high" } },
  });
  const { video } = await experimental_generateVideo({
    model: seedance.video("seedance-1.5-pro"),
    prompt: "A spacecraft entering the atmosphere",
    duration: 5,
    resolution: "1280x720",
    poll: { intervalMs: 250 },
    download: async ({ url, abortSignal }) => {
      const response = await fetch(url, { signal: abortSignal });
      return {
        data: new Uint8Array(await response.arrayBuffer()),
        mediaType: response.headers.get("content-type") ?? undefined,
      };
    },
  });
  return {
    image: { bytes: image.uint8Array.length, mediaType: image.mediaType, url: providerMetadata.seedance.images[0].url },
    video: {
      bytes: video.uint8Array.length,
      mediaType: video.mediaType,
      box: new TextDecoder().decode(video.uint8Array.subarray(4, 8)),
    },
  };
}
