"""Technical prose with no personal data at all: every redaction in it is over-redaction.

READMEs, runbooks, code comments and release notes that name products (Kafka, Grafana, GNU
Radio, Whiteboard...), office words that look like names (Bill to, Hedge, Cabin, Appendix)
and configuration keys. Each document lists the traps it was written around; the scorer adds
every capitalised, CamelCase or dotted term that is not the first word of a sentence. The
last ones also name a few people and companies (`{p1}`, `{p2:family}`, `{c1}`: slots filled
from the part's pools when the document is built), which must still be found.

Over 500 lines because it is data: the documents' text, one document after another.
More documents, of other occupations, are in prose_work.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .prose_more import MORE_DOCS
from .prose_work import WORK_DOCS


@dataclass(frozen=True)
class Prose:
    name: str  # file name; the extension says how it is rendered
    text: str
    traps: tuple[str, ...]


DOCS: tuple[Prose, ...] = (
    Prose(
        "README.md",
        """# ingest-gateway

The ingest gateway reads events from Apache Kafka, validates them against the Avro schemas in
`schemas/`, and writes them to PostgreSQL and to an S3 bucket for the analytics team.

## Requirements

- Python 3.12, Poetry 1.8
- Kafka 3.7 (KRaft mode; ZooKeeper is no longer needed)
- PostgreSQL 16 with the TimescaleDB extension
- Grafana 11 and Prometheus for the dashboards in `ops/grafana/`

## Configuration

Copy `config.example.toml` to `config.toml`. Every key can be overridden by an environment
variable with the `INGEST_` prefix, so `kafka.bootstrap_servers` becomes
`INGEST_KAFKA__BOOTSTRAP_SERVERS`. The config loader fails fast on unknown keys.

| key | default | meaning |
|---|---|---|
| kafka.group_id | ingest-gateway | consumer group |
| kafka.max_poll_records | 500 | batch size per poll |
| sink.flush_interval | 5s | how often batches are committed |
| sink.dead_letter_topic | ingest.dlq | where invalid events go |

## Running locally

    docker compose up -d kafka postgres grafana
    poetry run ingest --config config.toml

Open Grafana on port 3000 and import the Ingest Overview dashboard. The Whiteboard panel
shows consumer lag per partition; Hedge is the name of the retry scheduler, not a finance
term. See Appendix B for the schema evolution rules.
""",
        (
            "Apache Kafka",
            "Grafana",
            "Prometheus",
            "Whiteboard",
            "Hedge",
            "Appendix B",
            "PostgreSQL",
            "TimescaleDB",
            "ZooKeeper",
            "Poetry",
            "config",
        ),
    ),
    Prose(
        "runbook-consumer-lag.txt",
        """RUNBOOK: consumer lag on the orders pipeline

Symptoms
  The Grafana alert "Consumer lag > 50k" fires for the orders-enricher group. Kibana shows
  repeated RebalanceInProgressException entries from the Kafka client.

Checks
  1. Open the Kafka UI and confirm which partitions lag. If only partition 7 lags, a poison
     message is likely: check the dead letter topic orders.dlq.
  2. Run `kubectl -n orders get pods` and look for CrashLoopBackOff.
  3. In Grafana, compare the Whiteboard view (lag per partition) with CPU throttling on the
     Node Exporter dashboard.

Fix
  Scale the deployment with `kubectl scale deploy/orders-enricher --replicas=6`. If the lag
  keeps growing, pause the Debezium connector from Kafka Connect and page the on-call
  engineer of the data platform team through PagerDuty. Do not delete consumer offsets.

After the incident
  File a ticket in Jira with the label incident-review and attach the Grafana snapshot.
  The Cabin service (the seat-map API) depends on this pipeline; tell its channel in Slack.
""",
        (
            "Grafana",
            "Kibana",
            "Kafka",
            "Whiteboard",
            "Node Exporter",
            "Debezium",
            "Kafka Connect",
            "PagerDuty",
            "Jira",
            "Cabin",
            "Slack",
            "RebalanceInProgressException",
        ),
    ),
    Prose(
        "sdr_receiver.py",
        '''"""FM receiver flowgraph for the spectrum survey rig.

Built with GNU Radio 3.10. The source block is an osmocom RTL-SDR source; the flowgraph
low-pass filters, demodulates with the WBFM Receive block and writes audio through the
Audio Sink. Parameters come from config.yaml (see ConfigLoader below).
"""

from gnuradio import analog, audio, filter, gr
from gnuradio.filter import firdes

import osmosdr


class FmReceiver(gr.top_block):
    """Top block: RTL-SDR source -> low pass -> WBFM Receive -> Audio Sink."""

    def __init__(self, freq_hz: float = 99.5e6, samp_rate: float = 2.4e6) -> None:
        gr.top_block.__init__(self, "FM Receiver")
        # Tune slightly off centre to keep the DC spike out of the channel.
        self.src = osmosdr.source(args="numchan=1 rtl=0")
        self.src.set_center_freq(freq_hz + 250e3)
        self.src.set_sample_rate(samp_rate)
        # Decimate to 240 kS/s before demodulation; Hamming window, 100 kHz cutoff.
        taps = firdes.low_pass(1.0, samp_rate, 100e3, 20e3, firdes.WIN_HAMMING)
        self.lpf = filter.freq_xlating_fir_filter_ccc(10, taps, -250e3, samp_rate)
        self.demod = analog.wfm_rcv(quad_rate=240e3, audio_decimation=5)
        self.sink = audio.sink(48000, "", True)
        self.connect(self.src, self.lpf, self.demod, self.sink)


# TODO: move the gain table to config; Whiteboard sketches of the AGC loop are in docs/agc.md.
''',
        (
            "GNU Radio",
            "WBFM Receive",
            "Audio Sink",
            "RTL-SDR",
            "ConfigLoader",
            "FmReceiver",
            "Hamming",
            "Whiteboard",
        ),
    ),
    Prose(
        "whiteboard-release-notes.txt",
        """Whiteboard 4.2 release notes

