// Generated at compile time by progenitor from the spec's OpenAPI 3.0 copy (the README's command),
// then calls each operation once against the base URL given as the only argument.
progenitor::generate_api!("node_modules/@seedance/openapi/dist/openapi-3.0.json");

use serde_json::json;
use types::{ImageGenerationRequest, TaskId, VideoGenerationRequest};

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let base_url = std::env::args().nth(1).ok_or("usage: seedance-progenitor-client BASE_URL")?;
    let http = reqwest::Client::builder()
        .default_headers(std::iter::once((
            reqwest::header::AUTHORIZATION,
            "Bearer sk-test-generator-matrix".parse()?,
        )).collect())
        .build()?;
    let client = Client::new_with_client(&base_url, http);
    // The generated types validate on deserialization (prompt length, enum values).
    let image_request: ImageGenerationRequest =
        serde_json::from_value(json!({ "prompt": "A lighthouse at dawn", "model": "seedream-4.5" }))?;
    let video_request: VideoGenerationRequest =
        serde_json::from_value(json!({ "prompt": "A lighthouse at dawn", "model": "seedance-1.5-pro", "duration": 5 }))?;

    let image = client.generate_image(None, &image_request).await?;
    println!("generateImage: {} image(s)", image.data.images.len());
    let video = client.generate_video(None, &video_request).await?;
    println!("generateVideo: {}", video.data.task_id.as_str());
    let task_id: TaskId = video.data.task_id.as_str().parse()?;
    let status = client.get_task_status(&task_id).await?;
    println!("getTaskStatus: {}", status.data.status);
    let result = client.get_task_result(&task_id).await?;
    println!("getTaskResult: {}", result.data.status);
    Ok(())
}
