// Calls each operation once through the client openapi-generator made (./seedance-go), against the
// base URL given as the only argument; exits non-zero on the first failure.
package main

import (
	"context"
	"fmt"
	"os"

	seedance "github.com/GIT_USER_ID/GIT_REPO_ID"
)

func check(operation string, err error) {
	if err != nil {
		fmt.Fprintf(os.Stderr, "%s: %v\n", operation, err)
		os.Exit(1)
	}
}

func main() {
	cfg := seedance.NewConfiguration()
	cfg.Servers = seedance.ServerConfigurations{{URL: os.Args[1]}}
	cfg.AddDefaultHeader("Authorization", "Bearer sk-test-generator-matrix")
	client := seedance.NewAPIClient(cfg)
	ctx := context.Background()

	image, _, err := client.ImagesAPI.GenerateImage(ctx).
		ImageGenerationRequest(*seedance.NewImageGenerationRequest("A lighthouse at dawn", seedance.SEEDREAM_4_5)).Execute()
	check("generateImage", err)
	fmt.Println("generateImage:", len(image.Data.GetImages()), "image(s)")

	video, _, err := client.VideosAPI.GenerateVideo(ctx).
		VideoGenerationRequest(*seedance.NewVideoGenerationRequest("A lighthouse at dawn", seedance.SEEDANCE_1_5_PRO, 5)).Execute()
	check("generateVideo", err)
	taskID := video.Data.GetTaskId()
	fmt.Println("generateVideo:", taskID)

	status, _, err := client.TasksAPI.GetTaskStatus(ctx, taskID).Execute()
	check("getTaskStatus", err)
	fmt.Println("getTaskStatus:", status.Data.GetStatus())

	result, _, err := client.TasksAPI.GetTaskResult(ctx, taskID).Execute()
	check("getTaskResult", err)
	fmt.Println("getTaskResult:", result.Data.GetStatus())
}