New
  - Sticky notes can be grouped into Frames and exported to PDF or PNG.
  - The Presenter mode follows the cursor of whoever holds the pointer.
  - Templates: Retrospective, Kanban, Lean Canvas, SWOT and Customer Journey Map.

Changed
  - The minimum supported browser is Chrome 120, Firefox 121 or Safari 17.
  - Export to Confluence now keeps the board's zoom level.

Fixed
  - Undo after Paste no longer duplicates connectors.
  - Boards shared with a Guest link no longer show the Admin menu.

Known issues
  - On iPad the Lasso tool selects hidden layers. Workaround: lock the layer first.

Upgrade
  Self-hosted customers update the Helm chart to 4.2.0 and run the migration job
  whiteboard-migrate before switching traffic. Redis 7 is required for the presence service.
""",
        (
            "Whiteboard",
            "Frames",
            "Presenter",
            "Retrospective",
            "Kanban",
            "Lean Canvas",
            "SWOT",
            "Customer Journey Map",
            "Confluence",
            "Lasso",
            "Helm",
            "Redis",
            "Guest",
            "Admin",
        ),
    ),
    Prose(
        "invoice-schema.md",
        """# Invoice export schema (v3)

The billing service exports one JSON document per invoice. Field names follow the UBL 2.1
vocabulary where one exists.

## Parties

- **Bill to**: the legal entity that pays. Required. Contains `registration_id` and
  `tax_scheme` (VAT, GST or Sales Tax).
- **Ship to**: where goods are delivered. Optional for services.
- **Remit to**: the account that receives the payment, as a reference into the Treasury
  module; never the account number itself.

## Lines

Each line has `sku`, `quantity`, `unit_price` and `tax_category`. Discounts are lines with
a negative amount and the category Allowance. Rounding follows the Half Even rule.

## Hedge accounting

Invoices in a foreign currency carry `fx_rate_source` (ECB or Bloomberg BFIX) and, when the
Treasury team hedges the exposure, `hedge_ref` pointing at the Hedge record. See Appendix A
for the list of currencies and the cut-off times.
""",
        (
            "Bill to",
            "Ship to",
            "Remit to",
            "Treasury",
            "Hedge",
            "Appendix A",
            "UBL",
            "Allowance",
            "Half Even",
            "Bloomberg BFIX",
            "ECB",
        ),
    ),
    Prose(
        "cabin_pressure.md",
        """# Cabin pressure controller: test procedure

This procedure qualifies the Cabin Pressure Control System (CPCS) firmware before release.
It runs on the Hardware-in-the-Loop bench with the Outflow Valve simulator.

1. Flash the build from the Release pipeline in Jenkins to both channels, A and B.
2. Start the Climb profile: 0 to 41,000 ft at 2,500 ft/min. The cabin altitude must stay
   below 8,000 ft and the rate below 500 ft/min.
3. Trigger Channel A Fail from the Fault Injection panel. Channel B takes over within 200 ms.
4. Run the Rapid Decompression case and confirm the Cabin Altitude Warning lights.
5. Export the bench log to CSV and attach it to the Test Report template in Polarion.

Acceptance criteria are in Appendix C. Deviations go to the Change Control Board.
""",
        (
            "Cabin",
            "Cabin Pressure Control System",
            "Outflow Valve",
            "Jenkins",
            "Climb",
            "Channel A",
            "Channel B",
            "Fault Injection",
            "Rapid Decompression",
            "Polarion",
            "Appendix C",
            "Change Control Board",
            "Hardware-in-the-Loop",
        ),
    ),
    Prose(
        "config-reference.md",
        """# Configuration reference

The service reads `config.yaml` at start-up and on SIGHUP. Unknown keys are an error.

```yaml
server:
  host: 0.0.0.0
  port: 8443
  tls:
    cert_file: /etc/app/tls.crt
    key_file: /etc/app/tls.key
storage:
  backend: s3            # s3 | gcs | azure | local
  bucket: app-artifacts
  region: eu-central-1
cache:
  redis_url: redis://cache:6379/0
  ttl_seconds: 900
telemetry:
  otlp_endpoint: http://otel-collector:4317
  service_name: artifact-api
```

`storage.backend` selects the driver. With Azure, set `storage.account` as well. The
OpenTelemetry exporter sends traces to the collector, which forwards them to Grafana Tempo;
metrics go to Prometheus through the same collector. Set `telemetry.service_name` so that
dashboards group the pods correctly.
""",
        ("config", "OpenTelemetry", "Grafana Tempo", "Prometheus", "Azure", "SIGHUP"),
    ),
    Prose(
        "hedging_engine.py",
        '''"""Hedge ratio calculation for the Treasury dashboard.

