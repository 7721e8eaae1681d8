"""Yet more professional prose for the independent slice (issue 18, precision, lane precision5).

Occupations prose.py and prose_work.py do not cover yet: civil engineering specifications, a
corporate tax memo, supply-chain and logistics notes, HR policy, cloud architecture, marketing
analytics, an internal audit report, a pharmaceutical deviation SOP, aviation maintenance,
food safety, geotechnics, grid operations, model validation, a data protection impact
assessment, incident response, lean manufacturing, radio planning, GIS, econometrics,
building information modelling, veterinary practice and a chemistry method. Written here from
general knowledge; they name methods after their authors ("Mohr-Coulomb", "Newey-West"),
spell out acronyms ("Key Performance Indicator (KPI)"), name bodies and committees, products
and standards, and countries alone in legal prose. No real people: the only people are the
slots (`{p1}`, `{p2:family}`, `{c1}`, as in prose.py), which must be found.

Each entry is (file name, text, traps separated by "; "), as in prose_work.py. Over 500 lines
because it is data.
"""

from __future__ import annotations

MORE_DOCS: tuple[tuple[str, str, str], ...] = (
    (
        "concrete-works-specification.docx",
        """Section 03 30 00 - Cast-in-Place Concrete

Scope
This section covers the supply, placing and curing of structural concrete for the podium slab
and the transfer beams. Work shall comply with Eurocode 2 (EN 1992-1-1) and with the National Annex, and with the American Concrete Institute (ACI) 318 where the Engineer so directs.

Materials
Cement to EN 197-1, type CEM II/A-LL 42.5 N. Aggregates to EN 12620, maximum size 20 mm.
Admixtures from the Sika ViscoCrete range or an approved equal; no calcium chloride.

Testing
Slump by the Abrams cone; compressive strength on 150 mm cubes at 7 and 28 days. Acceptance
follows the Modified Proctor test for the sub-base and the Schmidt Hammer for in-situ checks.
Reinforcement cover is checked with a Hilti Ferroscan before every pour.

Curing
Keep surfaces wet for seven days or apply a curing compound. The Resident Engineer records
the Maturity Method readings in the Daily Site Diary.
""",
        "Eurocode 2; National Annex; American Concrete Institute; ACI; CEM II; Sika ViscoCrete; "
        "Abrams; Modified Proctor; Schmidt Hammer; Hilti Ferroscan; Resident Engineer; "
        "Maturity Method; Daily Site Diary",
    ),
    (
        "transfer-pricing-memo.docx",
        """Memorandum: transfer pricing of the regional distribution entities

Question
Whether the routine distributors in Portugal, Austria and Chile earn an arm's length return
under the OECD Transfer Pricing Guidelines, and which method documents it best.

Analysis
The Transactional Net Margin Method (TNMM) is preferred over the Comparable Uncontrolled Price
(CUP) method because no internal comparables exist. The benchmark was run in Orbis with the
Moody's database filters; the interquartile range of operating margins is 2.1% to 4.8%.
Base Erosion and Profit Shifting (BEPS) Action 13 requires a Master File and a Local File;
the Country-by-Country Report is filed by the parent in Ireland.

Risks
Brazil does not follow the arm's length standard in full, and Mexico asks for an annual
informative return. The Pillar Two Global Anti-Base Erosion (GloBE) rules apply from the
next fiscal year; the Qualified Domestic Minimum Top-up Tax (QDMTT) may apply in Austria.

Conclusion
Keep the TNMM with the Berry ratio as a secondary check.
""",
        "Portugal; Austria; Chile; OECD; Transactional Net Margin Method; TNMM; "
        "Comparable Uncontrolled Price; CUP; Orbis; Moody's; Base Erosion and Profit Shifting; "
        "BEPS; Master File; Local File; Country-by-Country Report; Ireland; Brazil; Mexico; "
        "Pillar Two; GloBE; QDMTT; Berry",
    ),
    (
        "inbound-logistics-playbook.md",
        """# Inbound logistics playbook

## Incoterms
Most suppliers ship FCA or DAP under Incoterms 2020. Under Free Carrier (FCA) the risk passes
when the goods are loaded at the named place; under Delivered At Place (DAP) at our dock.

## Planning
Demand comes from the Sales and Operations Planning (S&OP) cycle in Kinaxis RapidResponse.
Safety stock uses the King formula; reorder points are recalculated weekly with the
Wagner-Whitin algorithm for items with lumpy demand. ABC-XYZ classification is refreshed
every quarter.

## Carriers and visibility
Ocean bookings go through Flexport; tracking events arrive from project44 into the Transport Management System (TMS). Container status is checked against the Bill of Lading number.
Customs entries follow the Harmonized System (HS) codes agreed with the broker.

## Warehouse
Receiving is scanned in Manhattan WMS. Putaway follows the FIFO rule for food grade goods and
FEFO for chemicals; cycle counts follow the Pareto principle.
""",
        "Incoterms; FCA; DAP; Free Carrier; Delivered At Place; Sales and Operations Planning; "
        "S&OP; Kinaxis RapidResponse; King; Wagner-Whitin; ABC-XYZ; Flexport; project44; "
        "Transport Management System; TMS; Bill of Lading; Harmonized System; HS; Manhattan WMS; "
        "FIFO; FEFO; Pareto",
    ),
    (
        "parental-leave-policy.pdf",
        """Parental Leave Policy

Purpose
This policy sets out leave for employees who become parents by birth, adoption or surrogacy.
It is reviewed yearly by the People Policy Committee and approved by the Remuneration Committee.

Entitlement
Employees with 26 weeks of service receive 20 weeks at full pay. Statutory Maternity Pay (SMP)
and Shared Parental Leave (SPL) are offset against the enhanced payment. Keeping In Touch (KIT)
days are voluntary and paid at the normal daily rate.

Process
Submit the request in Workday at least 15 weeks before the expected week of childbirth. The
HR Business Partner confirms the dates; Payroll applies the offset in the ADP run.

Return to work
A phased return over four weeks is available. The Employee Assistance Programme (EAP) offers
confidential support. Questions go to the People Operations mailbox or to {p1}, the policy owner.
""",
        "People Policy Committee; Remuneration Committee; Statutory Maternity Pay; SMP; "
        "Shared Parental Leave; SPL; Keeping In Touch; KIT; Workday; HR Business Partner; "
        "Payroll; ADP; Employee Assistance Programme; EAP; People Operations",
    ),
    (
        "landing-zone-architecture.md",
        """# Landing zone architecture

The landing zone follows the AWS Well-Architected Framework and is built with Control Tower.
Accounts are grouped in AWS Organizations under three Organizational Units (OUs): Security,
Workloads and Sandbox. Service Control Policies (SCPs) deny regions outside eu-west-1 and
eu-central-1.

## Network
A hub-and-spoke Transit Gateway connects the spokes; egress goes through the inspection VPC
with Network Firewall. Private DNS uses Route 53 Resolver endpoints. On-premises traffic comes
over Direct Connect with a Site-to-Site VPN as backup.

## Identity
Workforce identity is federated from Entra ID through IAM Identity Center; break-glass users
are stored in the Security account only.

## Observability
CloudTrail and AWS Config feed the Log Archive account; GuardDuty and Security Hub findings
go to the security operations queue. Costs are reported with the FinOps Foundation's FOCUS
schema in QuickSight.
""",
        "Well-Architected Framework; Control Tower; AWS Organizations; Organizational Units; OUs; "
        "Service Control Policies; SCPs; Transit Gateway; Network Firewall; Route 53 Resolver; "
        "Direct Connect; Site-to-Site; Entra ID; IAM Identity Center; CloudTrail; AWS Config; "
        "Log Archive; GuardDuty; Security Hub; FinOps Foundation; FOCUS; QuickSight",
    ),
    (
        "campaign-attribution-report.txt",
        """Campaign attribution report, spring season

Method
Attribution uses a Markov chain model with the removal effect, compared against the Shapley
value method and a last-click baseline. Media Mix Modelling (MMM) was run with Robyn and
cross-checked with LightweightMMM; adstock follows the Weibull decay.

Channels
Paid search (Google Ads), paid social (Meta Ads Manager, TikTok Ads), programmatic display
through The Trade Desk, and affiliate through Awin. Email runs on Braze.

Measurement
Events come from GA4 and the Conversions API; the Customer Data Platform (CDP) is Segment.
Lift was measured with a geo holdout designed with the Synthetic Control method.

Findings
Return on Ad Spend (ROAS) improved from 3.1 to 3.6. The Net Promoter Score (NPS) did not move.
Customer Lifetime Value (CLV) is estimated with the BG/NBD model and the Gamma-Gamma model.
""",
        "Markov; Shapley; Media Mix Modelling; MMM; Robyn; LightweightMMM; Weibull; Google Ads; "
        "Meta Ads Manager; TikTok Ads; The Trade Desk; Awin; Braze; GA4; Conversions API; "
        "Customer Data Platform; CDP; Segment; Synthetic Control; Return on Ad Spend; ROAS; "
        "Net Promoter Score; NPS; Customer Lifetime Value; CLV; BG/NBD; Gamma-Gamma",
    ),
    (
        "internal-audit-report-procure-to-pay.docx",
        """Internal Audit Report: Procure-to-Pay

Background
The review was in the annual plan approved by the Audit and Risk Committee. It covered the
purchase-to-pay cycle in SAP S/4HANA and the invoice capture in Coupa.

Approach
Testing followed the COSO Internal Control framework and the Institute of Internal Auditors
(IIA) standards. Samples were drawn by Monetary Unit Sampling (MUS); duplicate payments were
searched with a Benford's Law analysis in ACL Analytics.

Findings
1. Segregation of Duties (SoD): 14 users can both create vendors and approve payments.
2. Three-way match tolerance is set at 10%, above the Group Finance Manual limit.
3. Vendor master changes are not reviewed by the Shared Service Centre.

Management response
The Chief Procurement Officer agreed to remediate by the third quarter. Progress is reported
to the Executive Risk Forum. Lead auditor: {p1}.
""",
        "Audit and Risk Committee; SAP S/4HANA; Coupa; COSO; Internal Control; "
        "Institute of Internal Auditors; IIA; Monetary Unit Sampling; MUS; Benford; "
        "ACL Analytics; Segregation of Duties; SoD; Group Finance Manual; Shared Service Centre; "
        "Chief Procurement Officer; Executive Risk Forum",
    ),
    (
        "gmp-deviation-sop.txt",
        """SOP-QA-014 Handling of deviations

1 Purpose
To describe how deviations from approved procedures in manufacturing are recorded,
investigated and closed under EU GMP Annex 1 and 21 CFR Part 211.

2 Responsibilities
The Qualified Person (QP) decides on batch release. The Quality Control (QC) laboratory
supports the investigation. Deviations are raised in Veeva Vault QMS within one working day.

3 Investigation
Root cause is found with the Ishikawa diagram and the 5 Whys; recurring causes are assessed
by Failure Mode and Effects Analysis (FMEA). Out-of-Specification (OOS) results follow
SOP-QC-022. Risk is scored following ICH Q9 Quality Risk Management.

4 CAPA
Corrective and Preventive Actions (CAPA) are approved by the Quality Review Board and
their effectiveness is checked after 90 days. Trends are reported in the Annual Product Quality Review (APQR) and to the Pharmacovigilance team where patient safety is involved.
""",
        "EU GMP; Annex 1; CFR; Qualified Person; QP; Quality Control; QC; Veeva Vault QMS; "
        "Ishikawa; Failure Mode and Effects Analysis; FMEA; Out-of-Specification; OOS; ICH Q9; "
        "Quality Risk Management; Corrective and Preventive Actions; CAPA; Quality Review Board; "
        "Annual Product Quality Review; APQR; Pharmacovigilance",
    ),
    (
        "line-maintenance-task-card.txt",
        """Task card 32-41-00: main landing gear wheel and brake change

Applicability: A320 family, all MSN. Reference: Aircraft Maintenance Manual (AMM) 32-41-11,
Illustrated Parts Catalogue (IPC) 32-41-05.

Precautions
Install the gear ground locks and safety pins. Tyre pressure is checked with nitrogen only.
Observe the Human Factors "Dirty Dozen", in particular complacency and lack of communication.

Procedure
Jack the axle with the Tronair axle jack, remove the wheel, inspect the brake wear pins.
Torque the axle nut per the AMM using the Snap-on torque wrench, calibrated per the Tool Control procedure. Record the work in AMOS and sign the Certificate of Release to Service
(CRS). Any finding outside limits is raised to the Maintenance Control Centre (MCC) and
checked against the Minimum Equipment List (MEL).

Regulatory
Work is performed under EASA Part-145 approval; the Continuing Airworthiness Management Organisation (CAMO) keeps the records. Technician: {p2:family}.
""",
        "A320; MSN; Aircraft Maintenance Manual; AMM; Illustrated Parts Catalogue; IPC; "
        "Human Factors; Dirty Dozen; Tronair; Snap-on; Tool Control; AMOS; "
        "Certificate of Release to Service; CRS; Maintenance Control Centre; MCC; "
        "Minimum Equipment List; MEL; EASA; Part-145; "
        "Continuing Airworthiness Management Organisation; CAMO",
    ),
    (
        "haccp-plan-cold-kitchen.md",
        """# HACCP plan: cold kitchen

The plan follows the seven principles of Hazard Analysis and Critical Control Points (HACCP)
as the Codex Alimentarius describes them, and the Safer Food, Better Business pack.

## Critical Control Points
- CCP 1 chilling: cooked rice is cooled below 8 degrees within 90 minutes in the Williams
  blast chiller.
- CCP 2 cold holding: display fridges at or below 5 degrees, logged by the Testo Saveris
  probes every 15 minutes.
- CCP 3 allergens: the fourteen allergens are labelled per Natasha's Law; the Allergen Matrix
  is updated with every menu change.

## Verification
Listeria monocytogenes swabs are taken monthly; Salmonella and E. coli counts are sent to the
accredited laboratory. The Food Standards Agency (FSA) rating was 5 at the last inspection by
the Environmental Health Officer (EHO).
""",
        "HACCP; Codex Alimentarius; Safer Food, Better Business; CCP; Williams; Testo Saveris; "
        "Allergen Matrix; Listeria; Salmonella; Food Standards Agency; FSA; "
        "Environmental Health Officer; EHO",
    ),
    (
        "geotechnical-interpretive-report.pdf",
        """Geotechnical Interpretive Report

Ground model
Made ground over soft alluvium over London Clay over the Lambeth Group. Groundwater was met
at 3.2 m below ground level in the standpipe piezometers.

Parameters
Undrained shear strength from the Standard Penetration Test (SPT) and the Cone Penetration Test (CPT) using the Robertson chart. Effective strength parameters follow the Mohr-Coulomb
criterion; consolidation uses Terzaghi theory with the Casagrande construction for the
preconsolidation pressure.

Foundations
Bored piles designed to Eurocode 7 with the alpha method; negative skin friction is checked
with the Fellenius method. Slope stability of the temporary batter is checked by the
Bishop simplified method in Slope/W; the factor of safety exceeds 1.3.

Monitoring
Inclinometers and settlement markers are read weekly, with trigger levels agreed with the
Temporary Works Coordinator.
""",
        "London Clay; Lambeth Group; Standard Penetration Test; SPT; Cone Penetration Test; CPT; "
        "Robertson; Mohr-Coulomb; Terzaghi; Casagrande; Eurocode 7; Fellenius; Bishop; "
        "Slope/W; Temporary Works Coordinator",
    ),
    (
        "grid-balancing-procedure.txt",
        """Control room procedure: frequency response and balancing

Scope
This procedure applies to the Balancing Mechanism and to the frequency response services
procured by the Electricity System Operator (ESO).

Services
Dynamic Containment (DC), Dynamic Moderation (DM) and Dynamic Regulation (DR) are dispatched
from the battery fleet through the Energy Management System (EMS). Reserve is scheduled in
the PLEXOS model the day before; state estimation uses the Newton-Raphson load flow in
PowerFactory.

Limits
Frequency must stay within 49.8 and 50.2 Hz. The Rate of Change of Frequency (RoCoF)
protection setting is 1 Hz/s. Voltage support follows the Grid Code and the Distribution Code.

Events
Any loss of infeed above 1,000 MW is reported to the Control Room Engineer and logged in
the Event Log; the Security and Quality of Supply Standard (SQSS) decides whether a
post-event review is needed.
""",
        "Balancing Mechanism; Electricity System Operator; ESO; Dynamic Containment; "
        "Dynamic Moderation; Dynamic Regulation; Energy Management System; EMS; PLEXOS; "
        "Newton-Raphson; PowerFactory; Rate of Change of Frequency; RoCoF; Grid Code; "
        "Distribution Code; Control Room Engineer; Event Log; "
        "Security and Quality of Supply Standard; SQSS",
    ),
    (
        "model-validation-credit-pd.md",
        """# Independent validation: retail probability of default model

## Scope
The Model Risk Management (MRM) function validated the PD model under SR 11-7 and the
European Banking Authority (EBA) guidelines on PD estimation. The Model Risk Committee
approves the rating.

## Discriminatory power
The Gini coefficient is 0.61 on the out-of-time sample; the Kolmogorov-Smirnov statistic
is 0.44. Calibration was tested with the Hosmer-Lemeshow test and the binomial test per
grade; the Jeffreys test is used where defaults are few.

## Stability
The Population Stability Index (PSI) stays under 0.1. Margin of Conservatism (MoC) covers
the data gaps from the Basel III reform. Macroeconomic scenarios for IFRS 9 come from
Oxford Economics and are combined with the Vasicek model.

## Implementation
Scoring runs in SAS Viya; the challenger model was built in H2O with gradient boosting and
explained with SHAP values.
""",
        "Model Risk Management; MRM; SR 11-7; European Banking Authority; EBA; "
        "Model Risk Committee; Gini; Kolmogorov-Smirnov; Hosmer-Lemeshow; Jeffreys; "
        "Population Stability Index; PSI; Margin of Conservatism; MoC; Basel III; IFRS 9; "
        "Oxford Economics; Vasicek; SAS Viya; H2O; SHAP",
    ),
    (
        "dpia-customer-analytics.docx",
        """Data Protection Impact Assessment: customer analytics platform

Legal basis
Processing relies on legitimate interest under Article 6(1)(f) of the General Data Protection Regulation (GDPR); the balancing test is attached. Special category data is not processed.

International transfers
Data is stored in Germany and replicated to Finland. Support staff in India and in the
Philippines have remote access, covered by the Standard Contractual Clauses (SCCs) and a
Transfer Impact Assessment (TIA). Transfers to the United States rely on the EU-US Data Privacy Framework. Switzerland and Japan have adequacy decisions.

Risks and measures
Re-identification risk is reduced with k-anonymity and pseudonymisation in the Privitar
layer. The Records of Processing Activities (RoPA) are kept in OneTrust.

Consultation
The Data Protection Officer (DPO) was consulted; the Information Commissioner's Office (ICO)
and the Datatilsynet guidance were reviewed. Prior consultation is not required.
""",
        "General Data Protection Regulation; GDPR; Germany; Finland; India; Philippines; "
        "Standard Contractual Clauses; SCCs; Transfer Impact Assessment; TIA; United States; "
        "Data Privacy Framework; Switzerland; Japan; Privitar; Records of Processing Activities; "
        "RoPA; OneTrust; Data Protection Officer; DPO; Information Commissioner's Office; ICO; "
        "Datatilsynet",
    ),
    (
        "ransomware-response-runbook.md",
        """# Ransomware response runbook

## Detect
Alerts come from CrowdStrike Falcon and Microsoft Defender for Endpoint into Sentinel.
Triage maps the behaviour to MITRE ATT&CK techniques (T1486 Data Encrypted for Impact).

## Contain
Isolate hosts from the Falcon console; disable the affected accounts in Active Directory and
revoke tokens in Entra ID. Block indicators on the Palo Alto firewalls.

## Eradicate and recover
Restore from the immutable Veeam repository after the Computer Security Incident Response Team (CSIRT) confirms the clean point. Rebuild domain controllers following the Microsoft
Tiering Model. Follow NIST SP 800-61 for evidence handling; keep the chain of custody.

## Notify
The Crisis Management Team decides on notification to the regulator within 72 hours and to
the National Cyber Security Centre (NCSC). Incident commander on call: {p1}.
""",
        "CrowdStrike Falcon; Microsoft Defender for Endpoint; Sentinel; MITRE ATT&CK; "
        "Data Encrypted for Impact; Falcon; Active Directory; Entra ID; Palo Alto; Veeam; "
        "Computer Security Incident Response Team; CSIRT; Tiering Model; NIST; "
        "Crisis Management Team; National Cyber Security Centre; NCSC",
    ),
    (
        "kaizen-event-summary.txt",
        """Kaizen event summary: final assembly line 3

Goal
Reduce changeover time on the torque station using Single-Minute Exchange of Die (SMED).

Method
The team walked the gemba, built a Value Stream Map and separated internal from external
setup. Overall Equipment Effectiveness (OEE) was measured before and after with the
Andon data from the Manufacturing Execution System (MES). Defects were analysed with a
Pareto chart and the DMAIC cycle of Lean Six Sigma.

Results
Changeover fell from 42 to 11 minutes. Takt time is now met on every shift. Poka-Yoke
fixtures were added to the screw feeder; the 5S audit score rose to 4.2.

Sustain
Standard Work sheets are posted at the station, and the Plan-Do-Check-Act (PDCA) board is
reviewed at the daily Tier 2 meeting. Facilitator: {p2:family}.
""",
        "Single-Minute Exchange of Die; SMED; Value Stream Map; "
        "Overall Equipment Effectiveness; OEE; Andon; Manufacturing Execution System; MES; "
        "Pareto; DMAIC; Lean Six Sigma; Takt; Poka-Yoke; Standard Work; Plan-Do-Check-Act; "
        "PDCA; Tier 2",
    ),
    (
        "rf-coverage-planning-notes.md",
        """# RF coverage planning notes

Propagation is predicted with the Okumura-Hata model for urban macro cells and the COST 231
Walfisch-Ikegami model for street canyons; indoor loss follows ITU-R P.2109. Planning runs
in Atoll with the clutter data from the national mapping agency.

## Link budget
The Maximum Allowable Path Loss (MAPL) assumes 46 dBm per port and a 3 dB body loss. Fading
margins use the Rayleigh distribution for non line of sight and the Rician distribution
where a direct path exists; shadowing is log-normal.

## Drive test
Drive tests with TEMS Investigation measure RSRP and SINR; the results are compared with the
prediction in MapInfo. Interference hunting uses a Keysight FieldFox analyser.

## Standards
Frequencies follow the 3GPP band plan (n78 for 5G NR) and the national regulator's licence
conditions.
""",
        "Okumura-Hata; COST 231; Walfisch-Ikegami; ITU-R; Atoll; Maximum Allowable Path Loss; "
        "MAPL; Rayleigh; Rician; TEMS Investigation; RSRP; SINR; MapInfo; Keysight FieldFox; "
        "3GPP; NR",
    ),
    (
        "flood-risk-gis-method.docx",
        """Flood risk mapping: GIS method statement

Data
Terrain from the LiDAR Digital Terrain Model (DTM) at 1 m resolution; rainfall from the
Flood Estimation Handbook (FEH). Land cover from CORINE and OpenStreetMap.

Hydraulics
Two-dimensional modelling in HEC-RAS with the Manning roughness values from the Chow tables;
culverts are checked in Flood Modeller. Peak flows use the ReFH2 method and the Gumbel
distribution for annual maxima.

Processing
Layers are prepared in QGIS and ArcGIS Pro; interpolation of gauged levels uses Inverse Distance Weighting (IDW) and Ordinary Kriging. All layers are projected to the British National Grid (EPSG:27700).

Review
Outputs are checked by the Lead Local Flood Authority (LLFA) and published on the Flood Map for Planning.
""",
        "LiDAR; Digital Terrain Model; DTM; Flood Estimation Handbook; FEH; CORINE; "
        "OpenStreetMap; HEC-RAS; Manning; Chow; Flood Modeller; ReFH2; Gumbel; QGIS; "
        "ArcGIS Pro; Inverse Distance Weighting; IDW; Ordinary Kriging; British National Grid; "
        "Lead Local Flood Authority; LLFA; Flood Map for Planning",
    ),
    (
        "wage-elasticity-working-paper.md",
        """# Working paper: minimum wage and employment in retail

## Identification
We use a difference-in-differences design with the Callaway-Sant'Anna estimator for staggered
adoption, and a synthetic control as a check. Standard errors are clustered by county; for
the time series we report Newey-West errors.

## Data
Employment comes from the Quarterly Census of Employment and Wages (QCEW) of the Bureau of Labor Statistics (BLS), and wages from the Current Population Survey (CPS). Estimation runs
in Stata 18 with reghdfe and in R with fixest.

## Robustness
Unit roots are tested with the Augmented Dickey-Fuller test and the Phillips-Perron test; a
Chow test finds no structural break. Placebo tests use the event study plots of the
Sun-Abraham estimator. Instruments pass the Hansen J test and the Kleibergen-Paap statistic.
""",
        "Callaway-Sant'Anna; Newey-West; Quarterly Census of Employment and Wages; QCEW; "
        "Bureau of Labor Statistics; BLS; Current Population Survey; CPS; Stata; reghdfe; "
        "fixest; Augmented Dickey-Fuller; Phillips-Perron; Chow; Sun-Abraham; Hansen; "
        "Kleibergen-Paap",
    ),
    (
        "bim-execution-plan.txt",
        """BIM Execution Plan (BEP)

Standards
Information management follows ISO 19650 parts 1 and 2. Naming follows the UK BIM Framework;
the Common Data Environment (CDE) is Autodesk Construction Cloud.

Models
Architectural models in Revit, structure in Tekla Structures, services in Revit MEP. Models
are federated weekly in Navisworks; clash detection results go to BIMcollab as BCF issues.
Classification uses Uniclass 2015. Exchange with the client is in IFC 4.

Levels of information
The Level of Information Need is defined per stage of the RIBA Plan of Work. Asset data is
delivered in COBie at handover for the Computer-Aided Facility Management (CAFM) system.

Roles
The Information Manager maintains the Master Information Delivery Plan (MIDP) and the
Task Information Delivery Plans (TIDPs); the Lead Appointed Party signs off each exchange.
""",
        "BIM; BEP; ISO 19650; UK BIM Framework; Common Data Environment; CDE; "
        "Autodesk Construction Cloud; Revit; Tekla Structures; Revit MEP; Navisworks; BIMcollab; "
        "BCF; Uniclass; IFC; Level of Information Need; RIBA Plan of Work; COBie; "
        "Computer-Aided Facility Management; CAFM; Information Manager; "
        "Master Information Delivery Plan; MIDP; TIDPs; Lead Appointed Party",
    ),
    (
        "equine-anaesthesia-protocol.pdf",
        """Equine general anaesthesia protocol

Pre-anaesthetic assessment
Every horse is scored on the American Society of Anesthesiologists (ASA) physical status
scale. Packed cell volume and total protein are measured on the IDEXX analyser.

Premedication and induction
Sedation with an alpha-2 agonist; induction with ketamine and diazepam in the padded box.
Maintenance with isoflurane through the Mallard large animal circuit; ventilation with the
Hallowell ventilator when end-tidal carbon dioxide rises.

Monitoring
Direct arterial pressure through the facial artery, pulse oximetry and capnography on the
Datex-Ohmeda monitor. Depth is judged by the palpebral reflex and nystagmus.

Recovery
Recovery in a padded box with head and tail ropes; the recovery is scored on the Donaldson
scale and recorded in the Vetstoria record. The Royal College of Veterinary Surgeons (RCVS)
Practice Standards Scheme audit checks this protocol.
""",
        "American Society of Anesthesiologists; ASA; IDEXX; Mallard; Hallowell; Datex-Ohmeda; "
        "Donaldson; Vetstoria; Royal College of Veterinary Surgeons; RCVS; "
        "Practice Standards Scheme",
    ),
    (
        "hplc-method-validation.md",
        """# HPLC method validation: assay of the active substance

## Chromatography
Column Waters XBridge C18, 150 x 4.6 mm, 3.5 micrometre; mobile phase acetonitrile and
phosphate buffer. The system runs on an Agilent 1260 Infinity II with OpenLab CDS.

## Validation characteristics
Following ICH Q2(R2): specificity, linearity, accuracy, precision, range and robustness.
Linearity was evaluated by least squares with the Mandel fitting test; outliers by the
Grubbs test and the Dixon Q test. System suitability uses the USP tailing factor and the
plate count by the half-height method.

## Robustness
A Plackett-Burman design varied flow, temperature and pH; effects were assessed with Pareto
plots in Minitab and with Design-Expert for the response surface (Box-Behnken design).

## Reporting
Results are reviewed by the Analytical Development group and the Quality Assurance unit, and
filed in LabWare LIMS with the raw data from Empower.
""",
        "HPLC; Waters XBridge; Agilent; OpenLab CDS; ICH Q2; Mandel; Grubbs; Dixon; USP; "
        "Plackett-Burman; Pareto; Minitab; Design-Expert; Box-Behnken; Analytical Development; "
        "Quality Assurance; LabWare LIMS; Empower",
    ),
    (
        "okr-planning-guide.md",
        """# Quarterly planning guide

## Frameworks
Product teams write Objectives and Key Results (OKRs); each Key Result is measurable and
has one owner. Opportunities are mapped with the Opportunity Solution Tree, and new bets
start with a Lean Canvas and a Business Model Canvas. Prioritisation uses RICE (Reach,
Impact, Confidence, Effort) and the Kano model; for the roadmap we use the MoSCoW method.

## Rituals
The Product Council reviews the drafts in week two; the Architecture Review Board sees
anything that changes a shared service. Dependencies are tracked in Jira Align and the
roadmap is published in Productboard.

## Metrics
The North Star Metric is weekly active teams. Funnel metrics follow the AARRR model
(Acquisition, Activation, Retention, Referral, Revenue); retention curves come from Amplitude.
""",
        "Objectives and Key Results; OKRs; Key Result; Opportunity Solution Tree; Lean Canvas; "
        "Business Model Canvas; RICE; Kano; MoSCoW; Product Council; "
        "Architecture Review Board; Jira Align; Productboard; North Star Metric; AARRR; "
        "Amplitude",
    ),
    (
        "esg-disclosure-notes.txt",
        """Sustainability disclosure: basis of preparation

Frameworks
The report follows the European Sustainability Reporting Standards (ESRS) under the
Corporate Sustainability Reporting Directive (CSRD), with a reference table to the Global Reporting Initiative (GRI) and to the IFRS S2 climate standard of the International Sustainability Standards Board (ISSB).

Emissions
Scope 1 and Scope 2 emissions follow the Greenhouse Gas Protocol; Scope 3 uses the spend-based
method with the EXIOBASE factors. Targets were validated by the Science Based Targets
initiative (SBTi). Climate scenarios follow the Network for Greening the Financial System
(NGFS) and the Task Force on Climate-related Financial Disclosures (TCFD).

Materiality
The double materiality assessment was reviewed by the Sustainability Committee of the
Board. Operations in Norway, Vietnam and Kenya were in scope; Africa and South America
are reported as one segment.
""",
        "European Sustainability Reporting Standards; ESRS; "
        "Corporate Sustainability Reporting Directive; CSRD; Global Reporting Initiative; GRI; "
        "IFRS S2; International Sustainability Standards Board; ISSB; Greenhouse Gas Protocol; "
        "EXIOBASE; Science Based Targets; SBTi; Network for Greening the Financial System; "
        "NGFS; Task Force on Climate-related Financial Disclosures; TCFD; "
        "Sustainability Committee; Norway; Vietnam; Kenya; Africa; South America",
    ),
    (
        "signal-processing-lab-guide.md",
        """# Signal processing lab guide

Spectra are computed with the Fast Fourier Transform (FFT) after a Hann window; Welch's method
averages the periodograms. Filters are designed with the Parks-McClellan algorithm or as
Butterworth and Chebyshev filters; the Nyquist rate sets the minimum sampling frequency.

Time-frequency analysis uses the Short-Time Fourier Transform (STFT) and the Hilbert
transform for the envelope. Adaptive filtering uses the Least Mean Squares (LMS) algorithm and
the Kalman filter for tracking.

Recording is done with an Analog Discovery 3 and a HackRF One; analysis in MATLAB with the
Signal Processing Toolbox or in Python with SciPy. The Goertzel algorithm detects single tones
in the DTMF exercise.
""",
        "Fast Fourier Transform; FFT; Hann; Welch; Parks-McClellan; Butterworth; Chebyshev; "
        "Nyquist; Short-Time Fourier Transform; STFT; Hilbert; Least Mean Squares; LMS; Kalman; "
        "Analog Discovery; HackRF One; MATLAB; Signal Processing Toolbox; SciPy; Goertzel; DTMF",
    ),
)
