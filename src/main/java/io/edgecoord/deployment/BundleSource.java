package io.edgecoord.deployment;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** Where the agent finds the desired bundle and its detached signature. */
sealed interface BundleSource {

    /**
     * Fetches the bundle unless it is still {@code etag}.
     *
     * @return the bundle, or {@code null} when unchanged
     * @throws IOException when the source cannot be reached or answers an error
     */
    Fetched fetch(String etag) throws IOException, InterruptedException;

    /**
     * A fetched bundle.
     *
     * @param document the bundle's bytes
     * @param signature the detached signature's bytes
     * @param etag what identifies this content at the source
     */
    record Fetched(byte[] document, byte[] signature, String etag) {
    }

    static BundleSource of(String source, String bearerToken) {
        if (source.startsWith("http://") || source.startsWith("https://")) {
            return new Http(URI.create(source), bearerToken);
        }
        return new Directory(Path.of(source));
    }

    /** An http(s) URL, polled with {@code If-None-Match}; the signature is at the URL plus {@code .sig}. */
    record Http(URI uri, String bearerToken) implements BundleSource {

        private static final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

        @Override
        public Fetched fetch(String etag) throws IOException, InterruptedException {
            HttpResponse<byte[]> bundle = client.send(request(this.uri, etag), HttpResponse.BodyHandlers.ofByteArray());
            if (bundle.statusCode() == 304) {
                return null;
            }
            if (bundle.statusCode() != 200) {
                throw new IOException(this.uri + " answered HTTP " + bundle.statusCode());
            }
            URI sig = URI.create(this.uri + ".sig");
            HttpResponse<byte[]> signature = client.send(request(sig, null), HttpResponse.BodyHandlers.ofByteArray());
            byte[] signed = (signature.statusCode() == 200) ? signature.body() : new byte[0];
            String tag = bundle.headers().firstValue("ETag").orElse(CodeFetcher.sha256(bundle.body()));
            return new Fetched(bundle.body(), signed, tag);
        }

        private HttpRequest request(URI target, String etag) {
            HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(30)).GET();
            if (etag != null) {
                request.header("If-None-Match", etag);
            }
            if (this.bearerToken != null && !this.bearerToken.isBlank()) {
                request.header("Authorization", "Bearer " + this.bearerToken);
            }
            return request.build();
        }
    }

    /** A directory (a Git checkout, say) with {@code bundle.yaml} and {@code bundle.yaml.sig}. */
    record Directory(Path path) implements BundleSource {

        @Override
        public Fetched fetch(String etag) throws IOException {
            byte[] document = Files.readAllBytes(this.path.resolve("bundle.yaml"));
            Path sig = this.path.resolve("bundle.yaml.sig");
            byte[] signature = Files.exists(sig) ? Files.readAllBytes(sig) : new byte[0];
            String tag = CodeFetcher.sha256(document) + "." + CodeFetcher.sha256(signature);
            return tag.equals(etag) ? null : new Fetched(document, signature, tag);
        }
    }
}
