import seedance

# Initialize client
client = seedance.Client(api_key="your-api-key-here")

# Or use environment variable
# export SEEDANCE_API_KEY="your-api-key"
# client = seedance.Client()

# Generate high-quality images using Seedream 4.5
response = client.seedream.generate(
    prompt="A serene mountain landscape at sunset, oil painting style",
    model="seedream-4.5",
    resolution="4k",
    quality="high",
    num_images=1,
    seed=42 # Optional: for reproducible results
)

# Get results
image_url = response.images[0].url
print(f"Generated image: {image_url}")

# Generate video using Seedance 1.5 Pro
response = client.seedance.generate(
    prompt="A majestic eagle soaring over snowy mountains",
    model="seedance-1.5-pro",
    duration=15, # seconds
    resolution="1080p",
    fps=24
)

# Get async task ID
task_id = response.task_id
print(f"Task submitted: {task_id}")

import time

# Poll task status
while True:
    status = client.task.get_status(task_id)

    if status.status == "completed":
        result = status.result
        print(f"Video URL: {result.video_url}")
        break
    elif status.status == "failed":
        print(f"Task failed: {status.error_message}")
        break
    else:
        print(f"Task status: {status.status}")

    time.sleep(2) # Check every 2 seconds
