package io.edgecoord.deployment;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;
import io.edgecoord.task.TaskBundles;

/**
 * Turns a task's {@code code: {url, sha256}} into {@code code: {zipBase64}}: fetched only from the
 * hosts the operator allowed, bounded in size and time, and refused unless its sha256 matches.
 * A {@code sha256} beside inline {@code zipBase64} is checked too; a {@code sha256} alone names code
 * an earlier deploy stored (a version's {@code codeSha256}).
 */
@Component
class CodeFetcher {

    private final DeploymentProperties properties;

    private final HttpClient http;

    private final TaskBundles tasks;

    CodeFetcher(DeploymentProperties properties, TaskBundles tasks) {
        this.properties = properties;
        this.tasks = tasks;
        this.http = HttpClient.newBuilder().connectTimeout(properties.codeTimeout())
            .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** The task definition with its code in a form the task module takes. */
    @SuppressWarnings("unchecked")
    Map<String, Object> resolve(Map<String, Object> task, String item) {
        if (!(task.get("code") instanceof Map<?, ?> given)) {
            return task;
        }
        Map<String, Object> code = new LinkedHashMap<>((Map<String, Object>) given);
        Object url = code.remove("url");
        Object sha256 = code.remove("sha256");
        if (url == null && sha256 == null) {
            return task;
        }
        if (!(sha256 instanceof String expected) || !expected.matches("[0-9a-fA-F]{64}")) {
            throw new InvalidBundleException(item + ".code.sha256", "must be the code's sha256, 64 hex digits.");
        }
        byte[] bytes;
        if (url != null) {
            bytes = fetch(url.toString(), item + ".code.url");
            code.put("zipBase64", Base64.getEncoder().encodeToString(bytes));
        }
        else if (code.get("zipBase64") instanceof String base64) {
            bytes = Base64.getMimeDecoder().decode(base64);
        }
        else if (code.isEmpty()) { // by digest alone: code an earlier deploy stored
            bytes = tasks.storedCode(expected.toLowerCase(Locale.ROOT)).orElseThrow(() -> new InvalidBundleException(
                    item + ".code.sha256", "no stored code has this sha256; give its url or zipBase64 too."));
            code.put("zipBase64", Base64.getEncoder().encodeToString(bytes));
        }
        else {
            throw new InvalidBundleException(item + ".code", "a sha256 checks code given by 'url' or 'zipBase64', "
                    + "or names stored code alone.");
        }
        String actual = sha256(bytes);
        if (!actual.equalsIgnoreCase(expected)) {
            throw new InvalidBundleException(item + ".code.sha256", "the code's sha256 is " + actual + ", not "
                    + expected.toLowerCase(Locale.ROOT) + ".");
        }
        Map<String, Object> resolved = new LinkedHashMap<>(task);
        resolved.put("code", code);
        return resolved;
    }

    /** Whether the operator allowed code from this URL's host: http or https, host or host:port listed. */
    static boolean allowed(URI uri, java.util.List<String> hosts) {
        if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
            return false;
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        return hosts.stream().map((h) -> h.toLowerCase(Locale.ROOT))
            .anyMatch((h) -> h.equals(host) || h.equals(host + ":" + uri.getPort()));
    }

    private byte[] fetch(String url, String item) {
        URI uri;
        try {
            uri = URI.create(url);
        }
        catch (IllegalArgumentException ex) {
            throw new InvalidBundleException(item, "not a URL: " + ex.getMessage());
        }
        if (!allowed(uri, this.properties.codeHosts())) {
            throw new InvalidBundleException(item, "code may come only from the hosts in "
                    + "edgecoord.deployment.code-hosts " + this.properties.codeHosts() + ".");
        }
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(this.properties.codeTimeout()).GET().build();
        try {
            HttpResponse<InputStream> response = this.http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    throw new InvalidBundleException(item, "answered HTTP " + response.statusCode() + ".");
                }
                byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, this.properties.maxCodeBytes() + 1));
                if (bytes.length > this.properties.maxCodeBytes()) {
                    throw new InvalidBundleException(item, "larger than " + this.properties.maxCodeBytes() + " bytes.");
                }
                return bytes;
            }
        }
        catch (IOException ex) {
            throw new InvalidBundleException(item, "could not be fetched: " + ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new InvalidBundleException(item, "interrupted while fetching.");
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
