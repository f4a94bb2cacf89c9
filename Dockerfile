# The coordinator's image. Build stage: the Maven wrapper on a JDK 21+ (the project builds on 25);
# run stage: a JRE 21+. Both bases are build arguments, so a machine without a registry can use
# locally made ones (scripts/local-build-images.sh). The classic builder is enough: no BuildKit
# syntax is used.
#
#   docker build --pull=false -t edgecoord .
#
# Runs as uid 10000 (not the tasks' 10001). It must reach the Docker socket, so give it the
# socket's group:  --group-add "$(stat -c %g /var/run/docker.sock)". The data dir must be mounted at
# the same path as on the host, because the host's engine resolves the bind mounts the coordinator
# asks for (code and runtime sockets) on the host:  -v /var/lib/edgecoord:/var/lib/edgecoord
ARG BUILD_IMAGE=eclipse-temurin:25-jdk
ARG RUNTIME_IMAGE=eclipse-temurin:21-jre

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
RUN ./mvnw -B -DskipTests package \
    && java -Djarmode=tools -jar target/edgecoord-*.jar extract --layers --launcher --destination extracted \
    && javac --release 21 -d healthcheck src/docker/HealthCheck.java

FROM ${RUNTIME_IMAGE}
RUN groupadd --system --gid 10000 edgecoord \
    && useradd --system --uid 10000 --gid 10000 --home-dir /var/lib/edgecoord --no-create-home \
         --shell /usr/sbin/nologin edgecoord \
    && mkdir -p /var/lib/edgecoord && chown edgecoord:edgecoord /var/lib/edgecoord
WORKDIR /opt/edgecoord
# Least changing first, so that a new build of the code ships only the last layers.
COPY --from=build /build/extracted/dependencies/ ./
COPY --from=build /build/extracted/spring-boot-loader/ ./
COPY --from=build /build/extracted/snapshot-dependencies/ ./
COPY --from=build /build/extracted/application/ ./
COPY --from=build /build/healthcheck/ ./healthcheck/

# Keep this path identical on the host: see above.
ENV EDGECOORD_DATA_DIR=/var/lib/edgecoord
VOLUME /var/lib/edgecoord
EXPOSE 8080 1883
USER 10000:10000
# The check is a JVM of its own (no curl is assumed in the runtime image), kept small and short-lived.
HEALTHCHECK --interval=30s --timeout=10s --start-period=60s --retries=3 \
    CMD ["java", "-Xmx16m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", "/opt/edgecoord/healthcheck", \
         "HealthCheck", "http://127.0.0.1:8080/actuator/health/liveness"]
# Extra JVM options: JAVA_TOOL_OPTIONS. Settings: EDGECOORD_* environment variables.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "org.springframework.boot.loader.launch.JarLauncher"]
