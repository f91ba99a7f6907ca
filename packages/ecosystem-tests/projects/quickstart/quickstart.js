import { SeedanceClient } from 'seedance-sdk';
// Initialize client
const client = new SeedanceClient({
apiKey: 'your-api-key-here'
});
// Or use environment variable
// const client = new SeedanceClient();
{
// Generate images using Seedream 4.5
const response = await client.seedream.generate({
prompt: "A cyberpunk city street with neon signs",
model: "seedream-4.5",
resolution: "4k",
quality: "high",
numImages: 1
});
// Get results
const imageUrl = response.images[0].url;
console.log(`Generated image: ${imageUrl}`);
}
// Generate video using Seedance 1.5 Pro
const response = await client.seedance.generate({
prompt: "A spacecraft entering Earth's atmosphere",
model: "seedance-1.5-pro",
duration: 20, // seconds
resolution: "1080p",
fps: 24
});
// Get task ID
const taskId = response.taskId;
console.log(`Task submitted: ${taskId}`);
// Use waitForCompletion helper function
const result = await client.task.waitForCompletion(taskId, {
maxWaitTime: 300000, // 5 minutes
pollInterval: 2000 // Check every 2 seconds
});
if (result.status === 'completed') {
console.log(`Video URL: ${result.videoUrl}`);
} else {
console.error(`Task failed: ${result.errorMessage}`);
}
