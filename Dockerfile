# The coordinator's image. Build stage: the Maven wrapper on a JDK 21+ (the project builds on 25);
# run stage: a JRE 21+, 25 by default for its ahead-of-time cache (the jar itself is built for 21 and
# runs on any 21+; on 21 the image makes a class-data sharing archive instead). Both bases are
# build arguments, so a machine without a registry can use locally made ones
# (scripts/local-build-images.sh). The classic builder is enough: no BuildKit syntax is used.
#
#   docker build --pull=false -t edgecoord .
#
# Runs as uid 10000 (not the tasks' 10001). It must reach the Docker socket, so give it the
# socket's group:  --group-add "$(stat -c %g /var/run/docker.sock)". The data dir must be mounted at
# the same path as on the host, because the host's engine resolves the bind mounts the coordinator
# asks for (code and runtime sockets) on the host:  -v /var/lib/edgecoord:/var/lib/edgecoord
ARG BUILD_IMAGE=eclipse-temurin:25-jdk
ARG RUNTIME_IMAGE=eclipse-temurin:25-jre

FROM ${BUILD_IMAGE} AS build
WORKDIR /build
# The wrapper unpacks Maven's zip with unzip, which JDK images often lack.
RUN command -v unzip >/dev/null || { apt-get update && apt-get install -y --no-install-recommends unzip \
      && rm -rf /var/lib/apt/lists/*; }
# Maven and the dependencies in a layer of their own, rebuilt only when the pom changes.
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN ./mvnw -B -q dependency:go-offline
# Only what goes into the image: a change to the tests does not rebuild it.
COPY src/main src/main
COPY src/docker src/docker
# Extracted as a plain jar with its lib/ (not the nested-jar launcher): class-data sharing only
# maps classes loaded from plain jars on the class path.
RUN ./mvnw -B -DskipTests package \
    && java -Djarmode=tools -jar target/edgecoord-*.jar extract --layers --destination extracted \
    && mv extracted/application/edgecoord-*.jar extracted/application/edgecoord.jar \
    && javac --release 21 -d healthcheck src/docker/HealthCheck.java

FROM ${RUNTIME_IMAGE}
RUN groupadd --system --gid 10000 edgecoord \
    && useradd --system --uid 10000 --gid 10000 --home-dir /var/lib/edgecoord --no-create-home \
         --shell /usr/sbin/nologin edgecoord \
    && mkdir -p /var/lib/edgecoord && chown edgecoord:edgecoord /var/lib/edgecoord
WORKDIR /opt/edgecoord
# Least changing first, so that a new build of the code ships only the last layers.
COPY --from=build /build/extracted/dependencies/ ./
COPY --from=build /build/extracted/snapshot-dependencies/ ./
COPY --from=build /build/extracted/application/ ./
COPY --from=build /build/healthcheck/ ./healthcheck/
# Sized for a gateway (docs/operations.md, "Footprint"): a small heap with the parallel collector
# (stop-the-world, a thread per core: no concurrent collector threads to pay for), small thread
# stacks, no full collection for metaspace's first growth, and two malloc arenas instead of eight
# per core.
# Replace JDK_JAVA_OPTIONS to change them (a larger -Xmx for many devices, say); JAVA_TOOL_OPTIONS
# is read first, so it cannot override them.
# Set before the training run below, so that the cache is made with the options it runs with.
ENV JDK_JAVA_OPTIONS="-XX:+UseParallelGC -Xmx256m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 -Xss512k -XX:MetaspaceSize=128m -XX:+ExitOnOutOfMemoryError" \
    MALLOC_ARENA_MAX=2
# A training run: the context starts and stops at once (spring.context.exit=onRefresh), and what it
# loaded is kept for the next start. On JDK 25+ as an ahead-of-time cache (-XX:AOTCacheOutput, JEP
# 483/514/515: classes loaded and linked, with their profiles), else as a class-data sharing archive
# (any JDK 19+; a dynamic archive sits on the JDK's base archive, which a jlink'd JRE may lack, so
# -Xshare:dump makes it). jvm.options (read by the entrypoint as an @-file) names whichever was
# made; should both fail, the image still works, only without either.
RUN { java -Xshare:dump >/dev/null 2>&1 || true; } \
    && train="-Dspring.context.exit=onRefresh -jar edgecoord.jar --edgecoord.data-dir=/tmp/training \
        --spring.main.banner-mode=off --server.port=0" \
    && if java -XX:AOTCacheOutput=edgecoord.aot $train >/tmp/training.log 2>&1 && [ -s edgecoord.aot ]; then \
         echo "-XX:AOTCache=edgecoord.aot" >jvm.options; \
       elif rm -rf /tmp/training edgecoord.aot \
         && java -XX:ArchiveClassesAtExit=edgecoord.jsa $train >/tmp/training.log 2>&1 && [ -s edgecoord.jsa ]; then \
         echo "-XX:SharedArchiveFile=edgecoord.jsa -Xshare:auto" >jvm.options; \
       else \
         echo "no ahead-of-time cache or CDS archive (see /tmp/training.log)"; tail -n 5 /tmp/training.log; \
         echo "-Xshare:auto" >jvm.options; \
       fi; rm -rf /tmp/training; cat jvm.options

# Keep this path identical on the host: see above.
ENV EDGECOORD_DATA_DIR=/var/lib/edgecoord
VOLUME /var/lib/edgecoord
EXPOSE 8080 1883
USER 10000:10000
# The check is a JVM of its own (no curl is assumed in the runtime image), kept small and short-lived.
# It reads JDK_JAVA_OPTIONS too, so it names no collector (a second one would stop it from starting).
HEALTHCHECK --interval=30s --timeout=10s --start-period=60s --retries=3 \
    CMD ["java", "-Xmx16m", "-XX:TieredStopAtLevel=1", "-cp", "/opt/edgecoord/healthcheck", \
         "HealthCheck", "http://127.0.0.1:8080/actuator/health/liveness"]
# JVM sizing: JDK_JAVA_OPTIONS above. Settings: EDGECOORD_* environment variables. @jvm.options: the
# cache or archive the training run made; one that is stale or unusable (other JVM options, say)
# only costs the start-up it would have saved (a warning, and the JVM goes on without it).
ENTRYPOINT ["java", "@jvm.options", "-jar", "edgecoord.jar"]
