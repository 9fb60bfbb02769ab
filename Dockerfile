# Build: docker build -t homemade-alexa-server .
# Run:   docker run -p 8080:8080 -v ./config.toml:/app/config.toml:ro -v ./firmware:/app/firmware \
#          -v alexa-data:/app/data -e OPENAI_API_KEY=... homemade-alexa-server
FROM eclipse-temurin:25-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml config.toml ./
RUN ./mvnw -B -q dependency:go-offline
COPY src src
RUN ./mvnw -B -q -DskipTests package

FROM eclipse-temurin:25-jre
# espeak-ng: the offline voice used when no cloud text-to-speech answers.
RUN apt-get update && apt-get install -y --no-install-recommends espeak-ng libasound2t64 \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --create-home --home-dir /app alexa
WORKDIR /app
COPY --from=build /src/target/homemade-alexa-server.jar app.jar
COPY config.toml ./config.toml
RUN mkdir -p firmware data audio_log && chown -R alexa:alexa /app
USER alexa
VOLUME ["/app/firmware", "/app/data", "/app/audio_log"]
EXPOSE 8080
ENTRYPOINT ["java", "--enable-native-access=ALL-UNNAMED", "-jar", "/app/app.jar"]
