package io.edgecoord.execution.docker;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import com.github.dockerjava.api.command.BuildImageResultCallback;
import com.github.dockerjava.api.model.BuildResponseItem;
import com.github.dockerjava.api.model.Image;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.support.ResourcePatternResolver;

/**
 * Makes sure the image of a runtime exists in the local engine, building it from the class path
 * ({@code runtimes/<runtime>/} plus {@code runtimes/common/}) when it does not; nothing is ever
 * pulled. Images are tagged {@code edgecoord-runtime-<runtime>:<hash of the context>}, so a
 * changed Dockerfile makes a new image and an unchanged one is built once.
 *
 * <p>Thread-safe: one build at a time per runtime; callers that wait for it reuse its image. Once
 * an image is known to exist it is not asked about again until {@link #forget} is called.
 */
class RuntimeImages {

    static final String ROOT = "runtimes";

    private static final Logger log = LoggerFactory.getLogger(RuntimeImages.class);

    static final String RUNTIME_LABEL = "edgecoord.runtime";

    static final String BASE_IMAGE_LABEL = "edgecoord.base-image";

    private final DockerClients docker;

    private final DockerProperties properties;

    private final ResourcePatternResolver resolver;

    private final Clock clock;

    private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();

    private final Map<String, String> tags = new ConcurrentHashMap<>();

    private final Map<String, String> present = new ConcurrentHashMap<>();

    RuntimeImages(DockerClients docker, DockerProperties properties, ResourcePatternResolver resolver,
            Clock clock) {
        this.docker = docker;
        this.properties = properties;
        this.resolver = resolver;
        this.clock = clock;
    }

    /** Returns the image of {@code runtime}, building it first if the engine lacks it. */
    String ensure(String runtime) {
        String known = present.get(runtime);
        if (known != null) {
            return known;
        }
        ReentrantLock lock = locks.computeIfAbsent(runtime, r -> new ReentrantLock());
        lock.lock();
        try {
            BuildContext context = null;
            String tag = tags.get(runtime);
            if (tag == null) {
                context = BuildContext.read(resolver, ROOT, runtime);
                tag = "edgecoord-runtime-" + runtime.toLowerCase() + ":" + context.hash(buildArg());
                tags.put(runtime, tag);
            }
            if (!exists(tag)) {
                build(runtime, tag, context != null ? context : BuildContext.read(resolver, ROOT, runtime));
            }
            removeSuperseded(runtime, tag);
            present.put(runtime, tag);
            return tag;
        }
        finally {
            lock.unlock();
        }
    }

    /** Forgets that the image of {@code runtime} exists, so the next caller checks (and builds) again. */
    void forget(String runtime) {
        present.remove(runtime);
    }

    /**
     * Removes the images this runtime had before, on the same base image, under other tags: what
     * an upgrade of the coordinator (new runtime files, so a new hash) leaves behind. Images a
     * container still uses stay (the engine refuses), and so do those of other base images (another
     * coordinator on the same engine may use them). Once per runtime and process.
     */
    private void removeSuperseded(String runtime, String current) {
        List<Image> same;
        try {
            same = docker.requests().listImagesCmd()
                    .withLabelFilter(Map.of(RUNTIME_LABEL, runtime, BASE_IMAGE_LABEL, properties.baseImage())).exec();
        }
        catch (RuntimeException failure) {
            log.debug("Cannot list the images of runtime {}: {}", runtime, DockerFailures.describe(failure));
            return;
        }
        String repository = current.substring(0, current.indexOf(':') + 1);
        for (Image image : same) {
            for (String tag : image.getRepoTags() == null ? new String[0] : image.getRepoTags()) {
                if (tag.startsWith(repository) && !tag.equals(current)) {
                    try {
                        docker.requests().removeImageCmd(tag).exec();
                        log.info("Removed runtime image {}, superseded by {}", tag, current);
                    }
                    catch (RuntimeException inUse) {
                        log.debug("Kept runtime image {}: {}", tag, DockerFailures.describe(inUse));
                    }
                }
            }
        }
    }

    private String buildArg() {
        return "BASE_IMAGE=" + properties.baseImage();
    }

    private boolean exists(String tag) {
        try {
            docker.requests().inspectImageCmd(tag).exec();
            return true;
        }
        catch (RuntimeException failure) {
            if (DockerFailures.isNotFound(failure)) {
                return false;
            }
            throw DockerFailures.onStart(properties.host(), "inspect image " + tag, failure);
        }
    }

    private void build(String runtime, String tag, BuildContext context) {
        log.info("Building runtime image {} from {} files on {}", tag, context.files().size(), properties.baseImage());
        long started = clock.millis();
        var progress = new Progress(tag);
        boolean finished;
        try {
            docker.streams().buildImageCmd()
                    .withTarInputStream(new ByteArrayInputStream(context.tar()))
                    .withTags(Set.of(tag))
                    .withBuildArg("BASE_IMAGE", properties.baseImage())
                    .withLabels(Map.of(RUNTIME_LABEL, runtime, BASE_IMAGE_LABEL, properties.baseImage()))
                    .withPull(false)
                    .withRemove(true)
                    .withForcerm(true)
                    .exec(progress);
            finished = progress.awaitCompletion(properties.buildTimeout().toMillis(), TimeUnit.MILLISECONDS);
            if (finished) {
                progress.awaitImageId();
            }
        }
        catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new RuntimeImageBuildException(tag, "interrupted while waiting for the build", interrupted);
        }
        catch (RuntimeException failure) {
            if (DockerFailures.isUnreachable(failure)) {
                throw new DockerUnavailableException(properties.host(), failure);
            }
            throw new RuntimeImageBuildException(tag, DockerFailures.describe(failure), failure);
        }
        if (!finished) {
            progress.abort();
            throw new RuntimeImageBuildException(tag, "it took longer than " + properties.buildTimeout(), null);
        }
        log.info("Built runtime image {} in {} ms", tag, clock.millis() - started);
    }

    /** Logs the build's own lines as they come. */
    private static final class Progress extends BuildImageResultCallback {

        private final String tag;

        Progress(String tag) {
            this.tag = tag;
        }

        @Override
        public void onNext(BuildResponseItem item) {
            if (item.getStream() != null && !item.getStream().isBlank()) {
                log.info("[{}] {}", tag, item.getStream().strip());
            }
            if (item.getErrorDetail() != null) {
                log.warn("[{}] {}", tag, item.getErrorDetail().getMessage());
            }
            super.onNext(item);
        }

        /** Stops a build that overran its time; the engine cancels it when the stream closes. */
        void abort() {
            try {
                close();
            }
            catch (IOException closing) {
                log.warn("[{}] could not close the build stream: {}", tag, closing.getMessage());
            }
        }
    }
}