The Hedge class wraps one forward contract; HedgeBook aggregates them per currency pair.
Prices come from the MarketData adapter (Refinitiv or Bloomberg), never from user input.
"""

from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class Hedge:
    pair: str          # ISO 4217 codes, e.g. "EURUSD"
    notional: Decimal  # in the base currency
    forward_rate: Decimal


class HedgeBook:
    """All open hedges of one entity. Not thread-safe: the Scheduler owns it."""

    def __init__(self) -> None:
        self._hedges: list[Hedge] = []

    def ratio(self, exposure: Decimal) -> Decimal:
        # A ratio above 1 means over-hedged; Compliance wants an alert above 1.05.
        hedged = sum((h.notional for h in self._hedges), Decimal(0))
        return hedged / exposure if exposure else Decimal(0)

# Bill to / Ship to parsing lives in billing/parties.py, not here.
''',
        (
            "Hedge",
            "HedgeBook",
            "Treasury",
            "MarketData",
            "Refinitiv",
            "Bloomberg",
            "Scheduler",
            "Compliance",
            "Bill to",
            "Ship to",
        ),
    ),
    Prose(
        "incident-postmortem.md",
        """# Postmortem: checkout latency, 14 March

## Summary
Checkout p99 latency rose from 300 ms to 4.2 s for 38 minutes. No orders were lost.

## Timeline (UTC)
- 09:12 Grafana alert Checkout p99 > 1s fires; the on-call engineer acknowledges in
  PagerDuty.
- 09:20 Traces in Jaeger show the time is spent in the Pricing service calling Redis.
- 09:31 Redis Sentinel had failed over to a replica with a cold cache.
- 09:50 Cache warmed; latency back to normal.

## Root cause
A kernel upgrade rebooted the Redis primary. The Sentinel quorum promoted the replica in
the other zone, and the Pricing service's connection pool kept stale connections for the
full TCP keepalive interval.

## Action items
- Lower the keepalive in the Pricing config (owner: platform team).
- Add a Grafana panel for Sentinel failovers next to the Whiteboard lag panel.
- Run a failover game day every quarter.
""",
        (
            "Grafana",
            "PagerDuty",
            "Jaeger",
            "Pricing",
            "Redis",
            "Redis Sentinel",
            "Sentinel",
            "Whiteboard",
            "Checkout",
            "config",
        ),
    ),
    Prose(
        "data-pipeline-design.docx",
        """Data pipeline design

Goals
The pipeline moves clickstream events from the web tier into the warehouse within five
minutes, with exactly-once delivery into Snowflake.

Components
Events are produced to Kafka by the Edge Collector. Apache Flink jobs sessionize them and
write Parquet files to the Lakehouse; dbt models build the marts every hour. Airflow runs
the dbt jobs and the backfills. Great Expectations checks every batch before it is published.

Operations
Dashboards live in Grafana; alerts route to PagerDuty. The Whiteboard board in Miro holds the
architecture diagram. Configuration is in the platform config repository, one folder per
environment.
""",
        (
            "Snowflake",
            "Kafka",
            "Edge Collector",
            "Apache Flink",
            "Lakehouse",
            "Airflow",
            "Great Expectations",
            "Grafana",
            "PagerDuty",
            "Whiteboard",
            "Miro",
            "config",
        ),
    ),
    Prose(
        "radio-lab-notes.pdf",
        """Radio lab notes: ADS-B receiver

Hardware
A HackRF One with a 1090 MHz bandpass filter and a LNA4ALL amplifier feeds the receiver
laptop. The antenna is a quarter-wave ground plane on the lab roof.

Software
GNU Radio Companion runs the gr-adsb out-of-tree module; decoded frames go to a local
dump1090 instance and from there to the Grafana map panel through Prometheus. The config
for the decoder thresholds is in adsb.yaml.

Results
Over 24 hours the receiver logged 18,400 unique aircraft; the Whiteboard in the lab lists
the antenna changes that improved range. Appendix D has the signal-to-noise plots.
""",
        (
            "HackRF One",
            "LNA4ALL",
            "GNU Radio Companion",
            "Grafana",
            "Prometheus",
            "Whiteboard",
            "Appendix D",
            "config",
        ),
    ),
    Prose(
        "observability-stack.md",
        """# Observability stack

Metrics are scraped by Prometheus every 15 seconds and kept for 30 days; long-term storage is
Thanos on top of MinIO. Dashboards live in Grafana and are provisioned from JSON in
`dashboards/`, so nobody edits them by hand. Logs go from Fluent Bit to Loki; traces are
collected with the OpenTelemetry Collector and viewed in Jaeger.

## Alert routing

Alertmanager groups alerts by cluster and service. Critical alerts page through Opsgenie;
warnings go to the Mattermost channel. The silence policy is in Appendix A. A Runbook link is
mandatory on every alert rule, and the Lint job in the pipeline rejects a rule without one.

## Known issues

