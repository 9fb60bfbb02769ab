# Build: docker build -t homemade-alexa-server .      (or: docker compose up -d, see compose.yaml)
# Run:   docker run -p 8080:8080 -v ./config.toml:/app/config.toml:ro -v ./firmware:/app/firmware \
#          -v alexa-data:/app/data -e OPENAI_API_KEY=... homemade-alexa-server
# The audio server (./alexa audio-server) runs next to the speaker, not in this container.
FROM docker.io/library/eclipse-temurin:25-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml config.toml ./
RUN ./mvnw -B -q dependency:go-offline
COPY src src
RUN ./mvnw -B -q -DskipTests package

FROM docker.io/library/eclipse-temurin:25-jre
# espeak-ng: the offline voice used when no cloud text-to-speech answers; curl: the health check.
RUN apt-get update && apt-get install -y --no-install-recommends espeak-ng libasound2t64 curl \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --create-home --home-dir /app alexa
WORKDIR /app
COPY --from=build /src/target/homemade-alexa-server.jar /tmp/app.jar
COPY config.toml jvm.options ./
# Start-up (README, "Memory and JVM settings"), as ./alexa does on its first start: the jar unpacked
# into a plain class path (server/app.jar and server/lib/), then a training run that creates and
# refreshes the application context and records the classes it loaded and linked in an AOT cache
# (JEP 483/514), with the same JVM options as the ENTRYPOINT, so that the cache matches them.
RUN java -Djarmode=tools -jar /tmp/app.jar extract --destination server --application-filename app.jar \
    && rm /tmp/app.jar \
    && java @jvm.options -XX:AOTCacheOutput=server/server.aot -Dspring.context.exit=onRefresh -jar server/app.jar \
       --data.dir=/tmp/training/data --firmware.dir=/tmp/training/firmware --audio.log-dir=/tmp/training/audio_log \
    && rm -rf /tmp/training
RUN mkdir -p firmware data audio_log templates && chown -R alexa:alexa /app
USER alexa
VOLUME ["/app/firmware", "/app/data", "/app/audio_log"]
EXPOSE 8080
# Liveness only: a cloud provider being down must not make Docker restart the server.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD curl -fsS http://127.0.0.1:8080/actuator/health/liveness >/dev/null || exit 1
# The JVM settings of ./alexa, from the same file (README, "Memory and JVM settings"): among them an
# OutOfMemoryError ends the process, and the restart policy starts a clean one. Then the AOT cache
# recorded above.
ENTRYPOINT ["java", "@/app/jvm.options", "-XX:AOTCache=/app/server/server.aot", "-jar", "/app/server/app.jar"]
