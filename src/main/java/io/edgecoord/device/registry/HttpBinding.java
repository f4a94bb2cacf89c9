package io.edgecoord.device.registry;

import java.net.URI;
import java.net.URISyntaxException;

import jakarta.validation.constraints.NotBlank;

import io.edgecoord.device.profile.InvalidDefinitionException;

/**
 * A device that serves its resources over HTTP: {@code GET baseUrl + path} answers
 * {@code {"value": x}}, and {@code PUT} with the same body writes.
 *
 * @param baseUrl such as {@code http://10.0.0.7:8080/api}
 * @param linkId the link it shares with other devices; default {@code scheme://host:port}
 */
public record HttpBinding(@NotBlank String baseUrl, String linkId) implements ProtocolBinding {

    @Override
    public HttpBinding resolved() {
        URI uri;
        try {
            uri = new URI(this.baseUrl);
        }
        catch (URISyntaxException ex) {
            throw new InvalidDefinitionException("protocol.baseUrl is not a URL: " + ex.getMessage());
        }
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
            throw new InvalidDefinitionException("protocol.baseUrl must be an absolute http or https URL");
        }
        String base = this.baseUrl.endsWith("/") ? this.baseUrl.substring(0, this.baseUrl.length() - 1) : this.baseUrl;
        String link = (this.linkId == null || this.linkId.isBlank())
                ? uri.getScheme() + "://" + uri.getHost() + ":" + port(uri) : this.linkId;
        return new HttpBinding(base, link);
    }

    /** The host the base URL names (an IPv6 literal in brackets); call on a resolved binding. */
    String host() {
        return URI.create(this.baseUrl).getHost();
    }

    /** The port the base URL names, or its scheme's; call on a resolved binding. */
    int port() {
        return port(URI.create(this.baseUrl));
    }

    private static int port(URI uri) {
        return (uri.getPort() != -1) ? uri.getPort() : ("https".equals(uri.getScheme()) ? 443 : 80);
    }
}
