import java.net.HttpURLConnection;
import java.net.URI;

/**
 * The image's HEALTHCHECK: exits 0 when the URL answers 2xx within five seconds, else 1. Plain
 * java.base, so it runs on any JRE image, curl or not.
 */
public final class HealthCheck {

    private HealthCheck() {
    }

    public static void main(String[] args) {
        try {
            HttpURLConnection connection = (HttpURLConnection) URI.create(args[0]).toURL().openConnection();
            connection.setConnectTimeout(5_000);
            connection.setReadTimeout(5_000);
            int status = connection.getResponseCode();
            System.exit(status >= 200 && status < 300 ? 0 : 1);
        }
        catch (Exception ex) {
            System.err.println("health check failed: " + ex);
            System.exit(1);
        }
    }
}
