package io.edgecoord.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import io.edgecoord.EdgecoordApplication;

/**
 * Not a test: measures the warm and cold invoke paths of a real coordinator against baselines
 * taken in the same run, round by round (ABAB…), and prints medians and ratios. Warm baselines:
 * a GET of the same server's liveness endpoint (the HTTP floor: one request through the same
 * Tomcat, no task) and starting {@code /bin/true} as a host process (a warm isolated invoke should
 * cost about as much). Cold baseline: {@code docker run --rm} of the same runtime image with the
 * same isolation flags, running {@code /bin/true}. Arguments: rounds (5), warm calls per round
 * (300), cold calls per round (2). See docs/benchmarks.md.
 */
public final class InvokeBenchmark {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private InvokeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int warmCalls = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        int coldCalls = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        Path data = Files.createTempDirectory(Path.of("/tmp"), "ecb");
        String instance = "bench" + UUID.randomUUID().toString().substring(0, 6);
        ConfigurableApplicationContext app = SpringApplication.run(EdgecoordApplication.class, "--server.port=0",
                "--edgecoord.data-dir=" + data, "--edgecoord.execution.docker.instance-id=" + instance,
                "--logging.level.root=WARN", "--logging.level.io.edgecoord=WARN");
        try {
            String base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
            deploy(base, "bench-warm", 0);
            String image = runtimeImage();
            List<Sample> warm = new ArrayList<>();
            List<Sample> liveness = new ArrayList<>();
            List<Sample> exec = new ArrayList<>();
            List<Sample> cold = new ArrayList<>();
            List<Sample> dockerRun = new ArrayList<>();
            repeat(200, () -> post(base + "/api/v1/tasks/bench-warm/invoke", "{}"));
            repeat(50, () -> get(base + "/actuator/health/liveness"));
            int version = 0;
            for (int round = 1; round <= rounds; round++) {
                warm.add(time(warmCalls, () -> post(base + "/api/v1/tasks/bench-warm/invoke", "{}")));
                liveness.add(time(warmCalls, () -> get(base + "/actuator/health/liveness")));
                exec.add(time(warmCalls, InvokeBenchmark::trueProcess));
                for (int i = 0; i < coldCalls; i++) {
                    deploy(base, "bench-cold", ++version);
                    cold.add(time(1, () -> post(base + "/api/v1/tasks/bench-cold/invoke", "{}")));
                    dockerRun.add(time(1, () -> dockerRun(image)));
                }
                System.out.printf("round %d: warm p50 %.2f ms, liveness p50 %.2f ms, /bin/true p50 %.2f ms%n", round,
                        warm.getLast().p50(), liveness.getLast().p50(), exec.getLast().p50());
            }
            report(warm, liveness, exec, cold, dockerRun);
        }
        finally {
            app.close();
        }
        System.exit(0);
    }

    private static void report(List<Sample> warm, List<Sample> liveness, List<Sample> exec, List<Sample> cold,
            List<Sample> dockerRun) {
        double warmP50 = median(warm.stream().mapToDouble(Sample::p50).toArray());
        double warmP99 = median(warm.stream().mapToDouble(Sample::p99).toArray());
        double liveP50 = median(liveness.stream().mapToDouble(Sample::p50).toArray());
        double liveP99 = median(liveness.stream().mapToDouble(Sample::p99).toArray());
        double execP50 = median(exec.stream().mapToDouble(Sample::p50).toArray());
        double coldP50 = median(cold.stream().mapToDouble(Sample::p50).toArray());
        double runP50 = median(dockerRun.stream().mapToDouble(Sample::p50).toArray());
        System.out.println();
        System.out.printf("| warm invoke, end to end | p50 %.2f ms | p99 %.2f ms |%n", warmP50, warmP99);
        System.out.printf("| liveness GET (HTTP floor) | p50 %.2f ms | p99 %.2f ms |%n", liveP50, liveP99);
        System.out.printf("| /bin/true as a host process | p50 %.2f ms | |%n", execP50);
        System.out.printf("| cold invoke, end to end (n=%d) | median %.0f ms | |%n", cold.size(), coldP50);
        System.out.printf("| docker run --rm, same image and flags (n=%d) | median %.0f ms | |%n", dockerRun.size(),
                runP50);
        System.out.printf("warm overhead over the HTTP floor: p50 %+.2f ms, p99 %+.2f ms%n", warmP50 - liveP50,
                warmP99 - liveP99);
        System.out.printf("warm p50 / host process p50: %.2f%n", warmP50 / execP50);
        System.out.printf("warm p50 / cold median: %.3f%n", warmP50 / coldP50);
        System.out.printf("cold median / docker run median: %.2f%n", coldP50 / runP50);
    }

    private static void deploy(String base, String name, int version) throws Exception {
        String body = """
                {"name":"%s","runtime":"python3.11","handler":"noop.handle","environment":{"V":"%d"},
                 "code":{"inline":"def handle(event, context):\\n    return event\\n"}}""".formatted(name, version);
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + "/api/v1/tasks"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
        if (response.statusCode() >= 300) {
            throw new IllegalStateException("deploy failed: " + response.body());
        }
    }

    private static void post(String url, String body) throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
        }
    }

    private static void get(String url) throws Exception {
        send(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.header("Authorization", "Bearer " + io.edgecoord.support.TestKeys.ADMIN).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void trueProcess() throws Exception {
        new ProcessBuilder("/bin/true").start().waitFor();
    }

    /** The hardened flags the coordinator gives a task's container, minus its mounts. */
    private static void dockerRun(String image) throws Exception {
        int exit = new ProcessBuilder("docker", "run", "--rm", "--network", "none", "--read-only", "--cap-drop",
                "ALL", "--security-opt", "no-new-privileges", "--user", "10001:10001", "--init", "--pids-limit",
                "128", "--memory", "128m", "--tmpfs", "/tmp:rw,nosuid,nodev,size=64m", "--entrypoint", "/bin/true",
                image).inheritIO().start().waitFor();
        if (exit != 0) {
            throw new IllegalStateException("docker run exited " + exit);
        }
    }

    private static String runtimeImage() throws Exception {
        Process process = new ProcessBuilder("docker", "images", "--format", "{{.Repository}}:{{.Tag}}",
                "edgecoord-runtime-python3.11").start();
        String image = new String(process.getInputStream().readAllBytes()).lines().findFirst().orElseThrow();
        process.waitFor();
        return image;
    }

    private interface Call {
        void run() throws Exception;
    }

    private static void repeat(int times, Call call) throws Exception {
        for (int i = 0; i < times; i++) {
            call.run();
        }
    }

    private static Sample time(int times, Call call) throws Exception {
        double[] millis = new double[times];
        for (int i = 0; i < times; i++) {
            long start = System.nanoTime();
            call.run();
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        return new Sample(millis[millis.length / 2], millis[Math.min(millis.length - 1, (int) (millis.length * 0.99))]);
    }

    private record Sample(double p50, double p99) {
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
