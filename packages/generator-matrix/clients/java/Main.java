// Calls each operation once through the client openapi-generator made (seedance-java), against the
// base URL given as the only argument; any failure throws, so the JVM exits non-zero.
import org.openapitools.client.ApiClient;
import org.openapitools.client.api.ImagesApi;
import org.openapitools.client.api.TasksApi;
import org.openapitools.client.api.VideosApi;
import org.openapitools.client.model.ImageGenerationRequest;
import org.openapitools.client.model.ImageModel;
import org.openapitools.client.model.VideoGenerationRequest;
import org.openapitools.client.model.VideoModel;

public class Main {
  public static void main(String[] args) throws Exception {
    ApiClient client = new ApiClient().setBasePath(args[0]);
    client.addDefaultHeader("Authorization", "Bearer sk-test-generator-matrix");
    String prompt = "A lighthouse at dawn";

    var image = new ImagesApi(client).generateImage(new ImageGenerationRequest().prompt(prompt).model(ImageModel.SEEDREAM_4_5), null);
    System.out.println("generateImage: " + image.getData().getImages().size() + " image(s)");
    var video = new VideosApi(client).generateVideo(
        new VideoGenerationRequest().prompt(prompt).model(VideoModel.SEEDANCE_1_5_PRO).duration(5), null);
    String taskId = video.getData().getTaskId();
    System.out.println("generateVideo: " + taskId);
    var tasks = new TasksApi(client);
    System.out.println("getTaskStatus: " + tasks.getTaskStatus(taskId).getData().getStatus());
    System.out.println("getTaskResult: " + tasks.getTaskResult(taskId).getData().getStatus());
  }
}