- The Tempo backend drops spans larger than 4 MB; raise `max_bytes_per_trace` in tempo.yaml.
- Promtail is deprecated in favour of Grafana Alloy; migrate before the next upgrade.
- The Heatmap panel in the Latency dashboard needs the `le` label on every histogram bucket.
""",
        (
            "Prometheus",
            "Thanos",
            "MinIO",
            "Grafana",
            "Fluent Bit",
            "Loki",
            "OpenTelemetry Collector",
            "Jaeger",
            "Alertmanager",
            "Opsgenie",
            "Mattermost",
            "Appendix A",
            "Runbook",
            "Lint",
            "Tempo",
            "Promtail",
            "Grafana Alloy",
            "Heatmap",
            "Latency",
        ),
    ),
    Prose(
        "build-system-notes.txt",
        """Build system notes

The monorepo builds with Bazel 7; Gradle is kept only for the Android module. Remote caching
runs on BuildBuddy, and the CI runners are GitHub Actions self-hosted machines in the eu-central-1
region. Protobuf definitions are compiled by buf, and the generated Go code is checked in.

Caching
  A cache miss on the Linker step usually means a non-hermetic toolchain: check that Clang is
  pinned in MODULE.bazel and that nobody calls the system Xcode. The Sandbox strategy is
  linux-sandbox on Ubuntu and darwin-sandbox on macOS.

Releases
  Tags follow SemVer. The release job signs artifacts with Sigstore (cosign) and uploads them to
  Artifactory. The Changelog is generated by git-cliff from Conventional Commits; a
  Breaking Change footer bumps the major version. Ask in the Release Train channel before a hotfix.
""",
        (
            "Bazel",
            "Gradle",
            "BuildBuddy",
            "GitHub Actions",
            "Protobuf",
            "Linker",
            "Clang",
            "MODULE.bazel",
            "Xcode",
            "Sandbox",
            "Ubuntu",
            "SemVer",
            "Sigstore",
            "Artifactory",
            "Changelog",
            "Conventional Commits",
            "Breaking Change",
            "Release Train",
        ),
    ),
    Prose(
        "feature_flags.py",
        '''"""Feature flags for the checkout service, read from LaunchDarkly with a local fallback.

The flag keys below match the ones in the LaunchDarkly project "checkout". When the SDK cannot
reach the relay proxy, FlagStore falls back to flags.json (see FallbackLoader) so that a
network blip never turns a feature off. Keep the Canary and Rollout flags in step with the
Argo Rollouts analysis templates.
"""

import json
from pathlib import Path

FLAG_KEYS = {
    "new_payment_sheet": False,  # the Stripe Elements payment sheet
    "apple_pay": True,  # Apple Pay on Safari and iOS only
    "address_autocomplete": True,  # Google Places autocomplete
}


class FallbackLoader:
    """Reads flags.json; a missing file means every flag keeps its default."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def load(self) -> dict[str, bool]:
        if not self.path.exists():
            return dict(FLAG_KEYS)
        return {**FLAG_KEYS, **json.loads(self.path.read_text())}


class FlagStore:
    """Flags from the SDK, or from the FallbackLoader when the Relay Proxy is down."""

    def __init__(self, client, fallback: FallbackLoader) -> None:
        self.client, self.fallback = client, fallback

    def enabled(self, key: str) -> bool:
        # the Sentinel value tells a missing flag from a flag that is off
        value = self.client.variation(key, None) if self.client else None
        return self.fallback.load().get(key, False) if value is None else bool(value)
