# The relayer image: `docker build -t xrelay/relayer:0.1.0 .` from the repository root.
# Stage 1 builds the shaded jar (tests run in CI, not here); stage 2 is a JRE 17 with the jar only.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN mvn -B -q -pl relayer -am package -DskipTests -Dspotless.check.skip=true

# A glibc JRE: the SQLite and libsecp256k1 native libraries in the jar need glibc.
FROM eclipse-temurin:17-jre
RUN groupadd --system --gid 10001 xrelay \
 && useradd --system --uid 10001 --gid 10001 --home-dir /data --shell /usr/sbin/nologin xrelay \
 && mkdir -p /opt/xrelay /data \
 && chown 10001:10001 /data
COPY --from=build /src/relayer/target/relayer.jar /opt/xrelay/relayer.jar
# Non-root, numeric so that Kubernetes' runAsNonRoot can check it. The root filesystem may be
# read-only: the JVM unpacks native libraries into /tmp and the relayer writes under /data.
USER 10001:10001
WORKDIR /data
ENV RELAYER_DATA_DIR=/data \
    RELAYER_HTTP_HOST=0.0.0.0
EXPOSE 9645
# The CLI, as bin/relayer runs it: `run --config /etc/xrelay/config/relayer.yaml` in the chart.
ENTRYPOINT ["java", "-jar", "/opt/xrelay/relayer.jar"]
CMD ["--help"]
