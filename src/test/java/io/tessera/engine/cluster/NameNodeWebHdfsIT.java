package io.tessera.engine.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.tessera.engine.json.Json;
import io.tessera.testing.SharedCluster;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.Test;

/**
 * The NameNode web UI that endpoints.json names answers WebHDFS over plain HTTP, as the NameNode UI's file browser and
 * curl do. On JDK 25 with Hadoop's old JAXB runtime the first WebHDFS request failed with HTTP 500
 * (ExceptionInInitializerError in Jersey's WADL set-up).
 */
class NameNodeWebHdfsIT {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void listStatusAndGetFileStatusAnswerJson() throws Exception {
        EmbeddedCluster cluster = SharedCluster.get();
        String folder = "/webhdfs-it";
        Configuration conf = new Configuration();
        try (FileSystem fs = FileSystem.newInstance(URI.create(cluster.endpoints().hdfsUri()), conf);
             FSDataOutputStream out = fs.create(new Path(folder + "/hello.txt"), true)) {
            out.write("hello webhdfs".getBytes(StandardCharsets.UTF_8));
        }
        String web = cluster.endpoints().nameNodeWebUi();

        JsonNode listing = getJson(web + "/webhdfs/v1" + folder + "?op=LISTSTATUS");
        JsonNode entries = listing.path("FileStatuses").path("FileStatus");
        assertEquals(1, entries.size(), listing.toString());
        assertEquals("hello.txt", entries.get(0).path("pathSuffix").asText());
        assertEquals("FILE", entries.get(0).path("type").asText());
        assertEquals(13, entries.get(0).path("length").asLong());

        JsonNode status = getJson(web + "/webhdfs/v1" + folder + "/hello.txt?op=GETFILESTATUS").path("FileStatus");
        assertEquals("FILE", status.path("type").asText(), status.toString());
        assertEquals(13, status.path("length").asLong());
    }

    private JsonNode getJson(String url) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), url + " answered " + response.statusCode() + ": " + response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
                "Content-Type " + response.headers().firstValue("Content-Type"));
        return Json.mapper().readTree(response.body());
    }
}
