"""More technical and professional prose for the independent slice (issue 18, precision).

The kinds of text contractors of many occupations upload, written here from general
knowledge: licence and copyright headers of public software, NOTICE files, protocol
descriptions that spell out their acronyms, changelogs and release notes that name products,
configuration guides, API references, a post-mortem, and the professional prose of
statisticians, accountants, lawyers, nurses and laboratory staff (methods named after their
authors: Kaplan-Meier, Cox, Bonferroni, Black-Scholes, Glasgow). No real people: the only
people are the slots (`{p1}`, `{p2:family}`, `{c1}`, as in prose.py), which must be found.

Each entry is (file name, text, traps separated by "; "); prose.py makes them `Prose`
documents. Over 500
lines because it is data.
"""

from __future__ import annotations

WORK_DOCS: tuple[tuple[str, str, str], ...] = (
    (
        "mysql_compat.c",
        """/*
   Copyright (c) 2000, 2019, Oracle and/or its affiliates. All rights reserved.
   Copyright (c) 2019 MySQL AB

   This program is free software; you can redistribute it and/or modify
   it under the terms of the GNU General Public License, version 2.0,
   as published by the Free Software Foundation.

   This program is distributed in the hope that it will be useful,
   but WITHOUT ANY WARRANTY; without even the implied warranty of
   MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the
   GNU General Public License, version 2.0, for more details.
*/

/* Compatibility shim: lets the exporter link against MySQL 5.7 and MariaDB 10.6 client
   libraries. mysql_real_connect() is called with CLIENT_MULTI_STATEMENTS so that the
   schema dump can run several statements in one round trip. */

#include <mysql.h>
#include <stdio.h>

MYSQL *compat_connect(const char *host, const char *user, const char *pw, const char *db)
{
    MYSQL *conn = mysql_init(NULL);
    if (conn == NULL)
        return NULL;
    /* MariaDB Connector/C reads the [client] group of my.cnf as libmysqlclient does */
    mysql_options(conn, MYSQL_READ_DEFAULT_GROUP, "client");
    if (!mysql_real_connect(conn, host, user, pw, db, 3306, NULL, CLIENT_MULTI_STATEMENTS)) {
        fprintf(stderr, "mysql: %s\\n", mysql_error(conn));
        mysql_close(conn);
        return NULL;
    }
    return conn;
}
""",
        (
            "Oracle; MySQL AB; MySQL; GNU General Public License; Free Software Foundation; MariaDB; "
            "Connector/C; CLIENT_MULTI_STATEMENTS; MERCHANTABILITY"
        ),
    ),
    (
        "NOTICE.txt",
        """Apache Kafka
Copyright 2024 The Apache Software Foundation.

This product includes software developed at
The Apache Software Foundation (https://www.apache.org/).

This distribution has a binary dependency on jersey, which is available under the CDDL
License. The source code of jersey can be found at https://github.com/jersey/jersey/.

This distribution has a binary test dependency on jqwik, which is available under
the Eclipse Public License 2.0.

The streams-scala (streams/streams-scala) module was donated by Lightbend and the original
code was copyrighted by them:
Copyright (C) 2018 Lightbend Inc. <https://www.lightbend.com>
Copyright (C) 2017-2018 Alexis Seigneurin.

This project contains the following code copied from Apache Hadoop:
clients/src/main/java/org/apache/kafka/common/utils/PureJavaCrc32C.java
Some portions of this file Copyright (c) 2004-2006 Intel Corporation and licensed under
the BSD license.

Third-party components bundled in the Docker image:
  - zstd-jni: Copyright (c) 2015-present, Luben Karavelov / Facebook, Inc.
  - snappy-java: Copyright 2011 Taro L. Saito, licensed under the Apache License 2.0
  - RocksDB: Copyright (c) Meta Platforms, Inc. and affiliates.
  - OpenJDK runtime: © Oracle Corporation and/or its affiliates, GPLv2 with the
    Classpath Exception.
""",
        (
            "Apache Kafka; The Apache Software Foundation; CDDL; Eclipse Public License; Lightbend; "
            "Lightbend Inc.; Apache Hadoop; PureJavaCrc32C.java; Intel Corporation; BSD; Docker; Meta "
            "Platforms; RocksDB; OpenJDK; Oracle Corporation; Classpath Exception"
        ),
    ),
    (
        "ocsp-stapling.md",
        """# OCSP stapling on the edge proxies

## 1. Terminology

The Online Certificate Status Protocol (OCSP) lets a client ask the Certificate Authority
(CA) whether a certificate has been revoked, instead of downloading the whole Certificate
Revocation List (CRL). With stapling, the server fetches the OCSP response itself and sends
it in the Transport Layer Security (TLS) handshake, in the CertificateStatus message (TLS
1.2) or in the status_request extension of the Certificate message (TLS 1.3).

Responses are encoded with the Distinguished Encoding Rules (DER) of Abstract Syntax
Notation One (ASN.1) and signed by the CA or by a Delegated Responder. The key words MUST,
SHOULD and MAY are to be read as described in Best Current Practice 14 (BCP 14).

## 2. Behaviour of the proxy

The proxy MUST refresh a stapled response when half of its validity has passed. It SHOULD
keep the previous response while a refresh fails, and MAY serve without a staple after the
nextUpdate time. Certificates with the OCSP Must-Staple extension (Feature Flag 5, the TLS
Feature extension of RFC 7633) are never served without a staple.

## 3. Configuration

    ssl_stapling on;
    ssl_stapling_verify on;
    resolver 10.0.0.2 valid=300s;

HAProxy reads the response from a `.ocsp` file next to the certificate; Envoy takes it from
the `ocsp_staple` field of the TlsCertificate. Server Name Indication (SNI) picks the
certificate, and with it the staple, per virtual host.

## 4. Monitoring

The exporter publishes `ocsp_staple_age_seconds`; the Alertmanager rule OCSPStapleStale
fires above 80% of the validity period. Let's Encrypt responses are valid for seven days.
""",
        (
            "Online Certificate Status Protocol; OCSP; Certificate Authority; CRL; Transport Layer "
            "Security; TLS; CertificateStatus; Distinguished Encoding Rules; ASN.1; Delegated "
            "Responder; Best Current Practice; Must-Staple; HAProxy; Envoy; TlsCertificate; Server "
            "Name Indication; SNI; Alertmanager; OCSPStapleStale; Let's Encrypt"
        ),
    ),
    (
        "grafana-upgrade-runbook.txt",
        """RUNBOOK: upgrading the monitoring stack (Grafana 10 to 11)

Before you start
  Read the Grafana 11 breaking changes: AngularJS panels no longer load, and legacy
  alerting is gone (Unified Alerting is the only alerting). Export every dashboard with
  grafana-backup and keep the Loki and Tempo data sources as they are.

Steps
  1. Freeze changes: announce in the #observability channel and set the Maintenance banner
     in Grafana (Administration > General > Default preferences).
  2. Upgrade the Helm release: helm upgrade grafana grafana/grafana --version 8.5.1 -f values.yaml
  3. Check the logs for "plugin not found". The Worldmap panel and the Singlestat panel
     must be replaced by Geomap and Stat; the migration assistant does this for most boards.
  4. Verify that Prometheus, Loki, Tempo and Pyroscope answer in Connections > Data sources.
  5. Run the smoke test: open Kubernetes / Compute Resources / Cluster and Node Exporter Full.

Rollback
  helm rollback grafana 41. The SQLite database is restored from the snapshot taken by
  Velero before step 2; with PostgreSQL as the backend, restore with pg_restore instead.

Known issues
  The Thanos Querier data source times out after 30s; raise the timeout to 120s. OnCall
  integrations keep working; Incident and Synthetic Monitoring need the Grafana Cloud plugin.
""",
        (
            "Grafana; AngularJS; Unified Alerting; Loki; Tempo; Maintenance; Administration; Helm; "
            "Worldmap; Singlestat; Geomap; Stat; Prometheus; Pyroscope; Connections; Kubernetes; Node "
            "Exporter Full; SQLite; Velero; PostgreSQL; Thanos Querier; OnCall; Synthetic Monitoring; "
            "Grafana Cloud"
        ),
    ),
    (
        "kafka-3.8-upgrade-notes.md",
        """# Upgrade notes: Kafka 3.8 on the event platform

## What changes for us

- **KRaft only.** The last ZooKeeper ensemble goes away; the controllers run as a separate
  quorum of three. KIP-853 makes the quorum membership dynamic.
- **Tiered Storage** (KIP-405) is production ready: old segments of the `audit.*` topics
  move to S3 and local retention drops to 24 hours.
- **Consumer rebalance protocol** (KIP-848) is in preview. We keep the classic protocol
  until Kafka 4.0; do not set `group.protocol=consumer` on the Flink jobs yet.
- MirrorMaker 2 replicates to the disaster recovery cluster in Frankfurt; its
  checkpoint connector now syncs offsets every 10 seconds.

## Clients

| client | minimum version | notes |
|---|---|---|
| librdkafka | 2.4.0 | used by the Go and Python services through confluent-kafka |
| Kafka Streams | 3.8.0 | state stores in RocksDB, standby replicas on |
| Spring Kafka | 3.2 | the billing services |
| Debezium | 2.7 | PostgreSQL and SQL Server connectors |

## Checks after the rolling restart

Cruise Control must show no under-replicated partitions; the Burrow lag exporter feeds the
Consumer Lag dashboard in Grafana. Schema Registry and Kafka Connect restart last.
""",
        (
            "Kafka; KRaft; ZooKeeper; KIP-853; Tiered Storage; KIP-405; KIP-848; Flink; MirrorMaker; "
            "Frankfurt; Kafka Streams; RocksDB; Spring Kafka; Debezium; PostgreSQL; SQL Server; "
            "Cruise Control; Burrow; Consumer Lag; Grafana; Schema Registry; Kafka Connect"
        ),
    ),
    (
        "gr-spectrum-changelog.txt",
        """gr-spectrum: ChangeLog

v2.3.0
  * Ported to GNU Radio 3.10: the Python blocks use the new pmt bindings and the CMake
    files call GR_PYTHON_INSTALL instead of the removed GR_SWIG macros.
  * New block "Waterfall Recorder" writes SigMF recordings (data and meta files) that
    Inspectrum and Universal Radio Hacker can open.
  * The QT GUI Frequency Sink in the example flowgraphs is replaced by the QT GUI Time
    Raster Sink; GRC files were re-saved with GNU Radio Companion 3.10.9.
  * VOLK kernels are used for the magnitude squared step (volk_32fc_magnitude_squared_32f).

v2.2.1
  * Fixed: the UHD source lost its gain setting after a retune on the USRP B210.
  * Fixed: HackRF One and the Airspy Mini are detected through gr-osmosdr again.
  * Documentation: the Doxygen pages build on Ubuntu 24.04 and on Fedora 40.

v2.2.0
  * Added the Fast Fourier Transform (FFT) size option to the Channel Power block.
  * Soapy devices (SoapySDR, SoapyRTLSDR, SoapyPlutoSDR) can be selected by driver name.
  * Dropped Python 2 support; requires NumPy 1.22 or later.
""",
        (
            "GNU Radio; CMake; GR_PYTHON_INSTALL; GR_SWIG; Waterfall Recorder; SigMF; Inspectrum; "
            "Universal Radio Hacker; QT GUI Frequency Sink; GRC; GNU Radio Companion; VOLK; UHD; "
            "USRP; HackRF One; Airspy Mini; Doxygen; Ubuntu; Fedora; Fast Fourier Transform; Channel "
            "Power; SoapySDR; NumPy"
        ),
    ),
    (
        "postgresql-tuning-guide.md",
        """# PostgreSQL configuration guide for the reporting cluster

The cluster runs PostgreSQL 16 on three nodes managed by Patroni, with etcd as the
distributed configuration store and PgBouncer in transaction mode in front of it. Backups
are taken by pgBackRest to object storage; WAL-G is no longer used.

## Memory

Set `shared_buffers` to 25% of the RAM and `effective_cache_size` to 70%. The reports
sort large result sets, so `work_mem` is 64MB for the reporting role only:

    ALTER ROLE reporting SET work_mem = '64MB';

`maintenance_work_mem` is 2GB so that VACUUM and CREATE INDEX finish inside the nightly
window.

## Write-ahead log

`wal_level = logical` is required by the Debezium slot. Keep `max_slot_wal_keep_size` at
50GB: a stuck replication slot must not fill the disk. `checkpoint_timeout` is 15min.

## Extensions

pg_stat_statements, pg_partman (monthly partitions of the events table), PostGIS for the
depot locations, and TimescaleDB on the metrics database only. Do not install pg_cron on
the replicas.

## Monitoring

The postgres_exporter feeds the PostgreSQL Overview dashboard; pgBadger reports on the
slow query log every morning. Autovacuum workers are raised to 6 when the Bloat panel
shows more than 20% dead tuples.
""",
        (
            "PostgreSQL; Patroni; PgBouncer; pgBackRest; WAL-G; VACUUM; CREATE INDEX; Debezium; "
            "pg_stat_statements; pg_partman; PostGIS; TimescaleDB; pg_cron; postgres_exporter; "
            "PostgreSQL Overview; pgBadger; Autovacuum; Bloat"
        ),
    ),
    (
        "postmortem-dns-outage.md",
        """# Post-mortem: internal DNS outage, 14 March

Severity: SEV2 · Duration: 47 minutes · Incident commander: {p1}

## Summary

A change to the CoreDNS ConfigMap removed the forward block for the corp zone. Pods could
no longer resolve the internal names of the Vault and Artifactory services; deployments
failed with ImagePullBackOff and the Jenkins agents stopped. External traffic through
Cloudflare and Route 53 was not affected.

## Timeline (UTC)

- 09:12 The change is merged and Argo CD syncs it to the three clusters.
- 09:19 The Blackbox Exporter probes fail; PagerDuty pages the platform on-call.
- 09:31 {p2} finds the diff in the ConfigMap and reverts it.
- 09:59 NodeLocal DNSCache entries expire; all checks are green.

## Root cause

The Kustomize overlay for staging and the one for production share a base; the patch
was meant for staging only. The admission policy (Kyverno) validated the syntax but not
the content of the Corefile.

## Actions

1. Add a conftest rule that rejects a Corefile without the corp forward block.
2. Canary DNS changes on one cluster first ({p2:family} owns this).
3. Ask {c1}, who supply the managed Kubernetes support, to review the NodeLocal DNSCache
   settings.
""",
        (
            "SEV2; CoreDNS; ConfigMap; Vault; Artifactory; ImagePullBackOff; Jenkins; Cloudflare; "
            "Route 53; Argo CD; Blackbox Exporter; PagerDuty; NodeLocal DNSCache; Kustomize; Kyverno; "
            "Corefile; Kubernetes"
        ),
    ),
    (
        "refunds-api-reference.md",
        """# Refunds API (v2)

## POST /v2/refunds

Creates a refund for a captured payment. Send an `Idempotency-Key` header: a retry with
the same key returns the first response instead of refunding twice.

| field | type | required | meaning |
|---|---|---|---|
| payment_id | string | yes | the captured payment, e.g. `pay_8XkQ2` |
| amount | integer | no | minor units; the whole payment when absent |
| reason | enum | no | `duplicate`, `fraudulent`, `requested_by_customer` |
| metadata | object | no | up to 20 keys, echoed in the RefundCreated webhook |

### Responses

- `201 Created`: the Refund object, status `pending`.
- `409 Conflict`: the Idempotency-Key was used with a different body.
- `422 Unprocessable Entity`: the amount exceeds what is left to refund.

## Strong Customer Authentication

Refunds need no Strong Customer Authentication (SCA) under the second Payment Services
Directive (PSD2), but a refund to a different card than the one charged is refused with
`refund_target_mismatch`. Card networks (Visa, Mastercard, American Express) settle a
refund in 5 to 10 business days; SEPA Direct Debit refunds go back through the Single Euro
Payments Area (SEPA) scheme and take up to 3 days.

## Webhooks

RefundCreated, RefundSucceeded and RefundFailed are signed with HMAC-SHA256; verify the
`Signature` header with the endpoint secret before trusting the body. The Sandbox sends the
same events with test card numbers only.
""",
        (
            "Idempotency-Key; RefundCreated; Created; Refund; Conflict; Unprocessable Entity; Strong "
            "Customer Authentication; SCA; Payment Services; PSD2; Visa; Mastercard; American "
            "Express; SEPA Direct Debit; Single Euro; RefundSucceeded; RefundFailed; HMAC-SHA256; "
            "Signature; Sandbox"
        ),
    ),
    (
        "statistical-analysis-plan.docx",
        """Statistical analysis plan: readmission after elective hip replacement

1. Objectives. The primary endpoint is unplanned readmission within 90 days. Secondary
endpoints are length of stay, the Oxford Hip Score at six months and all-cause mortality.

2. Analysis sets. The Intention-to-Treat (ITT) set includes every randomised patient; the
Per-Protocol (PP) set excludes major protocol deviations as defined in Appendix C.

3. Methods. Time to readmission is shown with Kaplan-Meier curves and compared with the
log-rank test. Hazard ratios come from a Cox proportional hazards model adjusted for age,
sex, the American Society of Anesthesiologists (ASA) grade and the Charlson Comorbidity
Index; the proportional hazards assumption is checked with Schoenfeld residuals.
Length of stay is compared with the Mann-Whitney U test, and the Oxford Hip Score with a
linear mixed model (random intercept per hospital).

4. Multiplicity. The three secondary endpoints are tested with a Bonferroni correction
(alpha 0.0167 each); the Benjamini-Hochberg procedure is reported as a sensitivity analysis.

5. Missing data. Missing Oxford scores are imputed by Multiple Imputation by Chained
Equations (MICE), 20 imputations, combined with Rubin's rules.

6. Software. Analyses run in R 4.3 (packages survival, lme4 and mice) and are checked
independently in SAS 9.4 (PROC PHREG, PROC MIXED). Tables follow the CONSORT statement.
""",
        (
            "Oxford Hip Score; Intention-to-Treat; ITT; Per-Protocol; Appendix C; Kaplan-Meier; Cox; "
            "American Society of Anesthesiologists; ASA; Schoenfeld; Mann-Whitney; Bonferroni; "
            "Benjamini-Hochberg; Multiple Imputation; MICE; Rubin; SAS; PROC PHREG; CONSORT"
        ),
    ),
    (
        "revenue-recognition-memo.docx",
        """Technical accounting memo: revenue from multi-year software subscriptions

Prepared for the audit committee of {c1} · Reviewer: {p1}

1. Issue. The group sells three-year subscriptions billed annually in advance, with
implementation services and a hardware appliance. The question is how to allocate the
transaction price and when to recognise each part under IFRS 15 (Revenue from Contracts
with Customers) and, for the US subsidiary, ASC 606.

2. Performance obligations. The software licence, the hosting and the support form one
series of distinct services satisfied over time. The appliance is a separate obligation
satisfied at delivery. Implementation is not distinct when the customer cannot benefit
from the Software as a Service (SaaS) without it.

3. Allocation. The transaction price is allocated on relative Stand-Alone Selling Prices
(SSP); the appliance's SSP is observable, the subscription's is estimated by the Adjusted
Market Assessment approach. A significant financing component is not recognised because
the period between payment and performance is under one year.

4. Presentation. Amounts billed in advance sit in Deferred Revenue (a contract liability);
the capitalised sales commissions are Contract Assets amortised over the expected
customer life. The Trial Balance mapping in SAP S/4HANA and the NetSuite subledger use the
same accounts from the next quarter.

5. Conclusion. The approach agrees with the Generally Accepted Accounting Principles
(GAAP) of both frameworks; the auditors will test it under the Public Company Accounting
Oversight Board (PCAOB) standards.
""",
        (
            "IFRS; Revenue from Contracts; Customers; ASC; Software; SaaS; Stand-Alone Selling "
            "Prices; SSP; Deferred Revenue; Contract Assets; Trial Balance; SAP S/4HANA; NetSuite; "
            "Generally Accepted Accounting Principles; GAAP; Public Company Accounting; PCAOB"
        ),
    ),
    (
        "contract-clauses-guide.md",
        """# Guide to the standard clauses of our supply agreements

This guide explains the boilerplate of the Master Services Agreement (MSA) for the
commercial team. It is no legal advice; ask Legal before changing a clause.

## Limitation of Liability

Each party's liability is capped at the fees paid in the twelve months before the claim.
The cap does not apply to breach of confidentiality, to the indemnities, or to death or
personal injury caused by negligence, which English law does not allow to be excluded.

## Force Majeure

A party is excused while an event beyond its reasonable control lasts (war, epidemic,
strikes of third parties, failure of the public grid). After 90 days either party may
terminate. Under the Uniform Commercial Code (UCC) the US affiliates rely on Section 2-615
(commercial impracticability) as well.

## Governing Law and Jurisdiction

England and Wales, with the courts of London; disputes over EUR 5 million go to
arbitration under the rules of the London Court of International Arbitration (LCIA),
seat London, language English.

## Data protection

Where the supplier processes personal data, the Data Processing Agreement (DPA) in
Schedule 4 applies, with the Standard Contractual Clauses (SCCs) of the European
Commission for transfers outside the European Economic Area (EEA), and the UK Addendum
issued by the Information Commissioner's Office (ICO). The General Data Protection
Regulation (GDPR) prevails over the MSA where they conflict.

## Assignment

Neither party may assign the agreement without consent, except to an Affiliate in a
solvent reorganisation. Change of Control is notified within 30 days.
""",
        (
            "Master Services Agreement; MSA; Legal; Limitation of Liability; Force Majeure; Uniform "
            "Commercial Code; UCC; Section; Governing Law; Jurisdiction; England; Wales; London; "
            "London Court of International Arbitration; LCIA; Data Processing Agreement; DPA; "
            "Schedule; Standard Contractual Clauses; European Economic Area; Information "
            "Commissioner; GDPR; Affiliate; Change of Control"
        ),
    ),
    (
        "sepsis-nursing-protocol.pdf",
        """Nursing protocol: recognition and first hour of sepsis on the adult wards

Scope. Adult inpatients outside the Intensive Care Unit (ICU) and the Emergency Department.

Screening. Calculate the National Early Warning Score (NEWS2) at every set of observations.
A score of 5 or more, or 3 in a single parameter, triggers the sepsis screen. Use the quick
Sequential Organ Failure Assessment (qSOFA) as a second look: respiratory rate of 22 or
more, altered mentation (Glasgow Coma Scale below 15) and systolic blood pressure of 100
mmHg or less.

First hour (the Sepsis Six). Give oxygen to keep saturation at 94 to 98% (88 to 92% in
Chronic Obstructive Pulmonary Disease, COPD); take blood cultures before antibiotics; give
intravenous antibiotics as the Trust antimicrobial guideline says; give a fluid bolus of
500 ml crystalloid when the Mean Arterial Pressure (MAP) is below 65 mmHg; measure serum
lactate; start a fluid balance chart and a urine output of at least 0.5 ml/kg/h.

Escalation. Call the Critical Care Outreach Team for a lactate above 4 mmol/L or a MAP
that stays low after 30 ml/kg of fluid. Document the time of each step in Epic (the
Sepsis BestPractice Advisory opens the order set).

References. Surviving Sepsis Campaign guidelines 2021; Royal College of Physicians, NEWS2
chart; NICE guideline NG51.
""",
        (
            "Intensive Care Unit; ICU; Emergency Department; National Early Warning Score; NEWS2; "
            "Sequential Organ Failure Assessment; qSOFA; Glasgow Coma Scale; Sepsis Six; Chronic "
            "Obstructive Pulmonary Disease; COPD; Trust; Mean Arterial Pressure; MAP; Critical Care "
            "Outreach Team; Epic; BestPractice Advisory; Surviving Sepsis Campaign; Royal College of "
            "Physicians; NICE; NG51"
        ),
    ),
    (
        "vat-cross-border-guide.txt",
        """VAT on cross-border sales: a guide for the finance team

1. Goods to business customers in the EU
   Intra-community supplies are zero rated when the customer's VAT number is valid in the
   VAT Information Exchange System (VIES). Keep the VIES consultation number with the
   invoice, and report the supply in the EC Sales List.

2. Services to business customers
   The reverse charge applies: the invoice shows no VAT and the words "Reverse charge,
   Article 196 of Council Directive 2006/112/EC". The customer accounts for the VAT.

3. Sales to consumers
   Distance sales above EUR 10,000 a year are taxed where the consumer lives. We declare
   them through the One-Stop Shop (OSS) in Ireland; imports of low-value goods go through
   the Import One-Stop Shop (IOSS).

4. United Kingdom
   Since Brexit, goods to Great Britain are exports; Northern Ireland follows the EU rules
   for goods under the Windsor Framework. Returns are filed under Making Tax Digital (MTD)
   from Xero; HM Revenue and Customs (HMRC) matches them with the Customs Declaration
   Service.

5. Records
   The ledger in Sage Intacct tags each line with its tax code (ZR, RC, OSS, EX). The
   Intrastat threshold is checked every month by the Controller.
""",
        (
            "VAT; VAT Information Exchange System; VIES; EC Sales List; Reverse; Article; Council "
            "Directive; One-Stop Shop; OSS; Ireland; Import One-Stop Shop; IOSS; United Kingdom; "
            "Brexit; Great Britain; Northern Ireland; Windsor Framework; Making Tax Digital; MTD; "
            "Xero; HM Revenue; HMRC; Sage Intacct; Intrastat; Controller"
        ),
    ),
    (
        "terraform-network-module.md",
        """# terraform-aws-network

A Terraform module that builds the Virtual Private Cloud (VPC) of one environment: three
Availability Zones, public and private subnets, one NAT Gateway per zone and VPC Flow Logs
to CloudWatch Logs.

## Usage

```hcl
module "network" {
  source      = "git::https://git.example.internal/platform/terraform-aws-network.git?ref=v4.1.0"
  cidr_block  = "10.40.0.0/16"
  environment = "staging"
  enable_ipv6 = true
}
```

## Requirements

| name | version |
|---|---|
| Terraform | >= 1.6 |
| hashicorp/aws | ~> 5.40 |

OpenTofu 1.7 works as well. State lives in S3 with a DynamoDB lock table; the Key
Management Service (KMS) key of the account encrypts both.

## Permissions

The pipeline role needs the Identity and Access Management (IAM) policy in `iam/plan.json`
for `terraform plan` and `iam/apply.json` for apply. Atlantis posts the plan on the merge
request; Checkov and tflint run before it.

## Outputs

`vpc_id`, `private_subnet_ids`, `public_subnet_ids`, `nat_public_ips`. The Transit Gateway
attachment is in the separate module terraform-aws-tgw.
""",
        (
            "Terraform; Virtual Private Cloud; VPC; Availability Zones; NAT Gateway; VPC Flow Logs; "
            "CloudWatch Logs; OpenTofu; DynamoDB; KMS; Identity and Access Management; IAM; Atlantis; "
            "Checkov; Transit Gateway"
        ),
    ),
    (
        "ApiClient.java",
        """/*
 * Licensed to the Apache Software Foundation (ASF) under one or more
 * contributor license agreements.  See the NOTICE file distributed with
 * this work for additional information regarding copyright ownership.
 * The ASF licenses this file to You under the Apache License, Version 2.0
 * (the "License"); you may not use this file except in compliance with
 * the License.  You may obtain a copy of the License at
 *
 *      http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 */
package org.example.catalog.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.time.Duration;

/**
 * Thin client for the Catalog service. Retries with Resilience4j, serialises with Jackson
 * and reports latency to Micrometer; Spring Boot wires it through CatalogClientConfig.
 */
public final class ApiClient {
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final ObjectMapper mapper = new ObjectMapper();

    /** Calls GET /products/{sku}; a 404 becomes Optional.empty(), as Hibernate would. */
    public java.util.Optional<Product> product(String sku) {
        return RetryPolicy.standard().call(() -> fetch(sku));
    }
}
""",
        (
            "Apache Software Foundation; ASF; NOTICE; Apache License; License; WITHOUT WARRANTIES; "
            "ObjectMapper; HttpClient; Catalog; Resilience4j; Jackson; Micrometer; Spring Boot; "
            "CatalogClientConfig; ApiClient; Optional.empty; Hibernate; RetryPolicy.standard"
        ),
    ),
    (
        "pcr-lab-sop.md",
        """# Standard Operating Procedure (SOP): RNA extraction and RT-qPCR

Document LAB-SOP-014, version 6 · Approved by the Quality Assurance (QA) unit

## 1. Purpose

Extraction of total RNA from nasopharyngeal swabs and detection by Reverse Transcription
quantitative Polymerase Chain Reaction (RT-qPCR), under Good Laboratory Practice (GLP).

## 2. Equipment

- Class II Biological Safety Cabinet, certified every year
- QIAcube Connect with the QIAamp Viral RNA Mini Kit (QIAGEN)
- Applied Biosystems QuantStudio 5 (Thermo Fisher Scientific)
- Eppendorf centrifuge 5424 R, set to 4 degrees

## 3. Procedure

1. Log each sample in the Laboratory Information Management System (LIMS); print the
   barcode labels from the Accession screen.
2. Add 140 µl of sample to 560 µl of Buffer AVL with carrier RNA; incubate 10 minutes.
3. Run the QIAcube protocol "Viral RNA, Spin"; elute in 60 µl of Buffer AVE.
4. Set up the master mix with TaqPath 1-Step reagents: the MS2 phage is the internal
   control; the no-template control (NTC) must stay negative.
5. Cycle threshold (Ct) values above 37 are reported as "not detected".

## 4. Waste

Liquid waste is inactivated with Virkon before disposal. Follow the Control of Substances
Hazardous to Health (COSHH) assessment for the guanidine salts in Buffer AVL.
""",
        (
            "Standard Operating Procedure; SOP; LAB-SOP-014; Quality Assurance; RNA; Reverse "
            "Transcription; Polymerase Chain Reaction; RT-qPCR; Good Laboratory Practice; GLP; "
            "Biological Safety Cabinet; QIAcube Connect; QIAamp Viral RNA Mini Kit; QIAGEN; Applied "
            "Biosystems; QuantStudio; Thermo Fisher Scientific; Eppendorf; Laboratory Information "
            "Management System; LIMS; Accession; Buffer AVL; TaqPath; Virkon; COSHH"
        ),
    ),
    (
        "market-risk-methodology.md",
        """# Market risk methodology (trading book)

## Measures

Daily Value at Risk (VaR) is computed by historical simulation over 500 business days at
99% confidence, and scaled to ten days with the square-root-of-time rule for the
regulatory figure. Expected Shortfall (ES) at 97.5% replaces VaR for the internal models
approach under the Fundamental Review of the Trading Book (FRTB). Stressed VaR uses the
twelve months from September 2008.

## Pricing

Equity options are priced with Black-Scholes for the vanilla book and a Heston stochastic
volatility model for the barriers; the path-dependent ones use Monte Carlo with 100,000
paths and Sobol sequences. Interest rate swaps are discounted on the Secured Overnight
Financing Rate (SOFR) and the Euro Short-Term Rate (ESTR) curves.

## Data

Market data come from Bloomberg and Refinitiv Eikon through the Murex market data
server; gaps are filled by the Brownian bridge method and flagged in the Data Quality
report.

## Backtesting and capital

Backtesting counts exceptions over 250 days (the Basel traffic light: green up to four).
The Liquidity Coverage Ratio (LCR) and the Net Stable Funding Ratio (NSFR) are reported
by Treasury, not by Market Risk. The model was last validated by Model Risk Management in
the second quarter, against the guidance of the Prudential Regulation Authority (PRA).
""",
        (
            "Value at Risk; VaR; Expected Shortfall; Fundamental Review; Trading Book; FRTB; Stressed "
            "VaR; September; Black-Scholes; Heston; Monte Carlo; Sobol; Secured Overnight; SOFR; Euro "
            "Short-Term Rate; ESTR; Bloomberg; Refinitiv Eikon; Murex; Brownian; Data Quality; Basel; "
            "Liquidity Coverage Ratio; LCR; NSFR; Treasury; Market Risk; Model Risk Management; "
            "Prudential Regulation Authority; PRA"
        ),
    ),
    (
        "slo-policy.md",
        """# Service Level Objective (SLO) policy

## Definitions

A Service Level Indicator (SLI) is a measured ratio of good events to all events, for
example the share of checkout requests served in under 400 ms. A Service Level Objective
is the target for an SLI over a 28-day window. The Error Budget is what the SLO leaves:
at 99.9% availability, 40 minutes a month.

## Burn-rate alerts

Alerts fire on the burn rate, not on the raw error rate, following the multiwindow
approach of the Google SRE Workbook: a fast burn (14.4 times over one hour and five
minutes) pages the on-call; a slow burn (6 times over six hours) opens a ticket. The
rules are generated by Sloth from the YAML specs in `slo/` and evaluated by Prometheus;
Datadog monitors mirror them for the services that report through the Datadog Agent.

## When the budget is spent

Feature releases stop until the budget recovers, except fixes that improve reliability.
The Release Manager can grant one exception a quarter. The Reliability Review every Friday
looks at the Honeycomb traces and the OpenTelemetry Collector metrics of the services in
the red.

## Ownership

Each SLO has an owning team in Backstage (the `spec.owner` of the component). SLOs are
reviewed twice a year by the Architecture Council.
""",
        (
            "Service Level Objective; SLO; Service Level Indicator; SLI; Error Budget; Google SRE "
            "Workbook; Sloth; YAML; Prometheus; Datadog; Datadog Agent; Release Manager; Reliability "
            "Review; Friday; Honeycomb; OpenTelemetry Collector; Backstage; Architecture Council"
        ),
    ),
    (
        "django-upgrade-notes.rst",
        """Upgrading the portal to Django 5.1
==================================

Before the upgrade
------------------

* Run the test suite with ``-W error::DeprecationWarning``: every RemovedInDjango51Warning
  must be gone.
* Celery 5.4 and django-celery-beat 2.7 support Django 5.1; Channels needs 4.1.
* Psycopg 3 replaces psycopg2; set ``"OPTIONS": {"pool": True}`` to use the connection
  pool of Psycopg instead of PgBouncer for the workers.

What changes
------------

``LoginRequiredMiddleware`` makes every view require a login; views that must stay public
get the ``login_not_required`` decorator (the health check and the Webhook receiver).
The Cross-Site Request Forgery (CSRF) failure view is unchanged. ``{% querystring %}``
replaces our own template tag in the Paginator templates.

Storage settings moved to ``STORAGES`` in 4.2 already; ``DEFAULT_FILE_STORAGE`` is gone.
The S3 backend of django-storages reads ``AWS_S3_REGION_NAME`` from the OPTIONS dict.

After the upgrade
-----------------

Run ``manage.py migrate`` and check the Sentry release for new errors; the Admin's
changelist filters look different because of the facet counts (``show_facets``).
""",
        (
            "Django; DeprecationWarning; RemovedInDjango51Warning; Celery; Channels; Psycopg; "
            "PgBouncer; LoginRequiredMiddleware; Webhook; Cross-Site Request Forgery; CSRF; "
            "Paginator; STORAGES; DEFAULT_FILE_STORAGE; AWS_S3_REGION_NAME; OPTIONS; Sentry; Admin"
        ),
    ),
    (
        "tls_config.go",
        """// Copyright 2009 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Modifications Copyright 2024 Google LLC, under the Apache License, Version 2.0.

// Package tlsconfig builds the *tls.Config of the edge services: TLS 1.3 only for the
// public listeners, the Mozilla Intermediate cipher list for the internal ones, and
// certificates from cert-manager through the Kubernetes Secret watcher.
package tlsconfig

import (
	"crypto/tls"
	"crypto/x509"
	"os"
)

// Server returns the configuration for a public listener. GetCertificate picks the
// certificate by Server Name Indication; the Online Certificate Status Protocol (OCSP)
// response is stapled when the issuer provides one.
func Server(pool *x509.CertPool) *tls.Config {
	return &tls.Config{
		MinVersion:       tls.VersionTLS13,
		ClientCAs:        pool,
		ClientAuth:       tls.VerifyClientCertIfGiven,
		CurvePreferences: []tls.CurveID{tls.X25519, tls.CurveP256},
		GetCertificate:   watcher.GetCertificate,
	}
}

// KeyLogWriter writes the NSS key log format for Wireshark when SSLKEYLOGFILE is set.
func KeyLogWriter() *os.File { return openKeyLog(os.Getenv("SSLKEYLOGFILE")) }
""",
        (
            "The Go Authors; BSD-style; LICENSE; Google LLC; Apache License; Mozilla Intermediate; "
            "Kubernetes Secret; GetCertificate; Server Name Indication; Online Certificate Status "
            "Protocol; OCSP; VersionTLS13; KeyLogWriter; NSS; Wireshark; SSLKEYLOGFILE"
        ),
    ),
    (
        "LICENSE-THIRD-PARTY.md",
        """# Third-party software in the desktop client

The installer bundles the components below. Their licences are reproduced in
`licenses/`; none of them requires the source of the client to be published.

| component | version | licence | copyright |
|---|---|---|---|
| Electron | 31.2 | MIT | Copyright (c) Electron contributors; Copyright (c) 2013-2020 GitHub Inc. |
| Chromium | 126 | BSD-3-Clause | Copyright 2015 The Chromium Authors |
| Node.js | 20.15 | MIT | Copyright Node.js contributors. All rights reserved. |
| SQLite | 3.46 | Public Domain | (no copyright: dedicated to the public domain) |
| OpenSSL | 3.0.14 | Apache-2.0 | Copyright (c) 1998-2024 The OpenSSL Project Authors |
| React | 18.3 | MIT | Copyright (c) Meta Platforms, Inc. and affiliates. |
| TypeScript | 5.5 | Apache-2.0 | Copyright (c) Microsoft Corporation. |
| Noto Sans | 2.013 | OFL-1.1 | Copyright 2022 The Noto Project Authors |
| libvips | 8.15 | LGPL-2.1 | Copyright (C) 1989-2024 Imperial College, London and others |
| Qt | 6.7 | LGPL-3.0 | Copyright (C) 2024 The Qt Company Ltd. |
| Java runtime | 21 | GPL-2.0 with Classpath Exception | © Oracle Corporation and/or its affiliates |

The Qt libraries are linked dynamically, as the GNU Lesser General Public License (LGPL)
requires, so that a user can replace them. The SPDX identifiers above follow the SPDX
License List; the Software Bill of Materials (SBOM) in CycloneDX format is attached to
every release on GitHub.
""",
        (
            "Electron; MIT; GitHub Inc.; Chromium; The Chromium Authors; Node.js; SQLite; Public "
            "Domain; OpenSSL; The OpenSSL Project Authors; React; Meta Platforms; TypeScript; "
            "Microsoft Corporation; Noto Sans; The Noto Project Authors; Imperial College; Qt; The Qt "
            "Company Ltd.; Classpath Exception; Oracle Corporation; GNU Lesser General Public "
            "License; SPDX; Software Bill of Materials; SBOM; CycloneDX; GitHub"
        ),
    ),
    (
        "adr-0007-event-sourcing.md",
        """# ADR 0007: event sourcing for the ledger service

Status: Accepted · Deciders: Platform Architecture Group · Supersedes: ADR 0003

## Context

The ledger keeps balances in a mutable table. Reconciliation with the Core Banking
System (CBS) needs the history of every change, and the Audit Trail built from database
triggers misses changes made by bulk jobs.

## Decision

We store every change as an immutable event in EventStoreDB and derive balances as
projections. Commands are validated by the aggregate (Account, Transfer, Hold) before an
event is appended; Command Query Responsibility Segregation (CQRS) separates the write side
from the read models in PostgreSQL. Events are published to Kafka through the Outbox
pattern so that consumers never see an event the ledger did not commit.

## Consequences

- Positive: a full history, replays for new read models, simpler reconciliation.
- Negative: snapshots are needed for accounts with millions of events; schema evolution of
  events needs upcasters; the team must learn Axon-style thinking without the Axon
  Framework itself.
- The Saga for a cross-currency transfer replaces the distributed transaction.

## Alternatives considered

Change Data Capture (CDC) from the existing table with Debezium: cheaper, but the events
would describe rows, not business facts. Temporal tables in SQL Server: rejected with the
move to PostgreSQL.
""",
        (
            "ADR; Accepted; Platform Architecture Group; CBS; Audit Trail; EventStoreDB; Account; "
            "Transfer; Hold; Command Query Responsibility Segregation; CQRS; PostgreSQL; Kafka; "
            "Outbox; Axon; Saga; Change Data Capture; CDC; Debezium; SQL Server"
        ),
    ),
    (
        "medication-administration-policy.docx",
        """Policy: safe administration of medicines on inpatient wards

1. Principles. Every administration follows the five rights: right patient, right drug,
right dose, right route and right time. Controlled Drugs (CDs) need a second registered
nurse as witness, and both sign the Controlled Drug Register.

2. Identification. Check the wristband against the Electronic Prescribing and Medicines
Administration (EPMA) record, and scan the barcode with the handheld device. If the
wristband is missing, do not give the medicine: ask the Nurse in Charge.

3. High-risk medicines. Insulin is prescribed in units and never abbreviated; a variable
rate intravenous insulin infusion follows the Joint British Diabetes Societies guideline.
Warfarin doses are checked against the latest International Normalised Ratio (INR).
Enoxaparin is dosed by weight and by the estimated Glomerular Filtration Rate (eGFR).

4. Errors and near misses. Report them in Datix the same shift. The Medication Safety
Officer reviews each report; a serious incident is escalated under the Patient Safety
Incident Response Framework (PSIRF).

5. Training. New staff complete the Medicines Management module and a supervised
assessment before they administer alone; intravenous competence is renewed every three
years.
""",
        (
            "Controlled Drugs; CDs; Controlled Drug Register; Electronic Prescribing; EPMA; Nurse; "
            "Charge; Insulin; Joint British Diabetes Societies; Warfarin; International Normalised "
            "Ratio; INR; Enoxaparin; Glomerular Filtration Rate; eGFR; Datix; Medication Safety; "
            "Patient Safety; PSIRF; Medicines Management"
        ),
    ),
    (
        "audit-working-paper-inventory.txt",
        """WORKING PAPER C-4: Inventory existence and valuation (year end 31 December)

Objective
  Obtain evidence that inventory exists at the balance sheet date and is stated at the
  lower of cost and Net Realisable Value (NRV), in line with IAS 2.

Procedures performed
  1. Attended the stock count at the Central Warehouse; test counts of 45 items from the
     floor to the sheets and 40 from the sheets to the floor. Two differences, both
     corrected before the final count sheets were signed.
  2. Cut-off: traced the last five Goods Received Notes (GRNs) and dispatch notes before
     and after the year end to the ledger. No exceptions.
  3. Costing: recomputed the standard cost of 25 finished goods from the Bill of
     Materials (BOM) in the ERP system (Microsoft Dynamics 365) and compared with the
     purchase price variance report.
  4. NRV: compared the cost of slow-moving lines (no movement in 180 days) with the
     selling prices after the year end. Provision for obsolescence recalculated.

Findings
  The provision is understated by 38,400 against a materiality of 250,000 and a clearly
  trivial threshold of 12,500: recorded on the Summary of Unadjusted Differences (SUD).

Conclusion
  Inventory is fairly stated. Cross-referenced to the Lead Schedule C and to the
  Management Letter point on the Dynamics access rights.
""",
        (
            "WORKING PAPER; Net Realisable Value; NRV; IAS; Central Warehouse; Goods Received Notes; "
            "GRNs; Bill; Materials; BOM; ERP; Microsoft Dynamics; Provision; Summary of Unadjusted "
            "Differences; SUD; Lead Schedule; Management Letter; Dynamics"
        ),
    ),
    (
        "employment-law-briefing.md",
        """# Briefing: fixed-term contracts and the new notice rules

## Who this is for

HR Business Partners and line managers in the UK and Irish entities. Questions go to the
Employment Law team in Legal, not to Payroll.

## Key points

1. **Continuity.** An employee on successive fixed-term contracts for four years or more
   becomes permanent under the Fixed-term Employees (Prevention of Less Favourable
   Treatment) Regulations 2002, unless the renewal is objectively justified.
2. **Unfair dismissal.** The qualifying period is two years; the Employment Rights Act
   1996 applies to a contract that simply expires, which counts as a dismissal.
3. **Consultation.** Twenty or more redundancies at one establishment within 90 days
   trigger collective consultation and the HR1 form to the Insolvency Service.
4. **Ireland.** The Protection of Employees (Fixed-Term Work) Act 2003 limits successive
   contracts to four years; disputes go to the Workplace Relations Commission (WRC).

## Process

Use the Contract Renewal checklist in Workday before the last three months of a contract.
The Advisory, Conciliation and Arbitration Service (ACAS) Code of Practice applies to any
disciplinary step; an Employment Tribunal claim must normally start with ACAS early
conciliation.
""",
        (
            "HR Business Partners; Irish; Employment Law; Legal; Payroll; Continuity; Fixed-term "
            "Employees; Prevention of Less Favourable; Treatment; Regulations; Employment Rights Act; "
            "Consultation; HR1; Insolvency Service; Ireland; Protection of Employees; Fixed-Term "
            "Work; Act; Workplace Relations Commission; WRC; Contract Renewal; Workday; Advisory; "
            "Conciliation; Arbitration Service; ACAS; Code of Practice; Employment Tribunal"
        ),
    ),
    (
        "ios-app-release-notes.md",
        """# Field Inspections for iOS: release notes

## 7.3 (build 7301)

- Offline maps: regions can be downloaded from the Map tab; they use Mapbox vector tiles
  and refresh over Wi-Fi only.
- Sign in with Apple and Microsoft Entra ID (formerly Azure Active Directory) next to the
  existing Okta login.
- Photos attached to a Finding keep their EXIF location when the Location Services
  permission is granted, and lose it otherwise.
- Widgets for the Lock Screen show today's inspections (iOS 17 and later).

## 7.2.1

- Fixed a crash on iPadOS 17.4 when a PDF report was shared to Files.
- Fixed: Face ID prompt appeared twice after the app came back from the background.
- Crashlytics replaced by Sentry; crash reports no longer include the device name.

## Known issues

- CarPlay is not supported.
- TestFlight builds expire after 90 days; the MDM channel (Jamf Pro, Intune) delivers
  the App Store version.
""",
        (
            "Field Inspections; Offline; Map; Mapbox; Wi-Fi; Apple; Microsoft Entra ID; Azure Active "
            "Directory; Okta; Finding; EXIF; Location Services; Widgets; Lock Screen; iPadOS; PDF; "
            "Files; Face ID; Crashlytics; Sentry; CarPlay; TestFlight; MDM; Jamf Pro; Intune; App "
            "Store"
        ),
    ),
    (
        "data-dictionary-claims.md",
        """# Data dictionary: the claims mart

Owner: Actuarial Data Team · Refreshed nightly by the Airflow DAG `claims_mart_daily`

| column | type | description |
|---|---|---|
| claim_id | varchar(20) | the Claims Management System (CMS) key, never reused |
| policy_no | varchar(16) | joins to dim_policy; the Guidewire PolicyCenter number |
| loss_date | date | date of the loss as reported, not the notification date |
| peril_code | char(3) | Fire, Flood, Storm, Theft, Escape of Water (EOW), Subsidence |
| paid_to_date | numeric(14,2) | gross of reinsurance, in the policy currency |
| case_reserve | numeric(14,2) | the handler's reserve; Incurred But Not Reported (IBNR) is not here |
| status | varchar(10) | Open, Closed, Reopened, Declined |
| large_loss_flag | boolean | true above the Large Loss threshold of 250,000 |

## Notes

- Amounts are converted to GBP at the month-end rates of the Finance Rates table.
- Rows for a Declined claim keep `paid_to_date` at zero; the Fraud team's referrals are in
  the restricted schema `claims_sensitive`, readable by the Counter Fraud role only.
- The mart feeds the Solvency II Quantitative Reporting Templates (QRTs) and the Chain
  Ladder triangles in ResQ.
""",
        (
            "Actuarial Data Team; Airflow; DAG; Claims Management System; CMS; Guidewire "
            "PolicyCenter; Fire; Flood; Storm; Theft; Escape of Water; EOW; Subsidence; Incurred But "
            "Not Reported; IBNR; Open; Closed; Reopened; Declined; Large Loss; GBP; Finance Rates; "
            "Fraud; Counter Fraud; Solvency II; Quantitative Reporting Templates; QRTs; ResQ"
        ),
    ),
    (
        "method-statement-scaffolding.pdf",
        """Method statement: erection of an independent tied scaffold, east elevation

1. Scope. A tube and fitting scaffold to TG20:21 compliance sheets, eight lifts, for the
re-cladding of the east elevation. Designed loads are Load Class 3 (medium duty).

2. Competence. Erected by scaffolders holding the Construction Industry Scaffolders Record
Scheme (CISRS) card; the Scaffold Supervisor inspects before first use, after bad weather
and at least every seven days, and records it on the Scaffold Inspection Register.

3. Sequence. Set out the base plates on sole boards; erect the first lift with ledgers,
transoms and bracing; tie into the structure at the spacing of the design; board out and
fit double guard rails and toe boards; hand over with a Scaffold Handover Certificate.

4. Hazards and controls. Falls from height: advanced guard rail system and harnesses under
the Work at Height Regulations 2005. Falling objects: brick guards and netting, an
exclusion zone below. Overhead lines: none within 15 m. Manual handling: lifting by gin
wheel and rope only below 20 kg loads.

5. Emergency. Rescue plan for a suspended worker within ten minutes; the First Aider and
the nearest Accident and Emergency department are named on the site induction board.

Reviewed under the Construction (Design and Management) Regulations 2015 (CDM).
""",
        (
            "TG20; Load Class; Construction Industry Scaffolders Record; Scheme; CISRS; Scaffold "
            "Supervisor; Scaffold Inspection Register; Scaffold Handover Certificate; Work; Height "
            "Regulations; First Aider; Accident; Emergency; Construction; Design; Management; "
            "Regulations; CDM"
        ),
    ),
    (
        "grant-proposal-methods.docx",
        """Research proposal, section 4: methods and data management

4.1 Design. A stepped-wedge cluster randomised trial in twelve general practices over
eighteen months; practices cross from usual care to the intervention in random order.

4.2 Outcomes. The primary outcome is the change in glycated haemoglobin (HbA1c) at twelve
months; secondary outcomes are the Patient Activation Measure (PAM) and the EQ-5D-5L
quality of life score.

4.3 Sample size. With an intracluster correlation of 0.05, 80% power and a two-sided alpha
of 0.05, 1,200 patients detect a difference of 3 mmol/mol. The calculation used the
Hooper method in the Shiny CRT Calculator and was checked with Stata's steppedwedge command.

4.4 Data management. Data are collected in REDCap hosted by the university, pseudonymised
at source, and analysed in the Secure Data Environment (SDE). The Data Management Plan
follows the FAIR principles (Findable, Accessible, Interoperable, Reusable); the anonymised
dataset is deposited in the UK Data Service after the embargo.

4.5 Approvals. Ethics approval from the Health Research Authority (HRA) and a Research
Ethics Committee (REC); registration on ISRCTN before the first practice crosses over.
""",
        (
            "HbA1c; Patient Activation Measure; PAM; EQ-5D-5L; Hooper; Shiny CRT Calculator; Stata; "
            "REDCap; Secure Data Environment; SDE; Data Management Plan; FAIR; Findable; Accessible; "
            "Interoperable; Reusable; UK Data Service; Health Research Authority; HRA; REC; ISRCTN"
        ),
    ),
    (
        "pharmacy-cold-chain-sop.txt",
        """SOP PH-22: cold chain for refrigerated medicines and vaccines

Storage
  Refrigerated stock is kept between 2 and 8 degrees Celsius in a pharmaceutical
  refrigerator (not a domestic one), with a calibrated min/max thermometer and a data
  logger that uploads to the TempGuard dashboard every 15 minutes.

Daily checks
  The Pharmacy Technician records the current, minimum and maximum temperature at the
  start of each working day on the Fridge Temperature Record and resets the thermometer.

Excursions
  Outside 2 to 8 degrees: quarantine the stock in a second fridge, label it "Do Not Use",
  and inform the Responsible Pharmacist. The manufacturer's Medical Information service
  (for Comirnaty, Spikevax, Shingrix, Fluenz and the insulin pens) advises whether the
  stock can still be used; their stability data outrank this SOP.

Deliveries
  Cold chain deliveries from Alliance Healthcare and from the vaccine wholesaler go into
  the fridge within 15 minutes of arrival. Good Distribution Practice (GDP) applies to
  transfers between sites; use validated cool boxes with a Temperature Indicator.

Records
  Kept for five years; excursions are reported to the Medicines and Healthcare products
  Regulatory Agency (MHRA) when a patient received affected stock.
""",
        (
            "SOP; PH-22; Celsius; TempGuard; Pharmacy Technician; Fridge Temperature Record; Do Not "
            "Use; Responsible Pharmacist; Medical Information; Comirnaty; Spikevax; Shingrix; Fluenz; "
            "Alliance Healthcare; Good Distribution Practice; GDP; Temperature Indicator; Medicines; "
            "Healthcare; Regulatory Agency; MHRA"
        ),
    ),
    (
        "insurance-reserving-note.md",
        """# Reserving note: motor portfolio, fourth quarter

Prepared by the Reserving function for the Reserving Committee; reviewed by {p1}.

## Methods

Claims reserves are set with the Chain Ladder method on paid and incurred triangles by
accident quarter, and the Bornhuetter-Ferguson method for the two most recent accident
years, where development is immature. The a priori loss ratio comes from the Business
Plan, adjusted for rate changes and claims inflation. Large bodily injury claims are
reserved case by case and projected separately; Periodical Payment Orders (PPOs) are
valued with the Ogden discount rate of plus 0.5%.

## Results

Best estimate reserves increased by 4.1%, mainly from whiplash claims under the Official
Injury Claim portal after the Civil Liability Act reforms. The Mack model gives a
coefficient of variation of 6% on the total; the bootstrap (Over-Dispersed Poisson, ODP)
gives 7%.

## Solvency II

Technical provisions add the Risk Margin (cost of capital 6%) and discount with the
European Insurance and Occupational Pensions Authority (EIOPA) risk-free curve. The
Actuarial Function Holder will report on the reliability of the provisions to the Board.

External review by {c1} is planned for the half-year.
""",
        (
            "Reserving; Reserving Committee; Chain Ladder; Bornhuetter-Ferguson; Periodical Payment "
            "Orders; PPOs; Ogden; Civil Liability Act; Mack; Over-Dispersed Poisson; ODP; Solvency "
            "II; Risk Margin; European Insurance; Occupational Pensions Authority; EIOPA; Actuarial "
            "Function Holder; Board"
        ),
    ),
    (
        "oauth-device-flow.md",
        """# Signing in on devices without a browser (OAuth 2.0 Device Authorization Grant)

The command-line tool and the meeting-room displays cannot open a browser, so they use the
Device Authorization Grant of RFC 8628 against our OpenID Connect (OIDC) provider.

## Flow

1. The device calls the device authorization endpoint with its `client_id` and scopes
   (`openid profile offline_access`).
2. The Authorization Server returns a `device_code`, a short `user_code` such as WDJB-MJHT,
   the `verification_uri` and a polling `interval` of 5 seconds.
3. The device shows the code and the URI; the user opens the URI on a phone or laptop,
   signs in with Single Sign-On (SSO) and multi-factor authentication, and approves.
4. Meanwhile the device polls the token endpoint. It gets `authorization_pending` until the
   user approves, `slow_down` when it polls too often, and finally an access token and a
   refresh token.

## Security notes

- The user code expires after 10 minutes. Phishing with a stolen code is the main risk:
  the approval page names the device and asks the user to confirm it.
- Tokens are JSON Web Tokens (JWT) signed with RS256; devices verify nothing themselves and
  send them as a Bearer token.
- Keycloak, Auth0, Okta and Microsoft Entra ID all support this grant; our provider is
  Keycloak 24 in the Identity realm.
""",
        (
            "OAuth; Device Authorization Grant; OpenID Connect; OIDC; Authorization Server; "
            "WDJB-MJHT; Single Sign-On; SSO; JSON Web Tokens; JWT; RS256; Bearer; Keycloak; Auth0; "
            "Okta; Microsoft Entra ID; Identity"
        ),
    ),
    (
        "elasticsearch-migration.txt",
        """Migration plan: Elasticsearch 7.17 to OpenSearch 2.15 for the product search

Why
  The Elastic License 2.0 of the newer Elasticsearch releases does not fit the hosted
  offering; OpenSearch (Apache 2.0) is run for us by Amazon OpenSearch Service.

Steps
  1. Snapshot the indices of the old cluster to S3 with the repository-s3 plugin.
  2. Create the domain in OpenSearch Service, with UltraWarm for the logs indices and
     fine-grained access control mapped to the IAM roles of the search API.
  3. Restore the snapshot; reindex the product index with the new analyser (ICU tokenizer
     and the Snowball stemmer for German and French).
  4. Dual-write from the indexer for one week; compare the top 1,000 queries with the
     Ranking Evaluation API (nDCG at 10).
  5. Switch the search API with a feature flag in LaunchDarkly; keep the old cluster for
     rollback for 14 days.

Things that differ
  Kibana becomes OpenSearch Dashboards; Watcher alerts become Alerting monitors; the
  Learning to Rank plugin needs the OpenSearch build. The Java High Level REST Client is
  replaced by the opensearch-java client.
""",
        (
            "Elasticsearch; OpenSearch; Elastic License; Apache; Amazon OpenSearch Service; "
            "OpenSearch Service; UltraWarm; IAM; ICU; Snowball; German; French; Ranking Evaluation; "
            "API; LaunchDarkly; Kibana; OpenSearch Dashboards; Watcher; Alerting; Learning to Rank; "
            "Java High Level REST Client"
        ),
    ),
    (
        "clinical-trial-monitoring-plan.docx",
        """Clinical trial monitoring plan (risk-based)

1. Framework. Monitoring follows the International Council for Harmonisation (ICH) E6(R3)
guideline on Good Clinical Practice (GCP): a risk assessment identifies the critical data
and processes, and monitoring effort goes where the risk is.

2. Centralised monitoring. The Clinical Research Associate (CRA) reviews the Electronic
Data Capture (EDC) system in Medidata Rave every two weeks: Key Risk Indicators (KRIs) per
site such as query rate, Adverse Event reporting delay and screen failure rate. A site above
the Quality Tolerance Limit (QTL) gets a triggered visit.

3. On-site visits. Source Data Verification (SDV) covers informed consent, eligibility,
the primary endpoint and every Serious Adverse Event (SAE) for all patients; other data
are verified on a 20% sample. The Investigator Site File is checked at each visit.

4. Safety. SAEs reach the sponsor within 24 hours; Suspected Unexpected Serious Adverse
Reactions (SUSARs) are reported to the competent authority through EudraVigilance. The
Data Safety Monitoring Board (DSMB) meets every six months.

5. Trial Master File. The electronic Trial Master File (eTMF) in Veeva Vault is reviewed
quarterly for completeness by the Clinical Trial Manager, with the sponsor {c1}.
""",
        (
            "International Council; Harmonisation; ICH; Good Clinical Practice; GCP; Clinical "
            "Research Associate; CRA; Electronic; Data Capture; EDC; Medidata Rave; Key Risk "
            "Indicators; KRIs; Adverse Event; Quality Tolerance Limit; QTL; Source Data Verification; "
            "SDV; Serious Adverse Event; SAE; Investigator Site File; SUSARs; EudraVigilance; Data "
            "Safety Monitoring Board; DSMB; Trial Master File; Veeva Vault; Clinical Trial Manager"
        ),
    ),
    (
        "redis-cluster-runbook.txt",
        """RUNBOOK: Redis Cluster node failure (sessions and rate limits)

Symptoms
  The Alertmanager alert RedisClusterDown or RedisReplicationBroken fires; the API returns
  503 for logins because the session store times out. Sentinel is not used: failover is
  done by Redis Cluster itself.

Checks
  1. redis-cli -c -h redis-0.redis --cluster check redis-0.redis:6379
     Look for "[ERR] Not all 16384 slots are covered by nodes".
  2. kubectl -n cache get pods -l app=redis: a pod in Pending usually means the
     PersistentVolumeClaim cannot attach in that Availability Zone.
  3. In Grafana, the Redis Overview board shows evictions and the keyspace hit ratio; a
     sudden rise of evicted_keys means maxmemory was reached, not a node failure.

Fix
  If a primary is gone and its replica did not take over, run CLUSTER FAILOVER on the
  replica. If both are gone, restore the slots with --cluster fix and accept that the rate
  limit counters of those slots start again from zero. Never run FLUSHALL.

Afterwards
  Check that AOF rewriting (appendonly yes, appendfsync everysec) is back to normal and open
  a ticket for the Platform team with the output of INFO persistence.
""",
        (
            "Redis Cluster; Alertmanager; RedisClusterDown; RedisReplicationBroken; Sentinel; ERR; "
            "PersistentVolumeClaim; Availability Zone; Grafana; Redis Overview; CLUSTER FAILOVER; "
            "FLUSHALL; AOF; Platform; INFO"
        ),
    ),
    (
        "payroll-year-end-checklist.txt",
        """PAYROLL YEAR-END CHECKLIST (UK, tax year ending 5 April)

Before the last pay run
  [ ] Reconcile the year-to-date Pay As You Earn (PAYE) and National Insurance
      contributions (NICs) in the payroll system with the Employer Payment Summary (EPS)
      and the Full Payment Submissions (FPS) sent to HMRC.
  [ ] Check that the Apprenticeship Levy allowance and the Employment Allowance were
      claimed once for the group, not once per company.
  [ ] Review benefits in kind that are payrolled (company cars, private medical cover);
      others go on the P11D by 6 July.

Last pay run of the year
  [ ] Mark the final FPS as the last one of the year; send an EPS if there is nothing
      to pay in the last period.
  [ ] Student Loan and Postgraduate Loan plan types match the Start Notices.

After the year end
  [ ] Give every employee a P60 by 31 May; leavers had a P45 already.
  [ ] Load the new tax codes (the P9 notices) and the new thresholds: Personal Allowance,
      the Lower Earnings Limit and the Upper Earnings Limit.
  [ ] Pension auto-enrolment: check the qualifying earnings band in the settings of the
      pension scheme (Nest or the group's own scheme) and re-enrol where due.
  [ ] Archive the year in Sage Payroll and export the journal to the General Ledger.
""",
        (
            "PAYROLL; Pay As You Earn; PAYE; National Insurance; NICs; Employer Payment Summary; EPS; "
            "Full Payment Submissions; FPS; HMRC; Apprenticeship Levy; Employment Allowance; P11D; "
            "Student Loan; Postgraduate Loan; Start Notices; P60; P45; Personal Allowance; Lower "
            "Earnings Limit; Upper Earnings Limit; Nest; Sage Payroll; General Ledger"
        ),
    ),
    (
        "spark-job-tuning.md",
        """# Tuning the nightly Spark jobs

The jobs run on Databricks (Runtime 14.3 LTS, Apache Spark 3.5) and write Delta Lake
tables in Unity Catalog. Most slowness comes from three things.

## Skew

A few customer ids hold most of the events. Adaptive Query Execution (AQE) splits skewed
partitions when `spark.sql.adaptive.skewJoin.enabled` is true (the default); for the
`sessions` join we also salt the key with 16 buckets.

## Shuffle size

`spark.sql.shuffle.partitions` stays at `auto`; with AQE the coalesce step merges small
partitions. Broadcast joins are used up to 200MB (`spark.sql.autoBroadcastJoinThreshold`).

## Small files

Streaming writes from Structured Streaming create many small files: OPTIMIZE runs every
night with Z-ORDER on `event_date, customer_id`, and VACUUM keeps seven days of history.
Liquid Clustering replaces Z-ORDER for the new tables.

## Looking at a slow job

Open the Spark UI from the job run: the SQL / DataFrame tab shows the physical plan with
the time per operator; the Stages tab shows spill and skew. Photon is on for the SQL
warehouses but not for the jobs that use Pandas UDFs.
""",
        (
            "Spark; Databricks; Runtime; LTS; Apache Spark; Delta Lake; Unity Catalog; Adaptive Query "
            "Execution; AQE; Structured Streaming; OPTIMIZE; Z-ORDER; VACUUM; Liquid Clustering; "
            "Spark UI; DataFrame; Stages; Photon; Pandas"
        ),
    ),
    (
        "legal-hold-procedure.md",
        """# Legal hold procedure

## When a hold starts

A legal hold starts when litigation, a regulatory investigation or an audit is reasonably
anticipated, not when proceedings are served. The General Counsel decides; the Litigation
Support team issues the hold notice.

## Scope

The notice names the matter, the custodians (by role), the date range and the data
sources: Exchange Online mailboxes, Microsoft Teams chats, SharePoint sites, OneDrive, the
Salesforce instance and paper files in the Records Centre. Preservation in place is done
with Microsoft Purview eDiscovery (Premium) holds; Slack exports go to the archive.

## Duties of custodians

Custodians acknowledge the notice within five working days and must not delete, alter or
move anything in scope. Auto-deletion policies are suspended for their accounts by IT.

## Collection and review

Collections are forensically sound and logged on a Chain of Custody form. Review runs in
Relativity with Technology Assisted Review (TAR); privileged documents are logged on a
privilege log under the Civil Procedure Rules (CPR) Part 31 in England, or Rule 26 of the
Federal Rules of Civil Procedure (FRCP) in US matters.

## Release

Only the General Counsel releases a hold, in writing, when the matter is closed and every
appeal period has run out.
""",
        (
            "General Counsel; Exchange Online; Microsoft Teams; SharePoint; OneDrive; Salesforce; "
            "Records Centre; Microsoft Purview; Premium; Slack; IT; Chain of Custody; Relativity; "
            "Technology Assisted Review; TAR; Civil Procedure Rules; CPR; Part; England; Rule; "
            "Federal Rules; Civil Procedure; FRCP"
        ),
    ),
    (
        "nginx-ingress-guide.md",
        """# Ingress guide for service teams

Traffic reaches the clusters through the ingress-nginx controller behind a Network Load
Balancer (NLB). Certificates are issued by cert-manager from Let's Encrypt with the
DNS-01 challenge against Route 53.

## A minimal Ingress

```yaml
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: orders
  annotations:
    cert-manager.io/cluster-issuer: letsencrypt-prod
    nginx.ingress.kubernetes.io/proxy-body-size: 10m
spec:
  ingressClassName: nginx
  tls:
    - hosts: [orders.example.internal]
      secretName: orders-tls
```

## Rules

- Rate limits use `limit-rps`; the Web Application Firewall (WAF) in front of the NLB
  handles the rest (AWS WAF managed rules, the Core Rule Set of OWASP).
- Do not use `configuration-snippet`: it is disabled since the CVE in 2023. Ask the
  Platform team for a global setting instead.
- gRPC backends need `backend-protocol: GRPC`; WebSockets work without an annotation.
- The Gateway API (HTTPRoute) is being piloted with Envoy Gateway; stay on Ingress until
  the Platform Roadmap says otherwise.
""",
        (
            "Network Load; Balancer; NLB; Let's Encrypt; DNS-01; Route 53; Ingress; Web Application "
            "Firewall; WAF; AWS WAF; Core Rule Set; OWASP; CVE; Platform; GRPC; WebSockets; Gateway "
            "API; HTTPRoute; Envoy Gateway; Platform Roadmap"
        ),
    ),
    (
        "dental-infection-control.txt",
        """Infection prevention and control in the dental surgery (practice policy)

Standard precautions
  Treat every patient as potentially infectious. Hand hygiene follows the five moments of
  the World Health Organization (WHO); gloves are single use and changed between patients.
  Masks, eye protection and tunics as the Health Technical Memorandum 01-05 (HTM 01-05)
  describes.

Decontamination of instruments
  Instruments go through the Local Decontamination Unit (LDU): cleaning in a validated
  washer-disinfector, inspection under a magnifier, then a vacuum autoclave (134 degrees,
  3 minutes). Each cycle is logged, and the Bowie-Dick test and the Helix test are run
  every morning before the first load.

Dental unit waterlines
  Flush for two minutes at the start of the day and 30 seconds between patients; an
  antimicrobial cartridge treats the water continuously. Test for Legionella twice a year
  and keep the results with the Legionella risk assessment.

Sharps and waste
  Sharps bins are closed when three-quarters full. Amalgam waste goes in the white
  container with the Mercury Free symbol off; clinical waste is collected under the
  Hazardous Waste Regulations.

Audit
  The Infection Prevention Society (IPS) audit tool is completed every six months and
  reviewed by the Care Quality Commission (CQC) at inspection.
""",
        (
            "World Health Organization; WHO; Health Technical Memorandum; HTM; Local Decontamination "
            "Unit; LDU; Bowie-Dick; Helix; Legionella; Mercury Free; Hazardous Waste Regulations; "
            "Infection Prevention Society; IPS; Care Quality Commission; CQC"
        ),
    ),
)
