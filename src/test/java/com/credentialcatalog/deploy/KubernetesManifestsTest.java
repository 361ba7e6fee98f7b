package com.credentialcatalog.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBuilder;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Static checks of the Kubernetes manifests under {@code k8s/}, so that a typo or a drifted value
 * fails the build instead of a rollout. No cluster or kustomize binary is needed.
 *
 * <ul>
 *   <li>Every YAML document must be a kind this project deploys, and must not contain a field its
 *       schema lacks. Core kinds are bound to the fabric8 model classes with unknown-field
 *       rejection switched on; the CloudNativePG kinds, which have no model class, are checked
 *       against allow-lists of their fields. kustomization.yaml files are checked against the
 *       kustomize field names, and every path they reference must exist.
 *   <li>The manifests must agree with the application: probe paths, the HTTP port ({@code
 *       application.properties}), the image ({@code pom.xml}), the database service and secret
 *       names CloudNativePG derives from the cluster name, and the NetworkPolicy ports.
 * </ul>
 *
 * A plain unit test on purpose (no {@code @QuarkusTest}): it reads files only, so it runs in
 * milliseconds.
 */
class KubernetesManifestsTest {

  /** Directory the test runs in: Surefire uses the module's base directory. */
  private static final Path PROJECT_ROOT = Path.of("").toAbsolutePath();

  private static final Path K8S = PROJECT_ROOT.resolve("k8s");
  private static final Path BASE = K8S.resolve("base");
  private static final Path OVERLAYS = K8S.resolve("overlays");

  private static final String APP = "credential-catalog";
  private static final String NAME_LABEL = "app.kubernetes.io/name";
  private static final String CONFIG_MAP = "credential-catalog-config";
  private static final String CNPG_API_VERSION = "postgresql.cnpg.io/v1";
  private static final int POSTGRES_PORT = 5432;

  /** Quarkus' default for quarkus.http.port. */
  private static final int QUARKUS_DEFAULT_HTTP_PORT = 8080;

  /** The "default" user of the UBI OpenJDK runtime image. */
  private static final long IMAGE_USER = 185L;