''',
        (
            "LaunchDarkly",
            "FlagStore",
            "FallbackLoader",
            "Canary",
            "Rollout",
            "Argo Rollouts",
            "Stripe Elements",
            "Apple Pay",
            "Safari",
            "Google Places",
            "Relay Proxy",
            "Sentinel",
        ),
    ),
    Prose(
        "office-move-faq.md",
        """# Office move: frequently asked questions

**Where do I pick up my badge?** At Reception on the ground floor, from Monday. Bring the
Welcome Pack e-mail on your phone.

**How do I book a desk?** Use the Desk Booking page on the intranet. Quiet zones are on level 3;
the Library and the Phone Booths cannot be booked for more than two hours.

**What about meeting rooms?** Rooms are named after rivers: Thames, Danube, Mekong and Amazon
(the large one, with the Surface Hub and the Owl camera). Book them in Outlook; the Teams Room
panel outside each door shows who has it.

**Is there parking?** The Garage has 40 spaces and a Bike Store with lockers and showers.
Electric chargers are bookable in the Facilities app.

**Who do I ask?** Facilities for keys and the Post Room, IT Service Desk for laptops and the
Printer queue, and the Wellbeing team for the Quiet Room and the Mothers Room.
""",
        (
            "Reception",
            "Welcome Pack",
            "Desk Booking",
            "Library",
            "Phone Booths",
            "Thames",
            "Danube",
            "Mekong",
            "Amazon",
            "Surface Hub",
            "Owl",
            "Outlook",
            "Teams Room",
            "Garage",
            "Bike Store",
            "Facilities",
            "Post Room",
            "IT Service Desk",
            "Printer",
            "Wellbeing",
            "Quiet Room",
            "Mothers Room",
        ),
    ),
    Prose(
        "ml-training-guide.md",
        """# Training the ranking model

The ranker is a LightGBM model trained on features built in Spark and stored in Feast. Training
runs on Kubeflow Pipelines; each run logs parameters and metrics to MLflow, and the best model is
promoted to the Registry by the Champion/Challenger job.

## Data

Click logs arrive through Kinesis and land as Parquet in the Lakehouse (Delta Lake on S3). The
Bronze, Silver and Gold tables follow the medallion layout; only Gold tables are read by
training. Great Expectations checks every Silver table before it is published.

## Evaluation

We report NDCG@10 and MRR on the holdout week. A model ships only if it beats the Champion on
both and the SHAP summary shows no single feature above 40% of the gain. Notebooks in Jupyter
are fine for exploration, but the Trainer class in `ranker/train.py` is the only path to
production. Weights & Biases is no longer used; old runs are archived.
""",
        (
            "LightGBM",
            "Spark",
            "Feast",
            "Kubeflow Pipelines",
            "MLflow",
            "Registry",
            "Champion",
            "Challenger",
            "Kinesis",
            "Parquet",
            "Lakehouse",
            "Delta Lake",
            "Bronze",
            "Silver",
            "Gold",
            "Great Expectations",
            "NDCG",
            "MRR",
            "SHAP",
            "Jupyter",
            "Trainer",
            "Weights & Biases",
        ),
    ),
    Prose(
        "network-change-request.txt",
        """Change request CR-2291: core switch firmware

Summary
  Upgrade the two Arista core switches in the primary data centre to EOS 4.32 and move the
  BGP sessions with the upstream carriers to the new route-map. Rollback is a reboot into the
  previous image, which stays on flash.

Plan
  1. Drain the Spine 1 pair with `maintenance mode` and check that traffic moved to Spine 2 in
     the LibreNMS graphs.
  2. Upgrade, reboot, verify LLDP neighbours and OSPF adjacencies, then undrain.
  3. Repeat for Spine 2. Update the NetBox records and the Visio diagram in SharePoint.

Risk
  Medium. The Firewall cluster (Palo Alto) is not touched. The Wireless controllers keep their
  own uplinks. The Change Advisory Board approved the window on Tuesday; Service Now ticket
  CHG0031244 holds the approvals.
""",
        (
            "Arista",
            "EOS",
            "BGP",
            "Spine",
            "LibreNMS",
            "LLDP",
            "OSPF",
            "NetBox",
            "Visio",
            "SharePoint",
            "Firewall",
            "Palo Alto",
            "Wireless",
            "Change Advisory Board",
            "Service Now",
        ),
    ),
    Prose(
        "dbt-warehouse-notes.md",
        """# Warehouse modelling notes

Models live in the analytics repository and are built by dbt Core 1.8 against Snowflake. Raw
tables land through Fivetran and Airbyte; staging models rename columns and cast types, marts
hold the Kimball-style facts and dimensions that Looker and Metabase read.

## Conventions
- Every model has a primary key test (`unique`, `not_null`) and a description in its YAML file.
- Incremental models use `merge` on Snowflake and keep a `_loaded_at` column for backfills.
- Sources are declared once; `source('stripe', 'charges')` is the only way a model reads Stripe.
- Seeds are for small lookup tables only: country codes, fiscal calendars, currency ISO codes.

## Orchestration
Dagster schedules the nightly build; a sensor starts the finance marts once the Fivetran sync
of NetSuite finishes. Great Expectations suites run after the marts and post to the Slack
alerts channel. Failed runs open a ticket in Jira with the dbt run results attached.
""",
        (
            "dbt Core",
            "Snowflake",
            "Fivetran",
            "Airbyte",
            "Kimball",
            "Looker",
            "Metabase",
            "Stripe",
            "Dagster",
            "NetSuite",
            "Great Expectations",
            "Slack",
            "Jira",
        ),
    ),
    # ------------------------------------------------------------------ with people in them:
    # {pN} / {pN:form} is a person of the part's pool written in that form (writer.person_form),
    # {cN} a company; the names must be found while every term around them survives
    Prose(
        "event-bus-design-notes.md",
        """# Design notes: moving order events to the event bus

Authors: {p1}, {p2}
Reviewed by {p3}

## Context

Order events are written to PostgreSQL 15 and copied to the warehouse by a nightly job. We
want them on Apache Kafka within seconds, with Kafka Connect and the Debezium connector
reading the write-ahead log, and the Schema Registry holding the Avro schemas.

## Proposal

- Run Kafka Connect in distributed mode on Kubernetes (three workers, `tasks.max: 6`).
- One topic per aggregate: `orders.v1`, `payments.v1`; compaction on, retention 7 days.
- Consumers use the Outbox pattern; the Whiteboard service reads `orders.v1` for the live
  board on the warehouse Cabin screens.
- Terraform 1.9 owns the topics and ACLs; nobody creates a topic by hand.

## Open questions

Do we need Exactly Once semantics for the Ledger consumer, or is idempotent upsert enough?
{p2:family} prefers idempotent upserts; ask {p3:call} before the Ledger team commits to either.
See Appendix A for the throughput test and the config we used.
""",
        (
            "Apache Kafka",
            "Kafka Connect",
            "Debezium",
            "Schema Registry",
            "Avro",
            "Kubernetes",
            "Outbox",
            "Whiteboard",
            "Cabin",
            "Terraform",
            "Exactly Once",
            "Ledger",
            "Appendix A",
            "config",
        ),
    ),
    Prose(
        "postmortem-checkout-latency.md",
        """# Post-mortem: checkout latency, 11 February

Incident commander: {p1}
Scribe: {p2}

## Summary

From 14:05 to 14:48 UTC checkout p99 latency rose from 300 ms to 9 s. A Helm upgrade of the
payments chart set `maxSurge: 0`, so Kubernetes drained every pod of the Envoy sidecar at
once. Grafana fired the "Checkout p99" alert at 14:09 and PagerDuty paged the on-call.

## Timeline

- 14:09 alert fires; {p1:family} acknowledges in PagerDuty.
- 14:21 {p4} rolls the chart back with `helm rollback payments 41`.
- 14:48 latency back to normal; the Statuspage incident is resolved.

## What went well

The Runbook for Envoy was current, and the Grafana Tempo traces showed the missing upstream
within minutes. Thanks to {p3} for the quick review of the rollback.

## Actions

1. Add a policy check in Conftest that rejects `maxSurge: 0` (owner: {p4:family}).
2. Alert on ready pods per Deployment, not only latency.
3. Move the Hedge retry budget into the config of the sidecar (see Appendix B).
""",
        (
            "Helm",
            "Kubernetes",
            "Envoy",
            "Grafana",
            "PagerDuty",
            "Statuspage",
            "Runbook",
            "Grafana Tempo",
            "Conftest",
            "Deployment",
            "Hedge",
            "Appendix B",
            "config",
        ),
    ),
    Prose(
        "release-notes-4-2.txt",
        """Release notes: spectrum-monitor 4.2

New
  - The GNU Radio flowgraph now uses the Polyphase Clock Sync block; decimation is set with
    `--decim 8`.
  - Exports to Parquet and to the Whiteboard report, with a "Bill to" column for the lab's
    internal charging.
  - The Waterfall view keeps its zoom across restarts (stored in config.toml).

Fixed
  - SoapySDR 0.8 devices no longer drop the first buffer after a retune.
  - The Hedge filter (our notch filter for the 50 Hz hum) applies to both channels.

Contributors
  Thanks to {p1} and {p2} for the USRP patches, and to {c1} for the loan of a B210.
  Packaging by {p3}.
""",
        (
            "GNU Radio",
            "Polyphase Clock Sync",
            "Parquet",
            "Whiteboard",
            "Bill",
            "Waterfall",
            "config.toml",
            "SoapySDR",
            "Hedge",
            "USRP",
        ),
    ),
    Prose(
        "pipeline-readme.md",
        """# clickstream-pipeline

Batch and streaming jobs that turn raw click events into the Gold tables.

Maintainer: {p1} · on-call rota in Opsgenie

## Layout

    dags/          Airflow 2.9 DAGs (one per source)
    jobs/          Spark 3.5 jobs, packaged with Poetry
    infra/         Terraform for the EMR cluster and the S3 buckets

## Running

    poetry install
    poetry run pipeline backfill --source web --from 2026-01-01 --dry-run

The `--dry-run` flag prints the partitions it would write. Every job reads its config from
`conf/<env>.yaml`; secrets come from AWS Secrets Manager, never from the repository.

## Storage

Raw events land in S3 as JSON; the Bronze and Silver tables are Iceberg on Glue, and Trino
serves them to Superset. EC2 spot nodes run the nightly compaction; an H100 node is only used
by the ranking team.

Questions about the Iceberg migration go to {p2} (data platform).
""",
        (
            "Opsgenie",
            "Airflow",
            "Spark",
            "Poetry",
            "Terraform",
            "EMR",
            "S3",
            "AWS Secrets Manager",
            "Bronze",
            "Silver",
            "Iceberg",
            "Glue",
            "Trino",
            "Superset",
            "EC2",
            "H100",
            "config",
        ),
    ),
    Prose(
        "procurement-memo.docx",
        """Procurement memo: observability licences 2026

From: {p1}, Platform Engineering
To: {p2}, Finance

We ask for approval to renew the Grafana Cloud Pro plan and to add Sentry Business for the
mobile apps. The quote from {c1} covers 40 seats of Grafana Cloud and 2 TB of Loki logs a
month; Sentry is bought directly.

Bill to: Platform Engineering cost centre 4410. The invoice goes to the Accounts Payable
mailbox; please add the PO number on the Cabin booking form too, as the training day in the
Whiteboard room is part of the same order.

Finance asked whether we should Hedge the USD exposure: the contract is in USD, paid yearly,
so Treasury will decide. Appendix A compares Grafana Cloud with a self-hosted Prometheus and
Thanos stack on Kubernetes; Appendix B lists the seats per team.

{p1}
""",
        (
            "Grafana Cloud",
            "Sentry Business",
            "Loki",
            "Sentry",
            "Bill",
            "Accounts Payable",
            "Cabin",
            "Whiteboard",
            "Hedge",
            "Treasury",
            "Appendix A",
            "Prometheus",
            "Thanos",
            "Kubernetes",
            "Appendix B",
        ),
    ),
    Prose(
        "tech-review-minutes.txt",
        """Minutes: architecture review, radio lab data platform

Attendees: {p1} (chair), {p2}, {p3}, {p4}
Apologies: {p5}

1. Capture pipeline
   The GNU Radio capture writes SigMF files to MinIO; a Kafka topic announces each file.
   Grafana shows disk use per receiver. Decision: keep MinIO, move the metadata to
   PostgreSQL 16 with the TimescaleDB extension.

2. Compute
   The Kubernetes cluster in the Tel-Aviv lab gets two GPU nodes (GPT4-class models are out of
   scope). Terraform state moves to the shared backend; `terraform plan` runs in CI on every
   merge request.

3. Office
   The Whiteboard photos from the last session are in the wiki under Appendix C. The Cabin
   room is booked for the next review.

Actions
   - {p2:family}: benchmark Kafka Connect against the current uploader.
   - {p3:family}: write the config schema for the receivers.
   - {p4}: ask {c1} for a quote on two more SDR front ends.
""",
        (
            "GNU Radio",
            "SigMF",
            "MinIO",
            "Kafka",
            "Grafana",
            "PostgreSQL",
            "TimescaleDB",
            "Kubernetes",
            "Tel-Aviv",
            "GPT4",
            "Terraform",
            "Whiteboard",
            "Appendix C",
            "Cabin",
            "Kafka Connect",
            "config",
        ),
    ),
    Prose(
        "zentool-sync-manual.txt",
        """ZENTOOL-SYNC(1)                 User Commands                 ZENTOOL-SYNC(1)

NAME
       zentool sync - copy a folder to an object store and keep it in step

SYNOPSIS
       zentool sync SOURCE DEST [--bucket=BUCKET] [--profile=PROFILE]
              [--exclude=PATTERN ...] [--dry-run] [ZENTOOL_GLOBAL_FLAG ...]

DESCRIPTION
       Copies every file under SOURCE to DEST, which is an Amazon S3, MinIO or Backblaze B2
       bucket. Only changed files are sent: the tool compares the ETag and the size, as
       rsync(1) compares times. Credentials come from the profile in ~/.zentool/config,
       or from AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY when no profile is given.

EXAMPLES
       To copy the build folder to the staging bucket, run:

         $ zentool sync ./dist s3://releases-staging --profile=ci

       To see what would change first:

         $ zentool sync ./dist s3://releases-staging --dry-run

REQUIRED FLAGS
       --bucket=BUCKET
              Name of the bucket. BUCKET must exist; the tool never creates one.

GLOBAL FLAGS
       --verbosity=LEVEL
              One of debug, info, warning or error. The default is warning.

EXIT STATUS
       0 when every file was copied, 2 when some were skipped, 3 on a
       ConnectionError or a TimeoutError from the store.

ENVIRONMENT
       ZENTOOL_CONFIG overrides the config path. NO_COLOR turns colours off.

SEE ALSO
       rsync(1), openssl-s_client(1), zentool-restore(1)

AUTHOR
       Written by {p1}. Report bugs to the Storage Tools team.
""",
        (
            "Amazon S3",
            "MinIO",
            "Backblaze B2",
            "ETag",
            "AWS_ACCESS_KEY_ID",
            "ConnectionError",
            "TimeoutError",
            "ZENTOOL_CONFIG",
            "NO_COLOR",
            "REQUIRED FLAGS",
            "GLOBAL FLAGS",
            "EXIT STATUS",
            "Storage Tools",
        ),
    ),
    Prose(
        "oncall-handbook.md",
        """# On-call handbook: Payments Platform

## Who is paged

The Payments Core rota is in PagerDuty; the Checkout Squad uses Opsgenie until the move in
Q3. Primary answers within five minutes, Secondary after fifteen; a Shadow follows along
without the pager. SEV1 and SEV2 incidents open a Slack channel named `inc-<date>-<slug>`
and a Jira ticket in the OPS project (for example OPS-1423).

## First ten minutes

1. Acknowledge the page and post in #payments-oncall.
2. Open the Payments Overview dashboard in Grafana; Loki has the logs, Tempo the traces.
3. If pods show ImagePullBackOff or OOMKilled, check the last Argo CD sync before you
   roll back. A CrashLoopBackOff after a deploy is rolled back first, debugged later.
4. Card declines above 4% for ten minutes: switch the Router to the fallback acquirer
   with `payctl route --acquirer=fallback`, then tell the Merchant Support desk.

## Escalation

Escalate to the Incident Manager on duty (this quarter {p1}) when money moves twice, when
Stripe or Adyen report an outage, or when the Ledger service lags more than 15 minutes.
Vendor tickets for {c1} go through their Partner Portal; the contract number is in
Confluence under Payments > Vendors.

## After the incident

Write the postmortem within two working days in the Confluence template "Incident Review".
Root causes go into the Reliability Backlog; the Architecture Forum reviews SEV1 ones.
""",
        (
            "Payments Core",
            "PagerDuty",
            "Checkout Squad",
            "Opsgenie",
            "Primary",
            "Secondary",
            "Shadow",
            "SEV1",
            "Jira",
            "OPS-1423",
            "Grafana",
            "Loki",
            "Tempo",
            "ImagePullBackOff",
            "OOMKilled",
            "Argo CD",
            "CrashLoopBackOff",
            "Router",
            "Merchant Support",
            "Stripe",
            "Adyen",
            "Ledger",
            "Partner Portal",
            "Confluence",
            "Incident Review",
            "Reliability Backlog",
            "Architecture Forum",
        ),
    ),
    Prose(
        "billing-api-changelog.md",
        """# Changelog: billing-api

## 5.4.0

### Added
- `InvoiceBatch.submit()` sends up to 500 invoices in one call; the old `Invoice.send()`
  loop is no longer needed.
- The Bill to and Ship to blocks of an invoice accept a `TaxRegistration` (VAT, GST, ABN).
- Webhooks for Xero and QuickBooks Online; Sage follows in 5.5.

### Changed
- `BillingAccount.close()` now refuses to close an account with open credit notes and
  raises `AccountNotSettled` instead.
- HEDGE_MODE is on by default: currency amounts are locked when the quote is accepted, and
  the Hedge report in the Finance dashboard shows the locked rates.
- Rounding follows ISO 4217 minor units (JPY has none, KWD has three).

### Deprecated
- `legacy_pdf=True`: the Cabin renderer replaces WeasyPrint in 6.0.

### Fixed
- Salesforce sync no longer duplicates a Contact when its Account changes owner.
- The Whiteboard export (CSV) quotes fields that contain a semicolon.

Thanks to {p1} for the rounding fix and to {p2} for testing against {c1}'s sandbox.
""",
        (
            "InvoiceBatch.submit",
            "Invoice.send",
            "Bill",
            "Ship",
            "TaxRegistration",
            "Xero",
            "QuickBooks Online",
            "Sage",
            "BillingAccount.close",
            "AccountNotSettled",
            "HEDGE_MODE",
            "Hedge",
            "Finance",
            "ISO",
            "JPY",
            "KWD",
            "Cabin",
            "WeasyPrint",
            "Salesforce",
            "Contact",
            "Account",
            "Whiteboard",
        ),
    ),
    Prose(
        "retention-design.docx",
        """Design: data retention for the analytics warehouse

Status: Draft for review by {p1} and {p2:family}
Decision owner: Data Governance Council

1. Context
   The warehouse in Snowflake keeps raw events for ever. Fivetran loads Salesforce,
   Zendesk and HubSpot every hour; dbt builds the Marts layer; Looker and Metabase read
   the Marts. Legal asked for a retention policy before the audit by {c1} in March.

2. Proposal
   Raw tables keep 13 months, then a Snowflake task moves them to cold storage in
   Amazon S3 Glacier. The Marts keep aggregates only. A Legal Hold flag on a table stops every
   deletion; Records Management sets it, never an engineer. PII columns are tagged in the
   dbt schema files (`meta: {pii: true}`) and masked by a Snowflake masking policy for
   every role except DATA_STEWARD.

3. Alternatives
   A. Delete after 13 months (simplest; breaks the yearly Cohort report).
   B. Keep everything, mask PII (the audit would still flag it).
   C. The proposal above.

4. Open questions
   The Whiteboard notes from the workshop in the Cabin room list three: who approves a
   Legal Hold, whether Okta groups or Snowflake roles carry the steward flag, and how the
   Appendix B tables (Finance) are treated under the Sarbanes-Oxley rules.

Appendix A: table inventory
Appendix B: Finance tables and their owners
""",
        (
            "Data Governance Council",
            "Snowflake",
            "Fivetran",
            "Salesforce",
            "Zendesk",
            "HubSpot",
            "Marts",
            "Looker",
            "Metabase",
            "Legal",
            "Amazon S3 Glacier",
            "Legal Hold",
            "Records Management",
            "PII",
            "DATA_STEWARD",
            "Cohort",
            "Whiteboard",
            "Cabin",
            "Okta",
            "Appendix B",
            "Finance",
            "Sarbanes-Oxley",
            "Appendix A",
        ),
    ),
)

#: a person ({p1}, {p2:family}) or company ({c1}) slot in a document's text
SLOT = re.compile(r"\{(?P<kind>[pc])(?P<n>\d)(?::(?P<form>\w+))?\}")
_SENT_START = re.compile(r"(?:^|[.!?:]\s+|\n\s*(?:[-*#|>]+\s*|\d+\.\s+)*)$")
_TERM = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:[._-][A-Za-z0-9]+)*")


def survive_terms(p: Prose) -> list[str]:
    """The traps plus every term that looks like a name to a model: capitalised (not first
    in a sentence or a list item), CamelCase, ALL-CAPS, or dotted/underscored identifiers."""
    out = dict.fromkeys(p.traps)
    text = SLOT.sub("", p.text)
    for m in _TERM.finditer(text):
        w = m.group(0)
        looks = w[0].isupper() or any(c.isupper() for c in w[1:]) or re.search(r"[._]", w)
        if not looks or len(w) < 3:
            continue
        if w[0].isupper() and w[1:].islower() and _SENT_START.search(text[: m.start()]):
            continue  # an ordinary word that starts a sentence
        out.setdefault(w)
    return list(out)


#: the professional prose of many occupations, licence headers and protocol texts (prose_work)
DOCS = DOCS + tuple(Prose(name, text, tuple(traps.split("; "))) for name, text, traps in WORK_DOCS)
#: more occupations: engineering, tax, logistics, HR, cloud, audit, pharma... (prose_more)
DOCS = DOCS + tuple(Prose(name, text, tuple(traps.split("; "))) for name, text, traps in MORE_DOCS)
