// Calls each operation once through the client oapi-codegen made (./seedance), against the base URL
// given as the only argument; exits non-zero on the first failure or unexpected status.
package main

import (
	"context"
	"fmt"
	"net/http"
	"os"

	"matrix/seedance"
)

func check(operation string, err error, status int, parsed bool) {
	if err != nil || !parsed {
		fmt.Fprintf(os.Stderr, "%s: status %d, error %v\n", operation, status, err)
		os.Exit(1)
	}
}

func main() {
	auth := seedance.WithRequestEditorFn(func(_ context.Context, req *http.Request) error {
		req.Header.Set("Authorization", "Bearer sk-test-generator-matrix")
		return nil
	})
	client, err := seedance.NewClientWithResponses(os.Args[1], auth)
	check("client", err, 0, true)
	ctx := context.Background()

	image, err := client.GenerateImageWithResponse(ctx, nil,
		seedance.ImageGenerationRequest{Prompt: "A lighthouse at dawn", Model: seedance.SEEDREAM45})
	check("generateImage", err, image.StatusCode(), image.JSON200 != nil)
	fmt.Println("generateImage:", len(image.JSON200.Data.Images), "image(s)")

	video, err := client.GenerateVideoWithResponse(ctx, nil,
		seedance.VideoGenerationRequest{Prompt: "A lighthouse at dawn", Model: seedance.SEEDANCE15PRO, Duration: 5})
	check("generateVideo", err, video.StatusCode(), video.JSON202 != nil)
	taskID := video.JSON202.Data.TaskId
	fmt.Println("generateVideo:", taskID)

	status, err := client.GetTaskStatusWithResponse(ctx, taskID)
	check("getTaskStatus", err, status.StatusCode(), status.JSON200 != nil)
	fmt.Println("getTaskStatus:", status.JSON200.Data.Status)

	result, err := client.GetTaskResultWithResponse(ctx, taskID)
	check("getTaskResult", err, result.StatusCode(), result.JSON200 != nil)
	fmt.Println("getTaskResult:", result.JSON200.Data.Status)
}