  /** Reads YAML into trees; duplicate keys are an error, as in kubectl's strict decoding. */
  private static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory())
          .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

  /** fabric8's serialization, configured to reject what the Kubernetes API server would reject. */
  private static final KubernetesSerialization STRICT =
      new KubernetesSerialization(strictMapper(), true);

  /**
   * The kinds this project deploys, keyed by {@code apiVersion kind}. Anything else under k8s/ is a
   * mistake (or a new kind that needs adding here, with its checks).
   */
  private static final Map<String, Class<?>> MODEL_CLASSES =
      Map.of(
          "apps/v1 Deployment", Deployment.class,
          "v1 Service", Service.class,
          "v1 ConfigMap", ConfigMap.class,
          "autoscaling/v2 HorizontalPodAutoscaler", HorizontalPodAutoscaler.class,
          "policy/v1 PodDisruptionBudget", PodDisruptionBudget.class,
          "networking.k8s.io/v1 NetworkPolicy", NetworkPolicy.class);

  /**
   * Fields of CloudNativePG's postgresql.cnpg.io/v1 kinds (from the operator's api/v1 Go types and
   * the barman-cloud API types, late-2025 sources), by JSON path. The parts of the spec this
   * project uses are listed down to the level where a typo would silently change behaviour (e.g. a
   * misspelt {@code retentionPolicy} keeps backups forever). Extend when upgrading the operator.
   */
  private static final Map<String, Set<String>> CNPG_FIELDS =
      Map.ofEntries(
          Map.entry("Cluster", Set.of("apiVersion", "kind", "metadata", "spec")),
          Map.entry(
              "Cluster.spec",
              Set.of(
                  "description",
                  "inheritedMetadata",
                  "imageName",
                  "imageCatalogRef",
                  "imagePullPolicy",
                  "schedulerName",
                  "postgresUID",
                  "postgresGID",
                  "instances",
                  "minSyncReplicas",
                  "maxSyncReplicas",
                  "postgresql",
                  "replicationSlots",
                  "bootstrap",
                  "replica",
                  "superuserSecret",
                  "enableSuperuserAccess",
                  "certificates",
                  "imagePullSecrets",
                  "storage",
                  "serviceAccountTemplate",
                  "walStorage",
                  "ephemeralVolumeSource",
                  "startDelay",
                  "stopDelay",
                  "smartShutdownTimeout",
                  "switchoverDelay",
                  "failoverDelay",
                  "livenessProbeTimeout",
                  "affinity",
                  "topologySpreadConstraints",
                  "resources",
                  "ephemeralVolumesSizeLimit",
                  "priorityClassName",
                  "primaryUpdateStrategy",
                  "primaryUpdateMethod",
                  "backup",
                  "nodeMaintenanceWindow",
                  "monitoring",
                  "externalClusters",
                  "logLevel",
                  "projectedVolumeTemplate",
                  "env",
                  "envFrom",
                  "managed",
                  "seccompProfile",
                  "podSecurityContext",
                  "securityContext",
                  "tablespaces",
                  "enablePDB",
                  "plugins",
                  "probes")),
          Map.entry("Cluster.spec.bootstrap", Set.of("initdb", "recovery", "pg_basebackup")),
          Map.entry(
              "Cluster.spec.bootstrap.initdb",
              Set.of(
                  "database",
                  "owner",
                  "secret",
                  "options",
                  "dataChecksums",
                  "encoding",
                  "localeCollate",
                  "localeCType",
                  "locale",
                  "localeProvider",
                  "icuLocale",
                  "icuRules",
                  "builtinLocale",
                  "walSegmentSize",
                  "postInitSQL",
                  "postInitApplicationSQL",
                  "postInitTemplateSQL",
                  "postInitSQLRefs",
                  "postInitApplicationSQLRefs",
                  "postInitTemplateSQLRefs",
                  "import")),
          Map.entry(
              "Cluster.spec.postgresql",
              Set.of(
                  "parameters",
                  "synchronous",
                  "pg_hba",
                  "pg_ident",
                  "syncReplicaElectionConstraint",
                  "shared_preload_libraries",
                  "ldap",
                  "promotionTimeout",
                  "enableAlterSystem",
                  "extensions")),
          Map.entry(
              "Cluster.spec.storage",
              Set.of("storageClass", "size", "resizeInUseVolumes", "pvcTemplate")),
          Map.entry(
              "Cluster.spec.affinity",
              Set.of(
                  "enablePodAntiAffinity",
                  "topologyKey",
                  "nodeSelector",
                  "nodeAffinity",
                  "tolerations",
                  "podAntiAffinityType",
                  "additionalPodAntiAffinity",
                  "additionalPodAffinity")),
          Map.entry(
              "Cluster.spec.backup",
              Set.of("volumeSnapshot", "barmanObjectStore", "retentionPolicy", "target")),
          Map.entry(
              "Cluster.spec.backup.barmanObjectStore",
              Set.of(
                  "s3Credentials",
                  "azureCredentials",
                  "googleCredentials",
                  "endpointURL",
                  "endpointCA",
                  "destinationPath",
                  "serverName",
                  "wal",
                  "data",
                  "tags",
                  "historyTags")),
          Map.entry(
              "Cluster.spec.backup.barmanObjectStore.s3Credentials",
              Set.of(
                  "accessKeyId",
                  "secretAccessKey",
                  "region",
                  "sessionToken",
                  "inheritFromIAMRole")),
          Map.entry(
              "Cluster.spec.backup.barmanObjectStore.wal",
              Set.of(
                  "compression",
                  "encryption",
                  "maxParallel",
                  "archiveAdditionalCommandArgs",
                  "restoreAdditionalCommandArgs")),
          Map.entry(
              "Cluster.spec.backup.barmanObjectStore.data",
              Set.of(
                  "compression",
                  "encryption",
                  "jobs",
                  "immediateCheckpoint",
                  "additionalCommandArgs")),
          Map.entry("ScheduledBackup", Set.of("apiVersion", "kind", "metadata", "spec")),
          Map.entry(
              "ScheduledBackup.spec",
              Set.of(
                  "suspend",
                  "immediate",
                  "schedule",
                  "cluster",
                  "backupOwnerReference",
                  "target",
                  "method",
                  "pluginConfiguration",
                  "online",
                  "onlineConfiguration")),
          Map.entry("ScheduledBackup.spec.cluster", Set.of("name")));

  /** Fields of kustomize's kustomize.config.k8s.io/v1beta1 Kustomization (kustomize v5). */
  private static final Map<String, Set<String>> KUSTOMIZE_FIELDS =
      Map.of(
          "",
              Set.of(
                  "apiVersion",
                  "kind",
                  "metadata",
                  "resources",
                  "components",
                  "crds",
                  "namespace",
                  "namePrefix",
                  "nameSuffix",
                  "labels",
                  "commonAnnotations",
                  "patches",
                  "images",
                  "replicas",
                  "configMapGenerator",
                  "secretGenerator",
                  "generatorOptions",
                  "generators",
                  "transformers",
                  "validators",
                  "openapi",
                  "helmCharts",
                  "helmGlobals",
                  "replacements",
                  "buildMetadata",
                  "sortOptions",
                  "configurations"),
          "patches[]", Set.of("path", "patch", "target", "options"),
          "patches[].target",
              Set.of(
                  "group",
                  "version",
                  "kind",
                  "name",
                  "namespace",
                  "labelSelector",
                  "annotationSelector"),
          "patches[].options", Set.of("allowNameChange", "allowKindChange"),
          "images[]", Set.of("name", "newName", "newTag", "digest", "tagSuffix"),
          "replicas[]", Set.of("name", "count"),
          "labels[]", Set.of("pairs", "includeSelectors", "includeTemplates", "fields"));

  /**
   * Fields kustomize v5 still reads but deprecates; `kustomize edit fix` migrates them. Rejected so
   * the manifests keep working when support is dropped.
   */
  private static final Map<String, String> KUSTOMIZE_DEPRECATED =
      Map.of(
          "bases", "resources",
          "commonLabels", "labels",
          "patchesStrategicMerge", "patches",
          "patchesJson6902", "patches",
          "vars", "replacements",
          "imageTags", "images");

  /** Strategic-merge-patch directives: valid in patch files, unknown to every schema. */
  private static final Pattern PATCH_DIRECTIVE =
      Pattern.compile("\\$patch|\\$retainKeys|\\$setElementOrder/.+|\\$deleteFromPrimitiveList/.+");

  // ---------------------------------------------------------------------------------------------
  // Every document: known kind, no unknown field
  // ---------------------------------------------------------------------------------------------

  @TestFactory
  Stream<DynamicTest> everyManifestIsAKnownKindWithoutUnknownFields() {
    List<Manifest> manifests = allManifests();
    // Guards against a wrong working directory turning this into a test of nothing.
    assertThat(manifests).as("YAML documents under %s", K8S).isNotEmpty();
    return manifests.stream().map(m -> DynamicTest.dynamicTest(m.describe(), () -> validate(m)));
  }

  @TestFactory
  Stream<DynamicTest> everyKustomizationUsesKnownFieldsAndExistingPaths() {
    List<Path> kustomizations = kustomizationFiles();
    assertThat(kustomizations).as("kustomization.yaml files under %s", K8S).isNotEmpty();
    return kustomizations.stream()
        .map(
            k ->
                DynamicTest.dynamicTest(
                    K8S.relativize(k).toString(), () -> validateKustomization(k)));
  }

  @Test
  void everyManifestFileIsUsedByAKustomization() {
    // A YAML file that no kustomization lists is never deployed, however correct it is.
    Set<Path> referenced = new TreeSet<>();
    for (Path kustomization : kustomizationFiles()) {
      referenced.add(kustomization);
      JsonNode k = readSingleDocument(kustomization);
      Path dir = kustomization.getParent();
      for (String resource : strings(k.path("resources"))) {
        if (!isRemote(resource)) {
          referenced.add(dir.resolve(resource).normalize());
        }
      }
      for (JsonNode patch : iterable(k.path("patches"))) {
        if (patch.hasNonNull("path")) {
          referenced.add(dir.resolve(patch.get("path").asText()).normalize());
        }
      }
    }
    List<Path> orphans =
        yamlFiles().stream()
            .filter(file -> !referenced.contains(file))
            .map(K8S::relativize)
            .collect(Collectors.toList());
    assertThat(orphans).as("YAML files that no kustomization.yaml references").isEmpty();
  }

  @Test
  void strictParsingRejectsUnknownFieldsAndKinds() {
    // Proves the guard itself works: fabric8 models swallow unknown fields into
    // additionalProperties unless that is switched off, and a library upgrade could undo it.
    ObjectNode deployment =
        (ObjectNode)
            parseYaml(
                """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: typo
                spec:
                  template:
                    spec:
                      containers:
                        - name: app
                          imagePullPolcy: Always
                """);
    assertThatThrownBy(() -> STRICT.convertValue(deployment, Deployment.class))
        .hasMessageContaining("imagePullPolcy");

    Manifest unknownKind =
        new Manifest(
            K8S.resolve("example.yaml"),
            "#0",
            parseYaml(
                """
                apiVersion: v1
                kind: Secret
                metadata:
                  name: not-in-git
                """),
            false);
    assertThatThrownBy(() -> validate(unknownKind)).hasMessageContaining("v1 Secret");

    Manifest cnpgTypo =
        new Manifest(
            K8S.resolve("example.yaml"),
            "#0",
            parseYaml(
                """
                apiVersion: postgresql.cnpg.io/v1
                kind: Cluster
                metadata:
                  name: typo
                spec:
                  instances: 1
                  backup:
                    retentionPolicyy: 30d
                """),
            false);
    assertThatThrownBy(() -> validate(cnpgTypo)).hasMessageContaining("retentionPolicyy");
  }

  // ---------------------------------------------------------------------------------------------
  // Agreement with the application and between the manifests (base)
  // ---------------------------------------------------------------------------------------------

  @Test
  void probesUseTheQuarkusHealthEndpointsOnTheHttpPort() {
    Container container = appContainer(baseDeployment());
    assertProbe(container.getStartupProbe(), "startupProbe", "/q/health/started");
    assertProbe(container.getReadinessProbe(), "readinessProbe", "/q/health/ready");
    assertProbe(container.getLivenessProbe(), "livenessProbe", "/q/health/live");
  }

  @Test
  void containerPortMatchesTheQuarkusHttpPort() {
    int expected = quarkusHttpPort();
    Deployment deployment = baseDeployment();
    ContainerPort http = httpPort(appContainer(deployment));
    assertThat(http.getContainerPort()).as("containerPort named http").isEqualTo(expected);
    assertThat(http.getProtocol()).as("protocol of port http").isIn(null, "TCP");

    assertThat(deployment.getSpec().getTemplate().getMetadata().getAnnotations())
        .as("Prometheus scrape annotations on the pod template")
        .containsEntry("prometheus.io/scrape", "true")
        .containsEntry("prometheus.io/path", "/q/metrics")
        .containsEntry("prometheus.io/port", String.valueOf(expected));

    NetworkPolicy policy = single(baseManifests(), NetworkPolicy.class);
    assertThat(policy.getSpec().getIngress()).as("NetworkPolicy ingress rules").isNotEmpty();
    policy
        .getSpec()
        .getIngress()
        .forEach(
            rule -> {
              assertThat(rule.getFrom())
                  .as("ingress `from` (empty would admit every pod)")
                  .isNotEmpty();
              assertThat(rule.getPorts())
                  .as("ingress ports")
                  .isNotEmpty()
                  .allSatisfy(
                      port -> {
                        assertThat(port.getProtocol()).isEqualTo("TCP");
                        assertThat(port.getPort())
                            .isIn(new IntOrString(expected), new IntOrString("http"));
                      });
            });
  }

  @Test
  void serviceRoutesPort80ToTheNamedHttpPort() {
    Deployment deployment = baseDeployment();
    Service service = single(baseManifests(), Service.class);
    assertThat(deployment.getSpec().getSelector().getMatchLabels())
        .as("Deployment selector")
        .containsEntry(NAME_LABEL, APP);
    assertThat(service.getSpec().getSelector())
        .as("Service selector")
        .isNotEmpty()
        .isEqualTo(deployment.getSpec().getSelector().getMatchLabels());
    assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels())
        .containsAllEntriesOf(service.getSpec().getSelector());
    ServicePort port =
        service.getSpec().getPorts().stream()
            .filter(p -> "http".equals(p.getName()))
            .findFirst()
            .orElseThrow(() -> new AssertionError("Service has no port named http"));
    assertThat(port.getPort()).isEqualTo(80);
    assertThat(port.getTargetPort()).isEqualTo(new IntOrString("http"));
  }

  @Test
  void imageIsArtifactIdColonVersionFromThePom() {
    PomCoordinates pom = readPom();
    assertThat(appContainer(baseDeployment()).getImage())
        .as("base image (overlays retag it with kustomize `images:`)")
        .isEqualTo(pom.artifactId() + ":" + pom.version());
  }

  @Test
  void jdbcUrlPointsAtTheReadWriteServiceOfTheCloudNativePgCluster() {
    JsonNode cluster = singleCnpg(baseManifests(), "Cluster");
    String clusterName = cluster.path("metadata").path("name").asText();
    String database =
        cluster.path("spec").path("bootstrap").path("initdb").path("database").asText();
    assertThat(clusterName).as("Cluster metadata.name").isNotBlank();

    Container container = appContainer(baseDeployment());
    String jdbcUrl = envValue(container, "QUARKUS_DATASOURCE_JDBC_URL");
    assertThat(jdbcUrl).startsWith("jdbc:postgresql://");
    URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
    // CloudNativePG creates Service <cluster>-rw for the current primary.
    assertThat(uri.getHost()).as("JDBC host").isEqualTo(clusterName + "-rw");
    assertThat(uri.getPort()).as("JDBC port").isIn(-1, POSTGRES_PORT);
    assertThat(uri.getPath()).as("JDBC database").isEqualTo("/" + database);

    // ... and Secret <cluster>-app with the owner's credentials.
    for (String variable : List.of("QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD")) {
      EnvVar env = env(container, variable);
      assertThat(env.getValueFrom()).as("%s valueFrom", variable).isNotNull();
      assertThat(env.getValueFrom().getSecretKeyRef()).as("%s secretKeyRef", variable).isNotNull();
      assertThat(env.getValueFrom().getSecretKeyRef().getName())
          .as("%s secret", variable)
          .isEqualTo(clusterName + "-app");
    }
    assertThat(
            env(container, "QUARKUS_DATASOURCE_USERNAME").getValueFrom().getSecretKeyRef().getKey())
        .isEqualTo("username");
    assertThat(
            env(container, "QUARKUS_DATASOURCE_PASSWORD").getValueFrom().getSecretKeyRef().getKey())
        .isEqualTo("password");
  }

  @Test
  void backupsArchiveToS3WithARetentionAndADailySchedule() {
    JsonNode cluster = singleCnpg(baseManifests(), "Cluster");
    String clusterName = cluster.path("metadata").path("name").asText();
    JsonNode backup = cluster.path("spec").path("backup");
    // CloudNativePG's pattern for the retention policy: a count of days, weeks or months.
    assertThat(backup.path("retentionPolicy").asText())
        .as("retentionPolicy")
        .matches("[1-9][0-9]*[dwm]");
    JsonNode store = backup.path("barmanObjectStore");
    assertThat(store.path("destinationPath").asText()).as("destinationPath").startsWith("s3://");
    JsonNode credentials = store.path("s3Credentials");
    assertThat(credentials.path("accessKeyId").path("name").asText())
        .isEqualTo("catalog-backup-s3");
    assertThat(credentials.path("accessKeyId").path("key").asText()).isEqualTo("ACCESS_KEY_ID");
    assertThat(credentials.path("secretAccessKey").path("name").asText())
        .isEqualTo("catalog-backup-s3");
    assertThat(credentials.path("secretAccessKey").path("key").asText())
        .isEqualTo("ACCESS_SECRET_KEY");
    assertThat(store.path("wal").path("compression").asText())
        .as("WAL compression")
        .isEqualTo("gzip");

    List<JsonNode> backups = cnpgDocuments(baseManifests(), "ScheduledBackup");
    assertThat(backups).as("ScheduledBackup objects in the base").isNotEmpty();
    for (JsonNode scheduled : backups) {
      assertThat(scheduled.path("spec").path("cluster").path("name").asText())
          .as(
              "ScheduledBackup %s spec.cluster.name",
              scheduled.path("metadata").path("name").asText())
          .isEqualTo(clusterName);
      // CloudNativePG schedules have a leading seconds field; a five-field crontab would be
      // read with every field shifted by one.
      assertThat(scheduled.path("spec").path("schedule").asText().trim().split("\\s+"))
          .as("ScheduledBackup schedule fields (seconds minutes hours day month weekday)")
          .hasSize(6);
    }
  }

  @Test
  void networkPolicyAllowsEgressOnlyToTheDatabaseAndDns() {
    String clusterName =
        singleCnpg(baseManifests(), "Cluster").path("metadata").path("name").asText();
    NetworkPolicy policy = single(baseManifests(), NetworkPolicy.class);
    assertThat(policy.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
    assertThat(policy.getSpec().getPodSelector().getMatchLabels())
        .isEqualTo(baseDeployment().getSpec().getSelector().getMatchLabels());

    List<NetworkPolicyEgressRule> egress = policy.getSpec().getEgress();
    NetworkPolicyEgressRule database =
        egress.stream()
            .filter(
                rule ->
                    rule.getTo().stream()
                        .anyMatch(peer -> selects(peer, "cnpg.io/cluster", clusterName)))
            .findFirst()
            .orElseThrow(
                () ->
                    new AssertionError(
                        "no egress rule to pods labelled cnpg.io/cluster=" + clusterName));
    assertThat(database.getPorts())
        .as("database egress ports")
        .extracting(NetworkPolicyPort::getPort)
        .containsExactly(new IntOrString(POSTGRES_PORT));
    assertThat(database.getPorts())
        .as("database egress protocols")
        .extracting(NetworkPolicyPort::getProtocol)
        .containsExactly("TCP");

    NetworkPolicyEgressRule dns =
        egress.stream()
            .filter(
                rule ->
                    rule.getTo().stream().anyMatch(peer -> selects(peer, "k8s-app", "kube-dns")))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no egress rule to kube-dns"));
    assertThat(dns.getPorts())
        .as("DNS egress ports")
        .extracting(p -> p.getProtocol() + "/" + p.getPort().getIntVal())
        .containsExactlyInAnyOrder("UDP/53", "TCP/53");

    assertThat(egress).as("egress rules (database and DNS only)").hasSize(2);
    assertThat(egress).allSatisfy(rule -> assertThat(rule.getTo()).as("egress `to`").isNotEmpty());
  }

  @Test
  void podRunsUnprivilegedWithAReadOnlyRootAndAWritableTmp() {
    PodSpec pod = baseDeployment().getSpec().getTemplate().getSpec();
    Container container = appContainer(baseDeployment());
    PodSecurityContext podContext =
        Optional.ofNullable(pod.getSecurityContext()).orElseGet(PodSecurityContext::new);
    SecurityContext context =
        Optional.ofNullable(container.getSecurityContext()).orElseGet(SecurityContext::new);

    // Container settings override pod settings; check the effective value.
    assertThat(firstNonNull(context.getRunAsNonRoot(), podContext.getRunAsNonRoot()))
        .as("runAsNonRoot")
        .isTrue();
    assertThat(firstNonNull(context.getRunAsUser(), podContext.getRunAsUser()))
        .as("runAsUser")
        .isEqualTo(IMAGE_USER);
    assertThat(context.getReadOnlyRootFilesystem()).as("readOnlyRootFilesystem").isTrue();
    assertThat(context.getAllowPrivilegeEscalation()).as("allowPrivilegeEscalation").isFalse();
    assertThat(context.getCapabilities()).as("capabilities").isNotNull();
    assertThat(context.getCapabilities().getDrop())
        .as("dropped capabilities")
        .containsExactly("ALL");
    assertThat(context.getCapabilities().getAdd()).as("added capabilities").isNullOrEmpty();
    var seccomp = firstNonNull(context.getSeccompProfile(), podContext.getSeccompProfile());
    assertThat(seccomp).as("seccompProfile").isNotNull();
    assertThat(seccomp.getType()).as("seccompProfile type").isEqualTo("RuntimeDefault");

    VolumeMount tmp = mount(container, "/tmp");
    assertThat(volume(pod, tmp.getName()).getEmptyDir())
        .as("volume behind /tmp is an emptyDir")
        .isNotNull();
    assertThat(tmp.getReadOnly()).as("/tmp read-only").isNotEqualTo(Boolean.TRUE);
  }

  @Test
  void jwtPublicKeyLocationIsTheMountedSecretFile() {
    PodSpec pod = baseDeployment().getSpec().getTemplate().getSpec();
    Container container = appContainer(baseDeployment());
    Path location = Path.of(envValue(container, "MP_JWT_VERIFY_PUBLICKEY_LOCATION"));
    assertThat(location).isEqualTo(Path.of("/deployments/jwt/publicKey.pem"));

    VolumeMount mount =
        container.getVolumeMounts().stream()
            .filter(m -> location.startsWith(Path.of(m.getMountPath())))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no volume mounted at " + location.getParent()));
    Volume volume = volume(pod, mount.getName());
    assertThat(volume.getSecret()).as("volume %s is a Secret", volume.getName()).isNotNull();
    assertThat(volume.getSecret().getSecretName()).isEqualTo("catalog-jwt");
    String fileName = Path.of(mount.getMountPath()).relativize(location).toString();
    List<KeyToPath> items = volume.getSecret().getItems();
    if (items == null || items.isEmpty()) {
      assertThat(fileName).as("file name = secret key").isEqualTo("publicKey.pem");
    } else {
      assertThat(items)
          .as("secret items")
          .anySatisfy(
              item -> {
                assertThat(item.getKey()).isEqualTo("publicKey.pem");
                assertThat(item.getPath()).isEqualTo(fileName);
              });
    }
    assertThat(mount.getReadOnly()).as("JWT mount read-only").isTrue();
    Integer mode = volume.getSecret().getDefaultMode();
    assertThat(mode).as("JWT secret defaultMode").isNotNull();
    assertThat(mode & 0227)
        .as("write bits and bits for others in defaultMode %s", Integer.toOctalString(mode))
        .isZero();

    // The issuer comes from the ConfigMap, which must define it.
    EnvVar issuer = env(container, "MP_JWT_VERIFY_ISSUER");
    assertThat(issuer.getValueFrom().getConfigMapKeyRef().getName()).isEqualTo(CONFIG_MAP);
    assertThat(baseConfigMap().getData())
        .containsKey(issuer.getValueFrom().getConfigMapKeyRef().getKey());
  }

  @Test
  void configMapCarriesTheRuntimeSettingsAndIsInjected() {
    ConfigMap config = baseConfigMap();
    assertThat(config.getData())
        .containsEntry("QUARKUS_PROFILE", "prod")
        .containsEntry("CATALOG_SEED_ENABLED", "true")
        .containsKeys("MP_JWT_VERIFY_ISSUER", "QUARKUS_HTTP_CORS_ORIGINS");
    assertThat(config.getData().get("MP_JWT_VERIFY_ISSUER")).startsWith("https://");
    assertThat(appContainer(baseDeployment()).getEnvFrom())
        .as("envFrom")
        .anySatisfy(source -> assertThat(source.getConfigMapRef().getName()).isEqualTo(CONFIG_MAP));
  }

  @Test
  void rolloutAndShutdownNeverDropRequests() {
    Deployment deployment = baseDeployment();
    var rolling = deployment.getSpec().getStrategy().getRollingUpdate();
    assertThat(deployment.getSpec().getStrategy().getType()).isEqualTo("RollingUpdate");
    assertThat(rolling.getMaxUnavailable()).isEqualTo(new IntOrString(0));
    assertThat(rolling.getMaxSurge()).isEqualTo(new IntOrString(1));

    // SIGKILL must not arrive while Quarkus still drains requests: the grace period has to cover
    // the shutdown delay (ConfigMap) plus quarkus.shutdown.timeout (application.properties).
    long grace = deployment.getSpec().getTemplate().getSpec().getTerminationGracePeriodSeconds();
    Duration timeout =
        quarkusProperty("quarkus.shutdown.timeout")
            .map(KubernetesManifestsTest::quarkusDuration)
            .orElse(Duration.ZERO);
    Duration delay =
        Optional.ofNullable(baseConfigMap().getData().get("QUARKUS_SHUTDOWN_DELAY"))
            .or(() -> quarkusProperty("quarkus.shutdown.delay"))
            .map(KubernetesManifestsTest::quarkusDuration)
            .orElse(Duration.ZERO);
    assertThat(Duration.ofSeconds(grace))
        .as("terminationGracePeriodSeconds vs shutdown delay %s + timeout %s", delay, timeout)
        .isGreaterThan(delay.plus(timeout));
  }

  @Test
  void autoscalerAndDisruptionBudgetSelectTheDeployment() {
    Deployment deployment = baseDeployment();
    HorizontalPodAutoscaler hpa = single(baseManifests(), HorizontalPodAutoscaler.class);
    assertThat(hpa.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
    assertThat(hpa.getSpec().getScaleTargetRef().getName())
        .isEqualTo(deployment.getMetadata().getName());
    assertThat(hpa.getSpec().getMetrics())
        .anySatisfy(
            metric -> {
              assertThat(metric.getResource().getName()).isEqualTo("cpu");
              assertThat(metric.getResource().getTarget().getAverageUtilization()).isEqualTo(70);
            });
    // Utilization is relative to the request: without one the HPA cannot compute it.
    assertThat(appContainer(deployment).getResources().getRequests()).containsKey("cpu");

    PodDisruptionBudget pdb = single(baseManifests(), PodDisruptionBudget.class);
    assertThat(pdb.getSpec().getSelector().getMatchLabels())
        .isEqualTo(deployment.getSpec().getSelector().getMatchLabels());
  }

  // ---------------------------------------------------------------------------------------------
  // Overlays
  // ---------------------------------------------------------------------------------------------

  @TestFactory
  Stream<DynamicTest> overlaysOnlyPatchAndRetagWhatTheBaseDefines() {
    List<Path> overlays = overlayDirectories();
    assertThat(overlays).as("overlays under %s", OVERLAYS).isNotEmpty();
    return overlays.stream()
        .map(
            dir ->
                DynamicTest.dynamicTest(
                    K8S.relativize(dir).toString(),
                    () -> {
                      JsonNode kustomization =
                          readSingleDocument(dir.resolve("kustomization.yaml"));
                      Set<String> available = resourceIds(dir);

                      // A strategic-merge patch for an object the overlay does not include fails
                      // the build in
                      // kustomize; an `images` or `replicas` entry that matches nothing is silently
                      // ignored.
                      for (Manifest patch :
                          patchesOf(dir.resolve("kustomization.yaml"), kustomization)) {
                        assertThat(available)
                            .as("objects the overlay includes; patched by %s", patch.describe())
                            .contains(patch.kind() + "/" + patch.name());
                      }
                      Set<String> images = imageNames(dir);
                      for (JsonNode image : iterable(kustomization.path("images"))) {
                        assertThat(images)
                            .as("images used by the overlay's containers")
                            .contains(image.path("name").asText());
                      }
                      for (JsonNode replicas : iterable(kustomization.path("replicas"))) {
                        assertThat(available)
                            .contains("Deployment/" + replicas.path("name").asText());
                      }
                    }));
  }

  @TestFactory
  Stream<DynamicTest> overlayReplicaCountsAgreeWithAutoscalerAndDisruptionBudget() {
    return overlayDirectories().stream()
        .map(
            dir ->
                DynamicTest.dynamicTest(
                    K8S.relativize(dir).toString(),
                    () -> {
                      Effective effective = effectiveScaling(dir);
                      if (effective.hpaMin() != null) {
                        // Otherwise every `kubectl apply` resets the pod count below the
                        // autoscaler's floor.
                        assertThat(effective.replicas())
                            .as("Deployment replicas = HPA minReplicas")
                            .isEqualTo(effective.hpaMin());
                        assertThat(effective.hpaMax())
                            .as("HPA maxReplicas")
                            .isGreaterThanOrEqualTo(effective.hpaMin());
                      }
                      if (effective.pdbMinAvailable() != null) {
                        // minAvailable >= replicas would block every node drain.
                        assertThat(effective.pdbMinAvailable())
                            .as("PDB minAvailable vs replicas")
                            .isLessThan(effective.replicas());
                      }
                    }));
  }

  @Test
  void prodOverlayPinsAReleasedImageTag() {
    JsonNode kustomization =
        readSingleDocument(OVERLAYS.resolve("prod").resolve("kustomization.yaml"));
    assertThat(iterable(kustomization.path("images")))
        .as("prod images")
        .anySatisfy(
            image -> {
              assertThat(image.path("name").asText()).isEqualTo(readPom().artifactId());
              String tag = image.path("newTag").asText("");
              String digest = image.path("digest").asText("");
              assertThat(tag.isEmpty() && digest.isEmpty())
                  .as("prod sets newTag or digest")
                  .isFalse();
              assertThat(tag)
                  .as("prod image tag")
                  .doesNotContain("SNAPSHOT")
                  .isNotEqualTo("latest");
            });
  }

  // ---------------------------------------------------------------------------------------------
  // Validation
  // ---------------------------------------------------------------------------------------------

  private static void validate(Manifest manifest) {
    String apiVersion = manifest.apiVersion();
    String kind = manifest.kind();
    assertThat(apiVersion).as("%s: apiVersion", manifest.describe()).isNotBlank();
    assertThat(kind).as("%s: kind", manifest.describe()).isNotBlank();
    assertThat(manifest.name()).as("%s: metadata.name", manifest.describe()).isNotBlank();

    if (manifest.patch() && manifest.tree().has("$patch")) {
      assertThat(manifest.tree().get("$patch").asText())
          .as("%s: $patch", manifest.describe())
          .isIn("merge", "replace", "delete");
    }
    JsonNode tree = manifest.withoutPatchDirectives();
    Class<?> modelClass = MODEL_CLASSES.get(apiVersion + " " + kind);
    if (modelClass != null) {
      try {
        STRICT.convertValue(tree, modelClass);
      } catch (IllegalArgumentException e) {
        fail("%s does not match the %s schema: %s", manifest.describe(), kind, e.getMessage());
      }
    } else if (CNPG_API_VERSION.equals(apiVersion) && CNPG_FIELDS.containsKey(kind)) {
      checkFields(manifest, kind, tree, CNPG_FIELDS);
      bindStrictly(manifest, tree.get("metadata"), ObjectMeta.class);
      JsonNode resources = tree.path("spec").get("resources");
      if (resources != null && !resources.isNull()) {
        bindStrictly(manifest, resources, ResourceRequirements.class);
      }
    } else {
      fail(
          "%s: unknown kind `%s %s`. Known: %s and %s Cluster/ScheduledBackup",
          manifest.describe(),
          apiVersion,
          kind,
          new TreeSet<>(MODEL_CLASSES.keySet()),
          CNPG_API_VERSION);
    }
  }

  /** Recursively checks the object at {@code path} and every allow-listed object below it. */
  private static void checkFields(
      Manifest manifest, String path, JsonNode node, Map<String, Set<String>> allowed) {
    if (node == null || !node.isObject()) {
      return;
    }
    Set<String> fields = allowed.get(path);
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String field = names.next();
      if (!fields.contains(field)) {
        fail(
            "%s: unknown field `%s` in %s (allowed: %s)",
            manifest.describe(), field, path, new TreeSet<>(fields));
      }
      String child = path + "." + field;
      if (allowed.containsKey(child)) {
        checkFields(manifest, child, node.get(field), allowed);
      }
    }
  }

  private static void bindStrictly(Manifest manifest, JsonNode node, Class<?> type) {
    try {
      STRICT.convertValue(node, type);
    } catch (IllegalArgumentException e) {
      fail("%s: invalid %s: %s", manifest.describe(), type.getSimpleName(), e.getMessage());
    }
  }

  private static void validateKustomization(Path file) {
    JsonNode k = readSingleDocument(file);
    String where = K8S.relativize(file).toString();
    assertThat(k.path("apiVersion").asText())
        .as("%s apiVersion", where)
        .isEqualTo("kustomize.config.k8s.io/v1beta1");
    assertThat(k.path("kind").asText()).as("%s kind", where).isEqualTo("Kustomization");

    for (Iterator<String> names = k.fieldNames(); names.hasNext(); ) {
      String field = names.next();
      if (KUSTOMIZE_DEPRECATED.containsKey(field)) {
        fail(
            "%s: `%s` is deprecated in kustomize v5, use `%s`",
            where, field, KUSTOMIZE_DEPRECATED.get(field));
      }
      if (!KUSTOMIZE_FIELDS.get("").contains(field)) {
        fail(
            "%s: unknown Kustomization field `%s` (allowed: %s)",
            where, field, new TreeSet<>(KUSTOMIZE_FIELDS.get("")));
      }
    }
    for (String list : List.of("patches", "images", "replicas", "labels")) {
      for (JsonNode entry : iterable(k.path(list))) {
        checkObjectFields(where, list + "[]", entry);
        for (String nested : List.of("target", "options")) {
          if (KUSTOMIZE_FIELDS.containsKey(list + "[]." + nested) && entry.has(nested)) {
            checkObjectFields(where, list + "[]." + nested, entry.get(nested));
          }
        }
      }
    }

    Path dir = file.getParent();
    for (String resource : strings(k.path("resources"))) {
      if (isRemote(resource)) {
        continue;
      }
      Path target = dir.resolve(resource).normalize();
      assertThat(target).as("%s: resource %s", where, resource).exists();
      if (Files.isDirectory(target)) {
        assertThat(target.resolve("kustomization.yaml"))
            .as("%s: resource directory %s", where, resource)
            .exists();
      }
    }
    for (JsonNode patch : iterable(k.path("patches"))) {
      assertThat(patch.hasNonNull("path") ^ patch.hasNonNull("patch"))
          .as("%s: each patch has exactly one of path/patch: %s", where, patch)
          .isTrue();
      if (patch.hasNonNull("path")) {
        assertThat(dir.resolve(patch.get("path").asText()).normalize())
            .as("%s: patch file", where)
            .exists();
      }
    }
    for (JsonNode replicas : iterable(k.path("replicas"))) {
      assertThat(replicas.path("count").isInt())
          .as("%s: replicas count is an integer", where)
          .isTrue();
    }
  }

  private static void checkObjectFields(String where, String path, JsonNode node) {
    assertThat(node.isObject()).as("%s: %s is an object", where, path).isTrue();
    Set<String> allowed = KUSTOMIZE_FIELDS.get(path);
    node.fieldNames()
        .forEachRemaining(
            field -> {
              if (!allowed.contains(field)) {
                fail(
                    "%s: unknown field `%s` in %s (allowed: %s)",
                    where, field, path, new TreeSet<>(allowed));
              }
            });
  }

  // ---------------------------------------------------------------------------------------------
  // Loading
  // ---------------------------------------------------------------------------------------------

  /**
   * One YAML document: {@code part} tells where in the file ("#0" for the first document,
   * "patches[1]" for an inline patch of a kustomization); {@code patch} marks strategic-merge
   * patches (partial objects).
   */
  private record Manifest(Path file, String part, JsonNode tree, boolean patch) {

    String apiVersion() {
      return tree.path("apiVersion").asText("");
    }

    String kind() {
      return tree.path("kind").asText("");
    }

    String name() {
      return tree.path("metadata").path("name").asText("");
    }

    String describe() {
      return K8S.relativize(file) + part + " (" + kind() + "/" + name() + ")";
    }

    /** The document without strategic-merge directives such as {@code $patch: delete}. */
    JsonNode withoutPatchDirectives() {
      if (!patch) {
        return tree;
      }
      JsonNode copy = tree.deepCopy();
      stripDirectives(copy);
      return copy;
    }

    private static void stripDirectives(JsonNode node) {
      if (node.isObject()) {
        List<String> directives = new ArrayList<>();
        node.fieldNames()
            .forEachRemaining(
                name -> {
                  if (PATCH_DIRECTIVE.matcher(name).matches()) {
                    directives.add(name);
                  }
                });
        ((ObjectNode) node).remove(directives);
      }
      node.forEach(Manifest::stripDirectives);
    }
  }

  private static List<Manifest> allManifests() {
    Set<Path> patchFiles = new LinkedHashSet<>();
    List<Manifest> manifests = new ArrayList<>();
    for (Path kustomization : kustomizationFiles()) {
      JsonNode k = readSingleDocument(kustomization);
      for (Manifest patch : patchesOf(kustomization, k)) {
        if (patch.file().equals(kustomization)) {
          manifests.add(patch); // inline patch
        } else {
          patchFiles.add(patch.file());
        }
      }
    }
    for (Path file : yamlFiles()) {
      if (!isKustomization(file)) {
        manifests.addAll(documents(file, patchFiles.contains(file)));
      }
    }
    return manifests;
  }

  /**
   * The strategic-merge patches of a kustomization, from files and inline; JSON 6902 patches are
   * skipped.
   */
  private static List<Manifest> patchesOf(Path kustomization, JsonNode k) {
    List<Manifest> patches = new ArrayList<>();
    int index = 0;
    for (JsonNode entry : iterable(k.path("patches"))) {
      if (entry.hasNonNull("path")) {
        Path file = kustomization.getParent().resolve(entry.get("path").asText()).normalize();
        if (Files.exists(file)) {
          documents(file, true).stream().filter(m -> !m.kind().isEmpty()).forEach(patches::add);
        }
      } else if (entry.hasNonNull("patch")) {
        JsonNode inline = parseYaml(entry.get("patch").asText());
        if (inline.isObject() && inline.has("kind")) {
          patches.add(new Manifest(kustomization, " patches[" + index + "]", inline, true));
        }
      }
      index++;
    }
    return patches;
  }

  /**
   * The base objects as kustomize would include them: the documents of the listed resource files.
   */
  private static List<Manifest> baseManifests() {
    return resourcesOf(BASE);
  }

  private static List<Manifest> resourcesOf(Path kustomizationDir) {
    JsonNode k = readSingleDocument(kustomizationDir.resolve("kustomization.yaml"));
    List<Manifest> result = new ArrayList<>();
    for (String resource : strings(k.path("resources"))) {
      if (isRemote(resource)) {
        continue;
      }
      Path target = kustomizationDir.resolve(resource).normalize();
      if (Files.isDirectory(target)) {
        result.addAll(resourcesOf(target));
      } else {
        result.addAll(documents(target, false));
      }
    }
    return result;
  }

  /** {@code Kind/name} of every object that the resources of a kustomization include. */
  private static Set<String> resourceIds(Path kustomizationDir) {
    return resourcesOf(kustomizationDir).stream()
        .map(m -> m.kind() + "/" + m.name())
        .collect(Collectors.toCollection(LinkedHashSet::new));
  }

  private static Set<String> imageNames(Path kustomizationDir) {
    Set<String> names = new TreeSet<>();
    for (Manifest m : resourcesOf(kustomizationDir)) {
      if (m.kind().equals("Deployment")) {
        Deployment d = STRICT.convertValue(m.tree(), Deployment.class);
        for (Container c : d.getSpec().getTemplate().getSpec().getContainers()) {
          names.add(imageName(c.getImage()));
        }
      }
    }
    return names;
  }

  /**
   * Image reference without tag or digest ("registry:5000/app:1.0" becomes "registry:5000/app").
   */
  private static String imageName(String image) {
    String withoutDigest = image.contains("@") ? image.substring(0, image.indexOf('@')) : image;
    int colon = withoutDigest.lastIndexOf(':');
    return colon > withoutDigest.lastIndexOf('/')
        ? withoutDigest.substring(0, colon)
        : withoutDigest;
  }

  private record Effective(int replicas, Integer hpaMin, Integer hpaMax, Integer pdbMinAvailable) {}

  /**
   * The replica-related values an overlay ends up with: the base's, replaced by the overlay's
   * {@code replicas:} entries and patches. Only these scalar fields are merged, which is all the
   * consistency checks need.
   */
  private static Effective effectiveScaling(Path overlay) {
    List<Manifest> resources = resourcesOf(overlay);
    JsonNode kustomization = readSingleDocument(overlay.resolve("kustomization.yaml"));
    List<Manifest> patches = patchesOf(overlay.resolve("kustomization.yaml"), kustomization);

    Deployment deployment = single(resources, Deployment.class);
    Integer replicas = Optional.ofNullable(deployment.getSpec().getReplicas()).orElse(1);
    for (Manifest patch : patches) {
      if (patch.kind().equals("Deployment")) {
        Integer patched =
            STRICT
                .convertValue(patch.withoutPatchDirectives(), Deployment.class)
                .getSpec()
                .getReplicas();
        replicas = patched != null ? patched : replicas;
      }
    }
    for (JsonNode entry : iterable(kustomization.path("replicas"))) {
      if (entry.path("name").asText().equals(deployment.getMetadata().getName())) {
        replicas = entry.path("count").asInt();
      }
    }

    Integer hpaMin = null;
    Integer hpaMax = null;
    if (present(resources, patches, "HorizontalPodAutoscaler")) {
      HorizontalPodAutoscaler hpa = single(resources, HorizontalPodAutoscaler.class);
      hpaMin = Optional.ofNullable(hpa.getSpec().getMinReplicas()).orElse(1);
      hpaMax = hpa.getSpec().getMaxReplicas();
      for (Manifest patch : patches) {
        if (patch.kind().equals("HorizontalPodAutoscaler")) {
          var spec =
              STRICT
                  .convertValue(patch.withoutPatchDirectives(), HorizontalPodAutoscaler.class)
                  .getSpec();
          hpaMin = spec != null && spec.getMinReplicas() != null ? spec.getMinReplicas() : hpaMin;
          hpaMax = spec != null && spec.getMaxReplicas() != null ? spec.getMaxReplicas() : hpaMax;
        }
      }
    }

    Integer pdbMin = null;
    if (present(resources, patches, "PodDisruptionBudget")) {
      IntOrString min = single(resources, PodDisruptionBudget.class).getSpec().getMinAvailable();
      for (Manifest patch : patches) {
        if (patch.kind().equals("PodDisruptionBudget")) {
          var spec =
              STRICT
                  .convertValue(patch.withoutPatchDirectives(), PodDisruptionBudget.class)
                  .getSpec();
          min = spec != null && spec.getMinAvailable() != null ? spec.getMinAvailable() : min;
        }
      }
      // A percentage cannot be compared with a count here; such a budget is not checked.
      pdbMin = min != null && min.getIntVal() != null ? min.getIntVal() : null;
    }
    return new Effective(replicas, hpaMin, hpaMax, pdbMin);
  }

  /**
   * Whether an object of the kind is in the resources and not removed by a {@code $patch: delete}.
   */
  private static boolean present(List<Manifest> resources, List<Manifest> patches, String kind) {
    boolean included = resources.stream().anyMatch(m -> m.kind().equals(kind));
    boolean deleted =
        patches.stream()
            .anyMatch(
                p -> p.kind().equals(kind) && "delete".equals(p.tree().path("$patch").asText()));
    return included && !deleted;
  }

  private static List<Manifest> documents(Path file, boolean patch) {
    List<Manifest> result = new ArrayList<>();
    try (MappingIterator<JsonNode> docs =
        YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
      int index = 0;
      while (docs.hasNextValue()) {
        JsonNode doc = docs.nextValue();
        if (doc != null && !doc.isNull() && !doc.isMissingNode()) {
          assertThat(doc.isObject())
              .as("%s#%d is a YAML mapping", K8S.relativize(file), index)
              .isTrue();
          result.add(new Manifest(file, "#" + index, doc, patch));
        }
        index++;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot parse " + file, e);
    }
    return result;
  }

  private static JsonNode readSingleDocument(Path file) {
    List<Manifest> docs = documents(file, false);
    assertThat(docs).as("documents in %s", file).hasSize(1);
    return docs.get(0).tree();
  }

  private static JsonNode parseYaml(String yaml) {
    try {
      return YAML.readTree(yaml);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Path> yamlFiles() {
    try (Stream<Path> files = Files.walk(K8S)) {
      return files
          .filter(Files::isRegularFile)
          .filter(f -> f.getFileName().toString().matches(".*\\.ya?ml"))
          .sorted()
          .collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + K8S, e);
    }
  }

  private static List<Path> kustomizationFiles() {
    return yamlFiles().stream()
        .filter(KubernetesManifestsTest::isKustomization)
        .collect(Collectors.toList());
  }

  private static List<Path> overlayDirectories() {
    return kustomizationFiles().stream()
        .map(Path::getParent)
        .filter(dir -> dir.startsWith(OVERLAYS))
        .collect(Collectors.toList());
  }

  private static boolean isKustomization(Path file) {
    String name = file.getFileName().toString();
    return name.equals("kustomization.yaml") || name.equals("kustomization.yml");
  }

  private static boolean isRemote(String resource) {
    return resource.contains("://") || resource.startsWith("github.com/");
  }

  // ---------------------------------------------------------------------------------------------
  // Base objects and lookups
  // ---------------------------------------------------------------------------------------------

  private static Deployment baseDeployment() {
    return single(baseManifests(), Deployment.class);
  }

  private static ConfigMap baseConfigMap() {
    return single(
        baseManifests().stream()
            .filter(m -> m.name().equals(CONFIG_MAP))
            .collect(Collectors.toList()),
        ConfigMap.class);
  }

  private static <T> T single(List<Manifest> manifests, Class<T> type) {
    List<T> matches =
        manifests.stream()
            .filter(m -> type.equals(MODEL_CLASSES.get(m.apiVersion() + " " + m.kind())))
            .map(m -> STRICT.convertValue(m.tree(), type))
            .collect(Collectors.toList());
    assertThat(matches).as("%s objects", type.getSimpleName()).hasSize(1);
    return matches.get(0);
  }

  private static List<JsonNode> cnpgDocuments(List<Manifest> manifests, String kind) {
    return manifests.stream()
        .filter(m -> m.apiVersion().equals(CNPG_API_VERSION) && m.kind().equals(kind))
        .map(Manifest::tree)
        .collect(Collectors.toList());
  }

  private static JsonNode singleCnpg(List<Manifest> manifests, String kind) {
    List<JsonNode> matches = cnpgDocuments(manifests, kind);
    assertThat(matches).as("%s %s objects", CNPG_API_VERSION, kind).hasSize(1);
    return matches.get(0);
  }

  private static Container appContainer(Deployment deployment) {
    return deployment.getSpec().getTemplate().getSpec().getContainers().stream()
        .filter(c -> APP.equals(c.getName()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("Deployment has no container named " + APP));
  }

  private static ContainerPort httpPort(Container container) {
    return container.getPorts().stream()
        .filter(p -> "http".equals(p.getName()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("container has no port named http"));
  }

  private static void assertProbe(Probe probe, String name, String path) {
    assertThat(probe).as(name).isNotNull();
    HTTPGetAction get = probe.getHttpGet();
    assertThat(get).as("%s.httpGet", name).isNotNull();
    assertThat(get.getPath()).as("%s path", name).isEqualTo(path);
    assertThat(get.getPort()).as("%s port", name).isEqualTo(new IntOrString("http"));
  }

  private static EnvVar env(Container container, String name) {
    return container.getEnv().stream()
        .filter(e -> name.equals(e.getName()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("container has no env " + name));
  }

  private static String envValue(Container container, String name) {
    String value = env(container, name).getValue();
    assertThat(value).as("env %s value", name).isNotBlank();
    return value;
  }

  private static VolumeMount mount(Container container, String path) {
    return container.getVolumeMounts().stream()
        .filter(m -> path.equals(m.getMountPath()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no volume mounted at " + path));
  }

  private static Volume volume(PodSpec pod, String name) {
    return pod.getVolumes().stream()
        .filter(v -> name.equals(v.getName()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no volume named " + name));
  }

  private static boolean selects(NetworkPolicyPeer peer, String label, String value) {
    return peer.getPodSelector() != null
        && peer.getPodSelector().getMatchLabels() != null
        && value.equals(peer.getPodSelector().getMatchLabels().get(label));
  }

  // ---------------------------------------------------------------------------------------------
  // Application sources: pom.xml and application.properties
  // ---------------------------------------------------------------------------------------------

  private record PomCoordinates(String artifactId, String version) {}

  private static PomCoordinates readPom() {
    Path pom = PROJECT_ROOT.resolve("pom.xml");
    try (InputStream in = Files.newInputStream(pom)) {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      // A POM never needs a DTD or external entities; refuse them (XXE).
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      Element project = factory.newDocumentBuilder().parse(in).getDocumentElement();
      String artifactId = childText(project, "artifactId");
      // The version may be inherited from a parent POM.
      String version =
          Optional.ofNullable(childText(project, "version"))
              .orElseGet(
                  () ->
                      Optional.ofNullable(child(project, "parent"))
                          .map(parent -> childText(parent, "version"))
                          .orElse(null));
      assertThat(artifactId).as("pom.xml artifactId").isNotBlank();
      assertThat(version).as("pom.xml version").isNotBlank().doesNotContain("${");
      return new PomCoordinates(artifactId, version);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + pom, e);
    } catch (Exception e) {
      throw new IllegalStateException("cannot parse " + pom, e);
    }
  }

  private static Element child(Element parent, String name) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element element
          && name.equals(
              element.getLocalName() != null ? element.getLocalName() : element.getTagName())) {
        return element;
      }
    }
    return null;
  }

  private static String childText(Element parent, String name) {
    Element element = child(parent, name);
    return element == null ? null : element.getTextContent().trim();
  }

  /**
   * A property from application.properties as the pods see it: the ConfigMap selects the prod
   * profile, so {@code %prod.<name>} wins over {@code <name>}.
   */
  private static Optional<String> quarkusProperty(String name) {
    Path file = PROJECT_ROOT.resolve("src/main/resources/application.properties");
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    Properties properties = new Properties();
    try (InputStream in = Files.newInputStream(file)) {
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    return Optional.ofNullable(
            properties.getProperty("%prod." + name, properties.getProperty(name)))
        .map(String::trim)
        .map(KubernetesManifestsTest::expressionDefault);
  }

  /** {@code ${PORT:8080}} resolves to its default here: the manifests do not set PORT. */
  private static String expressionDefault(String value) {
    Matcher m = Pattern.compile("\\$\\{[^:}]+:([^}]*)}").matcher(value);
    return m.matches() ? m.group(1) : value;
  }

  private static int quarkusHttpPort() {
    return quarkusProperty("quarkus.http.port")
        .map(Integer::parseInt)
        .orElse(QUARKUS_DEFAULT_HTTP_PORT);
  }

  /**
   * Parses durations the way Quarkus does: "30" (seconds), "500ms", "30s", "1m", "2h", "1d" or
   * ISO-8601.
   */
  private static Duration quarkusDuration(String value) {
    String v = value.trim();
    if (v.matches("\\d+")) {
      return Duration.ofSeconds(Long.parseLong(v));
    }
    if (v.matches("\\d+ms")) {
      return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
    }
    if (v.matches("\\d+[dD]")) {
      return Duration.ofDays(Long.parseLong(v.substring(0, v.length() - 1)));
    }
    if (v.matches("\\d+[sSmMhH]")) {
      return Duration.parse("PT" + v.toUpperCase(Locale.ROOT));
    }
    return Duration.parse(v);
  }

  // ---------------------------------------------------------------------------------------------
  // Small helpers
  // ---------------------------------------------------------------------------------------------

  /**
   * Jackson mapper for {@link KubernetesSerialization} that fails on fields the schema lacks.
   * fabric8 model classes collect unknown fields in {@code additionalProperties} through a
   * {@code @JsonAnySetter}, which FAIL_ON_UNKNOWN_PROPERTIES alone never sees; removing the
   * any-setter from every bean deserializer makes unknown fields reach that check.
   */
  private static ObjectMapper strictMapper() {
    SimpleModule rejectUnknownFields = new SimpleModule("reject-unknown-fields");
    rejectUnknownFields.setDeserializerModifier(
        new BeanDeserializerModifier() {
          @Override
          public BeanDeserializerBuilder updateBuilder(
              DeserializationConfig config,
              BeanDescription description,
              BeanDeserializerBuilder builder) {
            builder.setAnySetter(null);
            return builder;
          }
        });
    return new ObjectMapper()
        .registerModule(rejectUnknownFields)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(n -> values.add(n.asText()));
    return values;
  }

  private static List<JsonNode> iterable(JsonNode array) {
    List<JsonNode> values = new ArrayList<>();
    if (array.isArray()) {
      array.forEach(values::add);
    }
    return values;
  }

  @SafeVarargs
  private static <T> T firstNonNull(T... values) {
    return Stream.of(values).filter(Objects::nonNull).findFirst().orElse(null);
  }
}
